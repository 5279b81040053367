"""The site started as the README « Déploiement » deploys it, on this machine: production
settings, gunicorn with the committed gunicorn.conf.py, and nginx in front with the
README's nginx rules (plain HTTP on a free local port instead of TLS).

The one place that does it, for tests/deploy/test_gunicorn.py (`from
scripts.deployed_site import ...`) and for the scripts of this folder (`from deployed_site
import ...`: Python puts a script's folder on sys.path). Each process runs in its own
process group, stopped (and killed if need be) on the way out.

    with deployed_site(tmp, database_url, workers=4, with_nginx=True, prepare=build) as site:
        ...  # site.port (nginx, else gunicorn), site.env, site.media, site.prepared,
        # site.gunicorn and site.nginx (Server: port, process, log)

A start-up that goes wrong raises StartupError (the failing step and its output): the
tests turn it into pytest.fail, the scripts into their message and exit status.
"""

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
HOST = "www.example.org"
READY_TIMEOUT = 120  # seconds to wait for a server to answer (not an assertion)
# Variables of the calling shell the deployed site must not inherit (test settings,
# Sentry, a real SMTP server, pytest's own, a GUNICORN_WORKERS of the caller).
INHERITED_PREFIXES_DROPPED = ("DJANGO_", "SENTRY_", "EMAIL_", "PYTEST_", "GUNICORN_")


class StartupError(Exception):
    """A step of the start-up failed: `step` (« manage.py migrate », « gunicorn »…),
    `problem` ("failed", "stopped" or "silent") and `output` (its error output or log)."""

    ENGLISH = {"failed": "failed", "stopped": "stopped", "silent": "did not answer"}
    FRENCH = {"failed": "a échoué", "stopped": "s'est arrêté", "silent": "ne répond pas"}

    def __init__(self, step, problem, output):
        super().__init__(f"{step} {self.ENGLISH[problem]}:\n{output}")
        self.step, self.problem, self.output = step, problem, output

    @property
    def french(self):
        return f"{self.step} {self.FRENCH[self.problem]} :\n{self.output}"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def proxy_headers(host=HOST):
    """The headers the TLS proxy sends gunicorn."""
    return {"Host": host, "X-Forwarded-Proto": "https"}


def fresh_postgres_database(database_url, name):
    """Drop and create the database `name` in the PostgreSQL cluster of `database_url`;
    its URL."""
    import psycopg

    parts = urlsplit(database_url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {name}")
    return urlunsplit(parts._replace(path=f"/{name}"))


def production_env(tmp, database_url, *, host=HOST, **overrides):
    """The environment of the deployed site: production settings for `host`, the
    database of `database_url`, static and media files in `tmp`, no mail really sent
    (no outbox worker runs). `overrides` add or replace variables (LOG_LEVEL=…)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(INHERITED_PREFIXES_DROPPED)
    }
    env.update(
        DJANGO_SETTINGS_MODULE="relier_site.settings.production",
        SECRET_KEY="deployed-site-" + os.urandom(24).hex(),
        ALLOWED_HOSTS=host,
        CSRF_TRUSTED_ORIGINS=f"https://{host}",
        DATABASE_URL=database_url,
        EMAIL_HOST="smtp.example.org",
        DEFAULT_FROM_EMAIL="site@example.org",
        WAGTAILADMIN_BASE_URL=f"https://{host}",
        STATIC_ROOT=str(Path(tmp) / "static"),
        MEDIA_ROOT=str(Path(tmp) / "media"),
        **overrides,
    )
    return env


def manage(env, *args):
    """`manage.py ARGS` in `env`; the CompletedProcess (stdout, stderr as text)."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise StartupError(f"manage.py {' '.join(args)}", "failed", result.stderr)
    return result


def start(command, log, **kwargs):
    """`command` in a process group of its own, its output in the file `log`."""
    with Path(log).open("w") as output:
        return subprocess.Popen(  # noqa: S603
            command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )


def stop(process):
    """SIGTERM to the process group, SIGKILL after 20 s."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_until_ready(port, process, log, name, *, host=HOST):
    """Wait until /robots.txt answers 200 on `port`: the site is loaded, not just bound."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StartupError(name, "stopped", Path(log).read_text())
        with contextlib.suppress(OSError, http.client.HTTPException):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=READY_TIMEOUT)
            try:
                connection.request("GET", "/robots.txt", headers=proxy_headers(host))
                if connection.getresponse().status == 200:
                    return
            finally:
                connection.close()
        time.sleep(0.2)
    raise StartupError(name, "silent", Path(log).read_text())


