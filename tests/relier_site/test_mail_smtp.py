"""The outbox against a real local SMTP server (aiosmtpd): failure, retry with back-off,
definitive failure, and no second copy from repeated sweeps, tasks or reasons."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from relier_site.mail import delivery
from relier_site.mail.outbox import send_templated_mail
from relier_site.models import OutboundEmail
from relier_site.tasks import deliver_outbound_email, retry_due_emails

pytestmark = [pytest.mark.both_databases, pytest.mark.django_db, pytest.mark.smtp]


def send(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return send_templated_mail("emails/test_message", {}, ["parent@example.org"], **kwargs)


def test_failed_send_is_retried_later_and_not_resent_by_later_sweeps_tasks_or_same_reason(
    smtp_server, django_capture_on_commit_callbacks
):
    # The SMTP server is down: the email stays in the outbox, pending, with the error.
    row = send(django_capture_on_commit_callbacks, reason_key="test:smtp:1")
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.PENDING
    assert row.attempts == 1
    assert row.last_error == "ConnectionRefusedError"
    assert "parent@example.org" not in row.last_error
    assert row.next_attempt_at > row.last_attempt_at
    assert smtp_server.messages == []

    # Not due yet: the sweep leaves it alone, even with the server up.
    smtp_server.start()
    assert delivery.retry_due() == 0
    assert smtp_server.messages == []

    # Once due, the sweep delivers it.
    later = row.next_attempt_at + timedelta(seconds=1)
    assert delivery.retry_due(now=later) == 1
    assert len(smtp_server.messages) == 1
    received = smtp_server.messages[0]
    assert received["rcpt_tos"] == ["parent@example.org"]
    assert received["message"]["Subject"] == "Courriel de test – Les Centres Relier"
    assert received["message"].get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in received["message"].iter_parts()]
    assert parts == ["text/plain", "text/html"]
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT
    assert row.attempts == 2
    assert row.last_error == ""

    # Running the sweep, the delivery task or the same reason again sends nothing more.
    assert delivery.retry_due(now=later + timedelta(days=1)) == 0
    deliver_outbound_email.enqueue(row.pk)
    retry_due_emails.enqueue()
    assert send(django_capture_on_commit_callbacks, reason_key="test:smtp:1").pk == row.pk
    assert len(smtp_server.messages) == 1


def test_backoff_doubles_the_delay_between_attempts(
    smtp_server, django_capture_on_commit_callbacks
):
    with override_settings(OUTBOX_RETRY_BASE_SECONDS=60, OUTBOX_MAX_ATTEMPTS=5):
        row = send(django_capture_on_commit_callbacks)
        delays = []
        for _ in range(3):
            row.refresh_from_db()
            delays.append(row.next_attempt_at - row.last_attempt_at)
            delivery.retry_due(now=row.next_attempt_at)
    assert delays == [timedelta(seconds=60), timedelta(seconds=120), timedelta(seconds=240)]


def test_after_max_attempts_the_email_fails_definitively(
    smtp_server, django_capture_on_commit_callbacks
):
    with override_settings(OUTBOX_MAX_ATTEMPTS=3):
        row = send(django_capture_on_commit_callbacks)
        far = timezone.now() + timedelta(days=1)
        delivery.retry_due(now=far)
        delivery.retry_due(now=far + timedelta(days=1))
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.FAILED
    assert row.get_status_display() == "Échec définitif"
    assert row.attempts == 3
    assert row.next_attempt_at is None

    # A definitive failure is not retried by the sweep any more.
    smtp_server.start()
    assert delivery.retry_due(now=far + timedelta(days=30)) == 0
    assert smtp_server.messages == []


def test_send_test_email_command_reports_an_smtp_failure(smtp_server):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ConnectionRefusedError"):
        call_command("send_test_email", "exploitation@example.org")
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.PENDING

    smtp_server.start()
    call_command("send_test_email", "exploitation@example.org")
    assert len(smtp_server.messages) == 1
