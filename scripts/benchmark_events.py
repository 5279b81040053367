"""Concurrent registrations on the site as deployed: a session of CAPACITY places, REQUESTS
people registering at the same moment over real HTTP; exactly CAPACITY must be confirmed
and the others on the waiting list, every run.

    python3 -m uv run --frozen bash scripts/with-postgres.sh \\
        python scripts/benchmark_events.py [RUNS] [--workers 4] [--requests 100] [--capacity 10]

What it does:

1. a new, empty database in the PostgreSQL cluster of DATABASE_URL (the one of
   scripts/with-postgres.sh), production settings (`relier_site.settings.production`),
   `migrate`, `collectstatic`, the home page and an agenda with one event;
2. gunicorn started as the README deploys it (`gunicorn -c gunicorn.conf.py
   relier_site.wsgi`, --workers processes), behind nginx with the README's rules
   when nginx is installed (else the script itself poses as the proxy and sends
   `X-Forwarded-For`); both started by scripts/deployed_site.py, as for tests/deploy;
3. for each run, a new session of CAPACITY places; each of the REQUESTS clients opens the
   registration form (its own CSRF cookie and token) from its own loopback address
   (127.0.R.C: the proxy forwards a different client address for each, so the rate
   limit of the form does not interfere), then all of them post the form at once (a
   barrier releases the threads together). The database then says how many were
   confirmed and how many are waiting.

Prints one line per run (confirmed, waiting, errors, timings) and exits with status 1
unless every run gave exactly CAPACITY confirmed and REQUESTS - CAPACITY waiting, with no
error. Timings are printed, never asserted.
"""

import argparse
import http.client
import os
import re
import statistics
import sys
import threading
import time
from urllib.parse import urlencode

from deployed_site import HOST, ROOT, benchmark_site

ORIGIN = f"https://{HOST}"
DATABASE = "relier_benchmark_events"
REQUEST_TIMEOUT = 120
CSRF_COOKIE = "__Host-csrftoken"
REGISTERED = 303  # the form redirects (See Other) to the « merci » page


# --- What the site needs (Django, in this process, on the deployed site's database) --------


def setup_django(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build_site(env):
    """In this process, on the deployed site's database: migrate, collect the static
    files, and create /agenda/ with one webinar (returned)."""
    setup_django(env)
    from django.core.management import call_command
    from django.db import connections

    from events.models import AgendaPage, Audience, EventPage
    from home.tree import ensure_home_page

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    home = ensure_home_page()
    agenda = AgendaPage(title="Agenda", slug="agenda")
    home.add_child(instance=agenda)
    agenda.save_revision().publish()
    event = EventPage(
        title="Webinaire pour les conseillers France Travail",
        kind=EventPage.Kind.WEBINAR,
        format=EventPage.Format.ONLINE,
        registration_profile=EventPage.Profile.PROFESSIONAL,
        audiences=list(Audience.objects.filter(slug="france-travail")),
    )
    agenda.add_child(instance=event)
    event.save_revision().publish()
    connections.close_all()  # this process only reads between the runs
    return event


def create_session(event, capacity, run):
    from datetime import timedelta

    from django.utils import timezone

    from events.models import Session

    start = timezone.now() + timedelta(days=7 + run)
    return Session.objects.create(
        event=event, start=start, end=start + timedelta(hours=1), capacity=capacity
    )


def outcome(session):
    """(confirmed, waiting, total) of the session, read from the database."""
    from events.models import Registration

    registrations = Registration.objects.filter(session=session)
    return (
        registrations.filter(status=Registration.Status.CONFIRMED).count(),
        registrations.filter(status=Registration.Status.WAITLISTED).count(),
        registrations.count(),
    )


def registration_fields(run, number):
    return {
        "name": "Camille Conseillère",  # a name holds letters only
        "organisation": "France Travail",
        "agency": f"Agence n° {number}",
        "email": f"conseillere.{run}.{number}@example.org",
    }


# --- The clients -------------------------------------------------------------------------


class Client:
    """One person: their own loopback address, cookie and CSRF token."""

    def __init__(self, port, address, through_proxy):
        self.port = port
        self.address = address
        self.through_proxy = through_proxy
        self.cookie = ""
        self.hidden = {}

    def headers(self, **extra):
        headers = {"Host": HOST, **extra}
        if not self.through_proxy:  # the script is the proxy
            headers.update({"X-Forwarded-Proto": "https", "X-Forwarded-For": self.address})
        if self.cookie:
            headers["Cookie"] = self.cookie
        return headers

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=REQUEST_TIMEOUT, source_address=(self.address, 0)
        )
        try:
            connection.request(method, path, body=body, headers=headers or self.headers())
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read().decode()
        finally:
            connection.close()

    def open_form(self, path):
        status, headers, body = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        for name, value in headers:
            if name.lower() == "set-cookie" and value.startswith(f"{CSRF_COOKIE}="):
                self.cookie = value.split(";", 1)[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        submission = re.search(r'name="submission" value="([^"]*)"', body)
        if not token or not submission or not self.cookie:
            raise RuntimeError(f"GET {path}: no CSRF cookie, token or submission key")
        self.hidden = {"csrfmiddlewaretoken": token.group(1), "submission": submission.group(1)}

    def register(self, path, fields):
        body = urlencode({**self.hidden, **fields})
        headers = self.headers(
            **{
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": ORIGIN,
                "Referer": f"{ORIGIN}{path}",
            }
        )
        return self.request("POST", path, body=body, headers=headers)


def loopback(run, number):
    return f"127.0.{run % 250 + 1}.{number % 250 + 2}"


def post_at_once(clients, paths, fields_of):
    """Each client posts its form (`paths[n]`, `fields_of(n)`) at the same moment (a
    barrier releases the threads together). Returns ([(status, body, seconds)] in the
    clients' order, seconds until all were answered); a connection that failed has its
    error's class name as status."""
    barrier = threading.Barrier(len(clients))
    results = [None] * len(clients)

    def post(n):
        fields = fields_of(n)
        barrier.wait()
        started = time.perf_counter()
        try:
            status, _headers, body = clients[n].register(paths[n], fields)
        except (OSError, http.client.HTTPException) as exc:
            status, body = type(exc).__name__, ""
        results[n] = (status, body, time.perf_counter() - started)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(len(clients))]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - began


