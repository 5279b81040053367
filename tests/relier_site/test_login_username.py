"""Any username typed in a login form gives a page, never a 500, and still counts for the
lockout (django-axes stores it in a 255-character column: longer was a PostgreSQL error)."""

import pytest
from axes.models import AccessAttempt

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

LONG_USERNAME = "harcèlement" * 1000  # 11,000 characters


def test_an_over_long_username_on_the_visitor_login_is_refused_then_locked_out(client, home_page):
    for attempt in range(1, 5):
        response = client.post("/_util/login/", {"username": LONG_USERNAME, "password": "x"})
        assert response.status_code == 200, attempt
    attempt = AccessAttempt.objects.get()
    assert attempt.username == LONG_USERNAME[:255]
    assert attempt.failures_since_start == 4
    # The fifth failure reaches AXES_FAILURE_LIMIT: the lockout page answers.
    response = client.post("/_util/login/", {"username": LONG_USERNAME, "password": "x"})
    assert response.status_code == 429


def test_an_over_long_username_on_the_admin_login_shows_the_form_again(client, home_page):
    response = client.post("/admin/login/", {"username": LONG_USERNAME, "password": "x"})
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_a_username_with_control_characters_is_stored_clean(client, home_page):
    response = client.post("/_util/login/", {"username": "domi\x01nique\x7f", "password": "x"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "dominique"
