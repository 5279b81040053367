"""Builders of the waiting-list tests: a waiting request stored through the service,
and the outbox rows about it."""

from appointments import services
from relier_site.mail.outbox import emails_about


def ask(appointment_type, weekdays=(), *, email="attente@example.org", now=None, **person):
    person = {"first_name": "Sam", "age_band": "15-17", "email": email} | person
    return services.ask_for_a_slot(appointment_type, list(weekdays), person, now=now)


def mails_of(waiting_request, reason=None):
    rows = emails_about(waiting_request).order_by("pk")
    if reason:
        rows = rows.filter(reason_key__startswith=f"waitingrequest:{waiting_request.pk}:{reason}")
    return list(rows)
