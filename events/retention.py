"""Retention of the registrations: the policy. The nightly job
`events_registration_retention` is `services.anonymise_expired`, which applies it.

EVENTS_RETENTION_MONTHS (12) months after the end of its session, a registration is
anonymised: name or pseudonym, email, phone, organisation and agency are blanked, the
exact age becomes an age band (the shared scale, home.vocabulary.AgeBand), the
cancellation links die (nonce cleared) and every email about it leaves the outbox
(`relier_site.mail.outbox.purge`). What the attendance statistics read stays: status,
attendance, age band, the dates, the session. Cancelled registrations are anonymised on
the same schedule.
"""

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from home.vocabulary import age_band_case

from .conf import conf
from .models import Registration

CHUNK = 500


def retention_limit(now=None):
    """Registrations of sessions that ended before this moment are anonymised."""
    return (now or timezone.now()) - relativedelta(months=conf.RETENTION_MONTHS)


def age_band_expression():
    """The age band of each row, computed by the database from its age (a row without
    an age keeps the band it has)."""
    return age_band_case("age", default="age_band")


def due_registrations(now=None):
    return Registration.objects.filter(
        anonymised_at__isnull=True, session__end__lt=retention_limit(now)
    )
