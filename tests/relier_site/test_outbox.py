"""Outbox features for the workflows, end to end with the real local SMTP server:
attachments, reply-to, not_before, the row a mail is about (cancel_pending, purge), the "sending"
claim, the stale-sending sweep and the Message-ID."""

from datetime import datetime, timedelta

import pytest
from django.test import override_settings
from django.urls import get_resolver
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from events.models import Registration
from referrals.models import Referral
from relier_site.mail import delivery, outbox, rendering
from relier_site.mail.outbox import Attachment, cancel_pending, purge, send_templated_mail
from relier_site.models import OutboundAttachment, OutboundEmail
from relier_site.tasks import deliver_outbound_email, retry_due_emails

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ICS_TYPE = "text/calendar; method=REQUEST; charset=utf-8"
ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Les Centres Relier//FR\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:seance-7@centres-relier.fr\r\nSUMMARY:Atelier « Se reconstruire »\r\n"
    "DTSTART:20270115T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
).encode()


def send(django_capture_on_commit_callbacks, to=("parent@example.org",), **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return send_templated_mail("emails/test_message", {}, list(to), **kwargs)


@pytest.mark.smtp
def test_ics_attachment_arrives_as_its_own_part_with_its_content_type_and_bytes(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.start()
    row = send(
        django_capture_on_commit_callbacks,
        reply_to=["accueil@centres-relier.fr"],
        attachments=[
            Attachment("seance.ics", ICS, ICS_TYPE),
            ("programme-séance.pdf", b"%PDF-1.4 test", "application/pdf"),
        ],
    )

    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT
    [received] = smtp_server.messages
    message = received["message"]
    assert message.get_content_type() == "multipart/mixed"
    body, ics, pdf = message.iter_parts()
    assert [part.get_content_type() for part in body.iter_parts()] == ["text/plain", "text/html"]
    # The header exactly as given, on the wire.
    assert b"\r\nContent-Type: text/calendar; method=REQUEST; charset=utf-8\r\n" in received["raw"]
    assert ics.get_content_type() == "text/calendar"
    assert ics.get_param("method") == "REQUEST"
    assert ics.get_content_charset() == "utf-8"
    assert ics.get_filename() == "seance.ics"
    assert ics.get_content_disposition() == "attachment"
    assert ics.get_payload(decode=True) == ICS
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == "programme-séance.pdf"
    assert pdf.get_payload(decode=True) == b"%PDF-1.4 test"
    assert message["Reply-To"] == "accueil@centres-relier.fr"
    assert message["Message-ID"] == row.message_id
    assert row.message_id.endswith("@centres-relier.fr>")
    assert [(a.filename, a.size) for a in row.attachments.all()] == [
        ("seance.ics", len(ICS)),
        ("programme-séance.pdf", 13),
    ]


@override_settings(OUTBOX_MAX_ATTACHMENTS_BYTES=1000)
def test_attachments_over_the_size_limit_are_refused_before_storing():
    with pytest.raises(outbox.AttachmentsTooLarge, match="OUTBOX_MAX_ATTACHMENTS_BYTES"):
        send_templated_mail(
            "emails/test_message",
            {},
            ["parent@example.org"],
            attachments=[Attachment("a.ics", ICS, ICS_TYPE), ("b.bin", b"x" * 800, "a/b")],
        )
    assert OutboundEmail.objects.count() == 0
    assert OutboundAttachment.objects.count() == 0


@pytest.mark.parametrize(
    "content_type", ["text/calendar\r\nBcc: x@example.org", "calendar", "text/calendar; x"]
)
def test_a_malformed_attachment_content_type_is_refused(content_type):
    with pytest.raises(ValueError, match="content type"):
        send_templated_mail(
            "emails/test_message", {}, ["a@example.org"], attachments=[("a.ics", ICS, content_type)]
        )
    assert OutboundEmail.objects.count() == 0


def test_reply_to_and_not_before_are_validated():
    with pytest.raises(ValueError, match="reply-to"):
        send_templated_mail("emails/test_message", {}, ["a@example.org"], reply_to=["pas-valide"])
    with pytest.raises(ValueError, match="aware"):
        send_templated_mail(
            "emails/test_message", {}, ["a@example.org"], not_before=datetime(2027, 1, 1, 9)
        )
    assert OutboundEmail.objects.count() == 0


@pytest.mark.smtp
def test_not_before_mail_is_not_sent_before_its_time_and_sent_after(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.start()
    at = timezone.now() + timedelta(days=2)
    row = send(django_capture_on_commit_callbacks, not_before=at)

    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.PENDING
    assert row.not_before == at and row.next_attempt_at == at
    assert smtp_server.messages == []
    # A delivery task (e.g. an early one) and the sweep leave it alone before its time.
    assert delivery.deliver(row.pk) == OutboundEmail.Status.PENDING
    assert delivery.retry_due(now=at - timedelta(seconds=1)) == 0
    deliver_outbound_email.enqueue(row.pk)
    retry_due_emails.enqueue()
    assert smtp_server.messages == []
    # Staff cannot send it early either.
    assert outbox.retry_now(row) is False

    assert delivery.retry_due(now=at) == 1
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT
    assert [m["message"]["Message-ID"] for m in smtp_server.messages] == [row.message_id]


@override_settings(TASKS=DB_TASKS)
def test_not_before_mail_is_queued_for_its_time_with_run_after(
    django_capture_on_commit_callbacks,
):
    at = timezone.now() + timedelta(hours=20)
    send(django_capture_on_commit_callbacks, not_before=at)
    now_mail = send(django_capture_on_commit_callbacks)

    tasks = DBTaskResult.objects.filter(task_path=deliver_outbound_email.module_path)
    assert sorted(t.run_after for t in tasks if t.run_after.year < 9000) == [at]
    # The worker only picks up what is due: the immediate mail's task, not the reminder.
    assert [t.args_kwargs["args"] for t in DBTaskResult.objects.ready()] == [[now_mail.pk]]


@override_settings(TASKS=DB_TASKS)
def test_a_stored_mail_queues_its_delivery_and_nothing_else_once_the_admin_is_loaded(
    django_capture_on_commit_callbacks,
):
    # Loading the URLs registers the admin's viewsets, « Courriels sortants » included
    # (what any earlier test that opened a page did, so the test above passed or failed
    # by the order of the tests).
    get_resolver().url_patterns  # noqa: B018
    row = send(django_capture_on_commit_callbacks, about=Registration(pk=7))
    queued = [(t.task_path, t.args_kwargs["args"]) for t in DBTaskResult.objects.all()]
    assert queued == [(deliver_outbound_email.module_path, [row.pk])]


@pytest.mark.smtp
def test_cancel_pending_voids_unsent_mails_even_with_a_task_already_queued(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.start()
    sent = send(django_capture_on_commit_callbacks, about=Registration(pk=7))
    later = timezone.now() + timedelta(days=1)
    reminder = send(django_capture_on_commit_callbacks, about=Registration(pk=7), not_before=later)
    other = send(django_capture_on_commit_callbacks, about=Registration(pk=8), not_before=later)
    assert len(smtp_server.messages) == 1

    assert cancel_pending(Registration(pk=7)) == 1

    reminder.refresh_from_db()
    assert reminder.status == OutboundEmail.Status.CANCELLED
    assert reminder.get_status_display() == "Annulé"
    assert delivery.deliver(reminder.pk, now=later) == OutboundEmail.Status.CANCELLED
    assert outbox.retry_now(reminder) is False
    assert delivery.retry_due(now=later) == 1  # only the other subject's mail
    sent.refresh_from_db()
    other.refresh_from_db()
    assert sent.status == OutboundEmail.Status.SENT
    assert other.status == OutboundEmail.Status.SENT
    assert len(smtp_server.messages) == 2
    assert reminder.message_id not in [m["message"]["Message-ID"] for m in smtp_server.messages]


def test_purge_deletes_every_mail_of_the_subject_with_its_attachments(
    django_capture_on_commit_callbacks,
):
    send(django_capture_on_commit_callbacks, about=Referral(pk=42), reason_key="r:42:a")
    send(
        django_capture_on_commit_callbacks,
        about=Referral(pk=42),
        attachments=[("a.ics", ICS, ICS_TYPE)],
        not_before=timezone.now() + timedelta(days=3),
    )
    kept = send(django_capture_on_commit_callbacks, about=Referral(pk=43))

    assert purge(Referral(pk=42)) == 2

    assert list(OutboundEmail.objects.values_list("pk", flat=True)) == [kept.pk]
    assert OutboundAttachment.objects.count() == 0
    with pytest.raises(ValueError):
        purge("")
    # The reason is forgotten with its row.
    again = send(django_capture_on_commit_callbacks, about=Referral(pk=42), reason_key="r:42:a")
    assert OutboundEmail.objects.filter(pk=again.pk, reason_key="r:42:a").exists()


@pytest.mark.smtp
def test_a_row_claimed_by_another_worker_is_not_sent_again(
    smtp_server, django_capture_on_commit_callbacks
):
    row = send(django_capture_on_commit_callbacks)  # SMTP down: pending, attempt 1
    smtp_server.start()
    due = timezone.now() + timedelta(days=1)
    # Another worker claimed it (committed "sending") and is talking to the SMTP server.
    OutboundEmail.objects.filter(pk=row.pk).update(
        status=OutboundEmail.Status.SENDING, last_attempt_at=timezone.now()
    )
    assert delivery.deliver(row.pk, now=due) == OutboundEmail.Status.SENDING
    assert delivery.retry_due(now=timezone.now() + timedelta(seconds=30)) == 0
    assert smtp_server.messages == []


@pytest.mark.smtp
def test_stale_sending_row_is_resent_by_the_sweep_with_the_same_message_id(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.start()
    row = send(django_capture_on_commit_callbacks)
    first_id = smtp_server.messages[0]["message"]["Message-ID"]
    # As if the worker had died after handing it to the SMTP server.
    OutboundEmail.objects.filter(pk=row.pk).update(status=OutboundEmail.Status.SENDING)
    row.refresh_from_db()

    with override_settings(OUTBOX_SENDING_TIMEOUT_SECONDS=300):
        assert delivery.retry_due(now=row.last_attempt_at + timedelta(seconds=299)) == 0
        assert delivery.retry_due(now=row.last_attempt_at + timedelta(seconds=301)) == 1

    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT
    assert [m["message"]["Message-ID"] for m in smtp_server.messages] == [first_id, first_id]
    assert first_id == row.message_id


@override_settings(OUTBOX_MAX_ATTEMPTS=1)
def test_stale_sending_row_after_its_last_attempt_fails_definitively(
    django_capture_on_commit_callbacks,
):
    row = OutboundEmail.objects.create(
        to=["a@example.org"], subject="Objet", body_text="t", body_html="<p>h</p>"
    )
    stale = timezone.now() - timedelta(hours=1)
    OutboundEmail.objects.filter(pk=row.pk).update(
        status=OutboundEmail.Status.SENDING, attempts=1, last_attempt_at=stale
    )
    assert delivery.retry_due() == 0
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.FAILED
    assert row.last_error == "Envoi interrompu (worker arrêté)"


def test_every_row_has_its_own_message_id_used_by_each_attempt(django_capture_on_commit_callbacks):
    from django.core import mail as django_mail

    first = send(django_capture_on_commit_callbacks)
    second = send(django_capture_on_commit_callbacks)
    assert first.message_id and first.message_id != second.message_id
    assert [m.message()["Message-ID"] for m in django_mail.outbox] == [
        first.message_id,
        second.message_id,
    ]


@override_settings(OUTBOX_RETENTION_DAYS=90)
def test_retention_deletes_old_cancelled_mails():
    old = timezone.now() - timedelta(days=91)
    row = OutboundEmail.objects.create(
        to=["a@example.org"], subject="Objet", body_text="t", body_html="<p>h</p>"
    )
    recent = OutboundEmail.objects.create(
        to=["a@example.org"], subject="Objet", body_text="t", body_html="<p>h</p>"
    )
    OutboundEmail.objects.filter(pk__in=[row.pk, recent.pk]).update(
        status=OutboundEmail.Status.CANCELLED
    )
    OutboundEmail.objects.filter(pk=row.pk).update(created_at=old)
    assert delivery.purge_outbox() == 1
    assert list(OutboundEmail.objects.values_list("pk", flat=True)) == [recent.pk]


def test_mail_context_providers_add_to_the_layout_context():
    def provider():
        return {"organisation_name": "Association témoin", "contact_email": "t@example.org"}

    rendering.register_mail_context_provider(provider)
    try:
        context = rendering.mail_context()
    finally:
        rendering._context_providers.remove(provider)
    assert context["organisation_name"] == "Association témoin"
    assert context["contact_email"] == "t@example.org"
    # The site shell's provider ran before it: helplines with their tel: links.
    assert {"number": "3018", "href": "tel:3018"}.items() <= context["helplines"][0].items()
