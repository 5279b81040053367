"""Login throttling (django-axes) through the real Wagtail admin login page."""

import html
import os
import re
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from relier_site import roles
from relier_site.settings.base import axes_client_address
from tests.factories import STAFF_PASSWORD as PASSWORD
from tests.factories import StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

LOGIN_URL = "/admin/login/"


@pytest.fixture
def staff_user(home_page):
    return StaffFactory(username="dominique", role=roles.COMMUNICATION)


def sign_in(client, username, password, ip="203.0.113.7"):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def visible(response):
    text = html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r"[ \t\n]+", " ", text)


def assert_locked_out(response):
    assert response.status_code == 429
    text = visible(response)
    assert "Trop de tentatives de connexion ont échoué." in text
    assert "Réessayez dans une heure." in text
    assert "5\u00a0essais incorrects" in text


def signed_in(client):
    return "_auth_user_id" in client.session


def test_wrong_passwords_lock_the_account_even_for_the_right_password(client, staff_user):
    # This also proves that Wagtail's login form calls authenticate(request, …): without
    # the request, AxesStandaloneBackend raises AxesBackendRequestParameterRequired.
    for attempt in range(1, 5):
        response = sign_in(client, "dominique", f"faux-{attempt}")
        assert response.status_code == 200, attempt  # the login page again, with its error
        assert "Connexion temporairement bloquée" not in visible(response)
    # The fifth failure reaches AXES_FAILURE_LIMIT: the lockout page answers.
    assert_locked_out(sign_in(client, "dominique", "faux-5"))

    # Sixth attempt, right password: still refused, nobody signed in.
    response = sign_in(client, "dominique", PASSWORD)
    assert_locked_out(response)
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_lockout_ends_after_the_cool_off(client, staff_user):
    for attempt in range(5):
        sign_in(client, "dominique", f"faux-{attempt}")
    assert_locked_out(sign_in(client, "dominique", PASSWORD))

    # One hour and a minute later (AXES_COOLOFF_TIME = 1 hour).
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(hours=1, minutes=1))
    response = sign_in(client, "dominique", PASSWORD)
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert signed_in(client)


def test_an_operator_can_lift_the_lockout(client, staff_user):
    for attempt in range(5):
        sign_in(client, "dominique", f"faux-{attempt}")
    assert_locked_out(sign_in(client, "dominique", PASSWORD))
    call_command("axes_reset_username", "dominique")
    assert sign_in(client, "dominique", PASSWORD).status_code == 302
    assert signed_in(client)


def test_lockout_is_per_username_and_address(client, staff_user):
    StaffFactory(username="alex", role=roles.COMMUNICATION)
    for attempt in range(5):
        sign_in(client, "dominique", f"faux-{attempt}")

    other_user = Client()
    assert sign_in(other_user, "alex", PASSWORD).status_code == 302
    other_address = Client()
    response = sign_in(other_address, "dominique", PASSWORD, ip="198.51.100.20")
    assert response.status_code == 302
    assert signed_in(other_address)


# --- Behind the reverse proxy (production: AXES_PROXY_COUNT=1) ------------------------------

PROXY_ADDRESS = "127.0.0.1"  # the proxy, as gunicorn sees it
CLIENT_A = "203.0.113.7"
CLIENT_B = "198.51.100.20"


@pytest.fixture
def behind_one_proxy(settings):
    """The client-address settings production derives from AXES_PROXY_COUNT=1."""
    settings.AXES_IPWARE_PROXY_COUNT, settings.AXES_IPWARE_META_PRECEDENCE_ORDER = (
        axes_client_address(1)
    )


def sign_in_through_proxy(client, username, password, forwarded_for):
    """A login as the proxy forwards it: X-Forwarded-For ends with the client address."""
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=PROXY_ADDRESS,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_the_proxy_lockout_is_per_real_client_address(behind_one_proxy, staff_user):
    client_a = Client()
    for attempt in range(5):
        sign_in_through_proxy(client_a, "dominique", f"faux-{attempt}", CLIENT_A)
    assert_locked_out(sign_in_through_proxy(client_a, "dominique", PASSWORD, CLIENT_A))
    assert not signed_in(client_a)

    # Someone else, through the same proxy, signs in with the right password.
    client_b = Client()
    response = sign_in_through_proxy(client_b, "dominique", PASSWORD, CLIENT_B)
    assert response.status_code == 302
    assert signed_in(client_b)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [CLIENT_A]


@pytest.mark.parametrize("forged", [CLIENT_B, "10.0.0.1", "not-an-address"])
def test_a_forged_forwarded_for_entry_does_not_lift_the_lockout(
    behind_one_proxy, staff_user, forged
):
    # Each failure comes with another forged entry before the one the proxy appended.
    for attempt in range(5):
        sign_in_through_proxy(
            Client(), "dominique", f"faux-{attempt}", f"192.0.2.{attempt}, {CLIENT_A}"
        )
    response = sign_in_through_proxy(Client(), "dominique", PASSWORD, f"{forged}, {CLIENT_A}")
    assert_locked_out(response)
    assert_locked_out(sign_in_through_proxy(Client(), "dominique", PASSWORD, CLIENT_A))


def test_without_a_proxy_a_forwarded_for_header_is_ignored(staff_user):
    # The test settings are those of a site without proxy (AXES_PROXY_COUNT unset).
    for attempt in range(5):
        Client().post(
            LOGIN_URL,
            {"username": "dominique", "password": f"faux-{attempt}"},
            REMOTE_ADDR=CLIENT_A,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}",
        )
    response = Client().post(
        LOGIN_URL,
        {"username": "dominique", "password": PASSWORD},
        REMOTE_ADDR=CLIENT_A,
        HTTP_X_FORWARDED_FOR=CLIENT_B,
    )
    assert_locked_out(response)


@pytest.mark.processes
def test_production_reads_the_client_address_behind_one_proxy_by_default():
    from tests.relier_site.test_settings import PRODUCTION_ENV, ROOT

    code = (
        "from django.conf import settings; "
        "print(settings.AXES_IPWARE_PROXY_COUNT, settings.AXES_IPWARE_META_PRECEDENCE_ORDER, "
        "settings.IPWARE_STRICT)"
    )
    env = {k: v for k, v in os.environ.items() if k != "AXES_PROXY_COUNT"}
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="relier_site.settings.production")
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "0 ['HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR'] False"
