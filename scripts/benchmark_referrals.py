"""Referral forms under load, as deployed (nothing is asserted: figures are printed).

    python3 -m uv run --frozen bash scripts/with-postgres.sh python scripts/benchmark_referrals.py

Needs PostgreSQL (DATABASE_URL, as scripts/with-postgres.sh provides) and nginx. Creates
a fresh database in that cluster, migrates it with the production settings, creates the
three form pages and one Accompagnement member with an address, starts gunicorn
(GUNICORN_WORKERS, 4 by default) behind nginx with the README's rules (both started by
scripts/deployed_site.py, as for tests/deploy), then over HTTP:

- 200 people, each from its own address (the benchmark connects from 127.0.0.2,
  127.0.0.3…: nginx sees each as a different client and adds it to X-Forwarded-For, as
  in production), each GET a form and POST it, 40 at a time; 20 of them POST the same
  form a second time at once (double click);
- one address floods the contact form with 30 requests.

Then it counts, in the database, the requests stored, the confirmation mails queued in
the outbox (no worker runs: they stay « En attente »), the possible duplicates flagged,
and prints the refused flood requests and the response times.
"""

import concurrent.futures
import http.client
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from deployed_site import (
    HOST,
    StartupError,
    deployed_site,
    fresh_postgres_database,
    manage,
    nginx_binary,
)

PEOPLE = 200
DOUBLE_CLICKS = 20
CONCURRENCY = 40
FLOOD = 30
DATABASE = "relier_benchmark_referrals"
FORMS = ["/orienter-un-jeune/", "/etre-contacte/", "/demander-une-intervention/"]


SETUP = """
from home.tree import ensure_home_page
from referrals.models import Kind, ReferralFormPage
from django.contrib.auth.models import Group
from django.contrib.auth import get_user_model
home = ensure_home_page()
for kind, slug in (("orientation", "orienter-un-jeune"), ("contact", "etre-contacte"),
                   ("intervention", "demander-une-intervention")):
    page = ReferralFormPage(title=slug, slug=slug, kind=kind)
    home.add_child(instance=page)
    page.save_revision().publish()
user = get_user_model().objects.create(username="equipe", email="equipe@relier.example")
user.groups.add(Group.objects.get(name="Accompagnement"))
"""

COUNT = """
from referrals.models import Referral
from relier_site.models import OutboundEmail
mails = OutboundEmail.objects
referrals = Referral.objects
print(referrals.count(), referrals.filter(possible_duplicate_of__isnull=False).count(),
      mails.filter(reason_key__endswith=":confirmation").count(),
      mails.filter(reason_key__endswith=":referrer-confirmation").count(),
      mails.filter(reason_key__endswith=":staff-notification").count(),
      referrals.values("submission_token").distinct().count())
"""


def prepare(env):
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "shell", "--no-imports", "-c", SETUP)


