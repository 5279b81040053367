"""SQL queries per page view stay fixed whatever the number of programmes, partners
(with logos, so image renditions are counted) and kits.

Each page is measured on a small site (1 programme, 1 partner, 1 kit) and on a larger
one (6 programmes, 8 partners, 8 kits, each with audiences and school levels): the two
counts must be equal, and under a fixed cap. Measured on SQLite (see the caps below).
"""

import html
import os

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from home.tree import ensure_home_page
from programmes.models import Kit, Partner, ProgrammePage
from tests.db import built_once
from tests.factories import list_item, stream
from tests.programmes.factories import (
    ImpactFigureFactory,
    KitFactory,
    PartnerFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    ResourcesPageFactory,
    action,
    service,
)

# The group keeps the module on one xdist worker, so its two sites are built once.
pytestmark = [
    pytest.mark.both_databases,
    pytest.mark.django_db,
    pytest.mark.xdist_group("programme-query-counts"),
]

# Measured on SQLite: programme page 26, home page 18, programme index 14, resources
# page 19 (filtered or not), the same with 1 or many programmes, partners and kits. The
# caps leave a small margin; raising one must be deliberate (the page shows more: the
# home and programme pages now show the next dates of the agenda and the footer links).
PROGRAMME_PAGE_MAX_QUERIES = 28
HOME_PAGE_MAX_QUERIES = 20
INDEX_PAGE_MAX_QUERIES = 15
RESOURCES_PAGE_MAX_QUERIES = 20

KINDS = list(Partner.Kind)
FORMATS = list(Kit.Format)
KIT_AUDIENCES = ["eleves", "equipes-pedagogiques", "parents"]
LEVELS = ["maternelle", "elementaire", "college", "lycee"]
AUDIENCES = ["jeunes", "parents", "equipes-educatives", "professionnels-insertion"]


def add_partners(numbers):
    return [
        PartnerFactory(name=f"Partenaire {n}", kind=KINDS[n % len(KINDS)], with_logo=True)
        for n in numbers
    ]


def add_kits(programme, numbers):
    for n in numbers:
        KitFactory(
            title=f"Kit numéro {n}",
            format=FORMATS[n % len(FORMATS)],
            programme=programme,
            audiences=KIT_AUDIENCES[: 1 + n % len(KIT_AUDIENCES)],
            school_levels=LEVELS[: 1 + n % len(LEVELS)],
        )


def build_small_site():
    """One programme (services, actions, a key-figures block), one partner with a logo,
    one kit. Returns the programme."""
    figure = ImpactFigureFactory(value="291", label="jeunes accompagnés")
    programme = ProgrammePageFactory(
        title="Programme numéro 0",
        slug="programme-0",
        age_min=11,
        age_max=18,
        audiences=AUDIENCES[:2],
        partners=add_partners([0]),
        services=stream(service("Groupes d'échanges", "Chaque semaine.", "en ligne")),
        actions=stream(action("Nous contacter", url="https://relier.example.org/")),
        body=stream(("key_figures", {"title": "En chiffres", "figures": [list_item(figure.pk)]})),
    )
    add_kits(programme, [0])
    return programme


def grow_site(programme):
    """Grow the small site to 6 programmes, 8 partners (all on the first programme) and
    8 kits (all of the first programme)."""
    partners = add_partners(range(1, 8))
    programme.partners.add(*partners)
    programme.save()
    for n in range(1, 6):
        ProgrammePageFactory(
            title=f"Programme numéro {n}",
            slug=f"programme-{n}",
            audiences=AUDIENCES[: 1 + n % len(AUDIENCES)],
            partners=partners[:n],
        )
    add_kits(programme, range(1, 8))
    assert Partner.objects.count() == 8
    assert ProgrammePage.objects.live().count() == 6
    assert Kit.objects.filter(programme=programme).count() == 8


def count_queries(client, path, must_show):
    client.get(path)  # warm up: renditions created, per-process caches filled
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    content = html.unescape(response.content.decode())  # partners with a logo: alt text
    for expected in must_show:
        assert expected in content, expected
    if os.environ.get("SHOW_QUERIES"):
        print(f"--- {path}")
        for query in queries.captured_queries:
            print(query["sql"][:300])
    return len(queries.captured_queries)


# Each page: (path, texts the small site shows, texts the grown site shows).
PAGES = {
    "programme": (
        "/programmes/programme-0/",
        ["Partenaire 0", "Kit numéro 0", "jeunes accompagnés"],
        ["Partenaire 1", "Partenaire 7", "Kit numéro 7"],
    ),
    "home": (
        "/",
        ["Programme numéro 0", "Nos programmes", "Ils nous soutiennent"],
        ["Programme numéro 5", "Programme numéro 1"],
    ),
    "index": ("/programmes/", ["Programme numéro 0"], ["Programme numéro 5"]),
    "resources": (
        "/ressources/",
        ["Kit numéro 0", "1 ressource"],
        ["Kit numéro 7", "8 ressources"],
    ),
    "filtered resources": (
        "/ressources/?public=eleves&programme=programme-0",
        ["Kit numéro 0"],
        ["Kit numéro 6"],
    ),
}


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """The queries of every page of PAGES on the small site, then on the grown one, as
    {page: (small, large)}. The two sites are built once for the module (in a
    transaction rolled back at its end), not once per page."""
    with built_once(django_db_blocker):
        home_page = ensure_home_page()
        ProgrammeIndexPageFactory(parent=home_page)
        ResourcesPageFactory(parent=home_page)
        programme = build_small_site()
        client = Client()
        small = {
            name: count_queries(client, path, shown) for name, (path, shown, _) in PAGES.items()
        }
        grow_site(programme)
        large = {
            name: count_queries(client, path, shown) for name, (path, _, shown) in PAGES.items()
        }
        yield {name: (small[name], large[name]) for name in PAGES}


@pytest.fixture
def measure(measured, db):
    return measured.__getitem__


def test_programme_page_queries_do_not_grow(measure):
    small, large = measure("programme")
    print(f"programme page: {small} queries (1 partner, 1 kit), {large} (8 partners, 8 kits)")
    assert small == large, f"{small} queries with 1 partner and 1 kit, {large} with 8 and 8"
    assert large <= PROGRAMME_PAGE_MAX_QUERIES


def test_home_page_queries_do_not_grow(measure):
    small, large = measure("home")
    print(f"home page: {small} queries (1 programme, 1 partner), {large} (6 programmes, 8)")
    assert small == large, f"{small} queries with 1 programme, {large} with 6"
    assert large <= HOME_PAGE_MAX_QUERIES


def test_programme_index_queries_do_not_grow(measure):
    small, large = measure("index")
    print(f"programme index: {small} queries (1 programme), {large} (6 programmes)")
    assert small == large
    assert large <= INDEX_PAGE_MAX_QUERIES


def test_resources_page_queries_do_not_grow(measure):
    small, large = measure("resources")
    print(f"resources page: {small} queries (1 kit), {large} (8 kits)")
    assert small == large
    assert large <= RESOURCES_PAGE_MAX_QUERIES


def test_filtered_resources_page_queries_do_not_grow(measure):
    small, large = measure("filtered resources")
    print(f"filtered resources page: {small} queries (1 kit), {large} (8 kits)")
    assert small == large
    assert large <= RESOURCES_PAGE_MAX_QUERIES
