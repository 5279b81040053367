"""The waiting list (issue 17, point 7): nothing full is a dead end. A freed slot is
offered to the first matching person, held for them OFFER_HOLD_HOURS hours, then to the
next; at most three offers per person. Services first, then the public pages."""

import re
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from appointments import links, services, tasks
from appointments.models import Appointment, SlotOffer, WaitingRequest, Weekday
from appointments.slots import free_slots
from relier_site import scheduling
from relier_site.mail.outbox import OutboundEmail
from tests.appointments.helpers import PARIS, REUNION, at, make_range, make_type
from tests.appointments.waiting_helpers import ask, links_to, mails_of

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

NOW = at(2026, 6, 1, 12)  # a Monday, noon in Paris
SLOT = at(2026, 6, 9, 18, 0)  # a Tuesday
PERSON = {"first_name": "Camille", "age_band": "15-17", "email": "camille@example.org"}
WAITING = WaitingRequest.Status.WAITING
OFFERED = WaitingRequest.Status.OFFERED


def book_and_cancel(appointment_type, psychologist, start=SLOT, now=NOW):
    appointment = services.book(appointment_type, psychologist, start, PERSON, now=now)
    return services.cancel(appointment, now=now)


def tuesday_starts(appointment_type, now=NOW):
    found = free_slots(appointment_type, at(2026, 6, 9, 0), at(2026, 6, 10, 0), now=now)
    return [f"{slot.local_start:%H:%M}" for slot in found]


def test_a_freed_slot_is_offered_to_the_first_matching_person_and_held_for_them(
    psychologist, phone_type
):
    mondays = ask(phone_type, [Weekday.MONDAY], email="lundi@example.org", now=NOW)
    tuesdays = ask(phone_type, [Weekday.TUESDAY, Weekday.FRIDAY], email="mardi@example.org")
    any_day = ask(phone_type, email="nimporte@example.org")

    book_and_cancel(phone_type, psychologist)

    offer = SlotOffer.objects.get()
    assert (offer.request, offer.start, offer.status) == (tuesdays, SLOT, SlotOffer.Status.OPEN)
    assert offer.expires_at == NOW + timedelta(hours=12)
    tuesdays.refresh_from_db()
    assert (tuesdays.status, tuesdays.offers_made) == (OFFERED, 1)
    assert WaitingRequest.objects.get(pk=mondays.pk).status == WAITING
    assert WaitingRequest.objects.get(pk=any_day.pk).status == WAITING
    # Held: nobody else sees it or books it.
    assert tuesday_starts(phone_type) == ["17:00", "19:00"]
    with pytest.raises(services.SlotUnavailable):
        services.book(phone_type, psychologist, SLOT, PERSON, now=NOW)
    (mail,) = mails_of(tuesdays, "offer")
    assert mail.to == ["mardi@example.org"]
    assert mail.subject == "Un créneau s'est libéré pour vous"
    assert "mardi 9 juin 2026 à 18\u00a0h" in mail.body_text
    assert "réservé jusqu'au mardi 2 juin 2026 à 0\u00a0h" in mail.body_text
    assert links_to(tuesdays, mail.body_text)
    assert "Camille" not in mail.body_text and "Sam" not in mail.body_text


def test_a_person_who_chose_sms_gets_the_offer_by_sms_too(psychologist, phone_type):
    by_sms = ask(phone_type, email="", phone="+33612345678", reminder_by_sms=True)
    book_and_cancel(phone_type, psychologist)

    (text,) = OutboundEmail.objects.filter(channel=OutboundEmail.Channel.SMS)
    assert text.to == ["+33612345678"]
    assert "un créneau s'est libéré le mardi 9 juin 2026 à 18 h" in text.body_text
    assert links_to(by_sms, text.body_text)
    assert "Sam" not in text.body_text


