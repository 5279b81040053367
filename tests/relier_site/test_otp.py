"""Two-factor login for the admin: set-up with a QR code, verification, backup codes."""

import html as html_lib
import re
import time
from base64 import b32encode
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from relier_site import roles
from tests.factories import DocumentFactory, StaffFactory, StandardPageFactory
from tests.html import streamed_body
from tests.html import visible_text as page_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

OTP_MIDDLEWARE = "django_otp.middleware.OTPMiddleware"
TWO_FACTOR_MIDDLEWARE = "relier_site.otp.AdminTwoFactorMiddleware"
SETUP_URL = "/admin/2fa/configurer/"
VERIFY_URL = "/admin/2fa/verifier/"


@pytest.fixture
def two_factor(settings):
    """The 2FA middleware in place (just after django-otp's) and 2FA required."""
    middleware = [m for m in django_settings.MIDDLEWARE if m != TWO_FACTOR_MIDDLEWARE]
    middleware.insert(middleware.index(OTP_MIDDLEWARE) + 1, TWO_FACTOR_MIDDLEWARE)
    settings.MIDDLEWARE = middleware
    settings.RELIER_REQUIRE_2FA = True
    return settings


@pytest.fixture
def editor(home_page):
    return StaffFactory(username="camille", role=roles.COMMUNICATION)


def code_for(device, steps_ahead=0):
    """The code the person's app shows now (or `steps_ahead` periods of 30 s later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code_for(device):
    valid = {code_for(device, steps) for steps in (-1, 0, 1)}
    return next(c for c in ("123456", "654321", "111111", "999999") if c not in valid)


def end_throttle(device):
    """django-otp makes the person wait after a wrong code; pretend the wait is over."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=django_settings_now() - timedelta(minutes=5)
    )


def django_settings_now():
    from django.utils import timezone

    return timezone.now()


def error_of(response):
    """The error shown next to the code field (tied to it by aria-describedby)."""
    html = response.text
    match = re.search(r'<div class="w-field__errors" id="id_code_error">(.*?)</div>', html, re.S)
    assert match, "no error next to the code field"
    field = re.search(r"<input[^>]*name=\"code\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in field
    assert "id_code_error" in re.search(r'aria-describedby="([^"]*)"', field).group(1)
    return visible(match.group(1))


def visible(html):
    """Text as read on screen: no tags, entities decoded, ordinary spaces collapsed."""
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"[ \t\n]+", " ", text).strip()


