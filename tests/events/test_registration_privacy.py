"""What a registration shows and sends to someone who may not be the person (issue 16):
the same « merci » page for a new and an existing registration, signed links that land
and leave the address bar without their token, names that hold no link, emails that
repeat nothing typed, flood limits per address and per contact, pages kept by no cache."""

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from events import links, services
from events.conf import conf
from events.models import Registration
from referrals import followup
from referrals import services as referral_services
from relier_site.models import OutboundEmail
from relier_site.ratelimit import FLOOD_MESSAGE
from tests.html import visible_text
from tests.referrals.triage_helpers import handler, store

from .conftest import make_event, make_session
from .helpers import (
    cancel_by_link,
    cancel_path,
    confirm_cancel,
    mails_of,
    only_registration,
    open_cancel_link,
    register_form,
)

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

PRIVATE = "private, no-store"


def register(client, session, data, **extra):
    return client.post(reverse("events:register", args=[session.pk]), data, follow=True, **extra)


# --- Point 1: the « merci » page says nothing about who was already registered -----------


def test_new_existing_confirmed_and_waiting_registrations_get_the_same_page(session):
    session.capacity = 1
    session.save()
    pages = [
        register(Client(), session, register_form(email="x@example.org")),  # new: a place
        register(Client(), session, register_form(email="X@example.org")),  # existing
        register(Client(), session, register_form(email="y@example.org")),  # new: waiting
        register(Client(), session, register_form(email="y@example.org")),  # existing, waiting
    ]

    texts = {visible_text(page) for page in pages}
    assert len(texts) == 1
    (text,) = texts
    assert "Vous allez recevoir un courriel" in text
    assert "si votre place est confirmée ou si vous êtes sur la liste d'attente" in text
    assert "déjà inscrit" not in text
    for page in pages:
        assert page.redirect_chain == [("/agenda/inscription/merci/", 303)]
        assert "/agenda/annulation/" not in page.content.decode()
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "x@example.org": Registration.Status.CONFIRMED,
        "y@example.org": Registration.Status.WAITLISTED,
    }


def test_a_phone_only_young_person_gets_the_same_page_new_or_existing_and_nobody_is_mailed(
    youth_group,
):
    session = make_session(youth_group)
    data = register_form("jeune", email="", phone="06 12 34 56 78")
    first = register(Client(), session, data)
    again = register(Client(), session, register_form("jeune", email="", phone="0612345678"))

    assert visible_text(first) == visible_text(again)
    assert "L'équipe te confirmera ta place par téléphone" in visible_text(again)
    assert "déjà inscrit" not in visible_text(again)
    assert Registration.objects.count() == 1
    assert not OutboundEmail.objects.exists()


def test_the_existing_registrant_is_reminded_by_email_with_their_own_link(client, session):
    register(client, session, register_form())
    register(Client(), session, register_form())

    registration = only_registration()
    first, reminder = mails_of(registration, "confirmation")
    assert reminder.to == ["camille.martin@example.org"]
    assert "Vous êtes déjà inscrit·e à cette séance" in reminder.body_text
    assert "Vous êtes déjà inscrit·e" not in first.body_text
    assert cancel_path(reminder)  # their own link, in the email only


def test_a_waiting_registrant_is_reminded_that_they_are_already_on_the_list(session):
    for address in ("a@example.org", "b@example.org", "c@example.org"):
        register(Client(), session, register_form(email=address))
    register(Client(), session, register_form(email="c@example.org"))

    waiting = Registration.objects.get(email="c@example.org")
    notices = mails_of(waiting, "waitlist")
    assert len(notices) == 2
    assert "déjà inscrit·e sur la liste d'attente" in notices[1].body_text


@pytest.mark.parametrize("profile", ["jeune", "parent"])
def test_the_form_of_a_youth_or_parent_session_does_not_count_down_its_places(agenda_page, profile):
    """Typing someone's address into the form, then reading the free places again, must
    not tell whether that person had registered: no exact count for these audiences."""
    event = make_event(agenda_page, f"groupe-{profile}", registration_profile=profile)
    session = make_session(event)
    form_url = reverse("events:register", args=[session.pk])
    before = visible_text(Client().get(form_url))
    register(Client(), session, register_form(profile))
    after = visible_text(Client().get(form_url))
    listing = visible_text(Client().get(event.url))

    assert before == after
    assert "Il reste des places." in after
    assert "Places disponibles" in listing and "place disponible" not in listing


# --- Point 2: no token in the address bar or the history ---------------------------------


