"""What the forms refuse or survive: robots (honeypot), double and replayed submissions
(floods: test_intake_flood.py), POSTs without CSRF token, and
hostile input (very long texts, markup, emoji, right-to-left text, NUL bytes, formulas),
each with a precise French message next to its field and what was typed kept."""

import re

import pytest
from django.test import Client

from referrals.models import Kind, Referral
from relier_site.models import OutboundEmail
from tests.html import visible_text
from tests.referrals.conftest import FORM_PATHS, VALID_DATA, submit, token_of

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


def text(response):
    return visible_text(response).replace("\u202f", " ").replace("\u00a0", " ")


def error_of(response, field):
    """The error message shown next to `field` (empty when none)."""
    html = response.content.decode()
    match = re.search(rf'<div id="id_{field}_error" class="field-error">(.*?)</div>', html, re.S)
    return visible_text(match.group(1)).replace("Erreur : ", "") if match else ""


@pytest.mark.parametrize("kind", list(Kind))
def test_a_robot_filling_the_honeypot_stores_and_sends_nothing(client, form_pages, kind):
    response = submit(client, kind, site_web="https://spam.example")

    assert response.status_code == 200
    assert "Votre demande n'a pas été envoyée" in text(response)
    assert Referral.objects.count() == 0
    assert OutboundEmail.objects.count() == 0


def test_the_honeypot_is_hidden_from_people_and_assistive_technologies(client, form_pages):
    html = client.get(FORM_PATHS[Kind.CONTACT]).content.decode()
    wrapper = re.search(r'<div\s+hidden="">\s*<div id="div_id_site_web"', html)
    assert wrapper, "the honeypot is not inside a hidden wrapper"
    assert re.search(r'<input type="text" name="site_web" tabindex="-1" autocomplete="off"', html)


def test_a_double_submission_stores_one_request_and_sends_one_set_of_mails(client, form_pages):
    page = client.get(FORM_PATHS[Kind.ORIENTATION])
    data = VALID_DATA[Kind.ORIENTATION](submission_token=token_of(page))

    first = client.post(FORM_PATHS[Kind.ORIENTATION], data)
    mails = OutboundEmail.objects.count()
    second = client.post(FORM_PATHS[Kind.ORIENTATION], data)

    assert first.status_code == second.status_code == 302
    assert Referral.objects.count() == 1
    assert OutboundEmail.objects.count() == mails == 2  # young person and referrer
    reference = Referral.objects.get().reference
    assert reference in client.get(second["Location"]).content.decode()


def test_a_replayed_post_from_another_browser_stores_nothing_new(form_pages):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(FORM_PATHS[Kind.CONTACT])
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    data = VALID_DATA[Kind.CONTACT](submission_token=token_of(page), csrfmiddlewaretoken=csrf)
    assert browser.post(FORM_PATHS[Kind.CONTACT], data).status_code == 302

    replay = Client(enforce_csrf_checks=True)
    replay.cookies = browser.cookies
    response = replay.post(FORM_PATHS[Kind.CONTACT], data)
    assert response.status_code == 302
    assert Referral.objects.count() == 1
    assert OutboundEmail.objects.filter(reason_key__endswith=":confirmation").count() == 1


def test_a_used_token_sent_by_another_client_shows_no_reference(form_pages):
    sender = Client()
    page = sender.get(FORM_PATHS[Kind.CONTACT])
    data = VALID_DATA[Kind.CONTACT](submission_token=token_of(page), urgent="oui")
    sent = sender.post(FORM_PATHS[Kind.CONTACT], data)
    assert sent.status_code == 302
    referral = Referral.objects.get()
    mails = OutboundEmail.objects.count()

    other = Client()  # another browser, its own session
    other.get(FORM_PATHS[Kind.CONTACT])
    replay = other.post(FORM_PATHS[Kind.CONTACT], data)

    assert replay.status_code == 200
    shown = text(replay)
    assert "Cette demande a déjà été envoyée." in shown
    assert referral.reference not in replay.content.decode()
    assert "Si le jeune est en danger, appelez maintenant" not in shown  # no urgent flag
    assert "en priorité" not in shown
    assert Referral.objects.count() == 1 and OutboundEmail.objects.count() == mails
    # Its own confirmation page knows nothing either.
    assert referral.reference not in other.get(sent["Location"]).content.decode()
    # The sender still sees its confirmation, even when it sends the form again.
    again = sender.post(FORM_PATHS[Kind.CONTACT], data)
    assert again.status_code == 302
    assert referral.reference in sender.get(again["Location"]).content.decode()


