"""Placeholder text never reaches a public page: with the demo site loaded, every live
public page of the tree and the site's plain URLs are fetched as a visitor, and none
says « à compléter », « lorem » or « TODO » (any case, with or without accents).

The demo is loaded once for the module; each test runs in its own savepoint inside it.
"""

import html
import re
import unicodedata

import pytest
from wagtail.models import Site

from tests.db import demo_site as demo_copy

pytestmark = [
    pytest.mark.one_database,
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-placeholders"),
]

PLACEHOLDER = re.compile(r"a\s+completer|lorem|\btodo\b")

PLAIN_URLS = [
    "/recherche/?q=harcèlement",
    "/sitemap.xml",
    "/robots.txt",
    "/agenda/calendrier.ics",
    "/une-page-qui-n-existe-pas/",  # the 404 page
]


@pytest.fixture(scope="module", autouse=True)
def demo_site(django_db_setup, django_db_blocker, database_template):
    with demo_copy(django_db_blocker, database_template) as output:
        yield output


def folded(text):
    """Lower case, entities decoded, accents removed, every space a plain space."""
    text = unicodedata.normalize("NFKD", html.unescape(text).casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", text)


def placeholders_in(response):
    return PLACEHOLDER.findall(folded(response.content.decode()))


def test_the_check_catches_placeholders_whatever_their_case_and_accents():
    for text in ("À compléter&nbsp;: l'hébergeur", "A COMPLETER", "Lorem ipsum", "TODO: x"):
        assert PLACEHOLDER.findall(folded(text)), text
    assert not PLACEHOLDER.findall(folded("Complétez le formulaire ; todos los niños"))


def public_pages():
    root = Site.objects.get(is_default_site=True).root_page
    return root.get_descendants(inclusive=True).live().public().specific()


def test_no_public_page_shows_placeholder_text(client):
    pages = list(public_pages())
    assert len(pages) > 30  # the whole demo site, not an empty tree
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert not placeholders_in(response), page.url


@pytest.mark.parametrize("url", PLAIN_URLS)
def test_no_plain_url_shows_placeholder_text(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), url
    assert not placeholders_in(response), url
