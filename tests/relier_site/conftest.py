"""Fixtures for the mail and scheduling tests: a real local SMTP server (aiosmtpd)."""

import socket
from email import message_from_bytes, policy

import pytest
from django.conf import settings
from django.test import override_settings

from relier_site import mail


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingHandler:
    """aiosmtpd handler keeping every message it accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        self.messages.append(
            {
                "rcpt_tos": list(envelope.rcpt_tos),
                "message": message_from_bytes(envelope.original_content, policy=policy.default),
            }
        )
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
    mail.clear_compile_cache()
    yield
    mail.clear_compile_cache()
