"""Fixtures for the mail tests: a real local SMTP server (aiosmtpd), and the test database
shared with `manage.py` processes."""

import asyncio
import os
import sqlite3
import subprocess
import sys
import threading
import time
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from relier_site.mail import rendering
from scripts.deployed_site import free_port


class RecordingHandler:
    """aiosmtpd handler keeping every message it receives.

    `delay` (seconds) makes it slow to answer DATA; `hold()` makes it keep every DATA
    waiting (the message is recorded first, as a real server has it by then) until
    `release()`. `data_started` is set when a message arrives.
    """

    def __init__(self):
        self.messages = []
        self.delay = 0
        self.data_started = threading.Event()
        self._released = threading.Event()
        self._released.set()

    def hold(self):
        self._released.clear()

    def release(self):
        self._released.set()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        self.messages.append(
            {
                "rcpt_tos": list(envelope.rcpt_tos),
                "raw": envelope.original_content,
                "message": message_from_bytes(envelope.original_content, policy=policy.default),
            }
        )
        self.data_started.set()
        if self.delay:
            await asyncio.sleep(self.delay)
        for _ in range(600):  # at most 60 s on hold
            if self._released.is_set():
                break
            await asyncio.sleep(0.1)
        return "250 Message accepted for delivery"


class LocalSMTP:
    """A port for an SMTP server that is down until `start()`."""

    def __init__(self):
        self.port = free_port()
        self.handler = RecordingHandler()
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self):
        return self.handler.messages

    def mailers(self):
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": self.port, "timeout": 5},
            }
        }


@pytest.fixture
def smtp_server():
    """A local SMTP server, initially DOWN, and MAILERS pointing at it."""
    server = LocalSMTP()
    with override_settings(MAILERS=server.mailers()):
        yield server
    server.stop()


@pytest.fixture
def email_templates(tmp_path):
    """A temporary template folder searched before templates/, to write test emails in."""
    (tmp_path / "emails").mkdir()
    templates = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    with override_settings(TEMPLATES=templates):
        yield tmp_path / "emails"


@pytest.fixture
def fresh_compile_cache():
    rendering.clear_compile_cache()
    yield
    rendering.clear_compile_cache()


REPO_ROOT = Path(__file__).resolve().parents[2]


class SharedDatabase:
    """The test database, shared with `manage.py` processes started by a test.

    PostgreSQL: the processes use the test database itself. SQLite (in memory in the
    tests): `export()` copies it to a file the processes use, `import_back()` copies the
    file back into the test database, so the test then reads what the processes did.
    Needs a transactional test (`transactional_db`): the processes only see committed rows.
    """

    def __init__(self, folder):
        self.vendor = connection.vendor
        self.path = folder / "shared.sqlite3"

    def url(self):
        if self.vendor == "sqlite":
            return f"sqlite:///{self.path}"
        config = connection.settings_dict
        credentials = quote(config["USER"] or "", safe="")
        if config["PASSWORD"]:
            credentials += ":" + quote(config["PASSWORD"], safe="")
        host = config["HOST"] or "localhost"
        return f"postgres://{credentials}@{host}:{config['PORT'] or 5432}/{config['NAME']}"

    def export(self):
        if self.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(self.path)
            try:
                connection.connection.backup(target)
            finally:
                target.close()

    def import_back(self):
        if self.vendor == "sqlite":
            source = sqlite3.connect(self.path)
            try:
                source.backup(connection.connection)
            finally:
                source.close()

    def env(self, smtp_port, **extra):
        """Environment of a `manage.py` process: dev settings, this database, the SMTP
        server on `smtp_port` (no TLS), the database task backend."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST", "SENTRY_", "EMAIL_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="relier_site.settings.dev",
            DATABASE_URL=self.url(),
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp_port),
            EMAIL_USE_TLS="false",
            LOG_LEVEL="INFO",
            WORKER_LOG_LEVEL="INFO",  # the tests read the worker's task lines
            PYTHONUNBUFFERED="1",
            **extra,
        )
        return env

    def manage(self, *args, env):
        """Start `manage.py ARGS` in its own process; its output goes to files."""
        return ManageProcess(args, env, self.path.parent)


class ManageProcess:
    """A running `manage.py` command; `stdout()` and `stderr()` read what it wrote."""

    _count = 0

    def __init__(self, args, env, folder):
        ManageProcess._count += 1
        self.out_path = folder / f"process-{ManageProcess._count}.out"
        self.err_path = folder / f"process-{ManageProcess._count}.err"
        with self.out_path.open("w") as out, self.err_path.open("w") as err:
            self.popen = subprocess.Popen(
                [sys.executable, "manage.py", *args], cwd=REPO_ROOT, env=env, stdout=out, stderr=err
            )

    def stdout(self):
        return self.out_path.read_text()

    def stderr(self):
        return self.err_path.read_text()

    def wait(self, timeout=120):
        return self.popen.wait(timeout=timeout)

    def stop(self, sig=None):
        """Stop it (SIGTERM, or `sig`) if still running; returns its exit code."""
        if self.popen.poll() is None:
            if sig is None:
                self.popen.terminate()
            else:
                self.popen.send_signal(sig)
        return self.popen.wait(timeout=60)


def wait_for(condition, timeout=60, interval=0.1):
    """Poll `condition()` until it is true (returns it) or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    return condition()


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    return SharedDatabase(tmp_path)
