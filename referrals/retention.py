"""How long requests are kept, and what erasure blanks: the policy. The services apply
it: `services.anonymise_expired` (the nightly job « referral_retention ») and
`services.erase` (a staff action).

Every night, a request whose last
activity is more than REFERRALS_RETENTION_MONTHS months old (24) is anonymised: every
personal field is blanked, the notes of its history too, and its emails leave the outbox
(relier_site.mail.outbox.purge). What the statistics count stays: kind, programme, type of the
referring organisation, département, age band, status, dates.

The right to erasure (`services.erase`) does the same at once, and records who did
it; the row that remains holds nothing personal.
"""

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from relier_site.personal_data import blank_values

from .conf import conf
from .models import Referral

# Blanked on anonymisation and erasure: the personal fields the model declares
# (Referral.personal_fields), each set to its blank value. Kept: kind, status, programme,
# programme_format, departement, age_band, requester, organisation_type,
# intervention_type, urgent, dates.
BLANKED_FIELDS = blank_values(Referral)


def retention_limit(now=None):
    now = now or timezone.now()
    return now - relativedelta(months=conf.RETENTION_MONTHS)
