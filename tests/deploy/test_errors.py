"""The French 400 page (bad Host, too many fields, too large a body) and the French
page the proxy answers for too long an address."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template import loader
from django.test import override_settings

from home.helplines import DEFAULT_HELPLINES, DEFAULT_QUICK_EXIT_URL, tel_href
from tests.html import streamed_body, visible_text

pytestmark = pytest.mark.django_db

STATIC_414 = Path(settings.BASE_DIR) / "relier_site" / "static" / "erreurs" / "414.html"


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


def test_the_static_414_page_is_the_rendered_template():
    """The proxy's page for too long an address is a static copy of templates/414.html.

    After changing the template or the error layout, regenerate it:
    uv run python -c "import django,os;os.environ['DJANGO_SETTINGS_MODULE']=
    'relier_site.settings.test';django.setup();from django.template import loader;
    open('relier_site/static/erreurs/414.html','w').write(loader.get_template('414.html').render())"
    """
    html = STATIC_414.read_text()
    assert html == loader.get_template("414.html").render()
    assert_french_safe_page(html, "Cette adresse est trop longue")


def test_the_static_414_page_is_served_as_a_static_file(client):
    response = client.get("/static/erreurs/414.html")
    assert response.status_code == 200
    html = streamed_body(response).decode()
    assert "Cette adresse est trop longue" in visible_text(html)
