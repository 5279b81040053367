"""The site as deployed: production settings, `migrate` and `collectstatic`, gunicorn with
the committed gunicorn.conf.py, requested over real HTTP as the TLS proxy would
(`Host: www.example.org`, `X-Forwarded-Proto: https`).

When nginx is installed, the README's nginx rules run in front of gunicorn too (without
TLS); without it those tests are skipped with a message.

The database is a copy of the run's migrated test database (tests/db.py): a temporary
SQLite file, or a database of the PostgreSQL of scripts/with-postgres.sh when
DATABASE_URL points to PostgreSQL; `migrate` then finds every migration applied.
gunicorn runs in its own process group, stopped (and killed if need be) when the
module's tests end.
"""

import contextlib
import http.client
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings

from home.helplines import DEFAULT_HELPLINES, DEFAULT_QUICK_EXIT_URL, tel_href
from scripts.deployed_site import (
    HOST,
    StartupError,
    deployed_site,
    manage,
    nginx,
    nginx_binary,
    proxy_headers,
)
from tests.browser.conftest import in_ci

# One worker runs the whole module (one gunicorn, one migrate); on PostgreSQL the
# deployed site gets a database of its own (migrated_database).
pytestmark = [
    pytest.mark.both_databases,
    pytest.mark.deploy,
    pytest.mark.processes,
    pytest.mark.xdist_group("deploy"),
]

PROXY_HEADERS = proxy_headers()

# One database per xdist worker, should the module's tests run on several.
DEPLOYED_DATABASE = "relier_deployed_" + os.environ.get("PYTEST_XDIST_WORKER", "main")


def migrated_database(tmp, database_template, django_db_blocker):
    """The deployed site's own database, a copy of the run's migrated test database
    (tests/db.py) that the suite's own databases never see: a SQLite file in `tmp`, or a
    database of the PostgreSQL cluster of scripts/with-postgres.sh. Its URL."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        database_template.sqlite_copy(tmp / "site.sqlite3")
        return f"sqlite:///{tmp / 'site.sqlite3'}"
    with django_db_blocker.unblock():
        database_template.postgres_copy(DEPLOYED_DATABASE)
    return urlunsplit(urlsplit(database_url)._replace(path=f"/{DEPLOYED_DATABASE}"))


def prepare(env):
    """Migrations already applied (the copy): migrate runs the post_migrate steps of the
    production settings (the public address of the default Site). The output of
    collectstatic."""
    manage(env, "migrate", "--noinput")
    collected = manage(env, "collectstatic", "--noinput")
    manage(env, "shell", "-c", "from home.tree import ensure_home_page; ensure_home_page()")
    return collected.stdout + collected.stderr


@pytest.fixture(scope="module")
def deployed(tmp_path_factory, django_db_setup, database_template, django_db_blocker):
    tmp = tmp_path_factory.mktemp("deployed")
    database_url = migrated_database(tmp, database_template, django_db_blocker)
    try:
        with deployed_site(tmp, database_url, prepare=prepare) as site:
            yield {
                "port": site.port,
                "media": site.media,
                "static": site.env["STATIC_ROOT"],
                "collectstatic": site.prepared,
            }
    except StartupError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def proxy(deployed, tmp_path_factory):
    """nginx with the README's rules (plain HTTP on a free port) in front of gunicorn."""
    if nginx_binary() is None:
        message = "nginx absent (apt-get install nginx): README proxy rules not run"
        if in_ci():
            pytest.fail(f"{message} (CI=true: .ci/run installs nginx)", pytrace=False)
        pytest.skip(message)
    tmp = tmp_path_factory.mktemp("nginx")
    try:
        with nginx(tmp, deployed["port"], deployed["media"], deployed["static"]) as server:
            yield {"port": server.port, "media": deployed["media"]}
    except StartupError as error:
        pytest.fail(str(error), pytrace=False)


