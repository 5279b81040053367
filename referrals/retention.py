"""How long requests are kept, and what erasure blanks: the policy. The services apply
it: `services.anonymise_expired` (the nightly job « referral_retention ») and
`services.erase` (a staff action).

Every night, a request whose last
activity is more than REFERRALS_RETENTION_MONTHS months old (24) is anonymised: every
personal field is blanked, the notes of its history too, and its emails leave the outbox
(relier_site.mail.purge). What the statistics count stays: kind, programme, type of the
referring organisation, département, age band, status, dates.

The right to erasure (`services.erase`) does the same at once, and records who did
it; the row that remains holds nothing personal.
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

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
    return now - relativedelta(months=settings.REFERRALS_RETENTION_MONTHS)
