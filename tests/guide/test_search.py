"""The search at /guide/: local structures before national ones, the reason each result
matches, the filters, the bad input of the issue (French message and the national
helplines, status 200), the structure page and the printable booklet."""

import re

import pytest

from guide.models import Structure
from tests.guide.conftest import make_structure
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

HELPLINES_TITLE = "Numéros nationaux, gratuits et toujours là"


@pytest.fixture
def directory(guide_page, national_helpline):
    make_structure(
        "ecoute-93",
        name="Point écoute de Bobigny",
        departements=["93"],
        themes=["ecoute", "harcelement-scolaire"],
        audiences=["adolescents"],
        age_min=11,
        age_max=18,
        phone="01 23 45 67 89",
    )
    make_structure(
        "parents-idf",
        name="Réseau des parents d'Île-de-France",
        scope=Structure.Scope.REGION,
        region="11",
        themes=["parentalite"],
        audiences=["parents"],
    )
    make_structure(
        "psy-974",
        name="Permanence psy de Saint-Denis de La Réunion",
        departements=["974"],
        themes=["sante-mentale"],
    )
    make_structure(
        "bondy-commune",
        name="Maison des jeunes de Bondy",
        scope=Structure.Scope.COMMUNE,
        code_insee="93010",
        commune="Bondy",
        themes=["ecoute"],
    )
    make_structure("brouillon-93", name="Structure en brouillon", departements=["93"], live=False)
    return guide_page


def result_names(response):
    return [s.name for s in response.context["results"].structures]


def test_local_structures_come_before_the_national_ones(client, directory):
    response = client.get("/guide/", {"territoire": "93200"})
    assert response.status_code == 200
    assert result_names(response) == [
        "Maison des jeunes de Bondy",
        "Point écoute de Bobigny",
        "Réseau des parents d'Île-de-France",
        "3018, le numéro contre le harcèlement",
    ]
    text = visible_text(response)
    assert "4 structures trouvées pour la Seine-Saint-Denis" in text
    assert "Couvre la Seine-Saint-Denis" in text
    assert "Couvre l'Île-de-France, dont la Seine-Saint-Denis" in text
    assert "Couvre la commune de Bondy (la Seine-Saint-Denis)" in text
    assert "Service national, joignable partout en France" in text
    assert "Structure en brouillon" not in text
    assert text.index("Point écoute de Bobigny") < text.index("3018, le numéro")


def test_a_reunion_postcode_finds_the_structures_of_la_reunion(client, directory):
    response = client.get("/guide/", {"territoire": "97400"})
    assert result_names(response) == [
        "Permanence psy de Saint-Denis de La Réunion",
        "3018, le numéro contre le harcèlement",
    ]
    assert "Couvre La Réunion" in visible_text(response)


def test_the_theme_audience_and_age_filters_narrow_the_results(client, directory):
    assert result_names(client.get("/guide/", {"territoire": "93", "theme": "parentalite"})) == [
        "Réseau des parents d'Île-de-France"
    ]
    assert result_names(client.get("/guide/", {"territoire": "93", "public": "adolescents"})) == [
        "Point écoute de Bobigny",
        "3018, le numéro contre le harcèlement",
    ]
    by_age = result_names(client.get("/guide/", {"territoire": "93", "age": "20"}))
    assert "Point écoute de Bobigny" not in by_age
    assert "Maison des jeunes de Bondy" in by_age


def test_free_text_search_uses_the_search_index(client, directory):
    response = client.get("/guide/", {"q": "Bobigny"})
    assert result_names(response) == ["Point écoute de Bobigny"]


def test_a_search_without_result_says_so_and_shows_the_helplines(client, directory):
    response = client.get("/guide/", {"territoire": "974", "theme": "parentalite"})
    text = visible_text(response)
    assert response.status_code == 200
    assert "Aucune structure du guide ne correspond à tous ces critères" in text
    assert HELPLINES_TITLE in text
    assert 'href="tel:3018"' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"territoire": "00000"}, "ne correspond à aucun département français"),
        ({"territoire": "99999"}, "Le code postal 99999 ne correspond à aucun département"),
        ({"territoire": "98800"}, "n'est pas un département"),
        ({"territoire": "999"}, "n'est ni un code postal"),
        ({"territoire": "abcdef"}, "Nous ne reconnaissons pas ce territoire"),
        ({"territoire": "x" * 2000}, "Ce territoire est trop long"),
        ({"q": "", "territoire": ""}, "pour lancer la recherche"),
        ({"q": "h" * 2000}, "Votre recherche est trop longue : 200 caractères au plus"),
        ({"q": '"*()'}, "Votre recherche ne contient aucun mot"),
        ({"theme": "inconnu"}, "Ce thème n'existe pas dans le guide"),
        ({"public": "<script>"}, "Ce public n'existe pas dans le guide"),
        ({"age": "douze"}, "Indiquez l'âge en chiffres"),
        ({"age": "-3"}, "L'âge ne peut pas être négatif"),
        ({"age": "400"}, "Indiquez un âge de 120 ans au plus"),
    ],
)
def test_bad_input_gets_a_french_message_and_the_national_helplines(
    client, directory, query, message
):
    response = client.get("/guide/", query)
    assert response.status_code == 200
    text = visible_text(response)
    assert "Nous n'avons pas pu lancer cette recherche" in text
    assert message in text
    assert HELPLINES_TITLE in text
    assert "3018, le numéro contre le harcèlement" in text


