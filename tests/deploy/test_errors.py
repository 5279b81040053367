"""The French 400 page (bad Host, too many fields, too large a body) and the French
pages the proxy answers with for its own errors (README « Déploiement »)."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import loader
from django.test import override_settings

from home.helplines import DEFAULT_HELPLINES, DEFAULT_QUICK_EXIT_URL, tel_href
from home.management.commands import proxy_error_pages
from tests.html import streamed_body, visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

STATIC_ERRORS = Path(settings.BASE_DIR) / "relier_site" / "static" / "erreurs"


def assert_french_safe_page(html, title):
    assert f"<h1>{title}</h1>" in html
    assert '<html lang="fr">' in html
    assert "Bad Request" not in html
    for line in DEFAULT_HELPLINES:
        assert f'href="{tel_href(line["number"])}"' in html
    assert f'href="{DEFAULT_QUICK_EXIT_URL}"' in html
    assert "Quitter le site" in html
    assert "/static/js/quick-exit.js" in html


@override_settings(ALLOWED_HOSTS=["www.example.org"], DEBUG=False)
def test_a_bad_host_header_gets_the_french_400_page(client, home_page):
    response = client.get("/", HTTP_HOST="attaquant.example.com")
    assert response.status_code == 400
    assert_french_safe_page(response.content.decode(), "Votre demande n'a pas pu être traitée")


@override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=10, DEBUG=False)
def test_too_many_fields_get_the_french_400_page(client, home_page):
    response = client.get("/recherche/?" + "&".join(f"c{n}=1" for n in range(20)))
    assert response.status_code == 400
    assert_french_safe_page(response.content.decode(), "Votre demande n'a pas pu être traitée")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000, DEBUG=False)
def test_too_large_a_body_gets_the_french_400_page(client, home_page):
    response = client.post("/_util/login/", {"username": "x" * 5000, "password": "y"})
    assert response.status_code == 400
    assert_french_safe_page(response.content.decode(), "Votre demande n'a pas pu être traitée")


def test_the_400_page_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.get_template("400.html").render()
    assert "Votre demande n'a pas pu être traitée" in html


PROXY_PAGE_TITLES = {
    "400.html": "Votre demande n'a pas pu être traitée",
    "413.html": "Ce que vous avez envoyé est trop volumineux",
    "414.html": "Cette adresse est trop longue",
    "502.html": "Le site est momentanément indisponible",
}


def test_every_proxy_page_has_a_title_here():
    assert set(PROXY_PAGE_TITLES) == set(proxy_error_pages.PAGES)


@pytest.mark.parametrize(("name", "title"), PROXY_PAGE_TITLES.items())
def test_the_static_proxy_pages_are_the_rendered_templates(name, title):
    """The proxy's pages (too long an address, too large a body…) are static copies of
    templates: after changing one of them or the error layout, regenerate them with
    `python manage.py proxy_error_pages`."""
    html = (STATIC_ERRORS / name).read_text()
    assert html == loader.get_template(proxy_error_pages.PAGES[name]).render()
    assert_french_safe_page(html, title)


@pytest.mark.parametrize(("name", "title"), PROXY_PAGE_TITLES.items())
def test_the_static_proxy_pages_are_served_as_static_files(client, name, title):
    response = client.get(f"/static/erreurs/{name}")
    assert response.status_code == 200
    html = streamed_body(response).decode()
    assert title in visible_text(html)


def test_the_command_writes_the_static_proxy_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(proxy_error_pages, "FOLDER", tmp_path)
    call_command("proxy_error_pages", stdout=io.StringIO())
    for name, template_name in proxy_error_pages.PAGES.items():
        assert (tmp_path / name).read_text() == loader.get_template(template_name).render()