def request(deployed, method, path, headers=PROXY_HEADERS, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", deployed["port"], timeout=120)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def test_home_page_answers_with_https_links_to_the_public_host(deployed):
    status, headers, body = request(deployed, "GET", "/")
    assert status == 200
    assert f'<link rel="canonical" href="https://{HOST}/">' in body
    assert f'<meta property="og:url" content="https://{HOST}/">' in body
    assert "localhost" not in body


def test_the_permanences_and_their_private_feed_answer_as_deployed(deployed):
    status, _headers, body = request(deployed, "GET", "/permanences/")
    assert status == 200
    assert "Parler à une ou un psychologue" in body
    assert "3114" in body  # the helplines, on every page
    status, _headers, _body = request(deployed, "GET", "/permanences/agenda/inconnu.ics")
    assert status == 404


def test_sitemap_lists_the_public_host(deployed):
    status, _headers, body = request(deployed, "GET", "/sitemap.xml")
    assert status == 200
    assert re.findall(r"<loc>([^<]+)</loc>", body) == [f"https://{HOST}/"]


def test_a_bad_host_gets_the_french_400_page(deployed):
    status, _headers, body = request(
        deployed,
        "GET",
        "/",
        headers={"Host": "attaquant.example.com", "X-Forwarded-Proto": "https"},
    )
    assert status == 400
    assert "<h1>Votre demande n'a pas pu être traitée</h1>" in body
    assert "Quitter le site" in body
    assert "Bad Request" not in body


def test_security_headers_are_sent(deployed):
    _status, headers, _body = request(deployed, "GET", "/")
    assert headers["Strict-Transport-Security"].startswith("max-age=63072000")
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "public, max-age=300, must-revalidate"
    assert "Set-Cookie" not in headers


def test_put_gets_405_with_the_allowed_methods(deployed):
    status, headers, body = request(deployed, "PUT", "/")
    assert status == 405
    assert headers["Allow"] == "GET, HEAD, OPTIONS"
    assert "Cette méthode HTTP n'est pas acceptée ici" in body
    status, headers, _body = request(deployed, "OPTIONS", "/")
    assert status == 200
    assert headers["Allow"] == "GET, HEAD, OPTIONS"


def test_a_long_address_gets_a_french_answer_from_the_site(deployed):
    # Over gunicorn's default 4 KB limit (its English "Request Line is too large").
    status, _headers, body = request(deployed, "GET", "/" + "a" * 6000 + "/")
    assert status == 404
    assert "<h1>Page introuvable</h1>" in body


def test_the_proxys_french_414_page_is_served(deployed):
    status, headers, body = request(deployed, "GET", "/static/erreurs/414.html")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert "<h1>Cette adresse est trop longue</h1>" in body


def test_uploaded_documents_are_not_served_from_media(deployed):
    status, _headers, _body = request(deployed, "GET", "/media/documents/guide.pdf")
    assert status == 404


def test_collectstatic_collects_each_file_once(deployed):
    output = deployed["collectstatic"]
    assert "static files copied" in output
    assert "Found another file with the destination path" not in output
    assert Path(settings.BASE_DIR, "gunicorn.conf.py").is_file()


def test_through_the_proxy_pages_have_https_links(proxy):
    status, _headers, body = request(proxy, "GET", "/", headers={"Host": HOST})
    assert status == 200
    assert f'<link rel="canonical" href="https://{HOST}/">' in body


def test_through_the_proxy_a_too_long_address_gets_the_french_414_page(proxy):
    status, _headers, body = request(proxy, "GET", "/" + "a" * 9000 + "/", headers={"Host": HOST})
    assert status == 414
    assert "<h1>Cette adresse est trop longue</h1>" in body
    assert "Quitter le site" in body


def test_the_proxy_serves_image_renditions_but_never_the_documents_folder(proxy):
    (proxy["media"] / "images").mkdir(parents=True, exist_ok=True)
    (proxy["media"] / "images" / "affiche.width-100.png").write_bytes(b"rendition")
    (proxy["media"] / "documents").mkdir(parents=True, exist_ok=True)
    (proxy["media"] / "documents" / "compte-rendu.txt").write_text("Compte rendu interne")

    status, _headers, body = request(
        proxy, "GET", "/media/images/affiche.width-100.png", headers={"Host": HOST}
    )
    assert (status, body) == (200, "rendition")
    status, _headers, body = request(
        proxy, "GET", "/media/documents/compte-rendu.txt", headers={"Host": HOST}
    )
    assert status == 404  # reached Django, which serves no media
    assert "Compte rendu interne" not in body


# The proxy's own errors (README « Déploiement »): a French page with the helplines and
# the quick exit, never nginx's English one; the site's own error pages pass through.

FORM = {"Host": HOST, "Content-Type": "application/x-www-form-urlencoded"}
MB = 1024 * 1024


def form_body(size):
    return b"message=" + b"x" * size


def assert_proxy_page(body, title):
    assert f"<h1>{title}</h1>" in body
    for line in DEFAULT_HELPLINES:
        assert f'href="{tel_href(line["number"])}"' in body
    assert f'href="{DEFAULT_QUICK_EXIT_URL}"' in body
    assert "Quitter le site" in body
    for english in ("nginx", "Bad Request", "Too Large", "Bad Gateway", "<center>"):
        assert english not in body


def test_through_the_proxy_a_3_mb_public_form_gets_the_french_413_page(proxy):
    status, _headers, body = request(proxy, "POST", "/etre-contacte/", FORM, form_body(3 * MB))
    assert status == 413
    assert_proxy_page(body, "Ce que vous avez envoyé est trop volumineux")


def test_through_the_proxy_a_30_mb_body_gets_the_french_413_page(proxy):
    for path in ("/etre-contacte/", "/admin/documents/multiple/add/"):
        status, _headers, body = request(proxy, "POST", path, FORM, form_body(30 * MB))
        assert status == 413
        assert_proxy_page(body, "Ce que vous avez envoyé est trop volumineux")


def test_through_the_proxy_an_early_answer_of_the_site_is_not_a_502(proxy):
    """The site answers without reading the body (405 for a page without a form, 403
    for a form without its CSRF token): gunicorn reads the rest before closing, so its
    French page reaches the visitor instead of the proxy's 502."""
    for _ in range(5):
        status, _headers, body = request(proxy, "POST", "/", FORM, form_body(MB - 1000))
        assert status == 405
        assert "Cette méthode HTTP n'est pas acceptée ici" in body
        status, _headers, body = request(proxy, "POST", "/admin/login/", FORM, form_body(20 * MB))
        assert status == 403
        assert "<h1>Cette page a expiré</h1>" in body


def test_through_the_proxy_a_nul_in_the_address_gets_the_french_400_page(proxy):
    status, _headers, body = request(proxy, "GET", "/%00", headers={"Host": HOST})
    assert status == 400
    assert_proxy_page(body, "Votre demande n'a pas pu être traitée")


def test_through_the_proxy_a_9_kb_header_gets_the_french_400_page(proxy):
    headers = {"Host": HOST, "Cookie": "suivi=" + "a" * 9 * 1024}
    status, _headers, body = request(proxy, "GET", "/", headers=headers)
    assert status == 400
    assert_proxy_page(body, "Votre demande n'a pas pu être traitée")


def test_through_the_proxy_the_sites_own_error_pages_pass(proxy):
    status, headers, body = request(proxy, "GET", "/page-qui-n-existe-pas/", {"Host": HOST})
    assert status == 404
    assert "<h1>Page introuvable</h1>" in body
    assert "script-src" in headers["Content-Security-Policy"]  # the site's header


class DyingUpstream(http.server.BaseHTTPRequestHandler):
    """A site whose worker dies on every request but /robots.txt (nginx's readiness)."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path != "/robots.txt":
            self.close_connection = True
            return  # no answer at all: the connection closes
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def dying_upstream():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), DyingUpstream)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def test_through_the_proxy_a_dead_or_stopped_site_gets_the_french_502_page(
    deployed, proxy, tmp_path
):
    with dying_upstream() as upstream:
        port = upstream.server_address[1]
        with nginx(tmp_path, port, deployed["media"], deployed["static"]) as server:
            site = {"port": server.port}
            for method, path, body in (
                ("GET", "/etre-contacte/", None),
                ("POST", "/etre-contacte/", form_body(1000)),
                ("POST", "/admin/documents/multiple/add/", form_body(10 * MB)),
            ):
                status, _headers, page = request(site, method, path, FORM, body)
                assert status == 502
                assert_proxy_page(page, "Le site est momentanément indisponible")
            upstream.shutdown()
            upstream.server_close()  # stopped: nothing listens on its port any more
            status, _headers, page = request(site, "GET", "/", {"Host": HOST})
            assert status == 502
            assert_proxy_page(page, "Le site est momentanément indisponible")