def test_the_empty_guide_page_explains_how_to_search(client, directory):
    response = client.get("/guide/")
    text = visible_text(response)
    assert response.status_code == 200
    assert "Comment chercher" in text
    assert HELPLINES_TITLE in text
    assert "Nous n'avons pas pu lancer cette recherche" not in text


def test_an_odd_page_number_shows_the_first_page(client, directory):
    response = client.get("/guide/", {"territoire": "93", "page": "abc"})
    assert response.status_code == 200
    assert response.context["results"].page_number == 1


def test_results_are_paginated(client, guide_page):
    for n in range(25):
        make_structure(f"s-{n:02d}", name=f"Structure {n:02d}", departements=["75"])
    first = client.get("/guide/", {"territoire": "75"})
    second = client.get("/guide/", {"territoire": "75", "page": "2"})
    assert len(first.context["results"].structures) == 20
    assert result_names(second) == [f"Structure {n}" for n in range(20, 25)]
    assert 'href="?territoire=75&amp;page=2"' in first.content.decode()


def test_the_structure_page_has_a_click_to_call_link_and_its_verification_date(client, directory):
    response = client.get("/guide/structures/ecoute-93/")
    html = response.content.decode()
    text = visible_text(response)
    assert response.status_code == 200
    assert 'href="tel:+33123456789"' in html
    assert "Appeler le 01 23 45 67 89" in text
    assert "Informations vérifiées le 1 juin 2026" in text
    assert "Couvre la Seine-Saint-Denis" in text


def test_draft_and_unknown_structures_are_not_found(client, directory):
    assert client.get("/guide/structures/brouillon-93/").status_code == 404
    assert client.get("/guide/structures/inconnue/").status_code == 404


def test_an_example_structure_is_marked_as_such(client, guide_page):
    make_structure("exemple-93", name="Exemple : écoute", departements=["93"], is_example=True)
    assert "Exemple fictif" in visible_text(client.get("/guide/structures/exemple-93/"))
    assert "Exemple fictif" in visible_text(client.get("/guide/", {"territoire": "93"}))


def test_the_results_link_to_the_printable_booklet_of_the_departement(client, directory):
    response = client.get("/guide/", {"territoire": "93200"})
    assert 'href="/guide/imprimer/?territoire=93"' in response.content.decode()
    assert "Imprimer le guide de mon département" in visible_text(response)


def test_the_booklet_lists_the_departement_then_the_national_services(client, directory):
    response = client.get("/guide/imprimer/", {"territoire": "93"})
    html = response.content.decode()
    text = visible_text(response)
    assert response.status_code == 200
    assert "guide/guide-print.css" in html
    assert "Seine-Saint-Denis (93)" in text
    assert text.index("Dans la Seine-Saint-Denis") < text.index("Point écoute de Bobigny")
    assert text.index("Point écoute de Bobigny") < text.index("Services nationaux")
    assert text.index("Services nationaux") < text.index("3018, le numéro")
    assert "Permanence psy" not in text
    assert "En cas de danger immédiat" in text


def test_the_print_stylesheet_has_print_rules():
    from django.contrib.staticfiles import finders

    with open(finders.find("guide/guide-print.css"), encoding="utf-8") as handle:
        css = handle.read()
    assert "@media print" in css
    assert ".helplines-bar" in css


def test_the_booklet_without_a_departement_is_not_found(client, directory):
    assert client.get("/guide/imprimer/").status_code == 404
    assert client.get("/guide/imprimer/", {"territoire": "99999"}).status_code == 404


def test_the_selector_for_other_apps_gives_local_then_national(directory):
    from guide.selectors import structures_for_departement

    names = [s.name for s in structures_for_departement("974")]
    assert names == [
        "Permanence psy de Saint-Denis de La Réunion",
        "3018, le numéro contre le harcèlement",
    ]
    assert [s.name for s in structures_for_departement("zz")] == [
        "3018, le numéro contre le harcèlement"
    ]


def test_the_search_form_is_a_filter_form_in_the_shared_layout(client, directory):
    """GuideSearchForm is a FilterForm rendered with crispy: the shared field layout (help
    text and error named by the input), the same labels and input ids, the page number
    not carried into a new search, the errors told once, in the results region."""
    html = client.get("/guide/", {"territoire": "abcdef", "page": "3"}).content.decode()
    form = html[html.index("data-guide-search") : html.index("</form>")]
    for name, label in [
        ("territoire", "Code postal ou département"),
        ("theme", "Thème"),
        ("public", "Pour qui"),
        ("age", "Âge de la personne concernée"),
        ("q", "Mots-clés"),
    ]:
        assert f'<div id="div_id_{name}" class="mb-3' in form
        assert f'<label class="form-label" for="id_{name}">{label}</label>' in form
    territoire = re.search(r'<input type="text" name="territoire"[^>]*>', form).group()
    assert 'aria-invalid="true"' in territoire
    assert 'aria-describedby="id_territoire_helptext id_territoire_error"' in territoire
    assert 'id="id_territoire_error"' in form
    assert 'name="page"' not in form and "error-summary" not in html
    assert "Nous n'avons pas pu lancer cette recherche" in visible_text(html)
