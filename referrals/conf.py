"""Settings of the referrals app (README « Configuration »), read as `conf.NAME`.

A request is anonymised RETENTION_MONTHS after its last activity. The three forms
together accept, per LIMIT_WINDOW_SECONDS, LIMIT_PER_ADDRESS requests from one client
address (an agency of 50 advisers behind one address) and LIMIT_PER_CONTACT about one
contact (the same email or phone); urgent requests are never refused. Staff side: a
request still « Nouvelle » after REMINDER_WORKING_DAYS French working days is overdue
(the routing group is reminded once a day); the referrer's follow-up link works for
FOLLOWUP_LINK_DAYS days. Each is overridden by the Django setting `REFERRALS_<NAME>`;
all but the window also by the environment variable of that name.
"""

from relier_site.app_settings import AppSettings
from relier_site.settings.env import env_int

conf = AppSettings(
    "REFERRALS",
    RETENTION_MONTHS=env_int("REFERRALS_RETENTION_MONTHS", 24),
    LIMIT_PER_ADDRESS=env_int("REFERRALS_LIMIT_PER_ADDRESS", 200),
    LIMIT_PER_CONTACT=env_int("REFERRALS_LIMIT_PER_CONTACT", 5),
    LIMIT_WINDOW_SECONDS=3600,
    REMINDER_WORKING_DAYS=env_int("REFERRALS_REMINDER_WORKING_DAYS", 2),
    FOLLOWUP_LINK_DAYS=env_int("REFERRALS_FOLLOWUP_LINK_DAYS", 90),
)
