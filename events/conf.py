"""Settings of the events app (README « Configuration »), read as `conf.NAME`.

The reminder leaves REMINDER_HOURS_BEFORE hours before a session (0: the day before at
9:00, in the session's time zone); self-cancellation links expire after
CANCEL_LINK_MAX_AGE_DAYS days. Registrations accepted per hour from one client address
(a France Travail agency of 50 advisers behind one address registering for a webinar):
REGISTRATION_LIMIT_PER_ADDRESS, and per email or phone typed:
REGISTRATION_LIMIT_PER_CONTACT. Staff side: registrations are anonymised
RETENTION_MONTHS after their session; the daily staff digest goes to
STAFF_DIGEST_RECIPIENTS (empty: the Accompagnement group). Each is overridden by the
Django setting `EVENTS_<NAME>` and by the environment variable of that name
(comma-separated addresses for the recipients).
"""

from relier_site.app_settings import AppSettings
from relier_site.settings.env import env_int, env_list

conf = AppSettings(
    "EVENTS",
    REMINDER_HOURS_BEFORE=env_int("EVENTS_REMINDER_HOURS_BEFORE", 0),
    CANCEL_LINK_MAX_AGE_DAYS=env_int("EVENTS_CANCEL_LINK_MAX_AGE_DAYS", 365),
    REGISTRATION_LIMIT_PER_ADDRESS=env_int("EVENTS_REGISTRATION_LIMIT_PER_ADDRESS", 100),
    REGISTRATION_LIMIT_PER_CONTACT=env_int("EVENTS_REGISTRATION_LIMIT_PER_CONTACT", 5),
    RETENTION_MONTHS=env_int("EVENTS_RETENTION_MONTHS", 12),
    STAFF_DIGEST_RECIPIENTS=env_list("EVENTS_STAFF_DIGEST_RECIPIENTS", default=[]),
)
