"""/ressources/: the kits listing and its filters (plain GET form, no JavaScript needed).
Unknown filter values are ignored, never an error, and never echoed unescaped.

The tests only read: the pages and kits are built once for the module (`built_once`).
"""

import re

import pytest

from home.tree import ensure_home_page
from programmes.models import Kit
from tests.db import built_once
from tests.html import visible_text
from tests.programmes.factories import (
    KitFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    ResourcesPageFactory,
)

# The group keeps the module on one xdist worker, so its data is built once.
pytestmark = [
    pytest.mark.one_database,
    pytest.mark.django_db,
    pytest.mark.xdist_group("resources-filters"),
]

PARENTS_KIT = "Kit des parents pour mobiliser l'école"
MODULES_KIT = "Modules de prévention au collège"
POSTER_KIT = "Affiche pour les petits"
SHEET_KIT = "Fiche réseaux sociaux pour les parents de lycéens"
ALL_KITS = {PARENTS_KIT, MODULES_KIT, POSTER_KIT, SHEET_KIT}


@pytest.fixture(scope="module")
def kits(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        build_kits()
        yield


def build_kits():
    home_page = ensure_home_page()
    ResourcesPageFactory(parent=home_page)
    ProgrammeIndexPageFactory(parent=home_page)
    reconstruire = ProgrammePageFactory(
        title="Se reconstruire ensemble", slug="se-reconstruire-ensemble"
    )
    stop = ProgrammePageFactory(title="STOP Cyberviolences", slug="stop-cyberviolences")
    draft = ProgrammePageFactory(title="Monster Messenger", slug="monster-messenger", live=False)
    KitFactory(
        title=PARENTS_KIT,
        format=Kit.Format.GUIDE,
        audiences=["parents"],
        school_levels=["college", "lycee"],
        programme=reconstruire,
    )
    KitFactory(
        title=MODULES_KIT,
        format=Kit.Format.MODULE,
        audiences=["equipes-pedagogiques", "eleves"],
        school_levels=["college"],
        programme=stop,
    )
    KitFactory(
        title=POSTER_KIT,
        format=Kit.Format.POSTER,
        audiences=["eleves"],
        school_levels=["maternelle", "elementaire"],
        programme=draft,
    )
    KitFactory(
        title=SHEET_KIT,
        format=Kit.Format.SHEET,
        audiences=["parents"],
        school_levels=["lycee"],
        programme=stop,
    )


def listed_kits(response):
    """Titles of the kits listed on the page (the h3 of each kit card)."""
    titles = re.findall(r'<h3 class="h5 card-title">([^<]*)</h3>', response.text)
    return {title.replace("&#x27;", "'") for title in titles}


def get(client, **params):
    response = client.get("/ressources/", params)
    assert response.status_code == 200
    return response


def test_unfiltered_listing_shows_every_kit_with_its_summary_and_download(client, kits):
    response = get(client)
    assert listed_kits(response) == ALL_KITS
    text = visible_text(response)
    assert "4 ressources" in text
    assert "correspondant à vos filtres" not in text
    assert "Un kit pour parler du harcèlement en classe" in text  # the summary
    assert "Télécharger « Kit des parents pour mobiliser l'école » (PDF" in text
    assert "Effacer les filtres" not in text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"public": "parents"}, {PARENTS_KIT, SHEET_KIT}),
        ({"public": "eleves"}, {MODULES_KIT, POSTER_KIT}),
        ({"public": "equipes-pedagogiques"}, {MODULES_KIT}),
        ({"niveau": "college"}, {PARENTS_KIT, MODULES_KIT}),
        ({"niveau": "maternelle"}, {POSTER_KIT}),
        ({"format": "module"}, {MODULES_KIT}),
        ({"format": "fiche"}, {SHEET_KIT}),
        ({"programme": "stop-cyberviolences"}, {MODULES_KIT, SHEET_KIT}),
        ({"programme": "se-reconstruire-ensemble"}, {PARENTS_KIT}),
    ],
    ids=lambda value: (
        "-".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else None
    ),
)
def test_one_filter_narrows_the_list(client, kits, params, expected):
    response = get(client, **params)
    assert listed_kits(response) == expected
    text = visible_text(response)
    count = len(expected)
    assert f"{count} ressource{'s' if count > 1 else ''} correspondant à vos filtres" in text
    assert "Effacer les filtres" in text
    # The chosen value stays selected in the form.
    ((name, value),) = params.items()
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', response.text, re.S)
    select = select.group(1)
    assert f'<option value="{value}" selected>' in select


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"public": "parents", "niveau": "lycee"}, {PARENTS_KIT, SHEET_KIT}),
        ({"public": "parents", "programme": "stop-cyberviolences"}, {SHEET_KIT}),
        ({"niveau": "college", "format": "guide"}, {PARENTS_KIT}),
        (
            {
                "public": "eleves",
                "niveau": "college",
                "format": "module",
                "programme": "stop-cyberviolences",
            },
            {MODULES_KIT},
        ),
    ],
)
def test_filters_combine(client, kits, params, expected):
    assert listed_kits(get(client, **params)) == expected


