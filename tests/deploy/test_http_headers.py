"""Permissions-Policy on every page, Cache-Control on HTML pages, and 405 (not the CSRF
page) for HTTP methods a view does not support."""

import pytest
from django.test import Client

from tests.factories import StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "browsing-topics", "usb")


@pytest.fixture
def csrf_client():
    """A client that checks CSRF tokens, as a browser's requests are checked."""
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("path", ["/", "/recherche/?q=aide", "/_util/login/", "/robots.txt"])
def test_every_response_denies_powerful_browser_features(client, home_page, path):
    policy = client.get(path)["Permissions-Policy"]
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in policy


def test_a_public_page_for_an_anonymous_visitor_gets_a_short_revalidated_cache(client, home_page):
    page = StandardPageFactory(title="Qui sommes-nous", parent=home_page)
    for path in ("/", page.url, "/recherche/?q=aide"):
        response = client.get(path)
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=300, must-revalidate"


def test_a_page_with_a_form_token_is_never_stored(client, home_page):
    response = client.get("/_util/login/")
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_a_page_seen_with_a_session_is_never_stored(admin_client, home_page):
    response = admin_client.get("/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_page_seen_with_a_csrf_cookie_is_never_stored(client, home_page):
    client.cookies["csrftoken"] = "a" * 32
    assert client.get("/")["Cache-Control"] == "private, no-store"


def test_a_missing_page_is_never_stored(client, home_page):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"


def test_the_admin_is_never_stored(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_options_on_a_page_lists_only_the_methods_pages_support(client, home_page):
    response = client.options("/")
    assert response.status_code == 200
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("method", ["put", "delete", "patch", "post"])
def test_a_write_method_on_a_page_gets_405_not_the_csrf_page(csrf_client, home_page, method):
    response = getattr(csrf_client, method)("/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "Cette méthode HTTP n'est pas acceptée ici" in response.content.decode()
    assert "expiré" not in response.content.decode()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_a_write_method_on_a_function_view_gets_405(csrf_client, home_page, method):
    response = getattr(csrf_client, method)("/recherche/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS, POST"


def test_a_class_based_view_allows_only_its_own_methods(csrf_client):
    response = csrf_client.put("/_util/login/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST, HEAD, OPTIONS"  # no PUT
    # POST is supported: without a token, the CSRF check refuses it (French page).
    response = csrf_client.post("/_util/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "Cette page a expiré" in response.content.decode()


def test_an_unknown_page_still_gets_404_for_any_method(csrf_client, home_page):
    assert csrf_client.put("/nulle-part/").status_code == 404
