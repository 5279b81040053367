"""The staff side of the permanences in the admin: the offer edited as snippets (French
messages naming the value, La Réunion said in the lists), the agenda of a day and of a
week, the past appointments whose outcome is still to note, one appointment with its
history, its cancellation by the team and its outcome."""

import json
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from appointments.models import Appointment, AppointmentEvent, OpeningRange
from relier_site import roles
from tests.appointments.helpers import (
    CANCELLED,
    PARIS,
    REUNION,
    make_appointment,
    make_range,
    make_type,
)
from tests.factories import StaffFactory
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

DAY = reverse("appointments_staff:day")
WEEK = reverse("appointments_staff:week")
AWAITING = reverse("appointments_staff:awaiting")


def psychologist(username="claire"):
    return StaffFactory(
        username=username, first_name=username.capitalize(), role=roles.ACCOMPAGNEMENT
    )


def local(day, hour, minute=0, zone=PARIS):
    return datetime.combine(day, time(hour, minute), zone)


def book(appointment_type, person, start, **fields):
    appointment = make_appointment(appointment_type, person, start)
    for name, value in fields.items():
        setattr(appointment, name, value)
    appointment.save()
    return appointment


@pytest.fixture
def claire(home_page):
    return psychologist("claire")


@pytest.fixture
def phone_type():
    return make_type(name="Permanence téléphonique des parents")


@pytest.fixture
def tomorrow():
    return timezone.localdate() + timedelta(days=1)


def test_the_day_list_shows_each_appointment_in_its_zone_and_defaults_to_me(
    client, claire, phone_type, tomorrow
):
    karim = psychologist("karim")
    paris = book(phone_type, claire, local(tomorrow, 17), first_name="Camille", urgent=True)
    reunion = book(phone_type, claire, local(tomorrow, 18, zone=REUNION), first_name="Noé")
    reunion.timezone = REUNION.key
    reunion.save()
    book(phone_type, karim, local(tomorrow, 19), first_name="Inès")
    client.force_login(claire)

    response = client.get(DAY, {"date": tomorrow.isoformat()})

    assert response.status_code == 200
    text = visible_text(response)
    assert f"17:00–17:45 · RDV n° {paris.pk}" in text
    assert f"18:00–18:45 (heure de La Réunion) · RDV n° {reunion.pk}" in text
    assert "Permanence téléphonique des parents · Par téléphone · Camille" in text
    assert "Urgence signalée" in text
    assert "Confirmé" in text
    assert "Inès" not in text  # another psychologist's agenda: not by default
    assert reverse("appointments_staff:appointment", args=[paris.pk]) in response.text

    everyone = visible_text(client.get(DAY, {"date": tomorrow.isoformat(), "psychologue": ""}))
    assert "Par téléphone · Inès · avec Karim" in everyone


def test_a_wrong_filter_is_dropped_and_the_week_lists_every_day(
    client, claire, phone_type, tomorrow
):
    book(phone_type, claire, local(tomorrow, 17), first_name="Camille")
    client.force_login(claire)

    wrong = client.get(DAY, {"date": "31/02/2026", "psychologue": "999999"})
    assert wrong.status_code == 200
    assert timezone.localdate().strftime("%Y") in visible_text(wrong)  # today, the team

    week = visible_text(client.get(WEEK, {"date": tomorrow.isoformat()}))
    assert "Semaine du lundi" in week
    assert "Camille" in week
    assert week.count("Aucun rendez-vous.") == 6


def test_the_agenda_counts_past_appointments_without_an_outcome(client, claire, phone_type):
    yesterday = timezone.localdate() - timedelta(days=1)
    old = book(phone_type, claire, local(yesterday, 9), first_name="Camille")
    noted = book(phone_type, claire, local(yesterday, 11), outcome=Appointment.Outcome.SEEN)
    book(phone_type, claire, local(yesterday, 14), status=CANCELLED)
    client.force_login(claire)

    text = visible_text(client.get(DAY))
    assert "1 rendez-vous passé sans suite notée" in text

    listing = client.get(AWAITING)
    assert reverse("appointments_staff:appointment", args=[old.pk]) in listing.text
    assert reverse("appointments_staff:appointment", args=[noted.pk]) not in listing.text


def test_the_detail_shows_the_person_and_the_history_and_records_an_outcome(
    client, claire, phone_type
):
    yesterday = timezone.localdate() - timedelta(days=1)
    appointment = book(
        phone_type,
        claire,
        local(yesterday, 9),
        first_name="Camille",
        phone="+33612345678",
        email="camille@example.org",
        reason="Des messages blessants.",
    )
    client.force_login(claire)
    url = reverse("appointments_staff:appointment", args=[appointment.pk])

    text = visible_text(client.get(url))
    for value in ("Camille", "+33612345678", "camille@example.org", "Des messages blessants."):
        assert value in text
    assert "Noter la suite" in text

    outcome_url = reverse("appointments_staff:outcome", args=[appointment.pk])
    wrong = client.post(outcome_url, {"outcome": "disparu"})
    assert wrong.status_code == 400
    assert "« disparu » n'est pas une suite possible" in visible_text(wrong)

    response = client.post(outcome_url, {"outcome": "absent"}, follow=True)
    assert f"Suite notée pour le rendez-vous RDV n° {appointment.pk} : Absent·e." in visible_text(
        response
    )
    appointment.refresh_from_db()
    assert appointment.outcome == Appointment.Outcome.NO_SHOW
    entry = AppointmentEvent.objects.get(action=AppointmentEvent.Action.OUTCOME)
    assert entry.actor == claire
    assert "Suite du rendez-vous" in visible_text(client.get(url))
    assert "0 rendez-vous" not in visible_text(client.get(DAY))
    assert "Aucun rendez-vous passé sans suite notée." in visible_text(client.get(DAY))


