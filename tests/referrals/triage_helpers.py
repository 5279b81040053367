"""Requests stored as the public forms store them (referrals.services.submit_referral),
and the staff who handle them, for the triage, export, follow-up and retention tests."""

import uuid
from datetime import datetime

from django.utils import timezone

from referrals import services
from referrals.models import Kind, Referral
from relier_site import roles
from tests.factories import StaffFactory

ORIENTATION = {
    "referrer_name": "Nadia Conseillère",
    "referrer_role": "Conseillère France Travail",
    "organisation_type": "france-travail",
    "organisation_name": "France Travail Île-de-France",
    "agency": "Agence de Bobigny",
    "referrer_email": "nadia.conseillere@francetravail.example",
    "referrer_phone": "+33148123456",
    "first_name": "Sami",
    "age": 19,
    "postcode": "93000",
    "departement": "93",
    "phone": "+33612345678",
    "email": "sami.jeune@example.org",
    "contact_preference": "telephone",
    "contact_times": "En semaine après 17 h",
    "programme": "relier-vers-lemploi",
    "programme_format": "groupes",
    "concerns": ["harcelement-scolaire", "isolement"],
    "message": "Il souhaite reprendre confiance avant ses entretiens.",
    "consent_confirmed": True,
}
CONTACT = {
    "requester": "parent",
    "first_name": "Claire",
    "age": 13,
    "departement": "974",
    "postcode": "97400",
    "phone": "+262692123456",
    "email": "claire.parent@example.org",
    "contact_preference": "telephone",
    "contact_times": "Le mercredi après-midi",
    "concerns": ["cyberviolences"],
    "message": "Ma fille reçoit des messages blessants.",
}
DATA = {Kind.ORIENTATION: ORIENTATION, Kind.CONTACT: CONTACT}


def store(kind=Kind.ORIENTATION, *, created_at=None, **fields):
    """A request stored by the intake service, then dated `created_at` if given."""
    referral = services.submit_referral(
        kind=kind, data={**DATA[kind], **fields}, submission_token=uuid.uuid4().hex
    )
    if created_at is not None:
        Referral.objects.filter(pk=referral.pk).update(
            created_at=created_at, last_activity_at=created_at
        )
        referral.events.update(at=created_at)
        referral.refresh_from_db()
    return referral


def paris(*args):
    """An aware datetime in the site's time zone (Europe/Paris)."""
    return timezone.make_aware(datetime(*args))


def handler(username="accompagnement", **kwargs):
    return StaffFactory(username=username, role=roles.ACCOMPAGNEMENT, **kwargs)


def administrator(username="administration", **kwargs):
    return StaffFactory(username=username, role=roles.ADMINISTRATION, **kwargs)