def test_the_emailed_cancel_link_lands_then_asks_then_cancels_without_a_token_in_any_address(
    client, session
):
    register(client, session, register_form())
    registration = only_registration()
    path = cancel_path(mails_of(registration, "confirmation")[0])
    token = path.split("/")[-2]

    landed = client.get(path)
    assert landed.status_code == 303
    assert landed["Location"] == "/agenda/annulation/"
    shown = client.get("/agenda/annulation/")
    assert "Oui, annuler mon inscription" in visible_text(shown)
    assert token not in shown.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED

    done = confirm_cancel(client, shown)
    assert done.redirect_chain == [("/agenda/annulation/faite/", 303)]
    assert "Inscription annulée" in visible_text(done)
    assert token not in done.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_the_token_less_pages_show_nothing_to_a_browser_that_did_not_open_the_link(client, session):
    register(client, session, register_form())
    registration = only_registration()
    open_cancel_link(client, cancel_path(mails_of(registration)[0]))

    stranger = Client()
    for response in (
        stranger.get("/agenda/annulation/"),
        stranger.get("/agenda/annulation/faite/"),
        stranger.post("/agenda/annulation/", {"inscription": registration.pk}),
    ):
        assert response.status_code == 404
        assert "Ce lien ne fonctionne pas" in visible_text(response)
        assert "Webinaire" not in visible_text(response)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_the_cancellation_needs_the_csrf_token(session):
    registration = services.register(session, register_form()).registration
    browser = Client(enforce_csrf_checks=True)
    browser.get(reverse("events:cancel", args=[links.cancel_token(registration)]))

    refused = browser.post("/agenda/annulation/", {"inscription": registration.pk})

    assert refused.status_code == 403
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_two_links_opened_in_a_row_each_cancel_their_own_registration(client, session):
    first = services.register(session, register_form(email="a@example.org")).registration
    second = services.register(session, register_form(email="b@example.org")).registration
    first_tab = open_cancel_link(client, reverse("events:cancel", args=[links.cancel_token(first)]))
    open_cancel_link(client, reverse("events:cancel", args=[links.cancel_token(second)]))

    confirm_cancel(client, first_tab)  # the first tab's button, pressed last

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED
    assert second.status == Registration.Status.CONFIRMED


def test_the_merci_address_of_earlier_versions_lands_and_grants_nothing(session):
    registration = services.register(session, register_form()).registration
    old = signing.dumps(
        {"r": registration.pk, "n": registration.cancel_nonce, "d": 0},
        salt="events.registration.status",
    )

    response = Client().get(f"/agenda/inscription/merci/{old}/", follow=True)

    # Nothing granted: the « merci » page has no session to show and sends to the agenda.
    assert response.redirect_chain == [("/agenda/inscription/merci/", 303), ("/agenda/", 303)]
    assert "/agenda/annulation/" not in response.content.decode()


def test_the_follow_up_link_lands_on_suivi_without_its_token(home_page):
    referral = store()
    staff = handler()
    referral_services.assign(referral, staff, actor=staff)
    token = followup.make_token(referral)
    browser = Client()

    landed = browser.get(f"/suivi/{token}/")
    assert landed.status_code == 303 and landed["Location"] == "/suivi/"
    page = browser.get("/suivi/")
    assert f"Suivi de la demande {referral.reference}" in visible_text(page)
    assert token not in page.content.decode()

    stranger = Client().get("/suivi/")
    assert stranger.status_code == 404
    assert "Ouvrez le lien de suivi reçu par courriel" in visible_text(stranger)
    assert referral.reference not in stranger.content.decode()


# --- Point 11: names, emails without typed text, flood limits ----------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Va voir https://phishing.example",
        "www.exemple.fr",
        "moi@example.org",
        "Camille 2",
        "Tu es nul. Personne ne t'aime.",
        "A" * 61,
    ],
)
def test_a_name_holds_letters_only_no_link_and_a_reasonable_length(client, session, name):
    response = register(client, session, register_form(name=name))

    page = visible_text(response)
    assert "Il y a un problème" in page
    assert "Un nom s'écrit avec des lettres" in page or "60 caractères au plus" in page
    assert not Registration.objects.exists()
    assert not OutboundEmail.objects.exists()


@pytest.mark.parametrize("name", ["Anne-Marie N'Diaye", "Élodie de la Tour", "N’Golo Kanté"])
def test_real_names_are_accepted(client, session, name):
    register(client, session, register_form(name=name))
    assert only_registration().name == name


def test_a_pseudonym_may_hold_digits_but_no_link(client, youth_group):
    session = make_session(youth_group)
    refused = register(client, session, register_form("jeune", name="clique-ici.fr"))
    assert "Ton pseudonyme peut avoir des lettres et des chiffres" in visible_text(refused)
    too_long = register(client, session, register_form("jeune", name="Étoile" * 7))
    assert "40 caractères au plus" in visible_text(too_long)
    assert not Registration.objects.exists()

    register(client, session, register_form("jeune", name="Étoile93"))
    assert only_registration().name == "Étoile93"


def test_no_registration_email_repeats_what_was_typed(client, session):
    typed = register_form(name="Camille Martin", agency="Agence de Saint-Denis")
    register(client, session, typed)
    register(Client(), session, typed)  # the reminder of an existing registration
    for address in ("b@example.org", "c@example.org"):
        register(Client(), session, register_form(name="Camille Martin", email=address))
    registration = Registration.objects.get(email="camille.martin@example.org")
    cancel_by_link(client, cancel_path(mails_of(registration, "confirmation")[0]))

    mails = list(OutboundEmail.objects.all())
    reasons = {mail.reason_key.split(":")[2] for mail in mails}
    assert {"confirmation", "reminder", "waitlist", "cancelled", "promotion"} <= reasons
    for mail in mails:
        for text in (mail.subject, mail.body_text, mail.body_html):
            for secret in ("Camille", "Martin", "France Travail", "Saint-Denis"):
                assert secret not in text, (mail.reason_key, secret)
        assert "Bonjour," in mail.body_text