@pytest.mark.parametrize("kind", list(Kind))
def test_a_post_without_csrf_token_is_refused(form_pages, kind):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(FORM_PATHS[kind])
    data = VALID_DATA[kind](submission_token=token_of(page))

    response = browser.post(FORM_PATHS[kind], data)

    assert response.status_code == 403
    assert Referral.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12 34", "Ce numéro de téléphone n'est pas valide"),
        ("phone", "06 12 34 56 7", "Ce numéro de téléphone n'est pas valide"),
        ("email", "claire@", "Cette adresse électronique n'est pas valide"),
        ("age", "2", "indiquez un âge de 3 ans au moins"),
        ("age", "31", "indiquez un âge de 30 ans au plus"),
        ("age", "douze", "Indiquez l'âge en chiffres"),
        ("postcode", "7500", "Un code postal s'écrit avec 5 chiffres"),
        ("postcode", "99999", "ne correspond à aucun département français"),
        ("postcode", "97133", "ne correspond à aucun département français"),
        ("postcode", "93200", "Ce code postal est dans le département 93, pas dans le 974"),
        ("departement", "99", "Ce choix n'existe pas"),
        ("concerns", "maladie", "Ce choix n'existe pas"),
        ("urgent", "peut-etre", "Répondez par oui ou par non"),
    ],
)
def test_bad_input_gets_a_french_message_next_to_the_field_and_is_kept(
    client, form_pages, field, value, message
):
    response = submit(client, Kind.CONTACT, **{field: value})

    assert response.status_code == 200
    assert message in error_of(response, field).replace("\u202f", " ")
    assert "Il y a un problème" in text(response)
    assert f'href="#id_{field}' in response.content.decode()  # the summary links to it
    if field not in ("concerns", "urgent", "departement"):
        assert f'value="{value}"' in response.content.decode()
    assert Referral.objects.count() == 0


def test_at_least_one_way_to_reach_the_person(client, form_pages):
    response = submit(client, Kind.ORIENTATION, phone="", email="", contact_preference="sms")
    assert "Indiquez un numéro de téléphone ou une adresse électronique" in error_of(
        response, "phone"
    )
    response = submit(client, Kind.ORIENTATION, email="", contact_preference="email")
    assert "indiquez l'adresse" in error_of(response, "email")
    response = submit(client, Kind.ORIENTATION, consent_confirmed="")
    assert "demandez-lui son accord" in error_of(response, "consent_confirmed")
    response = submit(client, Kind.ORIENTATION, agency="")
    assert error_of(response, "agency") == "Indiquez votre agence France Travail."
    assert Referral.objects.count() == 0


def test_a_text_of_10000_characters_is_refused_with_its_length_and_kept(client, form_pages):
    response = submit(client, Kind.CONTACT, message="a" * 10_000)
    assert error_of(response, "message") == (
        "Ce texte est trop long : 1000 caractères au plus (il en compte actuellement 10000)."
    )
    assert "a" * 10_000 in response.content.decode()
    assert Referral.objects.count() == 0


HOSTILE = {
    "first_name": '<script>alert("x")</script>Zoé 🦄',
    "contact_times": '=HYPERLINK("http://evil.example";"clic")',
    "message": "مرحبا \u202eRTL\u202c ligne\x00 NUL\x07 et <b>gras</b>\n\n\n\nfin",
}


def test_hostile_text_is_stored_cleaned_and_shown_escaped(client, form_pages):
    response = submit(client, Kind.CONTACT, **HOSTILE, age="2")  # an error: echoed back
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;Zoé 🦄" in html
    assert "<b>gras</b>" not in html

    assert submit(client, Kind.CONTACT, **HOSTILE).status_code == 302
    referral = Referral.objects.get()
    assert referral.first_name == '<script>alert("x")</script>Zoé 🦄'
    assert referral.contact_times == HOSTILE["contact_times"]  # exports neutralise formulas
    assert referral.message == "مرحبا RTL ligne NUL et <b>gras</b>\n\nfin"
    assert "\x00" not in referral.message and "\u202e" not in referral.message
