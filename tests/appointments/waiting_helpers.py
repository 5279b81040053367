"""Builders of the waiting-list tests: a waiting request stored through the service,
and the outbox rows about it."""

import re

from appointments import links, services
from relier_site.mail.outbox import emails_about


def ask(appointment_type, weekdays=(), *, email="attente@example.org", now=None, **person):
    person = {"first_name": "Sam", "age_band": "15-17", "email": email} | person
    return services.ask_for_a_slot(appointment_type, list(weekdays), person, now=now)


def mails_of(waiting_request, reason=None):
    rows = emails_about(waiting_request).order_by("pk")
    if reason:
        rows = rows.filter(reason_key__startswith=f"waitingrequest:{waiting_request.pk}:{reason}")
    return list(rows)


def links_to(waiting_request, text):
    """True when `text` holds a working link to answer `waiting_request` (its token names
    the request and its nonce; compared by content, not as a string: a token signed a
    second later differs)."""
    for token in re.findall(r"/permanences/attente/([^/\s]+)/", text):
        found = links.read_token(token, links.WAITING)
        if found == (waiting_request.pk, waiting_request.manage_nonce):
            return True
    return False