def test_registrations_are_limited_per_email_and_the_refusal_keeps_what_was_typed(
    client, session, webinar, settings
):
    settings.EVENTS_REGISTRATION_LIMIT_PER_CONTACT = 2
    other = make_session(webinar, days=12)
    register(Client(REMOTE_ADDR="192.0.2.1"), session, register_form())
    register(Client(REMOTE_ADDR="192.0.2.2"), session, register_form())  # existing: counts too
    mails = OutboundEmail.objects.count()

    refused = Client(REMOTE_ADDR="192.0.2.3").post(
        reverse("events:register", args=[other.pk]),
        register_form(email="Camille.Martin@example.org"),
    )

    assert refused.status_code == 429
    assert FLOOD_MESSAGE in visible_text(refused)
    assert 'value="Camille Martin"' in refused.content.decode()
    assert Registration.objects.count() == 1
    assert OutboundEmail.objects.count() == mails  # nobody mailed once more


def test_registrations_are_limited_per_phone(youth_group, settings):
    settings.EVENTS_REGISTRATION_LIMIT_PER_CONTACT = 1
    session = make_session(youth_group)
    register(Client(), session, register_form("jeune", email="", phone="06 12 34 56 78"))

    refused = Client().post(
        reverse("events:register", args=[session.pk]),
        register_form("jeune", email="autre@example.org", phone="+33 6 12 34 56 78"),
    )

    assert refused.status_code == 429
    assert FLOOD_MESSAGE in visible_text(refused)


def test_registrations_are_limited_per_address_counting_accepted_ones_only(
    client, session, settings
):
    settings.EVENTS_REGISTRATION_LIMIT_PER_ADDRESS = 3
    url = reverse("events:register", args=[session.pk])
    faulty = [client.post(url, {}).status_code for _ in range(25)]  # more than the old 20
    assert set(faulty) == {200}  # the form with its errors: not counted
    for number in range(3):
        accepted = client.post(url, register_form(email=f"conseiller{number}@example.org"))
        assert accepted.status_code == 303

    refused = client.post(url, register_form(email="conseiller9@example.org"))

    assert refused.status_code == 429
    assert FLOOD_MESSAGE in visible_text(refused)
    assert Registration.objects.count() == 3
    elsewhere = Client(REMOTE_ADDR="192.0.2.50").post(
        url, register_form(email="conseiller9@example.org")
    )
    assert elsewhere.status_code == 303


def test_the_default_limits_let_an_agency_register_its_advisers():
    assert conf.REGISTRATION_LIMIT_PER_ADDRESS >= 50
    assert conf.REGISTRATION_LIMIT_PER_CONTACT >= 2


# --- Point 15: pages reached through a token are kept by no cache -----------------------


def test_every_page_of_a_signed_link_is_private_no_store_even_without_cookies(client, session):
    registration = services.register(session, register_form()).registration
    token = links.cancel_token(registration)
    old_merci = signing.dumps({"r": registration.pk, "n": "x"}, salt="events.registration.status")
    for path in (f"/agenda/inscription/merci/{old_merci}/", "/agenda/inscription/merci/"):
        assert Client().get(path)["Cache-Control"] == PRIVATE  # a client without cookies

    registered = client.post(reverse("events:register", args=[session.pk]), register_form())
    responses = [registered, client.get("/agenda/inscription/merci/")]
    responses.append(client.get(f"/agenda/annulation/{token}/"))
    shown = client.get("/agenda/annulation/")
    responses += [shown, confirm_cancel(client, shown)]
    responses.append(client.get("/agenda/annulation/faite/"))
    responses.append(Client().get("/agenda/annulation/faux-lien/"))
    for response in responses:
        assert response["Cache-Control"] == PRIVATE, response.request["PATH_INFO"]


# --- Point 18: a second « Oui, annuler », the honeypot ----------------------------------


def test_a_second_click_on_yes_cancel_says_already_cancelled(client, session):
    registration = services.register(session, register_form()).registration
    shown = open_cancel_link(
        client, reverse("events:cancel", args=[links.cancel_token(registration)])
    )
    confirm_cancel(client, shown)

    second = confirm_cancel(client, shown)

    assert second.status_code == 200
    assert "Cette inscription est déjà annulée" in visible_text(second)
    assert "Ce lien ne fonctionne pas" not in visible_text(second)
    assert len(mails_of(registration, "cancelled")) == 1


@pytest.mark.parametrize("value", [" ", "\t", "  \n "])
def test_a_honeypot_holding_only_whitespace_is_filled(client, session, value):
    response = register(client, session, register_form(site_web=value))
    assert "n'a pas pu être enregistrée" in visible_text(response)
    assert not Registration.objects.exists()
