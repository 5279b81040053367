"""Booking, cancelling and noting the outcome (appointments.services), each change
following the one table of appointments.workflow and written to the history."""

import pytest

from appointments import services, workflow
from appointments.models import Appointment, AppointmentEvent
from appointments.slots import free_slots
from relier_site.history import HistoryEntry
from tests.appointments.helpers import (
    CANCELLED,
    CONFIRMED,
    PERSON,
    REUNION,
    at,
    make_psychologist,
    make_range,
    make_type,
)

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

NOW = at(2026, 6, 1, 12)
SLOT = at(2026, 6, 9, 18, 0)


def day_starts(appointment_type, now=NOW):
    found = free_slots(appointment_type, at(2026, 6, 9, 0), at(2026, 6, 10, 0), now=now)
    return [f"{slot.local_start:%H:%M}" for slot in found]


def test_the_table_allows_the_life_of_an_appointment_and_nothing_else():
    assert {(t.source, t.target) for t in workflow.TRANSITIONS} == {
        (workflow.NEW, CONFIRMED),
        (CONFIRMED, CANCELLED),
    }
    with pytest.raises(workflow.TransitionNotAllowed) as error:
        workflow.check(CANCELLED, CONFIRMED)
    assert str(error.value) == "Un rendez-vous « Annulé » ne peut pas passer à « Confirmé »."
    assert issubclass(AppointmentEvent, HistoryEntry)


def test_booking_stores_the_appointment_and_its_history(psychologist, phone_type):
    appointment = services.book(phone_type, psychologist, SLOT, PERSON, urgent=True, now=NOW)
    appointment.refresh_from_db()
    assert (appointment.status, appointment.start, appointment.end) == (
        CONFIRMED,
        SLOT,
        at(2026, 6, 9, 18, 45),
    )
    assert (appointment.first_name, appointment.phone, appointment.urgent) == (
        "Camille",
        "+33612345678",
        True,
    )
    assert appointment.timezone == "Europe/Paris"
    assert [(e.action, e.to_status, e.note) for e in appointment.history.all()] == [
        (AppointmentEvent.Action.CREATED, CONFIRMED, "Rendez-vous pris")
    ]
    assert appointment.history.get().subject_label == f"n° {appointment.pk}"
    assert day_starts(phone_type) == ["17:00", "19:00"]


def test_a_reunion_appointment_keeps_its_zone(psychologist):
    appointment_type = make_type(name="Permanence de La Réunion")
    make_range(psychologist, appointment_type, zone=REUNION)
    start = at(2026, 6, 9, 17, 0, zone=REUNION)
    appointment = services.book(appointment_type, psychologist, start, PERSON, now=NOW)
    assert appointment.timezone == "Indian/Reunion"
    assert appointment.timezone_label == "heure de La Réunion"
    assert f"{appointment.local_start:%H:%M}" == "17:00"


def test_a_slot_taken_twice_gives_one_appointment(psychologist, phone_type):
    services.book(phone_type, psychologist, SLOT, PERSON, now=NOW)
    with pytest.raises(services.SlotUnavailable) as error:
        services.book(phone_type, psychologist, SLOT, {"first_name": "Sam"}, now=NOW)
    assert "vient d'être pris" in str(error.value)
    assert Appointment.objects.count() == 1


@pytest.mark.parametrize(
    "start",
    [
        at(2026, 6, 9, 18, 30),  # not on the grid of the range
        at(2026, 6, 10, 18, 0),  # a Wednesday: no range
        at(2026, 7, 14, 18, 0),  # a public holiday, beyond the window too
        at(2026, 6, 1, 18, 0),  # closer than the minimum notice
    ],
)
def test_a_time_that_is_no_free_slot_is_refused(psychologist, phone_type, start):
    with pytest.raises(services.SlotUnavailable):
        services.book(phone_type, psychologist, start, PERSON, now=NOW)
    assert not Appointment.objects.exists()


def test_a_double_submission_gives_the_first_appointment(psychologist, phone_type):
    first = services.book(phone_type, psychologist, SLOT, PERSON, submission_key="k1", now=NOW)
    again = services.book(phone_type, psychologist, SLOT, PERSON, submission_key="k1", now=NOW)
    assert again.pk == first.pk
    assert Appointment.objects.count() == 1


def test_a_cancelled_slot_is_bookable_again_at_once(psychologist, phone_type):
    first = services.book(phone_type, psychologist, SLOT, PERSON, now=NOW)
    services.cancel(first, now=NOW)
    assert day_starts(phone_type) == ["17:00", "18:00", "19:00"]
    second = services.book(phone_type, psychologist, SLOT, {"first_name": "Sam"}, now=NOW)
    first.refresh_from_db()
    assert (first.status, first.outcome, first.cancelled_at) == (
        CANCELLED,
        Appointment.Outcome.EXCUSED,
        NOW,
    )
    assert second.status == CONFIRMED
    assert [(e.from_status, e.to_status, e.note, e.actor) for e in first.history.all()][1:] == [
        (CONFIRMED, CANCELLED, "Annulation", None)
    ]


def test_the_person_cancels_until_four_hours_before_staff_at_any_time(psychologist, phone_type):
    staff = make_psychologist("coordinatrice")
    appointment = services.book(phone_type, psychologist, SLOT, PERSON, now=NOW)
    with pytest.raises(services.CancellationRefused):
        services.cancel(appointment, now=at(2026, 6, 9, 14, 30))
    appointment.refresh_from_db()
    assert appointment.status == CONFIRMED
    services.cancel(appointment, now=at(2026, 6, 9, 14, 0))
    appointment.refresh_from_db()
    assert appointment.status == CANCELLED
    with pytest.raises(workflow.TransitionNotAllowed):
        services.cancel(appointment, by=staff, now=NOW)

    other = services.book(phone_type, psychologist, SLOT, PERSON, now=NOW)
    services.cancel(other, by=staff, now=at(2026, 6, 9, 17, 55))
    other.refresh_from_db()
    assert (other.status, other.outcome) == (CANCELLED, Appointment.Outcome.CANCELLED_BY_TEAM)
    assert other.history.last().actor == staff


def test_staff_note_the_outcome_of_an_appointment_that_has_begun(psychologist, phone_type):
    staff = make_psychologist("coordinatrice")
    appointment = services.book(phone_type, psychologist, SLOT, PERSON, now=NOW)
    with pytest.raises(ValueError, match="une fois qu'il a commencé"):
        services.record_outcome(appointment, "vu", by=staff, now=NOW)
    services.record_outcome(appointment, "absent", by=staff, now=at(2026, 6, 9, 19, 0))
    appointment.refresh_from_db()
    assert appointment.outcome == Appointment.Outcome.NO_SHOW
    assert appointment.history.last().note == "Absent·e"
