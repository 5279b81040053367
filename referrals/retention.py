"""How long requests are kept, and erasure on request.

Every night (relier_site.scheduling, job « referral_retention »), a request whose last
activity is more than REFERRALS_RETENTION_MONTHS months old (24) is anonymised: every
personal field is blanked, the notes of its history too, and its emails leave the outbox
(relier_site.mail.outbox.purge). What the statistics count stays: kind, programme, type of the
referring organisation, département, age band, status, dates.

The right to erasure (`erase`, a staff action) does the same at once, and records who did
it; the row that remains holds nothing personal.
"""

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from relier_site.mail.outbox import purge

from .conf import conf
from .models import Referral, ReferralEvent

# Blanked on anonymisation: every field that says who the person or the referrer is, or
# what the young person went through. Kept: kind, status, programme, programme_format,
# departement, age_band, requester, organisation_type, intervention_type, urgent, dates.
BLANKED_FIELDS = {
    "first_name": "",
    "phone": "",
    "email": "",
    "postcode": "",
    "contact_times": "",
    "contact_preference": "",
    "message": "",
    "status_reason": "",
    "concerns": [],
    "age": None,
    "trusted_adult_name": "",
    "trusted_adult_phone": "",
    "referrer_name": "",
    "referrer_role": "",
    "organisation_name": "",
    "agency": "",
    "referrer_email": "",
    "referrer_phone": "",
    "audience": "",
    "audience_size": None,
    "preferred_period": "",
    "possible_duplicate_of": None,
    "assigned_to": None,
}


def retention_limit(now=None):
    now = now or timezone.now()
    return now - relativedelta(months=conf.RETENTION_MONTHS)


def _anonymise(referral, now, *, action, actor=None):
    for name, value in BLANKED_FIELDS.items():
        setattr(referral, name, value)
    referral.anonymised_at = now
    referral.save()
    referral.events.update(note="")
    # A referral that was the original of others: they no longer point at it.
    Referral.objects.filter(possible_duplicate_of=referral).update(possible_duplicate_of=None)
    purge(referral)
    ReferralEvent.objects.create(referral=referral, action=action, actor=actor, at=now)


def apply_retention(*, now=None):
    """Daily job: anonymise the requests past the retention period; returns how many."""
    now = now or timezone.now()
    done = 0
    stale = Referral.objects.filter(
        anonymised_at__isnull=True, last_activity_at__lt=retention_limit(now)
    ).values_list("pk", flat=True)
    for pk in list(stale):
        with transaction.atomic():
            referral = Referral.objects.select_for_update().get(pk=pk)
            _anonymise(referral, now, action=ReferralEvent.Action.ANONYMISED)
        done += 1
    return done


@transaction.atomic
def erase(referral, *, actor, now=None):
    """Right to erasure: blank everything personal about the request now, and log who
    erased it (the event holds no personal value)."""
    now = now or timezone.now()
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    _anonymise(referral, now, action=ReferralEvent.Action.ERASED, actor=actor)
    return referral


@transaction.atomic
def log_access_export(referral, *, actor):
    """Right of access: record who downloaded everything about the person, and when."""
    return ReferralEvent.objects.create(
        referral=referral, action=ReferralEvent.Action.ACCESS_EXPORT, actor=actor
    )