def test_a_reunion_slot_is_said_in_reunion_time(psychologist):
    appointment_type = make_type(name="Permanence visio parents")
    make_range(psychologist, appointment_type, zone=REUNION)
    waiting_request = ask(appointment_type)
    book_and_cancel(appointment_type, psychologist, at(2026, 6, 9, 18, zone=REUNION))
    (mail,) = mails_of(waiting_request, "offer")
    assert "mardi 9 juin 2026 à 18\u00a0h (heure de La Réunion)" in mail.body_text


def test_without_anyone_waiting_a_cancelled_slot_is_free_at_once(psychologist, phone_type):
    ask(phone_type, [Weekday.MONDAY])
    book_and_cancel(phone_type, psychologist)
    assert not SlotOffer.objects.exists()
    assert tuesday_starts(phone_type) == ["17:00", "18:00", "19:00"]


def test_a_slot_too_close_is_not_offered(psychologist, phone_type):
    ask(phone_type)
    soon = SLOT - timedelta(hours=13)  # the slot is bookable, just
    book_and_cancel(phone_type, psychologist, now=soon)
    # The 12 h hold would pass the minimum notice: the hold ends with it instead.
    assert SlotOffer.objects.get().expires_at == SLOT - timedelta(hours=12)
    SlotOffer.objects.all().delete()
    WaitingRequest.objects.update(status=WAITING)
    services.offer_freed_slot(phone_type, psychologist, SLOT, now=SLOT - timedelta(hours=11))
    assert not SlotOffer.objects.exists()


def test_accepting_books_the_slot_for_the_person(psychologist, phone_type):
    waiting_request = ask(phone_type, email="sam@example.org", phone="+33612345678")
    book_and_cancel(phone_type, psychologist)
    offer = SlotOffer.objects.get()

    appointment = services.accept_offer(offer, now=NOW + timedelta(hours=1))

    assert (appointment.start, appointment.status) == (SLOT, Appointment.Status.CONFIRMED)
    assert (appointment.email, appointment.phone) == ("sam@example.org", "+33612345678")
    offer.refresh_from_db()
    waiting_request.refresh_from_db()
    assert (offer.status, offer.appointment) == (SlotOffer.Status.ACCEPTED, appointment)
    assert waiting_request.status == WaitingRequest.Status.BOOKED
    with pytest.raises(services.OfferUnavailable):
        services.accept_offer(offer, now=NOW + timedelta(hours=1))


def test_an_offer_past_its_hold_cannot_be_accepted_and_frees_the_slot(psychologist, phone_type):
    ask(phone_type)
    book_and_cancel(phone_type, psychologist)
    later = NOW + timedelta(hours=12)
    with pytest.raises(services.OfferUnavailable):
        services.accept_offer(SlotOffer.objects.get(), now=later)
    assert not Appointment.objects.filter(status=Appointment.Status.CONFIRMED).exists()
    # Before the periodic task passes by, the slot engine already sees it free.
    assert tuesday_starts(phone_type, now=later) == ["17:00", "18:00", "19:00"]


def test_an_expired_offer_goes_to_the_next_person_and_the_first_is_told(psychologist, phone_type):
    first = ask(phone_type, email="premier@example.org")
    second = ask(phone_type, email="second@example.org")
    book_and_cancel(phone_type, psychologist)

    assert services.expire_offers(now=NOW + timedelta(hours=11)) == 0
    assert services.expire_offers(now=NOW + timedelta(hours=12, minutes=5)) == 1

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (WAITING, OFFERED)
    assert [o.status for o in SlotOffer.objects.order_by("pk")] == ["expiree", "ouverte"]
    (expired,) = mails_of(first, "expired")
    assert expired.subject == "Le créneau proposé n'est plus réservé"
    assert "Vous restez prévenu·e des prochains créneaux" in expired.body_text
    assert len(mails_of(second, "offer")) == 1


