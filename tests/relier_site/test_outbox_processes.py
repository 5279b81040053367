"""The outbox with real processes sharing one database and one local SMTP server:
concurrent senders send each message once (nor die with "database is locked"), and a
worker killed during the SMTP exchange leaves the row "sending" until the sweep resends
it, with the same Message-ID."""

import signal
from datetime import timedelta

import pytest
from django.test import override_settings

from relier_site.mail import delivery
from relier_site.mail.outbox import send_templated_mail
from relier_site.models import OutboundEmail

from .conftest import wait_for

pytestmark = [pytest.mark.both_databases, pytest.mark.smtp]

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WORKER = ("db_worker", "--interval", "0.1", "--no-startup-delay", "--no-reload")


def start_worker(shared_database, env):
    worker = shared_database.manage(*WORKER, env=env)
    if not wait_for(lambda: "Starting worker" in worker.stderr(), timeout=120):
        worker.stop(signal.SIGKILL)
        pytest.fail(f"the worker did not start:\n{worker.stderr()}")
    return worker


def message_ids(smtp_server):
    return [received["message"]["Message-ID"] for received in smtp_server.messages]


def test_send_test_email_racing_a_worker_sends_each_message_once(shared_database, smtp_server):
    """Issue seen before: with a slow SMTP server, the command and the worker both sent
    every message, then the command died with "database is locked"."""
    smtp_server.handler.delay = 1.5  # the SMTP server takes 1.5 s to accept each message
    smtp_server.start()
    shared_database.export()
    env = shared_database.env(smtp_server.port)
    worker = start_worker(shared_database, env)
    try:
        commands = [
            shared_database.manage("send_test_email", f"exploitation{number}@example.org", env=env)
            for number in range(3)
        ]
        for command in commands:
            assert command.wait() == 0, command.stderr()
            assert "envoyé à" in command.stdout()
            assert "Traceback" not in command.stderr()
            assert "locked" not in command.stderr()
        # The worker took every delivery task too (and sent nothing).
        assert wait_for(lambda: worker.stderr().count("state=SUCCESSFUL") >= 3), worker.stderr()
    finally:
        worker.stop()
    assert "Traceback" not in worker.stderr()

    shared_database.import_back()
    rows = list(OutboundEmail.objects.order_by("pk"))
    assert [row.status for row in rows] == [OutboundEmail.Status.SENT] * 3
    assert sorted(message_ids(smtp_server)) == sorted(row.message_id for row in rows)
    assert sorted(received["rcpt_tos"][0] for received in smtp_server.messages) == [
        f"exploitation{number}@example.org" for number in range(3)
    ]


def test_worker_killed_mid_send_leaves_the_row_sending_and_the_sweep_resends_it_with_the_same_message_id(  # noqa: E501
    shared_database, smtp_server
):
    smtp_server.handler.hold()  # the SMTP server never answers DATA until released
    smtp_server.start()
    with override_settings(TASKS=DB_TASKS):
        row = send_templated_mail("emails/test_message", {}, ["parent@example.org"])
    shared_database.export()
    worker = start_worker(shared_database, shared_database.env(smtp_server.port))
    try:
        assert smtp_server.handler.data_started.wait(timeout=120), worker.stderr()
    finally:
        worker.stop(signal.SIGKILL)
    smtp_server.handler.release()

    # The message reached the SMTP server, the worker died before hearing back: the row
    # stays "sending" (committed before the SMTP exchange), nothing else sends it.
    shared_database.import_back()
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENDING
    assert row.get_status_display() == "Envoi en cours"
    assert row.attempts == 1
    assert message_ids(smtp_server) == [row.message_id]
    assert delivery.deliver(row.pk) == OutboundEmail.Status.SENDING
    assert delivery.retry_due(now=row.last_attempt_at + delivery.sending_timeout()) == 0
    assert len(smtp_server.messages) == 1

    # Past OUTBOX_SENDING_TIMEOUT_SECONDS, the sweep returns it to pending and resends it:
    # the second copy carries the same Message-ID.
    later = row.last_attempt_at + delivery.sending_timeout() + timedelta(seconds=1)
    assert delivery.retry_due(now=later) == 1
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT
    assert row.attempts == 2
    assert message_ids(smtp_server) == [row.message_id, row.message_id]
    assert delivery.retry_due(now=later + timedelta(days=1)) == 0
    assert len(smtp_server.messages) == 2
