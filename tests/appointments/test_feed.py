"""The psychologist's private, revocable calendar feed: the admin page « Mon agenda dans
mon calendrier » creates, replaces and revokes the link; /permanences/agenda/<token>.ics
serves her confirmed appointments (future and last 30 days) with a reference and the
mode only, answers 404 to an unknown or revoked token, 304 to a calendar that already
has this version, and gzip to one that asks for it."""

import gzip
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from appointments import services
from appointments.models import AgendaFeed
from relier_site import roles
from relier_site.links import absolute_url
from tests.appointments.helpers import CANCELLED, make_appointment, make_type
from tests.factories import StaffFactory
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

PAGE = reverse("appointments_staff:feed")
PERSON = {
    "first_name": "Camille",
    "phone": "+33612345678",
    "email": "camille@example.org",
    "reason": "Des messages blessants.",
}


@pytest.fixture
def claire(home_page):
    return StaffFactory(username="claire", role=roles.ACCOMPAGNEMENT)


@pytest.fixture
def phone_type():
    return make_type()


def appointment(appointment_type, person, start, **fields):
    row = make_appointment(appointment_type, person, start)
    for name, value in (PERSON | fields).items():
        setattr(row, name, value)
    row.save()
    return row


def feed_path(feed):
    return reverse("appointments:psychologist_feed", args=[feed.token])


def summaries(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    calendar = Calendar.from_ical(content)
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT")), content


def test_the_page_creates_shows_replaces_and_revokes_the_link(client, claire):
    client.force_login(claire)
    assert "Vous n'avez pas de lien pour l'instant." in visible_text(client.get(PAGE))

    response = client.post(PAGE, {"action": "creer"}, follow=True)
    feed = AgendaFeed.objects.get(psychologist=claire)
    text = visible_text(response)
    assert "Votre lien d'abonnement est prêt." in text
    https = absolute_url(feed_path(feed))
    assert https.startswith("http")
    assert "webcal://" + https.split("://", 1)[1] in text
    assert f'value="{https}"' in response.text
    assert response.redirect_chain[0][1] == 302
    assert "no-store" in client.get(PAGE)["Cache-Control"]
    assert client.get(feed_path(feed)).status_code == 200

    old = feed_path(feed)
    client.post(PAGE, {"action": "renouveler"})
    feed.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(feed_path(feed)).status_code == 200

    client.post(PAGE, {"action": "revoquer"})
    assert not AgendaFeed.objects.exists()
    assert client.get(feed_path(feed)).status_code == 404
    assert client.get("/permanences/agenda/inconnu.ics").status_code == 404


def test_only_a_psychologist_gets_a_link(client, home_page):
    client.force_login(StaffFactory(role=roles.ADMINISTRATION))
    assert "réservé aux psychologues" in visible_text(client.get(PAGE))
    assert client.post(PAGE, {"action": "creer"}).status_code == 403
    assert not AgendaFeed.objects.exists()


def test_the_feed_carries_her_confirmed_appointments_with_a_reference_and_the_mode(
    client, claire, phone_type
):
    now = timezone.now()
    karim = StaffFactory(username="karim", role=roles.ACCOMPAGNEMENT)
    soon = appointment(phone_type, claire, now + timedelta(days=2))
    recent = appointment(phone_type, claire, now - timedelta(days=10))
    appointment(phone_type, claire, now - timedelta(days=40))  # too old
    appointment(phone_type, claire, now + timedelta(days=3), status=CANCELLED)
    appointment(phone_type, karim, now + timedelta(days=2, hours=2))  # not hers
    feed = services.create_feed(claire)

    response = client.get(feed_path(feed))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found, content = summaries(response)
    assert found == sorted([f"RDV n° {soon.pk}", f"RDV n° {recent.pk}"])
    assert b"Par t\xc3\xa9l\xc3\xa9phone" in content
    for value in PERSON.values():
        assert value.encode() not in content.replace(b"\r\n ", b"")


def test_conditional_get_and_gzip(client, claire, phone_type):
    soon = appointment(phone_type, claire, timezone.now() + timedelta(days=2))
    feed = services.create_feed(claire)
    first = client.get(feed_path(feed))
    assert first["ETag"] and first["Last-Modified"]

    again = client.get(feed_path(feed), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304

    zipped = client.get(feed_path(feed), headers={"Accept-Encoding": "gzip"})
    assert zipped["Content-Encoding"] == "gzip"
    assert f"RDV n° {soon.pk}".encode() in gzip.decompress(zipped.content)

    services.cancel(soon, by=claire)
    changed = client.get(feed_path(feed), headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert summaries(changed)[0] == []
