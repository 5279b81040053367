"""Delivery of the stored outbox rows: claim, send, record, retry with back-off, recover
a row left « Envoi en cours » by a dead worker, and the outbox's own retention.

Guarantees: delivery at least once (retries until OUTBOX_MAX_ATTEMPTS, with a delay of
OUTBOX_RETRY_BASE_SECONDS doubled at each failure); "sending" is committed before the
SMTP exchange, so a row is sent twice only if a worker dies during that exchange:
`recover_stale_sending` returns it to pending after OUTBOX_SENDING_TIMEOUT_SECONDS and the
resend has the same Message-ID.

Queueing: this module does not know the background tasks. `relier_site.tasks` registers,
when it is imported (the app's ``ready()``), the function that queues the delivery task
(`register_delivery_enqueuer`); `enqueue_delivery` calls it once the transaction commits.
So the mail modules never import the tasks, and the tasks import this module: the
imports between mail, tasks and scheduling go one way only.
"""

import base64
import email.policy
import logging
import smtplib
from datetime import timedelta
from email.message import MIMEPart

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .. import sms
from ..models import OutboundEmail

logger = logging.getLogger(__name__)

_enqueuer = {"function": None}


def register_delivery_enqueuer(function):
    """Set `function(outbox_id, run_after=None)`, which queues the delivery of a row (the
    tasks module registers its task). Registering again replaces it."""
    _enqueuer["function"] = function
    return function


def enqueue_delivery(outbox_id, *, run_after=None):
    """Queue the delivery of a row once the current transaction commits (`run_after`: not
    before then). Without a registered enqueuer, the periodic sweep sends it once due."""

    def enqueue():
        function = _enqueuer["function"]
        if function is not None:
            function(outbox_id, run_after=run_after)

    transaction.on_commit(enqueue)


def describe_error(exc):
    """Short, personal-data-free description: exception class and SMTP code only."""
    description = type(exc).__name__
    code = getattr(exc, "smtp_code", None)
    if code is None and isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(c) for c, _msg in exc.recipients.values()})
        code = ",".join(codes) or None
    if code is not None:
        description += f" (SMTP {code})"
    return description[:200]


def retry_delay(attempts):
    """Delay before the next attempt after `attempts` failed ones."""
    base = getattr(settings, "OUTBOX_RETRY_BASE_SECONDS", 60)
    return timedelta(seconds=base * 2 ** max(attempts - 1, 0))


def _mime_part(attachment):
    """The MIME part of a stored attachment, its Content-Type header kept as written."""
    # compat32 stores the header string as given; the default policy would re-render it.
    part = MIMEPart(policy=email.policy.compat32)
    part["Content-Type"] = attachment.content_type
    part["Content-Transfer-Encoding"] = "base64"
    filename = attachment.filename
    if not filename.isascii():
        filename = ("utf-8", "", filename)  # RFC 2231
    part.add_header("Content-Disposition", "attachment", filename=filename)
    part.set_payload(base64.encodebytes(bytes(attachment.content)).decode("ascii"))
    return part


def build_message(row):
    """The EmailMultiAlternatives of an outbox row (text, HTML, attachments)."""
    message = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=row.to,
        reply_to=row.reply_to or None,
        headers={"Message-ID": row.message_id} if row.message_id else None,
    )
    message.attach_alternative(row.body_html, "text/html")
    for attachment in row.attachments.all():
        message.attach(_mime_part(attachment))
    return message


def _send(row):
    """Hand a claimed row to the mailer, or to the SMS backend (relier_site.sms)."""
    if row.channel == OutboundEmail.Channel.SMS:
        sms.send_messages([sms.SmsMessage(row.to[0], row.body_text, f"outbox:{row.pk}")])
    else:
        build_message(row).send(using="default")


def _claim(outbox_id, now):
    """Mark a pending, due row as sending and commit: True if this caller got it.

    A conditional UPDATE is atomic on SQLite and PostgreSQL alike (select_for_update is
    a no-op on SQLite): of two workers, exactly one changes the row.
    """
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    with transaction.atomic():
        claimed = OutboundEmail.objects.filter(
            due, pk=outbox_id, status=OutboundEmail.Status.PENDING
        ).update(
            status=OutboundEmail.Status.SENDING,
            attempts=F("attempts") + 1,
            last_attempt_at=timezone.now(),
        )
    return bool(claimed)