def request(port, source, method, path, body=None, cookies=""):
    """One HTTP request to nginx from the address `source`: (status, headers, text)."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=120, source_address=(source, 0)
    )
    # nginx sets X-Forwarded-Proto itself; gunicorn asked directly needs it too.
    headers = {
        "Host": HOST,
        "X-Forwarded-Proto": "https",
        "Origin": f"https://{HOST}",
        "Referer": f"https://{HOST}{path}",
    }
    if cookies:
        headers["Cookie"] = cookies
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        connection.close()


def form_data(path, n, token, csrf):
    contact = {"phone": f"06 12 {n // 100:02d} {n % 100:02d} 00", "email": f"jeune{n}@example.org"}
    common = {"csrfmiddlewaretoken": csrf, "submission_token": token, "message": "Bonjour."}
    if path == "/orienter-un-jeune/":
        data = {
            "referrer_name": "Conseillère", "referrer_role": "Conseillère",
            "organisation_type": "mission-locale", "organisation_name": "Mission locale",
            "referrer_email": f"pro{n}@example.org", "first_name": "Sami", "age": "19",
            "postcode": "93000", "contact_preference": "telephone",
            "programme": "relier-vers-lemploi", "concerns": "isolement", "urgent": "non",
            "consent_confirmed": "on", **contact,
        }  # fmt: skip
    elif path == "/etre-contacte/":
        data = {
            "requester": "parent", "first_name": "Claire", "age": "14", "departement": "93",
            "contact_preference": "telephone", "concerns": "cyberviolences", "urgent": "non",
            **contact,
        }  # fmt: skip
    else:
        data = {
            "organisation_type": "etablissement-scolaire", "organisation_name": "Collège",
            "postcode": "69003", "referrer_name": "CPE", "referrer_role": "CPE",
            "referrer_email": contact["email"], "intervention_type": "forum-prevention",
            "audience": "Élèves de 4e",
        }  # fmt: skip
    return urlencode(data | common)


def fill_and_send(port, source, path, n, *, twice=False):
    """GET the form from `source`, then POST it (twice at once for a double click)."""
    status, headers, html = request(port, source, "GET", path)
    cookies = "; ".join(
        value.split(";", 1)[0] for name, value in headers if name.lower() == "set-cookie"
    )
    token = re.search(r'name="submission_token" value="([^"]+)"', html)[1]
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    body = form_data(path, n, token, csrf)
    started = time.perf_counter()
    results = []
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        posts = [pool.submit(request, port, source, "POST", path, body, cookies)]
        if twice:
            posts.append(pool.submit(request, port, source, "POST", path, body, cookies))
        results = [post.result()[0] for post in posts]
    return results, time.perf_counter() - started


def main():
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("Lancez ce script par scripts/with-postgres.sh (PostgreSQL nécessaire).")
    if nginx_binary() is None:
        sys.exit("nginx est nécessaire (apt-get install nginx).")
    workers = os.environ.get("GUNICORN_WORKERS", "4")
    tmp = Path(tempfile.mkdtemp(prefix="benchmark-referrals-"))
    try:
        with deployed_site(
            tmp,
            fresh_postgres_database(database_url, DATABASE),
            workers=workers,
            with_nginx=True,
            prepare=prepare,
        ) as site:
            run(site.env, site.port, workers)
    except StartupError as error:
        sys.exit(error.french)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(env, port, workers):
    started = time.perf_counter()
    statuses, times = [], []
    with concurrent.futures.ThreadPoolExecutor(CONCURRENCY) as pool:
        jobs = [
            pool.submit(
                fill_and_send,
                port,
                f"127.0.{1 + n // 250}.{2 + n % 250}",
                FORMS[n % len(FORMS)],
                n,
                twice=n < DOUBLE_CLICKS,
            )
            for n in range(PEOPLE)
        ]
        for job in jobs:
            codes, seconds = job.result()
            statuses.extend(codes)
            times.append(seconds)
    wall = time.perf_counter() - started

    flood_started = time.perf_counter()
    flood = [
        fill_and_send(port, "127.0.9.9", "/etre-contacte/", 1000 + n)[0][0] for n in range(FLOOD)
    ]
    flood_wall = time.perf_counter() - flood_started

    counts = manage(env, "shell", "--no-imports", "-c", COUNT).stdout
    rows, duplicates, confirmations, referrer_mails, staff_mails, tokens = map(
        int, counts.strip().splitlines()[-1].split()
    )
    print(f"gunicorn : {workers} processus, derrière nginx ; PostgreSQL")
    print(f"{PEOPLE} personnes (adresses distinctes), dont {DOUBLE_CLICKS} double-clics :")
    print(f"  réponses aux envois : {sorted_counts(statuses)}")
    median, p95 = statistics.median(times) * 1000, statistics.quantiles(times, n=20)[-1] * 1000
    print(f"  temps d'un envoi (POST, redirection comprise) : médiane {median:.0f} ms, "
          f"95e centile {p95:.0f} ms ; total {wall:.1f} s")  # fmt: skip
    print(f"Rafale depuis une seule adresse : {FLOOD} envois, {sorted_counts(flood)} "
          f"en {flood_wall:.1f} s")  # fmt: skip
    print(f"Demandes enregistrées : {rows} (jetons distincts : {tokens}), "
          f"doublons possibles signalés : {duplicates}")  # fmt: skip
    print(f"Courriels en file : {confirmations} confirmations à la personne, "
          f"{referrer_mails} au professionnel, {staff_mails} à l'équipe")  # fmt: skip


def sorted_counts(codes):
    return ", ".join(f"{codes.count(code)} × {code}" for code in sorted(set(codes)))


if __name__ == "__main__":
    main()
