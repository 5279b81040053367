"""The visitor login (/_util/login/, Wagtail's login for private pages and documents)
without a `next` address lands on the home page, never on a 404 nor on another site."""

import pytest

from relier_site import roles
from tests.factories import STAFF_PASSWORD, StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

LOGIN = "/_util/login/"


def log_in(client, query=""):
    user = StaffFactory(role=roles.ACCOMPAGNEMENT)
    return client.post(f"{LOGIN}{query}", {"username": user.username, "password": STAFF_PASSWORD})


def test_a_login_without_next_lands_on_the_home_page(client, home_page):
    response = log_in(client)

    assert response.status_code == 302
    assert response.url == "/"
    home = client.get(response.url)
    assert home.status_code == 200
    assert home_page.title in home.content.decode()


@pytest.mark.parametrize(
    "next_url", ["https://attaquant.example.com/", "//attaquant.example.com/", "javascript:x"]
)
def test_a_login_never_sends_to_another_site(client, home_page, next_url):
    response = log_in(client, f"?next={next_url}")

    assert response.status_code == 302
    assert response.url == "/"


def test_a_login_with_next_still_goes_there(client, home_page):
    response = log_in(client, "?next=/agenda/")

    assert response.status_code == 302
    assert response.url == "/agenda/"