def test_declining_passes_the_slot_on_and_the_person_keeps_waiting(psychologist, phone_type):
    first, second = ask(phone_type), ask(phone_type, email="autre@example.org")
    book_and_cancel(phone_type, psychologist)
    services.decline_offer(SlotOffer.objects.get(request=first), now=NOW)
    first.refresh_from_db()
    assert first.status == WAITING
    assert SlotOffer.objects.get(status=SlotOffer.Status.OPEN).request == second
    # Declined once, the same slot is never offered to that person again.
    services.decline_offer(SlotOffer.objects.get(request=second), now=NOW)
    assert not SlotOffer.objects.filter(status=SlotOffer.Status.OPEN).exists()


def test_a_person_gets_three_offers_at_most(psychologist, phone_type):
    waiting_request = ask(phone_type)
    for start in (at(2026, 6, 9, 17), at(2026, 6, 9, 18), at(2026, 6, 9, 19)):
        book_and_cancel(phone_type, psychologist, start)
        services.decline_offer(SlotOffer.objects.get(status="ouverte"), now=NOW)
    waiting_request.refresh_from_db()
    assert (waiting_request.status, waiting_request.offers_made) == ("close", 3)
    book_and_cancel(phone_type, psychologist, at(2026, 6, 16, 17))
    assert SlotOffer.objects.count() == 3


def test_withdrawing_passes_a_held_slot_on(psychologist, phone_type):
    first, second = ask(phone_type), ask(phone_type, email="autre@example.org")
    book_and_cancel(phone_type, psychologist)
    services.withdraw(first, now=NOW)
    first.refresh_from_db()
    assert first.status == WaitingRequest.Status.WITHDRAWN
    assert SlotOffer.objects.get(status=SlotOffer.Status.OPEN).request == second
    book_and_cancel(phone_type, psychologist, at(2026, 6, 9, 17))
    assert not SlotOffer.objects.filter(request=first, start=at(2026, 6, 9, 17)).exists()


def test_the_expiry_runs_as_a_periodic_task():
    assert tasks.expire_offers in scheduling.periodic_tasks()
    assert tasks.next_offer_sweep(NOW) == NOW + timedelta(minutes=10)


# --- The public pages ------------------------------------------------------------------


def request_form(**changes):
    return {
        "weekdays": [str(Weekday.TUESDAY), str(Weekday.THURSDAY)],
        "first_name": "Étoile93",
        "age_band": "15-17",
        "email": "etoile@example.org",
        "phone": "",
        "reminder_by_sms": "non",
        "submission": "k-1",
        "site_web": "",
    } | changes


def test_a_person_asks_to_be_told_and_lands_on_a_kind_thanks_page(client, phone_type):
    url = reverse("appointments:waiting_request", args=[phone_type.pk])
    assert url == f"/permanences/{phone_type.pk}/attente/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Être prévenu·e quand un créneau se libère" in page.text
    assert "réservé pendant 12 heures" in page.text

    response = client.post(url, request_form())
    assert response.status_code == 303
    assert response["Location"] == reverse("appointments:waiting_thanks")
    thanks = client.get(response["Location"])
    assert "C'est noté, vous serez prévenu·e" in thanks.text
    assert thanks["Cache-Control"] == "private, no-store"
    waiting_request = WaitingRequest.objects.get()
    assert (waiting_request.weekdays, waiting_request.first_name) == ([1, 3], "Étoile93")
    (mail,) = mails_of(waiting_request, "received")
    assert mail.subject == "Votre demande de créneau est enregistrée"
    # The same form sent twice: one request.
    client.post(url, request_form())
    assert WaitingRequest.objects.count() == 1


def test_the_form_needs_a_way_to_reach_the_person(client, phone_type):
    url = reverse("appointments:waiting_request", args=[phone_type.pk])
    page = client.post(url, request_form(email=""))
    assert "Indiquez votre courriel ou votre numéro de téléphone" in page.text
    page = client.post(url, request_form(email="", phone="06 12 34 56 78"))
    assert "Sans courriel, choisissez « Oui »" in page.text
    response = client.post(
        url, request_form(email="", phone="06 12 34 56 78", reminder_by_sms="oui")
    )
    assert response.status_code == 303
    assert WaitingRequest.objects.get().reminder_by_sms is True
    assert "par SMS" in client.get(response["Location"]).text


