"""The professional who refers a young person (`/orienter-un-jeune/`) books the young
person's first permanence slot in the same flow (issue 17 point 8, the RDV-SP
« prescripteur » flow; README « Un rendez-vous pris par la personne qui oriente »):
referral stored and confirmed → link of its confirmation page → the slots of the youth
permanence → a short form → the appointment, stored with the referral's number → the
young person's confirmation → « Rendez-vous pris le … » on the referrer's follow-up
page → the line on the referral's admin page."""

import re
import time
from unittest import mock

import pytest
from django.core import signing
from django.urls import reverse
from django.utils.formats import date_format

from appointments import links
from appointments.forms import AGREED_REQUIRED
from appointments.models import Appointment, AppointmentType
from referrals import followup
from referrals.models import Kind, Referral
from relier_site.models import OutboundEmail
from relier_site.signed_links import PRIVATE
from tests.appointments.helpers import make_type, open_every_day
from tests.html import visible_text
from tests.referrals.conftest import make_form_page, orientation_data, token_of
from tests.referrals.triage_helpers import handler, store

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

LINK_TEXT = "Choisir tout de suite le premier rendez-vous du jeune avec un·e psychologue"
CANARIES = ("Sami", "sami.jeune", "0612345678", "33612345678", "Nadia")
LINK_RE = re.compile(r'<a class="btn btn-primary" href="([^"]+)">' + re.escape(LINK_TEXT))
SLOT_RE = re.compile(r'class="btn btn-outline-primary slot-time" href="([^"]+)"')


@pytest.fixture
def youth_type(home_page, django_user_model):
    """The permanence of the young people, by phone, open every day 9 h–18 h (Paris)."""
    psychologist = django_user_model.objects.create_user(username="psy-claire", first_name="Claire")
    appointment_type = make_type(
        name="Permanence téléphonique des jeunes", audience=AppointmentType.Audience.YOUTH
    )
    open_every_day(psychologist, appointment_type)
    return appointment_type


@pytest.fixture
def orientation_page(home_page):
    return make_form_page(home_page, Kind.ORIENTATION)


def refer(client):
    """The professional sends the orientation form; returns the confirmation page."""
    form = client.get("/orienter-un-jeune/")
    data = orientation_data(submission_token=token_of(form))
    response = client.post("/orienter-un-jeune/", data)
    assert response.status_code == 302
    return client.get(response["Location"])


def assert_private(response):
    assert response["Cache-Control"] == PRIVATE


def assert_no_personal_data(url):
    """The address holds no personal data, nor does its token: the referral's number and
    its random reference only."""
    for canary in CANARIES:
        assert canary.lower() not in url.lower()
    token = url.rstrip("/").rsplit("/", 1)[1]
    payload = signing.loads(token, salt=links.SALT)
    referral = Referral.objects.get()
    assert payload == {"k": links.REFERRAL, "i": referral.pk, "n": referral.reference}


def words(appointment):
    """« mardi 9 juin à 17 h », as a person says it (slots start on the hour)."""
    start = appointment.local_start
    assert start.minute == 0
    return f"{date_format(start, 'l j F')} à {start.hour} h"


def test_the_referrer_books_the_young_persons_first_slot_from_the_confirmation(
    client, orientation_page, youth_type
):
    # 1. The referral is stored and confirmed as before, then offers the booking.
    confirmation = refer(client)
    referral = Referral.objects.get()
    assert "Votre demande est bien arrivée" in visible_text(confirmation)
    assert referral.reference in visible_text(confirmation)
    assert not Appointment.objects.exists()
    found = LINK_RE.search(confirmation.content.decode())
    assert found, "no booking link on the orientation's confirmation"
    link = found.group(1)
    assert_no_personal_data(link)

    landing = client.get(link)
    assert landing.status_code == 303 and landing["Location"] == "/permanences/orientation/"
    assert_private(landing)
    # One permanence for young people: straight to its slots.
    types = client.get("/permanences/orientation/")
    slots_url = reverse("appointments:referral_slots", args=[youth_type.pk])
    assert types.status_code == 303 and types["Location"] == slots_url

    # 2. The slots, then the short form.
    slots = client.get(slots_url)
    assert slots.status_code == 200
    assert_private(slots)
    assert "Choisir le créneau du jeune" in visible_text(slots)
    book_url = SLOT_RE.search(slots.content.decode()).group(1).replace("&amp;", "&")
    assert book_url.startswith(reverse("appointments:referral_book", args=[youth_type.pk]))
    form = client.get(book_url)
    text = visible_text(form)
    assert form.status_code == 200
    assert "Le jeune est d'accord pour ce rendez-vous" in text
    assert "Prénom ou pseudonyme" not in text  # the referral gives it
    creneau = re.search(r'name="creneau" value="([^"]+)"', form.content.decode()).group(1)
    post = {
        "creneau": creneau,
        "call_preference": Appointment.CallPreference.NUMBER_SHOWN,
        "reminder_by_sms": "on",
        "submission": "b" * 32,
    }
    refused = client.post(book_url.split("?")[0], post)
    assert refused.status_code == 200
    assert AGREED_REQUIRED.split(":")[0] in visible_text(refused)
    assert not Appointment.objects.exists()

    booked = client.post(book_url.split("?")[0], post | {"agreed": "on"})
    assert booked.status_code == 303
    assert booked["Location"] == reverse("appointments:referral_confirmation")
    appointment = Appointment.objects.get()
    assert appointment.referral_id == referral.pk and appointment.booked_by_referrer
    assert (appointment.first_name, appointment.phone, appointment.email) == (
        "Sami",
        "+33612345678",
        "sami.jeune@example.org",
    )
    assert appointment.age_band == referral.age_band
    assert appointment.call_preference == Appointment.CallPreference.NUMBER_SHOWN
    assert appointment.reminder_by_sms and not appointment.urgent
    done = client.get(booked["Location"])
    assert_private(done)
    assert f"Rendez-vous pris le {words(appointment)} (heure de Paris)" in visible_text(done)

    # A second visit of the flow shows the appointment instead of booking another.
    again = client.get("/permanences/orientation/")
    assert again["Location"] == reverse("appointments:referral_confirmation")
    client.post(book_url.split("?")[0], post | {"agreed": "on", "submission": "c" * 32})
    assert Appointment.objects.count() == 1

    # 3. The young person gets the confirmation (and SMS reminders, ticked).
    to_young = [
        row
        for row in OutboundEmail.objects.filter(channel=OutboundEmail.Channel.EMAIL)
        if row.to == ["sami.jeune@example.org"]
    ]
    confirmed = [row for row in to_young if row.subject == "Votre rendez-vous est confirmé"]
    assert len(confirmed) == 1
    assert "la personne qui vous a orienté·e" in confirmed[0].body_text
    assert all(row.about_id == appointment.pk for row in to_young)
    sms = OutboundEmail.objects.filter(channel=OutboundEmail.Channel.SMS)
    assert sms.exists() and {tuple(row.to) for row in sms} == {("+33612345678",)}

    # 4. The referrer's follow-up page: the sentence, nothing else personal.
    client.get(reverse("referral_followup", args=[followup.make_token(referral)]))
    status = client.get(reverse("referral_followup_status"))
    text = visible_text(status)
    assert f"Rendez-vous pris le {words(appointment)} (heure de Paris)." in text
    for canary in ("Sami", "sami.jeune", "06 12", "Claire", "Nadia"):
        assert canary not in text

    # 5. Staff see it on the referral's admin page, linked to the agenda's detail.
    client.force_login(handler())
    detail = client.get(reverse("referrals_referral:inspect", args=[referral.pk]))
    assert detail.status_code == 200
    assert f"Rendez-vous de permanence : n° {appointment.pk}, {words(appointment)}" in visible_text(
        detail
    )
    agenda_url = reverse("appointments_staff:appointment", args=[appointment.pk])
    assert f'href="{agenda_url}"' in detail.content.decode()
    # And the appointment's page says who booked it, linked back to the referral.
    agenda = client.get(agenda_url)
    assert "Pris par : la personne qui a orienté le jeune" in visible_text(agenda)
    referral_url = reverse("referrals_referral:inspect", args=[referral.pk])
    assert f'href="{referral_url}"' in agenda.content.decode()


