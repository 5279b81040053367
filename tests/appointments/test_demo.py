"""Demo content of the permanences (issue 17, « Done when »): two psychologists' weekly
permanences, one by phone in Paris time and one by video in La Réunion time, for the
next four weeks, so that `make run` shows free slots; a second run changes nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from appointments.models import AppointmentType, OpeningRange
from appointments.slots import free_slots
from home.demo.registry import load_demo_content
from relier_site import roles
from tests.db import demo_site as demo_copy

# The group keeps the module on one xdist worker, so the demo is loaded once.
pytestmark = [
    pytest.mark.one_database,
    pytest.mark.django_db,
    pytest.mark.xdist_group("appointments-demo"),
]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, database_template):
    with demo_copy(django_db_blocker, database_template) as output:
        yield output


def snapshot():
    return {
        "types": list(AppointmentType.objects.order_by("pk").values()),
        "ranges": list(OpeningRange.objects.order_by("pk").values()),
        "range_types": list(OpeningRange.types.through.objects.order_by("pk").values()),
    }


def test_two_psychologists_offer_free_slots_for_four_weeks(demo_site, django_user_model):
    psychologists = django_user_model.objects.filter(groups__name=roles.ACCOMPAGNEMENT)
    assert sorted(p.get_full_name() for p in psychologists) == [
        "Psychologue Camille",
        "Psychologue Élise",
    ]
    assert all(p.is_staff and not p.has_usable_password() for p in psychologists)
    now = timezone.now()
    phone = AppointmentType.objects.get(name="Permanence téléphonique jeunes")
    video = AppointmentType.objects.get(name="Permanence visio parents")
    assert (phone.mode, phone.duration, video.mode, video.duration) == (
        "telephone",
        30,
        "visio",
        45,
    )
    for appointment_type, zone in ((phone, "Europe/Paris"), (video, "Indian/Reunion")):
        found = free_slots(appointment_type, now, now + timedelta(weeks=4), now=now)
        assert len(found) > 10, appointment_type.name
        assert {slot.timezone for slot in found} == {zone}
        assert found[-1].start - found[0].start > timedelta(weeks=3)


def test_a_second_run_changes_nothing(demo_site):
    before = snapshot()
    result = load_demo_content()
    assert result.added.get("appointments") is None
    assert snapshot() == before
