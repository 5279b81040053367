"""Public pages as a visitor's browser receives them (Django test client, no browser)."""

import re

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from home.helplines import DEFAULT_HELPLINES, tel_href
from home.search_forms import SEARCH_QUERY_MAX_LENGTH
from home.views import server_error
from tests.factories import (
    EVERY_BLOCK_TEXT,
    IMAGE_ALT_TEXT,
    StandardPageFactory,
    make_every_block_page,
)
from tests.html import normalise, visible_text

# The rest runs on SQLite only; the tests marked `both_databases` hold what the engine can
# change: full-text search and query counts (README « Tests »).
pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

HELPLINE_NUMBERS = [line["number"] for line in DEFAULT_HELPLINES]

# Measured: 15 queries for the home page on SQLite and PostgreSQL (site, page, view
# restrictions, site settings, menu, programmes, partners, next dates of the agenda,
# footer links), plus a small margin. Raise it
# only on purpose, when the page shows something new; it must not depend on the content.
HOME_PAGE_MAX_QUERIES = 16


def csp_directives(response):
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_site_shell(response):
    """Every public page: French, helplines linked for phones, quick exit, skip link."""
    html = response.content.decode()
    assert '<html lang="fr"' in html
    for number in HELPLINE_NUMBERS:
        assert f'href="{tel_href(number)}"' in html
    text = visible_text(response)
    assert "Quitter le site" in text
    assert "data-quick-exit" in html
    assert 'href="#contenu"' in html


def test_home_page_renders_with_one_title_helplines_and_quick_exit(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
    assert home_page.title in visible_text(response)
    assert_site_shell(response)


def test_standard_page_renders_with_one_title_helplines_and_quick_exit(client, home_page):
    page = StandardPageFactory(title="Qui sommes-nous", slug="qui-sommes-nous")
    response = client.get("/qui-sommes-nous/")
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
    text = visible_text(response)
    assert page.title in text
    assert page.intro in text
    assert_site_shell(response)


def test_every_body_block_renders_its_content(client, home_page):
    page = make_every_block_page()
    response = client.get(page.url)
    assert response.status_code == 200
    text = visible_text(response)
    missing = {
        block: expected
        for block, expected in EVERY_BLOCK_TEXT.items()
        if normalise(expected) not in text
    }
    assert not missing, f"Blocks whose text is not on the page: {missing}"
    html = response.content.decode()
    assert f'alt="{IMAGE_ALT_TEXT}"' in html
    # The image block: AVIF and WebP renditions, then a JPEG fallback, at three widths.
    picture = re.search(r"<picture>(.*?)</picture>", html, re.S).group(1)
    for image_format in ("avif", "webp", "jpeg"):
        for width in (400, 800, 1200):  # (the test image is smaller: never enlarged)
            assert f"format-{image_format}.width-{width}." in picture
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert re.search(r'<img [^>]*src="[^"]+\.jpg"', picture)
    assert "/orienter/" in html  # the call to action links to the chosen page
    assert "/documents/" in html  # the document list links to the download
    assert html.count("<h1") == 1


@pytest.mark.both_databases
def test_search_without_query_shows_the_search_page(client, home_page):
    response = client.get("/recherche/", {"q": ""})
    assert response.status_code == 200
    text = visible_text(response)
    assert "Rechercher sur le site" in text
    assert "résultat" not in text.lower()
    assert_site_shell(response)


@pytest.mark.both_databases
def test_search_with_a_very_long_query_is_cut_not_an_error(client, home_page):
    response = client.get("/recherche/", {"q": "harcèlement " * 170})  # 2,040 characters
    assert response.status_code == 200
    text = visible_text(response)
    assert "Rechercher sur le site" in text
    value = re.search(r'name="q" value="([^"]*)"', response.content.decode()).group(1)
    assert 0 < len(value) <= SEARCH_QUERY_MAX_LENGTH
    assert "harcèlement " * 20 not in text


@pytest.mark.both_databases
def test_search_query_with_markup_is_escaped(client, home_page):
    response = client.get("/recherche/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;script&gt;" in html
    assert "<script>alert" not in html


@pytest.mark.both_databases
def test_search_lists_a_matching_page(client, home_page):
    StandardPageFactory(title="Stop cyberviolences", slug="stop-cyberviolences")
    StandardPageFactory(title="Relier vers l'emploi", slug="relier-vers-lemploi")
    response = client.get("/recherche/", {"q": "cyberviolences"})
    assert response.status_code == 200
    text = visible_text(response)
    assert "1 résultat pour « cyberviolences »" in text
    assert "Stop cyberviolences" in text
    assert "Relier vers l'emploi" not in text
    assert 'href="/stop-cyberviolences/"' in response.content.decode()


@pytest.mark.both_databases
def test_search_without_result_says_so(client, home_page):
    response = client.get("/recherche/", {"q": "zzzyxwv"})
    assert response.status_code == 200
    assert "Aucun résultat pour « zzzyxwv »" in visible_text(response)


def test_unknown_url_gives_a_french_404_with_helplines_and_search(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    text = visible_text(response)
    assert "Page introuvable" in text
    html = response.content.decode()
    assert 'role="search"' in html
    assert 'name="q"' in html
    assert_site_shell(response)


def test_server_error_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/une-page/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "problème technique" in html
    for number in HELPLINE_NUMBERS:
        assert f'href="{tel_href(number)}"' in html
    assert "Quitter le site" in html


def test_robots_txt_is_plain_text_and_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_sitemap_lists_live_pages(client, home_page):
    StandardPageFactory(title="Nos programmes", slug="programmes")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "/programmes/</loc>" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/page-csp/", "/recherche/?q=relier", "/introuvable/"])
def test_public_pages_have_a_strict_content_security_policy(client, home_page, path):
    StandardPageFactory(title="Page CSP", slug="page-csp")
    response = client.get(path)
    header = response.headers["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in header
    directives = csp_directives(response)
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_admin_login_gets_the_relaxed_admin_policy(client, home_page):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    directives = csp_directives(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]  # still nothing from another host


def _home_page_queries(client):
    client.get("/")  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries.captured_queries)


@pytest.mark.both_databases
def test_home_page_query_count_is_bounded(client, home_page, django_assert_max_num_queries):
    StandardPageFactory(title="Nos programmes", show_in_menus=True)
    client.get("/")
    with django_assert_max_num_queries(HOME_PAGE_MAX_QUERIES):
        response = client.get("/")
    assert response.status_code == 200


@pytest.mark.both_databases
def test_home_page_query_count_does_not_grow_with_menu_pages(client, home_page):
    StandardPageFactory(title="Nos programmes", show_in_menus=True)
    before = _home_page_queries(client)
    for n in range(10):
        StandardPageFactory(title=f"Rubrique {n}", show_in_menus=True)
    after = _home_page_queries(client)
    response = client.get("/")
    assert "Rubrique 9" in visible_text(response)  # the new pages are in the menu
    assert after == before, f"{before} queries with 1 menu page, {after} with 11"


def test_a_form_posted_without_its_security_token_gets_a_french_page(home_page):
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"})
    assert response.status_code == 403
    text = visible_text(response)
    assert "Cette page a expiré" in text
    assert "Forbidden" not in text
    for number in HELPLINE_NUMBERS:
        assert number in text
