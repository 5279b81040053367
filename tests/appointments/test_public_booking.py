"""The public booking flow of the permanences (/permanences/): choose a type, a slot, fill
in the short form, see the confirmation; then move or cancel through the signed link
of the emails. Every step is a plain GET/POST page; no personal data in any address;
every page reached through a signed link or a booking is `private, no-store`."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from appointments import links, selectors, services
from appointments.conf import conf
from appointments.forms import ONE_CONTACT, slot_value
from appointments.models import Appointment, AppointmentEvent, AppointmentType, Weekday
from home.vocabulary import TRUSTED_ADULT_NAME_NEEDED, TRUSTED_ADULT_PHONE_NEEDED
from relier_site.signed_links import PRIVATE
from tests.appointments.helpers import (
    REUNION,
    make_appointment,
    make_range,
    make_type,
    open_every_day,
)
from tests.html import normalise, visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

CANARIES = ("Camille", "camille@example.org", "0612345678", "33612345678", "harcèlement")


@pytest.fixture
def psychologist(django_user_model):
    return django_user_model.objects.create_user(username="psy-claire", first_name="Claire")


@pytest.fixture
def phone_type(home_page, psychologist):
    """A phone permanence for parents, open every day 9 h–18 h (Paris)."""
    appointment_type = make_type()
    open_every_day(psychologist, appointment_type)
    return appointment_type


@pytest.fixture
def youth_type(home_page, psychologist):
    """A video permanence for young people, in La Réunion time, every day 9 h–18 h."""
    appointment_type = make_type(
        name="Permanence visio des jeunes",
        audience=AppointmentType.Audience.YOUTH,
        mode=AppointmentType.Mode.VIDEO,
    )
    open_every_day(psychologist, appointment_type, zone=REUNION)
    return appointment_type


def first_slot(appointment_type, index=0):
    now = timezone.now()
    return selectors.free_slots(
        appointment_type, now, now + timedelta(days=appointment_type.booking_window_days)
    )[index]


def form_data(slot, **fields):
    data = {
        "urgent": "non",
        "creneau": slot_value(slot),
        "first_name": "Camille",
        "age_band": "15-17",
        "phone": "06 12 34 56 78",
        "email": "camille@example.org",
        "call_preference": Appointment.CallPreference.NUMBER_HIDDEN,
        "reason": "Des messages de harcèlement sur un groupe de classe.",
        "submission": "a" * 32,
    }
    data.update(fields)
    return {name: value for name, value in data.items() if value is not None}


def book_url(appointment_type):
    return reverse("appointments:book", args=[appointment_type.pk])


def book(client, appointment_type, slot, **fields):
    return client.post(book_url(appointment_type), form_data(slot, **fields))


def assert_private(response):
    assert response["Cache-Control"] == PRIVATE


def assert_no_personal_data(url):
    for canary in CANARIES:
        assert canary.lower() not in url.lower()


def test_the_index_groups_the_types_by_audience_with_their_next_free_slot(
    client, phone_type, youth_type
):
    make_type(name="Permanence fermée", is_active=False)
    response = client.get("/permanences/")
    assert response.status_code == 200
    text = visible_text(response)
    assert text.index("Pour les jeunes") < text.index("Pour les parents")
    assert "Permanence visio des jeunes" in text and "Permanence fermée" not in text
    assert "En visio, 45 minutes" in text and "Par téléphone, 45 minutes" in text
    assert "(heure de La Réunion)" in text
    assert text.count("Prochain créneau libre") == 2
    assert "3114" in text or "119" in text or "Besoin d'aide" in text
    assert reverse("appointments:slots", args=[phone_type.pk]) in response.content.decode()


def test_the_slot_list_groups_free_times_by_day_with_links_to_the_form(client, youth_type):
    slot = first_slot(youth_type)
    response = client.get(reverse("appointments:slots", args=[youth_type.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    text = visible_text(response)
    assert "Semaine du" in text
    assert "(heure de La Réunion)" in text
    link = f"{book_url(youth_type)}?creneau={slot_value(slot)}"
    if slot.start < selectors.week_start(1):
        assert link in page
    assert 'class="slot-day"' in page or "première semaine" in text
    next_week = client.get(reverse("appointments:slots", args=[youth_type.pk]), {"semaine": 1})
    assert "Semaine précédente" in visible_text(next_week)


def test_a_week_beyond_the_window_or_not_a_number_is_dropped(client, phone_type):
    url = reverse("appointments:slots", args=[phone_type.pk])
    for value in ("99", "abc", "-1"):
        response = client.get(url, {"semaine": value})
        assert response.status_code == 200
        assert "Semaine suivante" in visible_text(response)


def test_the_psychologist_filter_shows_first_names_only_when_the_type_allows_it(
    client, phone_type, django_user_model
):
    other = django_user_model.objects.create_user(
        username="psy-marc", first_name="Marc", last_name="Durand"
    )
    make_range(other, phone_type, weekday=Weekday.MONDAY, start=(9, 0), end=(12, 0))
    url = reverse("appointments:slots", args=[phone_type.pk])
    assert "Marc" not in visible_text(client.get(url))
    phone_type.may_choose_psychologist = True
    phone_type.save()
    text = visible_text(client.get(url))
    assert "Marc" in text and "Claire" in text and "Durand" not in text


def test_no_slot_at_all_says_so_kindly_and_offers_the_waiting_list(client, home_page):
    appointment_type = make_type()
    response = client.get(reverse("appointments:slots", args=[appointment_type.pk]))
    text = visible_text(response)
    assert "Tous les créneaux sont pris pour le moment" in text
    waiting = reverse("appointments:waiting_request", args=[appointment_type.pk])
    assert waiting in response.content.decode()
    assert client.get(waiting).status_code == 200


def test_the_form_shows_the_chosen_slot_in_its_zone(client, youth_type):
    slot = first_slot(youth_type)
    response = client.get(book_url(youth_type), {"creneau": slot_value(slot)})
    assert response.status_code == 200
    text = visible_text(response)
    assert f"Votre créneau : {normalise(slot.local_when)}" in text
    assert "(heure de La Réunion)" in text
    assert "N'écrivez aucune information médicale" in text
    assert "Ce que nous faisons de ces informations" in text
    page = response.content.decode()
    assert 'name="site_web"' in page and 'name="submission"' in page


def test_a_forged_slot_in_the_address_goes_back_to_the_slot_list(client, phone_type):
    response = client.get(book_url(phone_type), {"creneau": "x"})
    assert response.status_code == 303
    assert response["Location"] == reverse("appointments:slots", args=[phone_type.pk])


def test_booking_stores_the_appointment_and_shows_the_confirmation(client, phone_type):
    slot = first_slot(phone_type)
    response = book(client, phone_type, slot, reminder_by_sms="on")
    assert response.status_code == 303
    assert response["Location"] == reverse("appointments:confirmation")
    assert_no_personal_data(response["Location"])

    appointment = Appointment.objects.get()
    assert (appointment.start, appointment.psychologist_id, appointment.status) == (
        slot.start,
        slot.psychologist_id,
        Appointment.Status.CONFIRMED,
    )
    assert (appointment.first_name, appointment.phone, appointment.email) == (
        "Camille",
        "+33612345678",
        "camille@example.org",
    )
    assert (appointment.age_band, appointment.call_preference) == ("15-17", "numero-masque")
    assert appointment.reminder_by_sms is True and appointment.urgent is False

    page = client.get(response["Location"])
    assert_private(page)
    text = visible_text(page)
    assert "C'est réservé" in text
    assert normalise(appointment.local_when) in text
    assert "la ou le psychologue vous appelle" in text
    assert "Ajouter à mon agenda" in text
    body = page.content.decode()
    assert reverse("appointments:ics") in body
    assert reverse("appointments:manage_page") in body
    for url in re.findall(r'href="([^"]+)"', body):
        assert_no_personal_data(url)


def test_bad_input_is_kept_with_french_messages_next_to_the_fields(client, phone_type):
    slot = first_slot(phone_type)
    response = book(
        client, phone_type, slot, first_name="Camille", phone="", email="pas-une-adresse", urgent=""
    )
    assert response.status_code == 200
    assert not Appointment.objects.exists()
    text = visible_text(response)
    assert "Il y a un problème" in text
    assert "Répondez par oui ou par non" in text
    assert "Cette adresse électronique n'est pas valide" in text
    assert 'value="Camille"' in response.content.decode()
    assert f"Votre créneau : {normalise(slot.local_when)}" in text

    response = book(client, phone_type, slot, phone="", email="")
    assert visible_text(response).count(ONE_CONTACT) >= 2
    response = book(client, phone_type, slot, phone="", reminder_by_sms="on")
    assert "indiquez votre numéro de téléphone" in visible_text(response)
    assert not Appointment.objects.exists()


def test_a_slot_taken_between_display_and_post_comes_back_with_the_list(client, phone_type):
    slot = first_slot(phone_type)
    other = first_slot(phone_type, 1)
    make_appointment(phone_type, slot_psychologist(slot), slot.start)
    response = book(client, phone_type, slot)
    assert response.status_code == 200
    text = visible_text(response)
    assert services.SLOT_TAKEN in text
    page = response.content.decode()
    assert 'value="Camille"' in page
    assert f'value="{slot_value(other)}"' in page and 'type="radio"' in page
    assert Appointment.objects.count() == 1

    response = book(client, phone_type, other)
    assert response.status_code == 303
    assert Appointment.objects.filter(start=other.start, first_name="Camille").exists()


def slot_psychologist(slot):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=slot.psychologist_id)


def test_a_double_post_books_once_and_shows_the_same_confirmation(client, phone_type):
    slot = first_slot(phone_type)
    first = book(client, phone_type, slot)
    second = book(client, phone_type, slot)
    assert first.status_code == second.status_code == 303
    assert second["Location"] == reverse("appointments:confirmation")
    assert Appointment.objects.count() == 1


def test_a_replayed_form_from_another_browser_shows_nothing_of_the_booking(client, phone_type):
    slot = first_slot(phone_type)
    book(client, phone_type, slot)
    stranger = Client()
    response = book(stranger, phone_type, slot)
    assert response.status_code == 200
    assert "déjà enregistrée" in visible_text(response)
    assert "Camille" not in visible_text(response)
    assert_private(response)
    assert stranger.get(reverse("appointments:confirmation")).status_code == 303
    assert Appointment.objects.count() == 1


def test_a_yes_to_the_urgency_question_flags_the_appointment_and_shows_the_helplines(
    client, phone_type
):
    form = client.get(book_url(phone_type), {"creneau": slot_value(first_slot(phone_type))})
    panel = visible_text(form)
    assert "3114" in panel and "119" in panel and "112" in panel  # shown on « oui » by CSS
    response = book(client, phone_type, first_slot(phone_type), urgent="oui")
    assert Appointment.objects.get().urgent is True
    text = visible_text(client.get(response["Location"]))
    assert "3114" in text and "112" in text


def test_under_15_and_alone_gets_the_kind_trusted_adult_path(client, youth_type):
    """As on the contact form: a young person under 15 names a trusted adult, told why
    first, with 3018 and 119; nothing is booked without one."""
    slot = first_slot(youth_type)
    form = visible_text(client.get(book_url(youth_type), {"creneau": slot_value(slot)}))
    assert "Tu as moins de 15 ans et tu fais cette démarche seul ou seule ?" in form
    assert "3018" in form
    response = book(client, youth_type, slot, age_band="11-14", call_preference=None)
    assert response.status_code == 200
    assert TRUSTED_ADULT_NAME_NEEDED in visible_text(response)
    assert TRUSTED_ADULT_PHONE_NEEDED in visible_text(response)
    assert not Appointment.objects.exists()
    response = book(
        client,
        youth_type,
        slot,
        age_band="11-14",
        trusted_adult_name="Claire Martin",
        trusted_adult_phone="06 11 22 33 44",
        call_preference=None,
    )
    assert response.status_code == 303
    appointment = Appointment.objects.get()
    assert (appointment.age_band, appointment.trusted_adult_name) == ("11-14", "Claire Martin")
    assert appointment.trusted_adult_phone == "+33611223344"


def test_a_filled_honeypot_books_nothing(client, phone_type):
    response = book(client, phone_type, first_slot(phone_type), site_web="http://spam")
    assert response.status_code == 200
    assert "n'a pas pu être enregistrée" in visible_text(response)
    assert not Appointment.objects.exists()


def booked(client, appointment_type, index=0):
    book(client, appointment_type, first_slot(appointment_type, index))
    return Appointment.objects.latest("pk")


def test_the_email_link_lands_on_a_page_without_token(client, phone_type):
    appointment = booked(client, phone_type)
    url = links.manage_url(appointment)
    path = urlparse(url).path
    visitor = Client()
    response = visitor.get(path)
    assert response.status_code == 303
    assert response["Location"] == reverse("appointments:manage_page")
    assert_private(response)
    page = visitor.get(response["Location"])
    assert_private(page)
    text = visible_text(page)
    assert normalise(appointment.local_when) in text
    assert "Déplacer le rendez-vous" in text and "Annuler le rendez-vous" in text


def test_a_forged_or_expired_or_voided_token_opens_nothing(client, phone_type, settings):
    appointment = booked(client, phone_type)
    token = links.token(links.APPOINTMENT, appointment)
    forged = signing.dumps(
        {"k": links.APPOINTMENT, "i": appointment.pk, "n": "0" * 32}, salt=links.SALT
    )
    wrong_kind = links.token(links.WAITING, appointment)
    for bad in (token[:-2] + "xx", forged, wrong_kind):
        response = client.get(reverse("appointments:manage", args=[bad]))
        assert response.status_code == 404
        assert "Ce lien ne fonctionne pas" in visible_text(response)
        assert_private(response)
    settings.APPOINTMENTS_LINK_MAX_AGE_DAYS = -1
    assert client.get(reverse("appointments:manage", args=[token])).status_code == 404


def test_a_stranger_without_the_link_sees_no_appointment(phone_type, client):
    booked(client, phone_type)
    stranger = Client()
    for name in ("manage_page", "move", "cancel", "moved", "cancelled"):
        response = stranger.get(reverse(f"appointments:{name}"))
        assert response.status_code == 404, name
        assert_private(response)
    response = stranger.post(reverse("appointments:cancel"), {"rendez_vous": 1})
    assert response.status_code == 404
    assert Appointment.objects.get().is_active


def test_move_keeps_the_row_and_bumps_its_sequence(client, phone_type):
    appointment = booked(client, phone_type)
    target = first_slot(phone_type, 3)
    listing = client.get(reverse("appointments:move"))
    assert_private(listing)
    assert "Déplacer mon rendez-vous" in visible_text(listing)

    step = client.get(reverse("appointments:move_confirm"), {"creneau": slot_value(target)})
    assert_private(step)
    text = visible_text(step)
    assert f"Nouveau créneau : {normalise(target.local_when)}" in text
    assert Appointment.objects.get().start == appointment.start  # nothing changed on a GET

    response = client.post(
        reverse("appointments:move_confirm"),
        {"rendez_vous": appointment.pk, "creneau": slot_value(target)},
    )
    assert response.status_code == 303
    assert response["Location"] == reverse("appointments:moved")
    moved = Appointment.objects.get()
    assert (moved.pk, moved.start, moved.sequence) == (appointment.pk, target.start, 1)
    assert moved.history.filter(action=AppointmentEvent.Action.MOVED).count() == 1
    page = client.get(response["Location"])
    assert "votre rendez-vous est déplacé" in visible_text(page)
    assert normalise(target.local_when) in visible_text(page)


def test_moving_to_a_slot_taken_meanwhile_changes_nothing(client, phone_type):
    appointment = booked(client, phone_type)
    target = first_slot(phone_type, 3)
    make_appointment(phone_type, slot_psychologist(target), target.start)
    response = client.post(
        reverse("appointments:move_confirm"),
        {"rendez_vous": appointment.pk, "creneau": slot_value(target)},
    )
    assert response.status_code == 409
    assert services.SLOT_TAKEN in visible_text(response)
    assert Appointment.objects.get(pk=appointment.pk).start == appointment.start


def test_cancel_asks_first_then_frees_the_slot(client, phone_type):
    appointment = booked(client, phone_type)
    step = client.get(reverse("appointments:cancel"))
    assert_private(step)
    assert "Oui, annuler mon rendez-vous" in visible_text(step)
    assert Appointment.objects.get().is_active

    response = client.post(reverse("appointments:cancel"), {"rendez_vous": appointment.pk})
    assert response.status_code == 303
    assert response["Location"] == reverse("appointments:cancelled")
    cancelled = Appointment.objects.get()
    assert (cancelled.status, cancelled.outcome, cancelled.sequence) == (
        Appointment.Status.CANCELLED,
        Appointment.Outcome.EXCUSED,
        1,
    )
    assert "Votre rendez-vous est annulé" in visible_text(client.get(response["Location"]))
    assert first_slot(phone_type).start == appointment.start  # bookable again
    again = client.post(reverse("appointments:cancel"), {"rendez_vous": appointment.pk})
    assert again["Location"] == reverse("appointments:cancelled")


def test_too_late_to_move_or_cancel_online_says_to_call(client, phone_type, settings):
    appointment = booked(client, phone_type)
    hours = (appointment.start - timezone.now()).total_seconds() / 3600
    settings.APPOINTMENTS_CANCEL_HOURS_BEFORE = int(hours) + 2
    text = visible_text(client.get(reverse("appointments:manage_page")))
    assert "appelez l'association" in text
    assert "Déplacer le rendez-vous" not in text
    assert client.get(reverse("appointments:move")).status_code == 303
    response = client.post(reverse("appointments:cancel"), {"rendez_vous": appointment.pk})
    assert response["Location"] == reverse("appointments:cancel")
    assert Appointment.objects.get().is_active
    target = first_slot(phone_type, 3)
    response = client.post(
        reverse("appointments:move_confirm"),
        {"rendez_vous": appointment.pk, "creneau": slot_value(target)},
    )
    assert services.TOO_LATE_TO_MOVE in visible_text(response)
    assert Appointment.objects.get().start == appointment.start


def test_move_service_refuses_when_too_late_and_checks_the_slot(phone_type, psychologist):
    now = timezone.now()
    slot = first_slot(phone_type)
    appointment = services.book(phone_type, psychologist, slot.start, {"first_name": "A"})
    with pytest.raises(services.MoveRefused):
        services.move(
            appointment,
            psychologist,
            first_slot(phone_type, 2).start,
            now=appointment.start - timedelta(hours=conf.CANCEL_HOURS_BEFORE - 1),
        )
    with pytest.raises(services.SlotUnavailable):
        services.move(appointment, psychologist, slot.start + timedelta(minutes=7), now=now)
    appointment.refresh_from_db()
    assert (appointment.start, appointment.sequence) == (slot.start, 0)


def test_no_page_of_the_flow_puts_personal_data_in_an_address(client, phone_type):
    slot = first_slot(phone_type)
    urls = [book(client, phone_type, slot)["Location"]]
    for name in ("confirmation", "manage_page", "move", "cancel"):
        body = client.get(reverse(f"appointments:{name}")).content.decode()
        urls += re.findall(r'(?:href|action)="([^"]+)"', body)
    for url in urls:
        assert_no_personal_data(url)
        for values in parse_qs(urlparse(url).query).values():
            assert all("@" not in value for value in values)


def test_the_permanences_are_linked_from_the_first_screen_and_the_pages_that_describe_them(
    client, home_page
):
    from django.template.loader import get_template

    from events import demo as events_demo
    from home.demo import content
    from programmes import demo_content as programmes_content
    from referrals import demo as referrals_demo
    from referrals.models import Kind

    first_screen = client.get("/").content.decode()
    hero = first_screen[first_screen.index('class="hero"') : first_screen.index("</section>")]
    assert 'href="/permanences/"' in hero and "Parler à un psy" in hero

    def body_of(spec):
        return str(spec.body if hasattr(spec, "body") else spec["body"])

    event_slugs = {event.slug for event in events_demo.EVENTS}
    for spec in (content.YOUTH, content.PARENTS):
        for path in ("/permanences/", "/agenda/question-psy/", "/agenda/groupe-echanges-jeunes/"):
            assert f'href="{path}"' in body_of(spec), (spec.path, path)
    assert {"question-psy", "groupe-echanges-jeunes"} <= event_slugs
    assert 'href="/permanences/"' in body_of(referrals_demo.PAGES[Kind.CONTACT])
    for spec in (programmes_content.PROGRAMMES, programmes_content.REBUILD_TOGETHER):
        assert 'href="/permanences/"' in body_of(spec), spec.path
    for name in (
        "referrals/referral_form_page.html",
        "referrals/confirmation_page.html",
        "events/thanks.html",
    ):
        assert 'href="/permanences/"' in get_template(name).template.source, name
