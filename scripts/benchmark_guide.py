"""Speed of the guide search over 5,000 structures (nothing is asserted).

    python3 -m uv run python scripts/benchmark_guide.py                 (SQLite)
    python3 -m uv run bash scripts/with-postgres.sh python scripts/benchmark_guide.py

Builds a throwaway database (a temporary SQLite file, or the PostgreSQL database of
DATABASE_URL when it is one, as scripts/with-postgres.sh provides), creates the /guide/
page and 5,000 structures over 8 départements, a region and the national level, indexes
them for the search, then for each search prints the number of SQL queries and the
median time over 30 requests through Django's test client (test settings).
"""

import datetime
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRUCTURES = 5000
REQUESTS = 30
CODES = ["75", "93", "94", "974", "2A", "13", "69", "59"]
SEARCHES = [
    "territoire=93200",
    "territoire=974&theme=harcelement-scolaire",
    "territoire=93&theme=ecoute&public=enfants&age=14&q=écoute",
    "q=structure",
    "theme=sante-mentale&page=3",
]


def build():
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    from guide.models import Audience, Departement, GuideIndexPage, Structure, Theme
    from home.tree import ensure_home_page

    call_command("migrate", verbosity=0, interactive=False)
    home = ensure_home_page()
    page = GuideIndexPage(title="Maux d'enfants, mode d'emploi", slug="guide")
    home.add_child(instance=page)
    page.save_revision().publish()
    themes, audiences = list(Theme.objects.all()), list(Audience.objects.all())
    departements = {d.code: d for d in Departement.objects.filter(code__in=CODES)}
    scopes = [Structure.Scope.DEPARTEMENT] * 6 + [Structure.Scope.REGION, Structure.Scope.NATIONAL]
    structures = Structure.objects.bulk_create(
        Structure(
            source_id=f"structure-{n}",
            name=f"Structure d'écoute numéro {n}",
            description="Une structure qui écoute les jeunes et leurs familles.",
            scope=scopes[n % len(scopes)],
            region="11",
            age_min=n % 12,
            age_max=18 + n % 8,
            last_verified=datetime.date(2026, 1, 1),
            live=True,
        )
        for n in range(STRUCTURES)
    )
    through = Structure.themes.through
    through.objects.bulk_create(
        through(structure=s, theme=themes[n % len(themes)]) for n, s in enumerate(structures)
    )
    through = Structure.audiences.through
    through.objects.bulk_create(
        through(structure=s, audience=audiences[n % len(audiences)])
        for n, s in enumerate(structures)
    )
    through = Structure.departements.through
    through.objects.bulk_create(
        through(structure=s, departement=departements[CODES[n % len(CODES)]])
        for n, s in enumerate(structures)
    )
    get_search_backend().add_bulk(Structure, structures)


def measure(client, query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"/guide/?{query}"
    client.get(url)  # warm caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries.captured_queries)
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return (
        response.status_code,
        count,
        response.context["results"].total,
        statistics.median(timings),
    )


def main():
    workdir = tempfile.TemporaryDirectory(prefix="relier-guide-bench-")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir.name}/benchmark.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "relier_site.settings.test")
    sys.path.insert(0, str(ROOT))

    import django
    from django.conf import settings
    from django.db import connection

    django.setup()
    for noisy in ("django.tasks", "django_tasks", "wagtail"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    settings.MEDIA_ROOT = Path(workdir.name) / "media"

    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client then exposes each response's context
    started = time.perf_counter()
    build()
    print(
        f"Database: {connection.vendor}; {STRUCTURES} structures built in "
        f"{time.perf_counter() - started:.1f} s; {REQUESTS} requests per search\n"
    )
    client = Client()
    print(f"{'search':58} {'status':>6} {'SQL':>4} {'found':>6} {'median':>9}")
    for query in SEARCHES:
        status, count, total, median = measure(client, query)
        print(f"{query:58} {status:>6} {count:>4} {total:>6} {median:>7.1f} ms")
    workdir.cleanup()


if __name__ == "__main__":
    main()
