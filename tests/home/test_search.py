"""/recherche/: any query string gives a page (never a 500), and French words are found
whatever their accents, case or plural, with the same results on SQLite and PostgreSQL."""

import re

import pytest
from django.db import connection
from wagtail.query import PageQuerySet

from home.search import french_terms
from home.tree import ensure_home_page
from tests.factories import StandardPageFactory
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def result_titles(client, query, **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<h3 class="h5 mb-1"><a href="[^"]*">([^<]*)</a></h3>', html)


@pytest.fixture
def home_page(db):
    """The site's HomePage, with an intro that none of the searches below finds."""
    return ensure_home_page(intro="Bienvenue.")


@pytest.fixture
def french_pages(home_page):
    StandardPageFactory(
        title="Le harcèlement scolaire", slug="harcelement-scolaire", intro="Comprendre."
    )
    StandardPageFactory(
        title="Réagir aux cyberviolences", slug="cyberviolences", intro="Les signaler."
    )
    StandardPageFactory(title="Relier vers l'emploi", slug="emploi", intro="Un programme.")


@pytest.mark.parametrize("query", ["\x00", "a\x00b", "harc\x00èlement", "\x01\x1f\x7f\x9f"])
def test_search_with_control_characters_answers_a_page(client, french_pages, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()
    assert "Rechercher sur le site" in visible_text(response)


def test_search_with_a_nul_character_searches_the_other_characters(client, french_pages):
    assert result_titles(client, "harc\x00èlement") == ["Le harcèlement scolaire"]


@pytest.mark.parametrize(
    "query",
    ['a"b', '"', "'", "\\", "-", "*", "(", "&|!", "harcèlement OR", "NOT harcèlement",
     "title:harcèlement", "NEAR(harcèlement)", "a AND b", "{title body} : x"],
)  # fmt: skip
def test_search_with_search_engine_syntax_answers_a_page(client, french_pages, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert "Rechercher sur le site" in visible_text(response)


@pytest.mark.parametrize(
    "query",
    ['"harcèlement', 'harcèlement"" "', "harcèlement*", "^harcèlement", "(harcèlement",
     "harcèlement & |", "!harcèlement", "harcèlement'", "harcèlement:*", "«harcèlement»"],
)  # fmt: skip
def test_search_operators_and_quotes_are_ignored(client, french_pages, query):
    assert result_titles(client, query) == ["Le harcèlement scolaire"]


def test_search_with_only_punctuation_says_nothing_was_found(client, french_pages):
    response = client.get("/recherche/", {"q": '"!?…'})
    assert response.status_code == 200
    assert 'Aucun résultat pour « "!?… »' in visible_text(response)


def test_search_refused_by_the_database_gives_a_french_message(client, french_pages, monkeypatch):
    """Last resort: a real syntax error of the database's search engine, caught."""

    def refused_search(queryset, query, *args, **kwargs):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT to_tsquery('simple', '&')")
            else:
                cursor.execute("SELECT * FROM wagtailsearch_indexentry_fts WHERE body MATCH '\"'")
        raise AssertionError("the database accepted the query")

    monkeypatch.setattr(PageQuerySet, "search", refused_search)
    response = client.get("/recherche/", {"q": "harcèlement"})
    assert response.status_code == 200
    text = visible_text(response)
    assert "La recherche n'a pas abouti" in text
    assert "Nous n'avons pas pu chercher « harcèlement »" in text
    assert "Quitter le site" in text  # the page went on using the database afterwards


@pytest.mark.parametrize(
    "page", ["abc", "0", "-1", "1.5", "", "\x00", "9" * 5000, "1e3", "2 OR 1=1"]
)
def test_search_with_a_bad_page_number_shows_the_first_page(client, home_page, page):
    for number in range(12):
        StandardPageFactory(title=f"Harcèlement, fiche {number}", slug=f"fiche-{number}")
    response = client.get("/recherche/", {"q": "harcèlement", "page": page})
    assert response.status_code == 200
    text = visible_text(response)
    assert "12 résultats pour « harcèlement »" in text
    assert "Page 1 sur 2" in text


def test_search_past_the_last_page_shows_the_last_page(client, home_page):
    for number in range(12):
        StandardPageFactory(title=f"Harcèlement, fiche {number}", slug=f"fiche-{number}")
    response = client.get("/recherche/", {"q": "harcèlement", "page": "999999999999999999999"})
    assert response.status_code == 200
    assert "Page 2 sur 2" in visible_text(response)
    assert len(result_titles(client, "harcèlement", page="99")) == 2


@pytest.mark.parametrize(
    "query", ["harcèlement", "harcelement", "Harcèlements", "HARCELEMENTS", "harcèlement scolaire"]
)
def test_search_finds_french_words_whatever_their_accents_case_or_plural(
    client, french_pages, query
):
    assert result_titles(client, query) == ["Le harcèlement scolaire"]


@pytest.mark.parametrize("query", ["cyberviolence", "cyberviolences", "Cyberviolences", "réagir"])
def test_search_finds_singular_and_plural_forms(client, french_pages, query):
    assert result_titles(client, query) == ["Réagir aux cyberviolences"]


def test_search_ignores_french_stop_words(client, french_pages):
    assert result_titles(client, "le harcèlement de l'école") == []  # "école": not on the page
    assert result_titles(client, "le harcèlement des scolaires") == ["Le harcèlement scolaire"]


def test_search_without_words_of_the_page_finds_nothing(client, french_pages):
    assert result_titles(client, "harcèlement emploi") == []


PARITY_TEXT = (
    "Les Centres Relier aident les jeunes victimes de harcèlement scolaire et de "
    "cyberviolences à se reconstruire : écoute, accompagnement psychologique, ateliers "
    "pour les élèves, les parents et les équipes éducatives. Cœur, Noël, Ça, à l'école "
    "aujourd'hui, 3018, été, Être, forêts, naïveté, garçons, Mémoires"
)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares with PostgreSQL")
def test_sqlite_index_terms_are_postgresqls_french_lexemes():
    """The Python normalisation used on SQLite gives PostgreSQL's relier_french lexemes."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT lexeme FROM unnest(to_tsvector('relier_french', %s))", [PARITY_TEXT])
        postgresql = {row[0] for row in cursor.fetchall()}
    assert set(french_terms(PARITY_TEXT)) == postgresql