def test_only_an_orientation_offers_to_book(client, home_page, youth_type):
    make_form_page(home_page, Kind.CONTACT)
    from tests.referrals.conftest import contact_data

    form = client.get("/etre-contacte/")
    response = client.post("/etre-contacte/", contact_data(submission_token=token_of(form)))
    page = client.get(response["Location"])
    assert LINK_TEXT not in page.content.decode()
    contact = Referral.objects.get()
    # Even a valid signature names no contact request.
    url = links.referral_url(contact.pk, contact.reference)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "make_url",
    [
        lambda referral: "/permanences/orientation/abc:def/",
        lambda referral: links.referral_url(referral.pk, referral.reference)[:-1] + "x/",
        lambda referral: links.referral_url(referral.pk, "RL-ZZZZ-ZZZZ"),
        lambda referral: links.referral_url(referral.pk + 1, referral.reference),
        lambda referral: reverse(
            "appointments:referral",
            args=[
                signing.dumps(
                    {"k": links.APPOINTMENT, "i": referral.pk, "n": referral.reference},
                    salt=links.SALT,
                )
            ],
        ),
    ],
    ids=["forged", "tampered", "other-nonce", "other-referral", "other-kind"],
)
def test_a_forged_link_books_nothing(client, youth_type, make_url):
    referral = store()
    response = client.get(make_url(referral))
    assert response.status_code == 404
    assert_private(response)
    assert "Ce lien ne fonctionne pas" in visible_text(response)
    # Nothing granted: no page of the flow opens.
    assert client.get("/permanences/orientation/").status_code == 404
    slots_url = reverse("appointments:referral_slots", args=[youth_type.pk])
    assert client.get(slots_url).status_code == 404


def test_an_expired_link_books_nothing(client, youth_type, settings):
    referral = store()
    settings.APPOINTMENTS_REFERRAL_LINK_HOURS = 24
    made = time.time() - 25 * 3600
    with mock.patch("django.core.signing.time.time", return_value=made):
        url = links.referral_url(referral.pk, referral.reference)
    response = client.get(url)
    assert response.status_code == 404
    assert "Ce lien ne fonctionne pas" in visible_text(response)
    assert client.get("/permanences/orientation/").status_code == 404
    fresh = client.get(links.referral_url(referral.pk, referral.reference))
    assert fresh.status_code == 303


def test_a_referral_without_any_contact_of_the_young_person_cannot_book(client, youth_type):
    referral = store(phone="", email="")
    assert client.get(links.referral_url(referral.pk, referral.reference)).status_code == 303
    page = client.get("/permanences/orientation/")
    assert page.status_code == 200
    text = visible_text(page)
    assert "Nous n'avons ni le téléphone ni l'adresse électronique du jeune" in text
    assert "Votre orientation est bien enregistrée" in text
    assert "Choisir un créneau" not in text
    slots_url = reverse("appointments:referral_slots", args=[youth_type.pk])
    assert client.get(slots_url)["Location"] == "/permanences/orientation/"
    book_url = reverse("appointments:referral_book", args=[youth_type.pk])
    response = client.post(book_url, {"creneau": "1-2", "agreed": "on"})
    assert response.status_code == 303 and not Appointment.objects.exists()
