"""Builders shared by the staff-side tests (lists, exports, digest, retention): an
agenda, events, sessions and registrations saved directly (no email sent)."""

from datetime import timedelta

from django.contrib.auth.models import Permission
from django.utils import timezone

from events.models import AgendaPage, Audience, EventPage, Registration, Session
from relier_site import roles
from tests.factories import StaffFactory

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED

CANARY_NAME = "Canari-Nom-Personnel"
CANARY_EMAIL = "canari.inscrit@example.org"
CANARY_PHONE = "+33611223344"
CANARY_ORGANISATION = "Canari-Structure"
CANARY_AGENCY = "Canari-Agence"
# What must never show where personal data is not allowed (the phone without its last
# two digits: canary_registration numbers them).
CANARIES = (CANARY_NAME, CANARY_EMAIL, CANARY_PHONE[:-2], CANARY_ORGANISATION, CANARY_AGENCY)


def make_agenda(home_page):
    agenda = AgendaPage.objects.first()
    if agenda is None:
        agenda = AgendaPage(title="Agenda", slug="agenda")
        home_page.add_child(instance=agenda)
        agenda.save_revision().publish()
    return agenda


def make_event(
    home_page, *, title="Webinaire France Travail", audiences=("france-travail",), **fields
):
    defaults = {
        "kind": EventPage.Kind.WEBINAR,
        "format": EventPage.Format.ONLINE,
        "registration_profile": EventPage.Profile.PROFESSIONAL,
        "programme": "relier-vers-lemploi",
        "default_capacity": 10,
    }
    event = EventPage(
        title=title,
        audiences=list(Audience.objects.filter(slug__in=audiences)),
        **(defaults | fields),
    )
    make_agenda(home_page).add_child(instance=event)
    event.save_revision().publish()
    return event


def make_session(event, *, start=None, hours=2, capacity=10, **fields):
    start = start or timezone.now() + timedelta(days=3)
    return Session.objects.create(
        event=event, start=start, end=start + timedelta(hours=hours), capacity=capacity, **fields
    )


_counter = {"n": 0}


def make_registration(session, status=CONFIRMED, **fields):
    _counter["n"] += 1
    n = _counter["n"]
    defaults = {
        "name": f"Personne {n}",
        "email": f"personne{n}@example.org",
        "organisation": "France Travail",
        "agency": "Agence de Montreuil",
        "profile": session.event.registration_profile,
    }
    return Registration.objects.create(session=session, status=status, **(defaults | fields))


def canary_registration(session, **fields):
    """A registration whose every personal field holds a canary value (distinct email
    and phone each time: one active registration per address and session)."""
    _counter["n"] += 1
    n = _counter["n"]
    canaries = {
        "name": f"{CANARY_NAME} {n}",
        "email": f"{n}.{CANARY_EMAIL}",
        "phone": f"{CANARY_PHONE[:-2]}{n % 100:02d}",
        "organisation": CANARY_ORGANISATION,
        "agency": CANARY_AGENCY,
    }
    # Driven by the model's declaration: a new personal text field needs its canary.
    text = [name for name in Registration.personal_fields if name != "age"]
    assert set(text) <= set(canaries), "give every personal field of Registration a canary"
    return make_registration(session, **(canaries | fields))


def staff_user(role=None, *, permissions=(), **fields):
    """A staff member with a role, or with only the given permissions."""
    user = StaffFactory(role=role, **fields)
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def accompagnement(**fields):
    return staff_user(roles.ACCOMPAGNEMENT, **fields)
