"""Appointments are personal data: Communication gets the French 403 page on every admin
URL of the permanences (the agenda, an appointment and its actions, the calendar link,
the statistics, and the snippets of the offer with their choosers), read from the URL
configuration; Accompagnement opens them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from appointments.models import Appointment
from relier_site import roles
from tests.admin_urls import assert_french_403, walk
from tests.appointments.helpers import make_absence, make_appointment, make_range, make_type
from tests.factories import StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

APPOINTMENT_ROUTES = (
    "admin/permanences/",
    "admin/snippets/appointments/",
    "admin/snippets/choose/appointments/",
)


def appointments_admin_urls(pk, revision_pk=1):
    values = {
        "<int:pk>": str(pk),
        "<str:pk>": str(pk),
        "<int:revision_id>": str(revision_pk),
    }
    urls = []
    for route in walk():
        if not route.startswith(APPOINTMENT_ROUTES):
            continue
        assert "^" not in route, f"{route}: regex URL, teach this test to fill it in"
        for parameter, value in values.items():
            route = route.replace(parameter, value)
        assert "<" not in route, f"{route}: teach this test to fill it in"
        urls.append(f"/{route}")
    return urls


@pytest.fixture
def offer_and_appointment(home_page):
    """One row of every model behind those URLs, all with the same pk (1)."""
    psychologist = StaffFactory(username="claire", role=roles.ACCOMPAGNEMENT)
    appointment_type = make_type()
    make_range(psychologist, appointment_type)
    make_absence(psychologist, timezone.now(), timezone.now() + timedelta(hours=2))
    appointment = make_appointment(
        appointment_type, psychologist, timezone.now() - timedelta(hours=3)
    )
    appointment.first_name = "Canari-prénom"
    appointment.save()
    return appointment


def test_communication_gets_the_french_403_page_on_every_appointments_admin_url(
    client, offer_and_appointment
):
    appointment = offer_and_appointment
    client.force_login(StaffFactory(role=roles.COMMUNICATION))

    urls = appointments_admin_urls(appointment.pk)
    assert "/admin/permanences/agenda/" in urls
    assert len(urls) >= 30
    for url in urls:
        assert "Canari-prénom" not in assert_french_403(client, url), url
    for url in appointments_admin_urls(appointment.pk):
        assert client.post(url).status_code in (403, 405), url
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CONFIRMED
    assert appointment.outcome == ""


def test_accompagnement_opens_the_agenda_the_appointment_and_the_offer(
    client, offer_and_appointment
):
    appointment = offer_and_appointment
    client.force_login(StaffFactory(role=roles.ACCOMPAGNEMENT))
    pages = [
        "/admin/permanences/agenda/",
        "/admin/permanences/agenda/semaine/",
        "/admin/permanences/agenda/sans-suite/",
        f"/admin/permanences/rendez-vous/{appointment.pk}/",
        "/admin/permanences/mon-agenda/",
        "/admin/permanences/statistiques/",
        "/admin/snippets/appointments/appointmenttype/",
        "/admin/snippets/appointments/openingrange/",
        "/admin/snippets/appointments/absence/",
        "/admin/snippets/appointments/openingrange/add/",
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert "Canari-prénom" in client.get(pages[3]).content.decode()
