"""A guide search answers with the same number of SQL queries over 50 and over 5,000
structures (territory, theme, audience, age and free text together, or alone)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from guide.models import Audience, Departement, Structure, Theme

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

CODES = ["75", "93", "94", "974", "2A", "13", "69", "59"]
QUERIES = [
    {"territoire": "93200"},
    {"territoire": "974", "theme": "harcelement-scolaire"},
    {"territoire": "93", "theme": "ecoute", "public": "enfants", "age": "14", "q": "écoute"},
    {"q": "structure"},
    {"theme": "sante-mentale", "page": "3"},
]
# Measured on SQLite: 13 to 17 queries per search (page, site settings, count, results,
# three prefetches, helplines, text search). The cap leaves a small margin.
MAX_QUERIES = 20


def add_structures(count, start=0):
    themes = list(Theme.objects.all())
    audiences = list(Audience.objects.all())
    departements = {d.code: d for d in Departement.objects.filter(code__in=CODES)}
    scopes = [Structure.Scope.DEPARTEMENT] * 6 + [Structure.Scope.REGION, Structure.Scope.NATIONAL]
    structures = Structure.objects.bulk_create(
        [
            Structure(
                source_id=f"structure-{n}",
                name=f"Structure d'écoute numéro {n}",
                description="Une structure qui écoute les jeunes et leurs familles.",
                scope=scopes[n % len(scopes)],
                region="11",
                phone="3018" if n % 50 == 0 else "",
                age_min=n % 12,
                age_max=18 + n % 8,
                last_verified=datetime.date(2026, 1, 1),
                live=True,
            )
            for n in range(start, start + count)
        ]
    )
    Structure.themes.through.objects.bulk_create(
        Structure.themes.through(structure=s, theme=themes[n % len(themes)])
        for n, s in enumerate(structures)
    )
    Structure.audiences.through.objects.bulk_create(
        Structure.audiences.through(structure=s, audience=audiences[n % len(audiences)])
        for n, s in enumerate(structures)
    )
    Structure.departements.through.objects.bulk_create(
        Structure.departements.through(structure=s, departement=departements[CODES[n % len(CODES)]])
        for n, s in enumerate(structures)
    )
    get_search_backend().add_bulk(Structure, structures)


def count_queries(client, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/guide/", query)
    assert response.status_code == 200
    assert response.context["results"] is not None
    return len(queries), response.context["results"].total


def test_search_queries_stay_fixed_from_50_to_5000_structures(client, guide_page):
    add_structures(50)
    client.get("/guide/", QUERIES[0])  # warm the per-process caches (site, content types)
    small = [count_queries(client, query) for query in QUERIES]
    add_structures(4950, start=50)
    large = [count_queries(client, query) for query in QUERIES]
    assert [n for n, _total in small] == [n for n, _total in large]
    assert max(n for n, _total in large) <= MAX_QUERIES
    # The larger guide did find more structures with the same queries.
    assert all(
        large_total > small_total
        for (_, small_total), (_, large_total) in zip(small, large, strict=True)
    )