def deliver(outbox_id, *, now=None):
    """Send one outbox row if it is pending and due. Returns its status afterwards.

    1. Claim: one short transaction turns it from pending to sending (committed before
       any SMTP exchange; no lock is held while the SMTP server answers).
    2. Send (email, or SMS through relier_site.sms), outside any transaction.
    3. Record: a second short transaction marks it sent, or pending for a later retry,
       or failed after OUTBOX_MAX_ATTEMPTS.

    A worker that dies between 1 and 3 leaves the row in "sending"; `retry_due` returns
    it to pending after OUTBOX_SENDING_TIMEOUT_SECONDS (`recover_stale_sending`).
    """
    now = now or timezone.now()
    if not _claim(outbox_id, now):
        return OutboundEmail.objects.filter(pk=outbox_id).values_list("status", flat=True).first()
    row = OutboundEmail.objects.filter(pk=outbox_id).first()
    if row is None:  # purged meanwhile
        return None
    try:
        _send(row)
    except Exception as exc:  # SMTP and network errors, but also bad addresses
        return _record_failure(row, exc)
    with transaction.atomic():
        OutboundEmail.objects.filter(pk=row.pk).update(
            status=OutboundEmail.Status.SENT,
            sent_at=timezone.now(),
            next_attempt_at=None,
            last_error="",
        )
    return OutboundEmail.Status.SENT


def _record_failure(row, exc):
    max_attempts = getattr(settings, "OUTBOX_MAX_ATTEMPTS", 8)
    error = describe_error(exc)
    if row.attempts >= max_attempts:
        status, next_at = OutboundEmail.Status.FAILED, None
        logger.error(
            "Outbound email %s failed definitively after %s attempts: %s",
            row.pk,
            row.attempts,
            error,
        )
    else:
        status = OutboundEmail.Status.PENDING
        next_at = row.last_attempt_at + retry_delay(row.attempts)
        logger.warning(
            "Outbound email %s: attempt %s failed (%s), next try at %s",
            row.pk,
            row.attempts,
            error,
            next_at.isoformat(),
        )
    with transaction.atomic():
        updated = OutboundEmail.objects.filter(
            pk=row.pk, status=OutboundEmail.Status.SENDING
        ).update(status=status, next_attempt_at=next_at, last_error=error)
        if updated and next_at is not None:
            enqueue_delivery(row.pk, run_after=next_at)
    return status


def sending_timeout():
    return timedelta(seconds=getattr(settings, "OUTBOX_SENDING_TIMEOUT_SECONDS", 120))


def recover_stale_sending(*, now=None):
    """Return rows left in "sending" longer than OUTBOX_SENDING_TIMEOUT_SECONDS (a
    worker died during the SMTP exchange) to pending, due now; after the last allowed
    attempt they fail definitively. Returns how many rows were returned to pending.

    This is the only way a message can go out twice: the dead worker may have handed it
    to the SMTP server already. The resend carries the same Message-ID.
    """
    now = now or timezone.now()
    cutoff = now - sending_timeout()
    max_attempts = getattr(settings, "OUTBOX_MAX_ATTEMPTS", 8)
    stale = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENDING, last_attempt_at__lt=cutoff
    )
    recovered = 0
    for pk, attempts in stale.values_list("pk", "attempts"):
        give_up = attempts >= max_attempts
        with transaction.atomic():
            updated = OutboundEmail.objects.filter(
                pk=pk, status=OutboundEmail.Status.SENDING, last_attempt_at__lt=cutoff
            ).update(
                status=OutboundEmail.Status.FAILED if give_up else OutboundEmail.Status.PENDING,
                next_attempt_at=None if give_up else now,
                last_error=INTERRUPTED_ERROR,
            )
        if updated:
            logger.warning("Outbound email %s: sending was interrupted (worker stopped).", pk)
            recovered += 0 if give_up else 1
    return recovered


INTERRUPTED_ERROR = "Envoi interrompu (worker arrêté)"


def retry_due(*, now=None):
    """The sweep: recover stale "sending" rows, then deliver every pending row whose
    next attempt is due (a retry, or a `not_before` that has come). Returns how many
    were sent."""
    now = now or timezone.now()
    recover_stale_sending(now=now)
    due = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.PENDING, next_attempt_at__lte=now
    ).order_by("next_attempt_at")
    sent = 0
    for pk in due.values_list("pk", flat=True):
        if deliver(pk, now=now) == OutboundEmail.Status.SENT:
            sent += 1
    return sent


def purge_outbox(*, now=None):
    """Delete sent rows older than OUTBOX_RETENTION_DAYS, definitively failed rows whose
    last attempt is older than that, and cancelled rows created before that. Returns the
    number of emails deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=getattr(settings, "OUTBOX_RETENTION_DAYS", 90))
    status = OutboundEmail.Status
    old = OutboundEmail.objects.filter(
        Q(status=status.SENT, sent_at__lt=cutoff)
        | Q(status=status.FAILED, last_attempt_at__lt=cutoff)
        | Q(status=status.CANCELLED, created_at__lt=cutoff)
    )
    deleted = old.delete()[1].get(OutboundEmail._meta.label, 0)
    if deleted:
        logger.info("Outbox retention: %s old emails deleted.", deleted)
    return deleted