def test_no_outcome_for_a_future_appointment_and_the_team_cancels_it(
    client, claire, phone_type, tomorrow
):
    appointment = book(phone_type, claire, local(tomorrow, 17))
    client.force_login(claire)
    url = reverse("appointments_staff:appointment", args=[appointment.pk])
    assert "Noter la suite" not in visible_text(client.get(url))

    response = client.post(
        reverse("appointments_staff:outcome", args=[appointment.pk]), {"outcome": "vu"}, follow=True
    )
    assert "La suite d'un rendez-vous se note une fois qu'il a commencé." in visible_text(response)

    cancel_url = reverse("appointments_staff:cancel", args=[appointment.pk])
    unconfirmed = client.post(cancel_url, {})
    assert unconfirmed.status_code == 400
    assert "Cochez la case pour confirmer l'annulation." in visible_text(unconfirmed)

    response = client.post(cancel_url, {"confirm": "on"}, follow=True)
    assert f"Le rendez-vous RDV n° {appointment.pk} est annulé." in visible_text(response)
    appointment.refresh_from_db()
    assert appointment.status == CANCELLED
    assert appointment.outcome == Appointment.Outcome.CANCELLED_BY_TEAM
    assert AppointmentEvent.objects.filter(to_status=CANCELLED, actor=claire).exists()
    assert "Annuler le rendez-vous" not in visible_text(client.get(url))


def test_the_offer_is_edited_in_french_with_the_values_named(client, claire, phone_type):
    make_range(claire, phone_type, zone=REUNION)
    client.force_login(claire)

    listing = visible_text(client.get("/admin/snippets/appointments/openingrange/"))
    assert "Mardi 17:00–20:00 (heure de La Réunion)" in listing

    response = client.post(
        "/admin/snippets/appointments/openingrange/add/",
        {
            "psychologist": claire.pk,
            "weekday": 1,
            "start_time": "18:00",
            "end_time": "17:00",
            "timezone": PARIS.key,
            "valid_from": "2026-09-01",
            "valid_until": "2026-06-30",
            "types": [phone_type.pk],
        },
    )
    text = visible_text(response)
    assert "La fin (17:00) doit être après le début (18:00)." in text
    assert "Le 30/06/2026 est avant la date de début (01/09/2026)" in text
    assert OpeningRange.objects.count() == 1

    response = client.post(
        f"/admin/snippets/appointments/appointmenttype/edit/{phone_type.pk}/",
        {
            "name": phone_type.name,
            "audience": phone_type.audience,
            "mode": phone_type.mode,
            "duration": "0",
            "buffer": "15",
            "minimum_notice_hours": "12",
            "booking_window_days": "28",
            "is_active": "on",
        },
    )
    assert "Une permanence dure au moins 1 minute (vous avez saisi 0)." in visible_text(response)


def test_the_administration_exports_then_erases_the_persons_data(client, claire, phone_type):
    tomorrow = timezone.localdate() + timedelta(days=1)
    appointment = book(
        phone_type, claire, local(tomorrow, 17), first_name="Camille", phone="+33612345678"
    )
    client.force_login(StaffFactory(username="admin-droits", role=roles.ADMINISTRATION))
    detail = reverse("appointments_staff:appointment", args=[appointment.pk])
    assert "Télécharger ses données (accès)" in client.get(detail).content.decode()

    exported = client.post(reverse("appointments_staff:access_export", args=[appointment.pk]))
    assert exported["Content-Type"] == "application/json; charset=utf-8"
    assert f"rendez-vous-{appointment.pk}.json" in exported["Content-Disposition"]
    data = json.loads(exported.content)
    assert (data["Prénom ou pseudonyme"], data["Téléphone"]) == ("Camille", "+33612345678")

    erase_url = reverse("appointments_staff:erase", args=[appointment.pk])
    refused = client.post(erase_url, {})
    assert refused.status_code == 400
    assert "Cochez la case pour confirmer l'effacement." in visible_text(refused.content)
    assert client.post(erase_url, {"confirm": "on"}).status_code == 302

    appointment.refresh_from_db()
    assert (appointment.first_name, appointment.phone) == ("", "")
    actions = set(appointment.history.values_list("action", flat=True))
    assert {AppointmentEvent.Action.EXPORTED, AppointmentEvent.Action.ERASED} <= actions
    assert "Télécharger ses données" not in client.get(detail).content.decode()


def test_a_psychologist_has_no_erasure_button(client, claire, phone_type):
    tomorrow = timezone.localdate() + timedelta(days=1)
    appointment = book(phone_type, claire, local(tomorrow, 17), first_name="Camille")
    client.force_login(claire)
    page = client.get(reverse("appointments_staff:appointment", args=[appointment.pk]))
    assert "Effacer ses données" not in page.content.decode()
    erase = client.get(reverse("appointments_staff:erase", args=[appointment.pk]))
    assert erase.status_code == 403