def nginx_snippet():
    """The README's nginx rules: its one ```nginx block."""
    blocks = re.findall(r"```nginx\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.S)
    if len(blocks) != 1:
        raise ValueError("README « Déploiement » must hold exactly one nginx block")
    return blocks[0]


def nginx_binary():
    """The nginx program, or None when it is not installed."""
    return shutil.which("nginx") or shutil.which("/usr/sbin/nginx")


def nginx_conf(tmp, port, upstream, media, static, *, host=HOST):
    """A complete nginx.conf around the README's rules: listening on 127.0.0.1:`port`
    without TLS, for `host`, in front of gunicorn on `upstream`, image renditions from
    `media`, the proxy's error pages from `static` (STATIC_ROOT); pid, logs and temporary
    files in `tmp`; `gzip on` as in Debian's nginx.conf."""
    rules = (
        nginx_snippet()
        .replace("listen 443 ssl;", f"listen 127.0.0.1:{port};")
        .replace("server_name www.exemple.fr;", f"server_name {host};")
        .replace("/srv/relier/media/", f"{media}/")
        .replace("/srv/relier/static/", f"{static}/")
        .replace("http://127.0.0.1:8000", f"http://127.0.0.1:{upstream}")
    )
    temp_paths = " ".join(
        f"{kind}_temp_path {tmp};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        ("user root;\n" if os.geteuid() == 0 else "")  # workers read the caller's private tmp
        + f"daemon off; pid {tmp}/nginx.pid; error_log {tmp}/error.log;\n"
        + "worker_processes 1; events { worker_connections 1024; }\n"
        + f"http {{ access_log off; gzip on; {temp_paths}\n{rules}\n}}\n"
    )


@dataclass(frozen=True)
class Server:
    """A started server: its name, port, process (group leader) and log file."""

    name: str
    port: int
    process: subprocess.Popen
    log: Path

    def check(self):
        """Raise StartupError if the server has stopped since it answered."""
        if self.process.poll() is not None:
            raise StartupError(self.name, "stopped", self.log.read_text())


@contextlib.contextmanager
def running(name, command, port, log, *, host=HOST, **kwargs):
    """start(command), then wait_until_ready on `port`; yields the Server, stops it on
    exit."""
    process = start(command, log, **kwargs)
    try:
        wait_until_ready(port, process, log, name, host=host)
        yield Server(name, port, process, Path(log))
    finally:
        stop(process)


def gunicorn(env, tmp, *, workers=1):
    """gunicorn as the README runs it (`-c gunicorn.conf.py relier_site.wsgi`), `workers`
    processes on a free port: a context manager yielding the Server once the site
    answers."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "relier_site.wsgi"]
    log = Path(tmp) / "gunicorn.log"
    return running("gunicorn", command, port, log, host=env["ALLOWED_HOSTS"], cwd=ROOT, env=env)


def nginx(tmp, upstream, media, static, *, host=HOST):
    """nginx with nginx_conf() on a free port: a context manager yielding the Server once
    it answers. Raises StartupError when nginx is not installed."""
    binary = nginx_binary()
    if binary is None:
        raise StartupError("nginx", "failed", "nginx absent (apt-get install nginx)")
    tmp = Path(tmp)
    port = free_port()
    (tmp / "nginx.conf").write_text(nginx_conf(tmp, port, upstream, media, static, host=host))
    command = [binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf")]
    return running("nginx", command, port, tmp / "nginx.log", host=host)


@dataclass(frozen=True)
class DeployedSite:
    env: dict  # the production environment of the site (production_env)
    gunicorn: Server
    nginx: Server | None  # None without nginx
    prepared: object  # what prepare(env) returned

    @property
    def port(self):
        """Where to send requests: nginx when it runs, else gunicorn."""
        return (self.nginx or self.gunicorn).port

    @property
    def media(self):
        return Path(self.env["MEDIA_ROOT"])


@contextlib.contextmanager
def deployed_site(
    tmp, database_url, *, workers=1, with_nginx=False, prepare=None, host=HOST, **overrides
):
    """The whole start-up: production_env(tmp, database_url, host=host, **overrides),
    then `prepare(env)` (migrate, collectstatic, content: the caller's), gunicorn, and
    nginx in front when `with_nginx`. Yields a DeployedSite; stops everything on exit."""
    env = production_env(tmp, database_url, host=host, **overrides)
    prepared = prepare(env) if prepare else None
    with contextlib.ExitStack() as servers:
        upstream = servers.enter_context(gunicorn(env, tmp, workers=workers))
        proxy = None
        if with_nginx:
            proxy = servers.enter_context(
                nginx(tmp, upstream.port, env["MEDIA_ROOT"], env["STATIC_ROOT"], host=host)
            )
        yield DeployedSite(env=env, gunicorn=upstream, nginx=proxy, prepared=prepared)


@contextlib.contextmanager
def benchmark_site(script, database, *, workers, prepare, **overrides):
    """For a benchmark script (`script`: its name, for its messages): the PostgreSQL
    cluster of DATABASE_URL (scripts/with-postgres.sh) is required, a fresh database
    `database` in it, a temporary folder, then deployed_site with nginx when it is
    installed. Yields the DeployedSite; a failed start-up exits with status 2 and the
    failing step."""

    def fail(message):
        print(f"{script}: {message}", file=sys.stderr)
        sys.exit(2)

    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        fail("DATABASE_URL must point to PostgreSQL: run it through scripts/with-postgres.sh")
    tmp = Path(tempfile.mkdtemp(prefix=f"relier-{script}-"))
    try:
        with deployed_site(
            tmp,
            fresh_postgres_database(database_url, database),
            workers=workers,
            with_nginx=nginx_binary() is not None,
            prepare=prepare,
            LOG_LEVEL="WARNING",
            **overrides,
        ) as site:
            yield site
    except StartupError as error:
        fail(str(error))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
