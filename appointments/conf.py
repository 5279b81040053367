"""Settings of the appointments app (the psychologists' permanences), read as
`conf.NAME`.

A person may cancel their own appointment until CANCEL_HOURS_BEFORE hours before it
(staff may cancel at any time); the links of its emails last LINK_MAX_AGE_DAYS days.
The reminders leave REMINDER_HOURS hours before it (« 48,2 »: two reminders, moved out
of the night by appointments.emails.reminder_time).
Overridden by the Django setting `APPOINTMENTS_<NAME>` and by the environment variable
of that name.
"""

from relier_site.app_settings import AppSettings
from relier_site.settings.env import env, env_int

conf = AppSettings(
    "APPOINTMENTS",
    CANCEL_HOURS_BEFORE=env_int("APPOINTMENTS_CANCEL_HOURS_BEFORE", 4),
    # How long the links of the emails (move, cancel, answer an offer) stay valid.
    LINK_MAX_AGE_DAYS=env_int("APPOINTMENTS_LINK_MAX_AGE_DAYS", 120),
    # Hours before the appointment of each reminder (email, and SMS when chosen),
    # comma-separated; empty: no reminder.
    REMINDER_HOURS=env("APPOINTMENTS_REMINDER_HOURS", "48,2"),
    # Flood limits of the booking form, per hour: per client address, and per email and
    # per phone typed (relier_site.forms.SubmissionLimit).
    BOOKING_LIMIT_PER_ADDRESS=env_int("APPOINTMENTS_BOOKING_LIMIT_PER_ADDRESS", 30),
    BOOKING_LIMIT_PER_CONTACT=env_int("APPOINTMENTS_BOOKING_LIMIT_PER_CONTACT", 4),
)
