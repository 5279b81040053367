"""The site as deployed: production settings, `migrate` and `collectstatic`, gunicorn with
the committed gunicorn.conf.py, requested over real HTTP as the TLS proxy would
(`Host: www.example.org`, `X-Forwarded-Proto: https`).

The database is a temporary SQLite file, or the PostgreSQL of scripts/with-postgres.sh
when DATABASE_URL points to PostgreSQL. gunicorn runs in its own process group, stopped
(and killed if need be) when the module's tests end.
"""

import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.deploy

HOST = "www.example.org"
PROXY_HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https"}
READY_TIMEOUT = 120  # seconds to wait for gunicorn to answer (not an assertion)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(tmp):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SENTRY_", "EMAIL_", "PYTEST_"))
    }
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        database_url = f"sqlite:///{tmp / 'site.sqlite3'}"
    env.update(
        DJANGO_SETTINGS_MODULE="relier_site.settings.production",
        SECRET_KEY="deploy-test-" + os.urandom(24).hex(),
        ALLOWED_HOSTS=HOST,
        CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        DATABASE_URL=database_url,
        EMAIL_HOST="smtp.example.org",
        DEFAULT_FROM_EMAIL="site@example.org",
        WAGTAILADMIN_BASE_URL=f"https://{HOST}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
    )
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stderr}"
    return result


def wait_until_ready(process, port, log):
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn stopped:\n{log.read_text()}", pytrace=False)
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer:\n{log.read_text()}", pytrace=False)


def stop(process):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("deployed")
    env = production_env(tmp)
    manage(env, "migrate", "--noinput")
    collected = manage(env, "collectstatic", "--noinput")
    manage(env, "shell", "-c", "from home.tree import ensure_home_page; ensure_home_page()")
    port = free_port()
    log = tmp / "gunicorn.log"
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "relier_site.wsgi",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_ready(process, port, log)
        yield {"port": port, "collectstatic": collected.stdout + collected.stderr}
    finally:
        stop(process)


def request(deployed, method, path, headers=PROXY_HEADERS):
    connection = http.client.HTTPConnection("127.0.0.1", deployed["port"], timeout=30)
    try:
        connection.request(method, path, headers=headers)
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
