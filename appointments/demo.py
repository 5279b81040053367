"""The permanences' share of the demo content (home.demo.registry): two psychologists
(staff accounts of the Accompagnement role, no real names, no usable password), two
types of permanence (« Permanence téléphonique jeunes », by phone, 30 min; « Permanence
visio parents », by video, 45 min) and their weekly opening ranges for the next four
weeks, one in Paris time and one in La Réunion time, so that `make run` shows free
slots. A second run creates nothing: what exists (found by username, name, or
psychologist, weekday, hours and zone) is kept as it is, editors' changes included.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from relier_site import roles
from relier_site.timezones import PARIS, REUNION

from .models import AppointmentType, OpeningRange, Weekday

# After the pages (0) and the programmes (10): nothing links here yet.
ORDER = 30
WEEKS = 4

PSYCHOLOGISTS = (
    ("psychologue-camille", "Psychologue", "Camille"),
    ("psychologue-elise", "Psychologue", "Élise"),
)

PHONE_YOUTH = {
    "name": "Permanence téléphonique jeunes",
    "audience": AppointmentType.Audience.YOUTH,
    "mode": AppointmentType.Mode.PHONE,
    "duration": 30,
    "buffer": 10,
    "minimum_notice_hours": 12,
    "booking_window_days": 28,
    "intro": (
        "<p>Une psychologue de l'association t'appelle au numéro que tu donnes, à l'heure "
        "choisie, pendant 30 minutes. C'est gratuit et confidentiel.</p>"
    ),
}
VIDEO_PARENTS = {
    "name": "Permanence visio parents",
    "audience": AppointmentType.Audience.PARENTS,
    "mode": AppointmentType.Mode.VIDEO,
    "duration": 45,
    "buffer": 15,
    "minimum_notice_hours": 12,
    "booking_window_days": 28,
    "intro": (
        "<p>Un temps d'écoute de 45 minutes en visio avec une psychologue, pour les "
        "parents inquiets pour leur enfant. Le lien de connexion vous est envoyé avec la "
        "confirmation.</p>"
    ),
}


@dataclass(frozen=True)
class DemoRange:
    username: str
    type_name: str
    weekday: int
    start: datetime.time
    end: datetime.time
    zone: str


RANGES = (
    DemoRange(
        "psychologue-camille", PHONE_YOUTH["name"], Weekday.TUESDAY, (17, 0), (20, 0), PARIS.key
    ),
    DemoRange(
        "psychologue-camille", PHONE_YOUTH["name"], Weekday.THURSDAY, (17, 0), (19, 0), PARIS.key
    ),
    DemoRange(
        "psychologue-elise", VIDEO_PARENTS["name"], Weekday.WEDNESDAY, (14, 0), (18, 0), REUNION.key
    ),
    DemoRange(
        "psychologue-elise", VIDEO_PARENTS["name"], Weekday.SATURDAY, (9, 0), (12, 0), REUNION.key
    ),
)


def load(context):
    result = context.result
    result.describe(
        "appointments", "plage de permanence", "plages de permanence", name="plages de permanence"
    )
    group = Group.objects.filter(name=roles.ACCOMPAGNEMENT).first()
    if group is None:
        result.warnings.append(
            f"le groupe « {roles.ACCOMPAGNEMENT} » n'existe pas : les permanences de "
            "démonstration ne sont pas créées. Lancez « manage.py migrate » puis relancez "
            "la commande."
        )
        return
    people = {
        username: _psychologist(username, first, last, group)
        for username, first, last in PSYCHOLOGISTS
    }
    types = {spec["name"]: _type(spec) for spec in (PHONE_YOUTH, VIDEO_PARENTS)}
    today = timezone.localdate()
    for spec in RANGES:
        if _ensure_range(spec, people[spec.username], types[spec.type_name], today):
            result.count("appointments")


def _psychologist(username, first_name, last_name, group):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "is_staff": True},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.add(group)
    return user


def _type(spec):
    found = AppointmentType.objects.filter(name=spec["name"]).first()
    return found or AppointmentType.objects.create(**spec)


def _ensure_range(spec, psychologist, appointment_type, today):
    """Create the range (today to four weeks on) unless one with the same day, hours and
    zone exists for the psychologist; True when created."""
    same = {
        "psychologist": psychologist,
        "weekday": spec.weekday,
        "start_time": datetime.time(*spec.start),
        "end_time": datetime.time(*spec.end),
        "timezone": spec.zone,
    }
    if OpeningRange.objects.filter(**same).exists():
        return False
    opening_range = OpeningRange.objects.create(
        **same, valid_from=today, valid_until=today + datetime.timedelta(weeks=WEEKS)
    )
    opening_range.types.add(appointment_type)
    return True
