"""Reading what the agenda produced: outbox rows, their .ics parts, links in emails."""

import re

from icalendar import Calendar

from events.models import Registration
from relier_site.mail.outbox import emails_about


def mails_of(registration, reason=None):
    rows = emails_about(registration)
    if reason:
        rows = rows.filter(reason_key__startswith=f"registration:{registration.pk}:{reason}")
    return list(rows)


def ics_of(mail):
    """(content type, parsed Calendar) of the one .ics attachment of an outbox row."""
    (attachment,) = [a for a in mail.attachments.all() if a.filename.endswith(".ics")]
    return attachment.content_type, Calendar.from_ical(bytes(attachment.content))


def cancel_path(mail):
    match = re.search(r"https?://[^/\s]+(/agenda/annulation/[^/\s\"<]+/)", mail.body_text)
    assert match, mail.body_text
    return match.group(1)


def register_form(profile="professionnel", **overrides):
    data = {
        "professionnel": {
            "name": "Camille Martin",
            "organisation": "France Travail",
            "agency": "Agence de Saint-Denis",
            "email": "camille.martin@example.org",
        },
        "jeune": {"name": "Étoile93", "age": "17", "email": "etoile@example.org", "phone": ""},
        "parent": {"name": "Nadia", "email": "nadia@example.org"},
    }[profile]
    return data | overrides


def only_registration():
    (registration,) = Registration.objects.all()
    return registration


def open_cancel_link(client, path):
    """Open an emailed cancel link as a browser does: it lands, then 303 to the
    confirmation step without the token."""
    return client.get(path, follow=True)


def confirm_cancel(client, shown):
    """Press « Oui, annuler mon inscription » on the confirmation step `shown`."""
    match = re.search(r'name="inscription" value="(\d+)"', shown.content.decode())
    assert match, shown.content.decode()
    return client.post("/agenda/annulation/", {"inscription": match.group(1)}, follow=True)


def cancel_by_link(client, path):
    return confirm_cancel(client, open_cancel_link(client, path))
