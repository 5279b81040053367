"""Page weight and speed of the public site, measured in-process (nothing is asserted).

    uv run python scripts/benchmark.py [PATH ...]      (default: /)

Builds the site in a temporary SQLite database (migrations, then `load_demo_content`),
then for each path
prints the number of SQL queries, the HTML size (raw and gzip), and the median render
time over 50 requests through Django's test client, with the test settings. The
repository's database and media folder are not touched.
"""

import gzip
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REQUESTS = 50
ROOT = Path(__file__).resolve().parent.parent


def build_site():
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)
    return "load_demo_content"


def measure(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm caches (templates, content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    query_count = len(queries.captured_queries)  # now: the next request resets the log
    html = response.content
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
    return {
        "status": response.status_code,
        "queries": query_count,
        "bytes": len(html),
        "gzip": len(gzip.compress(html, compresslevel=6)),
        "median": statistics.median(timings),
        "min": min(timings),
        "max": max(timings),
    }


def main(paths):
    workdir = tempfile.TemporaryDirectory(prefix="relier-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir.name}/benchmark.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "relier_site.settings.test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))

    import django
    from django.conf import settings

    django.setup()
    for noisy in ("django.tasks", "django_tasks", "wagtail"):  # one line per page/task
        logging.getLogger(noisy).setLevel(logging.WARNING)
    settings.MEDIA_ROOT = Path(workdir.name) / "media"

    from django.test import Client

    started = time.perf_counter()
    content = build_site()
    print(f"Settings: {os.environ['DJANGO_SETTINGS_MODULE']} (DEBUG={settings.DEBUG})")
    print(f"Site built with {content} in {time.perf_counter() - started:.1f} s")
    print(f"Database: temporary SQLite; {REQUESTS} requests per path via the test client\n")

    client = Client()
    header = f"{'path':<28} {'status':>6} {'queries':>7} {'HTML':>10} {'gzip':>9} {'median':>9}"
    print(header + "   (min-max)")
    for path in paths:
        r = measure(client, path)
        print(
            f"{path:<28} {r['status']:>6} {r['queries']:>7} {r['bytes']:>8} B "
            f"{r['gzip']:>7} B {r['median']:>6.1f} ms   ({r['min']:.1f}-{r['max']:.1f} ms)"
        )
    workdir.cleanup()


if __name__ == "__main__":
    main(sys.argv[1:] or ["/"])
