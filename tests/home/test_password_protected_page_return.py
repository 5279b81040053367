"""The password form of a protected page returns to a page of the site, never a 500."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


@pytest.fixture
def protected(home_page):
    page = StandardPageFactory(title="Page protégée", slug="page-protegee")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="bon-mot-de-passe"
    )
    return f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


@pytest.mark.parametrize(
    ("return_url", "location"),
    [
        ("/page-protegee/", "/page-protegee/"),
        ("aaaa", "/"),  # Wagtail took it for a view name: 500
        ("javascript:alert(1)", "/"),
        ("//autre-site.example/", "/"),
    ],
)
def test_right_password_redirects_to_a_page_of_the_site(client, protected, return_url, location):
    response = client.post(protected, {"password": "bon-mot-de-passe", "return_url": return_url})
    assert response.status_code == 302
    assert response.headers["Location"] == location


def test_wrong_password_shows_the_form_again(client, protected):
    response = client.post(protected, {"password": "faux", "return_url": "aaaa"})
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
