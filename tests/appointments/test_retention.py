"""Retention of the permanences (issue 17, point 10): appointments are anonymised
APPOINTMENTS_RETENTION_MONTHS (12) months after they took place, waiting requests
APPOINTMENTS_WAITING_RETENTION_MONTHS (3) months after their last change, by the
nightly job; erasure and the access export cover both."""

from datetime import timedelta

import pytest

from appointments import retention, services
from appointments.models import Appointment, AppointmentEvent, SlotOffer, WaitingRequest
from home.legal import retention_periods
from relier_site import scheduling
from relier_site.mail.outbox import OutboundEmail
from tests.appointments.helpers import at, make_psychologist
from tests.appointments.waiting_helpers import ask

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

SLOT = at(2026, 6, 9, 18)  # a Tuesday
BOOKED_ON = at(2026, 6, 1, 12)
PERSON = {
    "first_name": "Camille",
    "age_band": "15-17",
    "phone": "+33612345678",
    "email": "camille@example.org",
    "reason": "Des messages blessants.",
}


def test_an_appointment_is_anonymised_twelve_months_after_it_took_place(psychologist, phone_type):
    appointment = services.book(phone_type, psychologist, SLOT, PERSON, now=BOOKED_ON)
    nonce = appointment.manage_nonce

    assert services.anonymise_expired(now=at(2027, 6, 9, 17)) == 0
    assert services.anonymise_expired(now=at(2027, 6, 9, 19)) == 1
    assert services.anonymise_expired(now=at(2027, 6, 10, 19)) == 0

    appointment.refresh_from_db()
    assert (appointment.first_name, appointment.phone, appointment.email, appointment.reason) == (
        "",
        "",
        "",
        "",
    )
    # What the statistics count stays; the links die.
    assert (appointment.age_band, appointment.status, appointment.start) == (
        "15-17",
        Appointment.Status.CONFIRMED,
        SLOT,
    )
    assert appointment.manage_nonce != nonce and appointment.anonymised_at
    assert appointment.history.last().action == AppointmentEvent.Action.ANONYMISED


def test_a_waiting_request_is_anonymised_three_months_after_its_last_change(
    psychologist, phone_type
):
    waiting_request = ask(phone_type, now=at(2026, 3, 1, 12))
    assert OutboundEmail.objects.filter(to=["attente@example.org"]).exists()
    # An offer on 1 June is a change: three months count from it.
    appointment = services.book(phone_type, psychologist, SLOT, PERSON, now=BOOKED_ON)
    services.cancel(appointment, now=BOOKED_ON)
    services.expire_offers(now=BOOKED_ON + timedelta(hours=13))

    assert services.anonymise_expired(now=at(2026, 9, 1, 12)) == 0
    assert services.anonymise_expired(now=at(2026, 9, 2, 2)) == 1
    waiting_request.refresh_from_db()
    assert (waiting_request.first_name, waiting_request.email) == ("", "")
    assert waiting_request.offers_made == 1  # statistics stay
    # Its emails left the outbox.
    assert not OutboundEmail.objects.filter(to=["attente@example.org"]).exists()


def test_a_slot_held_for_an_anonymised_request_is_passed_on(psychologist, phone_type):
    first = ask(phone_type, now=at(2026, 1, 1, 12))
    appointment = services.book(phone_type, psychologist, SLOT, PERSON, now=BOOKED_ON)
    services.cancel(appointment, now=BOOKED_ON)
    WaitingRequest.objects.filter(pk=first.pk).update(changed_at=at(2026, 1, 1, 12))
    second = ask(phone_type, email="second@example.org", now=BOOKED_ON)
    services.anonymise_expired(now=BOOKED_ON + timedelta(hours=1))
    services.expire_offers(now=BOOKED_ON + timedelta(hours=1))
    assert SlotOffer.objects.get(status=SlotOffer.Status.OPEN).request == second


def test_erasing_a_request_erases_the_appointment_booked_from_it(psychologist, phone_type):
    waiting_request = ask(phone_type, now=BOOKED_ON)
    appointment = services.book(phone_type, psychologist, SLOT, PERSON, now=BOOKED_ON)
    services.cancel(appointment, now=BOOKED_ON)
    booked = services.accept_offer(SlotOffer.objects.get(), now=BOOKED_ON)
    staff = make_psychologist("admin-relier")

    services.erase(waiting_request, actor=staff)

    booked.refresh_from_db()
    assert (booked.email, booked.first_name, booked.status) == ("", "", "confirme")
    entry = booked.history.last()
    assert (entry.action, entry.actor) == (AppointmentEvent.Action.ERASED, staff)
    assert Appointment.objects.get(pk=appointment.pk).email == "camille@example.org"


def test_the_access_export_holds_the_request_and_its_offers(psychologist, phone_type):
    waiting_request = ask(phone_type, [1], now=BOOKED_ON)
    appointment = services.book(phone_type, psychologist, SLOT, PERSON, now=BOOKED_ON)
    services.cancel(appointment, now=BOOKED_ON)
    data = retention.person_data(waiting_request)
    assert data["Courriel"] == "attente@example.org"
    assert data["Jours qui conviennent"] == [1]
    assert [offer["État"] for offer in data["Créneaux proposés"]] == ["En attente de réponse"]
    data = retention.person_data(appointment)
    assert data["Motif"] == "Des messages blessants."
    assert [entry["Action"] for entry in data["Historique"]] == ["Réservation", "Changement d'état"]


def test_the_nightly_maintenance_runs_it_and_the_privacy_policy_says_so(psychologist, phone_type):
    services.book(phone_type, psychologist, SLOT, PERSON, now=BOOKED_ON)
    assert scheduling.daily_jobs()["appointments_retention"] is services.anonymise_expired
    assert scheduling.run_daily_jobs(now=at(2027, 7, 1, 3))["appointments_retention"] == 1
    (row,) = [row for row in retention_periods() if row.data.startswith("Rendez-vous des perm")]
    assert "12\u00a0mois après le rendez-vous" in row.period
    assert "3\u00a0mois après leur dernier changement" in row.period