def p95(latencies):
    """The 95th percentile of sorted durations (nearest rank)."""
    return latencies[max(0, round(0.95 * len(latencies)) - 1)]


def run_once(run, event, args, port, through_proxy):
    session = create_session(event, args.capacity, run)
    path = f"/agenda/inscription/{session.pk}/"
    clients = [Client(port, loopback(run, n), through_proxy) for n in range(args.requests)]
    for client in clients:
        client.open_form(path)

    results, wall = post_at_once(
        clients, [path] * args.requests, lambda n: registration_fields(run, n)
    )
    statuses = [status for status, _, _ in results]
    errors = sum(1 for status in statuses if status != REGISTERED)
    latencies = sorted(seconds for _, _, seconds in results)
    confirmed, waiting, total = outcome(session)
    return {
        "confirmed": confirmed,
        "waiting": waiting,
        "errors": errors,
        "total": total,
        "statuses": sorted({str(s) for s in statuses}),
        "wall": wall,
        "median": statistics.median(latencies),
        "p95": p95(latencies),
        "max": latencies[-1],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs="?", type=int, default=5, help="number of runs (5)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes (4)")
    parser.add_argument("--requests", type=int, default=100, help="registrations per run")
    parser.add_argument("--capacity", type=int, default=10, help="places of the session")
    args = parser.parse_args()

    with benchmark_site(
        "benchmark_events", DATABASE, workers=args.workers, prepare=build_site
    ) as site:
        return benchmark(args, site)


def benchmark(args, site):
    event, through_proxy = site.prepared, site.nginx is not None
    print(
        f"{args.requests} registrations at once for {args.capacity} places, "
        f"{args.runs} run(s); gunicorn {args.workers} workers, production settings, "
        f"PostgreSQL, {'through nginx (README rules)' if through_proxy else 'no nginx'}"
    )
    expected = (args.capacity, args.requests - args.capacity)
    ok = True
    for run in range(1, args.runs + 1):
        result = run_once(run, event, args, site.port, through_proxy)
        good = (
            (result["confirmed"], result["waiting"]) == expected
            and result["total"] == args.requests
            and not result["errors"]
        )
        ok &= good
        print(
            f"run {run}: confirmed {result['confirmed']}, waiting {result['waiting']}, "
            f"errors {result['errors']} (HTTP {', '.join(result['statuses'])}); "
            f"all {args.requests} answered in {result['wall']:.2f} s, "
            f"per request median {result['median']:.2f} s, p95 {result['p95']:.2f} s, "
            f"max {result['max']:.2f} s  {'OK' if good else 'FAILED'}",
            flush=True,
        )
        site.gunicorn.check()
    print("OK: every run gave exactly the expected counts" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
