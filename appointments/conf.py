"""Settings of the appointments app (the psychologists' permanences), read as
`conf.NAME`.

A person may cancel their own appointment until CANCEL_HOURS_BEFORE hours before it
(staff may cancel at any time); the links of its emails last LINK_MAX_AGE_DAYS days.
The reminders leave REMINDER_HOURS hours before it (« 48,2 »: two reminders, moved out
of the night by appointments.emails.reminder_time).
The professional who referred a young person may book their first slot for
REFERRAL_LINK_HOURS hours after the referral (the link of its confirmation page).
A slot freed and offered from the waiting list is held OFFER_HOLD_HOURS hours for the
person it is offered to. Appointments are anonymised RETENTION_MONTHS months after they
took place, waiting requests WAITING_RETENTION_MONTHS months after their last change
(appointments.retention). Waiting requests accepted per hour from one client address:
WAITING_LIMIT_PER_ADDRESS, and per email or phone typed: WAITING_LIMIT_PER_CONTACT.
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
    # How long the link of a referral's confirmation page lets its referrer book the
    # young person's first slot.
    REFERRAL_LINK_HOURS=env_int("APPOINTMENTS_REFERRAL_LINK_HOURS", 24),
    OFFER_HOLD_HOURS=env_int("APPOINTMENTS_OFFER_HOLD_HOURS", 12),
    RETENTION_MONTHS=env_int("APPOINTMENTS_RETENTION_MONTHS", 12),
    WAITING_RETENTION_MONTHS=env_int("APPOINTMENTS_WAITING_RETENTION_MONTHS", 3),
    WAITING_LIMIT_PER_ADDRESS=env_int("APPOINTMENTS_WAITING_LIMIT_PER_ADDRESS", 100),
    WAITING_LIMIT_PER_CONTACT=env_int("APPOINTMENTS_WAITING_LIMIT_PER_CONTACT", 5),
)
