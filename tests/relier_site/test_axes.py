"""Login throttling (django-axes) through the real Wagtail admin login page."""

import html
import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from relier_site import roles
from tests.factories import STAFF_PASSWORD as PASSWORD
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

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