def set_up_device(client):
    """Go through the set-up page like a person would; return the backup codes shown."""
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(SETUP_URL, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 200
    return re.findall(r"<li>(\d{4} \d{4} \d{4})</li>", response.text)


def test_without_2fa_requirement_admin_opens_without_device(two_factor, client, editor):
    two_factor.RELIER_REQUIRE_2FA = False
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert not TOTPDevice.objects.exists()


def test_anonymous_visitor_still_gets_the_login_page(two_factor, client, editor):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_staff_without_device_is_sent_to_setup_with_qr_and_secret(two_factor, client, editor):
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url == SETUP_URL + "?next=%2Fadmin%2Fpages%2F"

    response = client.get(response.url)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    html = response.text
    assert re.search(r'<svg role="img" aria-label="QR code[^"]*"', html)
    secret = b32encode(device.bin_key).decode().rstrip("=")
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in html
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    assert '<label class="w-field__label" for="id_code">Code à 6\u00a0chiffres</label>' in html
    # Reloading the page keeps the same secret (the app may already hold it).
    client.get(SETUP_URL)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_wrong_code_then_throttle_then_right_code_confirms(two_factor, client, editor):
    client.force_login(editor)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=editor)

    response = client.post(SETUP_URL, {"code": wrong_code_for(device), "next": "/admin/"})
    assert response.status_code == 200
    assert error_of(response).startswith("Ce code n'est pas valide.")
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302

    # Right away, even the right code is refused: django-otp throttles after a failure.
    response = client.post(SETUP_URL, {"code": code_for(device), "next": "/admin/"})
    assert error_of(response).startswith("Trop d'essais incorrects. Patientez")
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed

    end_throttle(device)
    response = client.post(SETUP_URL, {"code": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 200
    assert "La double authentification est activée." in response.text
    codes = re.findall(r"<li>(\d{4} \d{4} \d{4})</li>", response.text)
    assert len(set(codes)) == 10
    assert 'href="/admin/pages/"' in response.text
    assert TOTPDevice.objects.get(pk=device.pk).confirmed

    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Tableau de bord" in response.text


def test_code_with_letters_is_refused_with_a_format_message(two_factor, client, editor):
    client.force_login(editor)
    client.get(SETUP_URL)
    response = client.post(SETUP_URL, {"code": "12ab56"})
    assert error_of(response) == "Le code compte 6\u00a0chiffres, sans lettres."
    response = client.post(SETUP_URL, {"code": ""})
    assert error_of(response) == "Saisissez le code."


def test_a_later_session_must_pass_the_verify_page(two_factor, client, editor):
    client.force_login(editor)
    set_up_device(client)
    device = TOTPDevice.objects.get(user=editor, confirmed=True)

    later = Client()
    later.force_login(editor)
    response = later.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url == VERIFY_URL + "?next=%2Fadmin%2Fpages%2F"
    # The set-up page cannot be used to add another device without the second factor.
    response = later.get(SETUP_URL)
    assert response.status_code == 302
    assert response.url.startswith(VERIFY_URL)

    response = later.get(VERIFY_URL + "?next=%2Fadmin%2Fpages%2F")
    assert response.status_code == 200
    assert '<label class="w-field__label" for="id_code">Code de vérification</label>' in (
        response.text
    )
    response = later.post(VERIFY_URL, {"code": wrong_code_for(device), "next": "/admin/pages/"})
    assert error_of(response).startswith("Ce code n'est pas valide.")
    assert later.get("/admin/").status_code == 302

    end_throttle(device)
    # The code used at set-up cannot be replayed; the next period's code is accepted.
    response = later.post(
        VERIFY_URL, {"code": code_for(device, steps_ahead=1), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response.url == "/admin/pages/"
    assert later.get("/admin/pages/").status_code == 200


def test_a_backup_code_works_once_only(two_factor, client, editor):
    client.force_login(editor)
    codes = set_up_device(client)
    assert len(codes) == 10

    second = Client()
    second.force_login(editor)
    response = second.post(VERIFY_URL, {"code": codes[0], "next": "/admin/"})
    assert response.status_code == 302
    assert second.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=editor).count() == 9

    third = Client()
    third.force_login(editor)
    response = third.post(VERIFY_URL, {"code": codes[0], "next": "/admin/"})
    assert response.status_code == 200
    assert error_of(response).startswith("Ce code n'est pas valide.")
    assert third.get("/admin/").status_code == 302


@pytest.mark.parametrize("next_url", ["https://ailleurs.example/", "aaaa", "//ailleurs.example/"])
def test_verify_ignores_a_next_url_that_is_not_a_path_of_the_site(
    two_factor, client, editor, next_url
):
    client.force_login(editor)
    codes = set_up_device(client)
    other = Client()
    other.force_login(editor)
    response = other.post(VERIFY_URL, {"code": codes[1], "next": next_url})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_backup_codes_page_counts_and_regenerates(two_factor, client, editor):
    client.force_login(editor)
    old_codes = set_up_device(client)
    url = reverse("relier_otp_backup_codes")
    response = client.get(url)
    assert "Il vous reste 10\u00a0codes de secours non utilisés." in visible(response.text)
    response = client.post(url)
    new_codes = re.findall(r"<li>(\d{4} \d{4} \d{4})</li>", response.text)
    assert len(new_codes) == 10
    assert not set(new_codes) & set(old_codes)
    assert StaticToken.objects.filter(device__user=editor).count() == 10


def test_unverified_user_can_still_sign_out(two_factor, client, editor):
    client.force_login(editor)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session


def test_full_sign_in_through_the_login_page(two_factor, client, editor):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "camille", "password": "mot-de-passe-solide-42", "next": "/admin/pages/"},
    )
    assert response.status_code == 302
    assert response.url == "/admin/pages/"
    response = client.get(response.url)
    assert response.url == SETUP_URL + "?next=%2Fadmin%2Fpages%2F"
    codes = set_up_device(client)
    assert len(codes) == 10
    assert client.get("/admin/pages/").status_code == 200


def test_middleware_refuses_to_run_before_django_otp(settings):
    from django.core.exceptions import ImproperlyConfigured

    from relier_site.otp import AdminTwoFactorMiddleware

    settings.MIDDLEWARE = [m for m in django_settings.MIDDLEWARE if m != OTP_MIDDLEWARE]
    with pytest.raises(ImproperlyConfigured, match="must come after"):
        AdminTwoFactorMiddleware(lambda request: None)


# --- The second factor guards private pages and documents too -----------------------------

PRIVATE_TEXT = "Compte rendu de la réunion d'équipe"
FRONTEND_LOGIN_URL = "/_util/login/"


@pytest.fixture
def private_content(home_page):
    """A page and a document that only signed-in people may see."""
    page = StandardPageFactory(
        parent=home_page, title="Espace de l'équipe", slug="equipe", intro=PRIVATE_TEXT
    )
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    collection = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = DocumentFactory(title="Compte rendu", collection=collection)
    return {"page": "/equipe/", "document": document.url}


def assert_sent_to_login(response, next_url):
    assert response.status_code == 302
    assert response.url == f"{FRONTEND_LOGIN_URL}?{urlencode({'next': next_url}, safe='/')}"


def assert_private_content_served(client, private_content):
    response = client.get(private_content["page"])
    assert response.status_code == 200
    assert PRIVATE_TEXT in page_text(response.text)
    response = client.get(private_content["document"])
    assert response.status_code == 200
    assert streamed_body(response).startswith(b"Guide des parents")


def test_without_the_second_factor_private_pages_and_documents_are_refused(
    two_factor, client, editor, private_content
):
    client.force_login(editor)
    set_up_device(client)
    device = TOTPDevice.objects.get(user=editor, confirmed=True)

    later = Client()
    later.force_login(editor)  # password passed, second factor not yet
    for url in private_content.values():
        assert_sent_to_login(later.get(url), url)
    # The login page sends on to the second factor, then back to the page.
    response = later.get(f"{FRONTEND_LOGIN_URL}?{urlencode({'next': '/equipe/'})}")
    assert response.status_code == 302
    assert response.url == VERIFY_URL + "?next=%2Fequipe%2F"
    response = later.post(VERIFY_URL, {"code": code_for(device, steps_ahead=1), "next": "/equipe/"})
    assert response.status_code == 302
    assert response.url == "/equipe/"
    assert_private_content_served(later, private_content)


def test_a_login_through_the_visitors_login_page_still_needs_the_second_factor(
    two_factor, client, editor, private_content
):
    client.force_login(editor)
    codes = set_up_device(client)

    visitor = Client()
    assert_sent_to_login(visitor.get("/equipe/"), "/equipe/")
    response = visitor.post(
        FRONTEND_LOGIN_URL,
        {"username": "camille", "password": "mot-de-passe-solide-42", "next": "/equipe/"},
    )
    assert response.status_code == 302
    assert "_auth_user_id" in visitor.session  # the password is right…
    for url in private_content.values():  # …but it is not enough
        response = visitor.get(url)
        assert_sent_to_login(response, url)
        assert PRIVATE_TEXT not in page_text(response.text)
    response = visitor.get(f"{FRONTEND_LOGIN_URL}?{urlencode({'next': '/equipe/'})}")
    assert response.url == VERIFY_URL + "?next=%2Fequipe%2F"
    response = visitor.post(VERIFY_URL, {"code": codes[0], "next": "/equipe/"})
    assert response.url == "/equipe/"
    assert_private_content_served(visitor, private_content)


def test_a_staff_member_without_device_is_sent_to_set_up_from_the_visitors_login(
    two_factor, client, editor, private_content
):
    client.force_login(editor)
    assert_sent_to_login(client.get("/equipe/"), "/equipe/")
    response = client.get(f"{FRONTEND_LOGIN_URL}?{urlencode({'next': '/equipe/'})}")
    assert response.url == SETUP_URL + "?next=%2Fequipe%2F"


def test_public_pages_still_open_to_an_unverified_session(two_factor, client, editor):
    client.force_login(editor)
    response = client.get("/")
    assert response.status_code == 200
    assert "wagtail-userbar" not in response.text  # no editing shortcut either


def test_without_2fa_requirement_a_signed_in_user_reads_private_content(
    two_factor, client, editor, private_content
):
    two_factor.RELIER_REQUIRE_2FA = False
    client.force_login(editor)
    assert_private_content_served(client, private_content)