def test_a_robot_filling_the_honeypot_stores_nothing(client, phone_type):
    url = reverse("appointments:waiting_request", args=[phone_type.pk])
    page = client.post(url, request_form(site_web="http://spam.example"))
    assert page.status_code == 200
    assert not WaitingRequest.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_an_inactive_type_takes_no_request(client, phone_type):
    phone_type.is_active = False
    phone_type.save()
    page = client.get(reverse("appointments:waiting_request", args=[phone_type.pk]))
    assert page.status_code == 404
    assert "Cette permanence n'est plus proposée" in page.text


def next_week_tuesday():
    """18 h on a Tuesday 8 to 14 days from today: the pages answer with the real clock."""
    today = timezone.localdate()
    day = today + timedelta(days=7 + (Weekday.TUESDAY - today.weekday()) % 7 or 7)
    return datetime.combine(day, time(18), PARIS)


def emailed_link(waiting_request, reason):
    (mail,) = mails_of(waiting_request, reason)
    return re.search(r"http://\S+/permanences/attente/\S+/", mail.body_text).group(0)


def test_the_emailed_link_lands_without_its_token_and_the_person_takes_the_slot(
    client, psychologist, phone_type
):
    waiting_request = ask(phone_type)
    start = next_week_tuesday()
    book_and_cancel(phone_type, psychologist, start, now=timezone.now())
    link = emailed_link(waiting_request, "offer")

    landing = client.get(urlsplit(link).path)
    assert landing.status_code == 303
    page_url = reverse("appointments:waiting_page")
    assert landing["Location"] == page_url
    page = client.get(page_url)
    assert page["Cache-Control"] == "private, no-store"
    assert "Un créneau vous attend" in page.text
    assert "Je prends ce créneau" in page.text and "Il ne me convient pas" in page.text
    assert "Je ne souhaite plus être prévenu·e" in page.text

    answer = client.post(page_url, {"demande": waiting_request.pk, "action": "prendre"})
    assert answer.status_code == 303
    assert "Votre rendez-vous est pris" in client.get(page_url).text
    assert Appointment.objects.get(status=Appointment.Status.CONFIRMED).start == start


def test_declining_and_withdrawing_from_the_page(client, psychologist, phone_type):
    waiting_request = ask(phone_type)
    book_and_cancel(phone_type, psychologist, next_week_tuesday(), now=timezone.now())
    client.get(reverse("appointments:waiting", args=[links.token(links.WAITING, waiting_request)]))
    page_url = reverse("appointments:waiting_page")

    client.post(page_url, {"demande": waiting_request.pk, "action": "refuser"})
    page = client.get(page_url)
    assert "n'est plus réservé pour vous" in page.text
    client.post(page_url, {"demande": waiting_request.pk, "action": "retirer"})
    assert "Vous ne serez plus prévenu·e" in client.get(page_url).text
    waiting_request.refresh_from_db()
    assert waiting_request.status == WaitingRequest.Status.WITHDRAWN


def test_a_forged_or_foreign_link_shows_nothing(client, phone_type):
    waiting_request = ask(phone_type)
    other = ask(phone_type, email="autre@example.org")
    token = links.token(links.WAITING, waiting_request)
    page = client.get(reverse("appointments:waiting", args=[token[:-2] + "xx"]))
    assert page.status_code == 404
    assert "Ce lien ne fonctionne pas" in page.text
    # No link opened in this browser: the page and its answers show nothing.
    assert client.get(reverse("appointments:waiting_page")).status_code == 404
    answer = client.post(
        reverse("appointments:waiting_page"), {"demande": other.pk, "action": "retirer"}
    )
    assert answer.status_code == 404
    other.refresh_from_db()
    assert other.status == WAITING