def test_filters_without_match_say_so_and_offer_the_full_list(client, kits):
    response = get(client, niveau="maternelle", format="module")
    assert listed_kits(response) == set()
    text = visible_text(response)
    assert "0 ressource correspondant à vos filtres" in text
    assert "Aucune ressource ne correspond à ces filtres." in text
    assert '<a href="/ressources/">Voir toutes les ressources</a>' in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"public": "xyz", "niveau": "<script>alert(1)</script>"},
        {"format": '"><img src=x onerror=alert(1)>', "programme": "n-existe-pas"},
        {"programme": "monster-messenger"},  # a draft programme is not a choice
        {"public": "", "niveau": "", "format": "", "programme": ""},  # the form sent empty
        {"public": "PARENTS", "niveau": "Collège"},
        {"page": "2", "utm_source": "flyer"},
    ],
    ids=["script", "attribute-break", "draft-programme", "empty", "wrong-case", "other-params"],
)
def test_unknown_filter_values_are_ignored(client, kits, params):
    response = get(client, **params)
    assert listed_kits(response) == ALL_KITS
    text = visible_text(response)
    assert "4 ressources" in text
    assert "correspondant à vos filtres" not in text
    html = response.content.decode()
    for value in params.values():
        if value:
            assert f'value="{value}"' not in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    # Every filter is back to « Tous »: no other option is selected.
    assert not re.search(r'<option value="[^"]+" selected>', html)


def test_an_unknown_value_is_ignored_while_a_known_one_applies(client, kits):
    response = get(client, public="parents", niveau="<script>alert(1)</script>")
    assert listed_kits(response) == {PARENTS_KIT, SHEET_KIT}
    assert "<script>alert" not in response.content.decode()


def test_the_filter_form_works_without_javascript(client, kits):
    response = get(client)
    html = response.content.decode()
    form = re.search(r'<form method="get" action="/ressources/"[^>]*>(.*?)</form>', html, re.S)
    assert form is not None
    form_html = form.group(1)
    for name in ("public", "niveau", "programme", "format"):
        assert f'name="{name}"' in form_html
        assert f'<label class="form-label" for="filtre-{name}">' in form_html
    assert '<button type="submit"' in form_html
    # Only live programmes are offered.
    assert ">STOP Cyberviolences (2)</option>" in form_html
    assert "Monster Messenger" not in form_html


def options_of(response, name):
    """(value, label) of the options of one filter."""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', response.text, re.S)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1))


def test_each_option_says_how_many_kits_it_lists_and_none_lists_nothing(client, kits):
    """Counts with no filter chosen: every kit is counted once per value it has."""
    response = get(client)
    assert options_of(response, "public") == [
        ("", "Tous"),
        ("eleves", "Élèves (2)"),
        ("equipes-pedagogiques", "Équipes pédagogiques (1)"),
        ("parents", "Parents (2)"),
    ]
    assert options_of(response, "niveau") == [
        ("", "Tous"),
        ("maternelle", "Maternelle (1)"),
        ("elementaire", "Élémentaire (1)"),
        ("college", "Collège (2)"),
        ("lycee", "Lycée (2)"),
    ]
    # « Présentation » has no kit: it is not offered. The draft programme is not either.
    assert options_of(response, "format") == [
        ("", "Tous"),
        ("guide", "Guide (1)"),
        ("fiche", "Fiche pratique (1)"),
        ("module", "Module de prévention (1)"),
        ("affiche", "Affiche (1)"),
    ]
    assert options_of(response, "programme") == [
        ("", "Tous"),
        ("se-reconstruire-ensemble", "Se reconstruire ensemble (1)"),
        ("stop-cyberviolences", "STOP Cyberviolences (2)"),
    ]


def test_counts_take_the_other_chosen_filters_into_account(client, kits):
    response = get(client, public="parents")

    # What choosing each level would list, parents' kits only.
    assert options_of(response, "niveau") == [
        ("", "Tous"),
        ("college", "Collège (1)"),
        ("lycee", "Lycée (2)"),
    ]
    assert options_of(response, "format") == [
        ("", "Tous"),
        ("guide", "Guide (1)"),
        ("fiche", "Fiche pratique (1)"),
    ]
    # The chosen filter's own options count without it: one can switch to another.
    assert ("eleves", "Élèves (2)") in options_of(response, "public")
    for value, label in options_of(response, "niveau")[1:]:
        count = int(label.rsplit("(", 1)[1].rstrip(")"))
        assert len(listed_kits(get(client, public="parents", niveau=value))) == count, value


def test_a_chosen_option_that_lists_nothing_stays_shown(client, kits):
    response = get(client, niveau="maternelle", format="module")
    assert ("module", "Module de prévention (0)") in options_of(response, "format")
    assert ("maternelle", "Maternelle (0)") in options_of(response, "niveau")
    assert '<option value="module" selected>' in response.text
