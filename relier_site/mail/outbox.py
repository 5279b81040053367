"""The outbox: the only way an app sends email, or a text message (SMS). Public API::

    from relier_site.mail.outbox import Attachment, cancel_pending, purge, reason_for
    from relier_site.mail.outbox import send_templated_mail

    send_templated_mail(
        "emails/session_reminder",           # emails/<name>.mjml + emails/<name>.txt
        {"session": session},                # template context
        [registration.email],                # recipients
        about=registration,                  # what the mail concerns (any saved model row)
        reason_key=reason_for(registration, "reminder"),  # one row per reason
        reply_to=["accueil@centres-relier.fr"],
        attachments=[Attachment("seance.ics", ics_bytes,
                                "text/calendar; method=REQUEST; charset=utf-8")],
        not_before=reminder_time,            # aware datetime: not sent before
    )
    send_sms("sms/appointments/reminder.txt", {...}, "+33612345678",
             about=appointment, reason_key=..., not_before=...)  # relier_site.sms
    cancel_pending(registration)             # void what has not left yet (emails, SMS)
    purge(*registrations)                    # delete every row (retention, erasure)

It renders the HTML part (compiled MJML) and the plain-text part (`.rendering`), stores an
`OutboundEmail` row (with its `OutboundAttachment` rows and a Message-ID of its own),
linked to the row it concerns (`about`: content type and primary key, a generic
relation), and once the transaction commits queues its delivery (`.delivery`; for
`not_before`, with ``run_after``), which sends it, retries it with exponential back-off
(settings OUTBOX_MAX_ATTEMPTS, OUTBOX_RETRY_BASE_SECONDS) and records the outcome for
staff ("Courriels sortants" in the admin settings menu).

Guarantees: one row per `reason_key` (a unique column, on SQLite and PostgreSQL alike);
`cancel_pending` and `purge` reach every row linked to the object, whatever built it.
"""

import re
from email.utils import make_msgid, parseaddr
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template import Context
from django.utils import timezone

from ..models import OutboundAttachment, OutboundEmail
from .delivery import enqueue_delivery
from .rendering import django_engine, render_email, template_base_name


class Attachment(NamedTuple):
    """A file to send with an email, as its own MIME part.

    `content` is bytes (a str is encoded as UTF-8); `content_type` is the whole
    Content-Type header, parameters included, e.g. "text/calendar; method=REQUEST;
    charset=utf-8". A plain (filename, content, content_type) tuple works too.
    """

    filename: str
    content: bytes | str
    content_type: str = "application/octet-stream"


class AttachmentsTooLarge(ValueError):
    """The attachments of one email weigh more than OUTBOX_MAX_ATTACHMENTS_BYTES."""


_MIME_WORD = r"[A-Za-z0-9!#$&^_.+-]+"
_CONTENT_TYPE = re.compile(
    rf"^{_MIME_WORD}/{_MIME_WORD}(\s*;\s*{_MIME_WORD}=(\"[^\"\r\n]*\"|{_MIME_WORD}))*$", re.ASCII
)


def _addresses(addresses, *, what):
    addresses = [addresses] if isinstance(addresses, str) else list(addresses or [])
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError:
            raise ValueError(f"Invalid {what} address.") from None
    return addresses


def _recipients(to):
    recipients = _addresses(to, what="recipient")
    if not recipients:
        raise ValueError("An email needs at least one recipient.")
    return recipients


def max_attachments_bytes():
    return getattr(settings, "OUTBOX_MAX_ATTACHMENTS_BYTES", 5 * 1024 * 1024)


def _attachments(attachments):
    """[(filename, content_type, bytes)] of `attachments`, checked."""
    files = []
    for item in attachments or []:
        attachment = Attachment(*item)
        filename = re.sub(r"[\x00-\x1f\x7f/\\]", "_", attachment.filename).strip()
        if not filename or len(filename) > 200:
            raise ValueError("An attachment needs a file name of 1 to 200 characters.")
        content_type = " ".join(attachment.content_type.split())
        if not _CONTENT_TYPE.match(content_type):
            raise ValueError(f"Invalid attachment content type: {content_type!r}.")
        content = attachment.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        files.append((filename, content_type, bytes(content)))
    total = sum(len(content) for _name, _type, content in files)
    limit = max_attachments_bytes()
    if total > limit:
        raise AttachmentsTooLarge(
            f"The attachments weigh {total} bytes, more than OUTBOX_MAX_ATTACHMENTS_BYTES "
            f"({limit} bytes): send a link instead, or raise the setting."
        )
    return files


def make_message_id():
    """A new Message-ID in the sender's domain (never the machine's host name)."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return make_msgid(idstring="outbox", domain=domain)


def reason_for(about, reason):
    """The reason key of a mail about the saved row `about`: "<model>:<pk>:<reason>",
    e.g. reason_for(referral, "confirmation") == "referral:42:confirmation"."""
    return f"{_about_reference(about)}:{reason}"


def _about_reference(about):
    if getattr(about, "pk", None) is None:
        raise ValueError("A mail can only be about a saved row.")
    return f"{about._meta.model_name}:{about.pk}"


def _about_filter(subjects):
    """The rows linked to any of `subjects` (saved model instances)."""
    pks_by_type = {}
    for about in subjects:
        _about_reference(about)  # refuses None and unsaved rows
        content_type = ContentType.objects.get_for_model(about)
        pks_by_type.setdefault(content_type.pk, set()).add(about.pk)
    condition = Q()
    for type_id, pks in pks_by_type.items():
        condition |= Q(about_type_id=type_id, about_id__in=sorted(pks))
    return condition


def emails_about(*subjects):
    """The outbox rows about any of `subjects` (saved model instances), oldest first."""
    if not subjects:
        return OutboundEmail.objects.none()
    return OutboundEmail.objects.filter(_about_filter(subjects)).order_by("pk")


def reason_stored(key):
    """True when a mail for the reason `key` is in the outbox (whatever its status)."""
    return OutboundEmail.objects.filter(reason_key=key).exists()


def send_templated_mail(
    template_name,
    context,
    to,
    *,
    about=None,
    reason_key=None,
    reply_to=None,
    attachments=None,
    not_before=None,
):
    """Render an email, store it in the outbox and deliver it after the commit.

    - `about` (a saved model instance, e.g. a referral): what the mail concerns, for
      `cancel_pending(about)`, `purge(about)` and `emails_about(about)`.
    - `reason_key` (e.g. "referral:42:confirmation", see `reason_for`): a second call
      for the same reason returns the first row and stores and sends nothing.
    - `reply_to`: addresses for the Reply-To header.
    - `attachments`: `Attachment` items (or (filename, content, content_type) tuples),
      at most OUTBOX_MAX_ATTACHMENTS_BYTES in all (else `AttachmentsTooLarge`).
    - `not_before` (aware datetime): the mail does not leave before then; it is queued
      for that time (`run_after`) when the task backend can defer, else the sweep sends
      it once due.

    Returns the `OutboundEmail` row.
    """
    existing = _stored(reason_key)
    if existing is not None:
        return existing
    recipients = _recipients(to)
    reply_addresses = _addresses(reply_to, what="reply-to")
    files = _attachments(attachments)
    subject, text, html = render_email(template_name, context)
    return _store(
        {
            "to": recipients,
            "reply_to": reply_addresses,
            "subject": subject[:255],
            "body_text": text,
            "body_html": html,
            "message_id": make_message_id(),
            "template_name": template_base_name(template_name)[:200],
        },
        files,
        about=about,
        reason_key=reason_key,
        not_before=not_before,
    )


SMS_MAX_LENGTH = 480  # three SMS segments of 160 GSM characters


def send_sms(template_name, context, phone, *, about=None, reason_key=None, not_before=None):
    """Render a text message and store it in the outbox (channel SMS), delivered after
    the commit through `relier_site.sms` with the email's retries; `about`, `reason_key`
    and `not_before` as for `send_templated_mail` (`cancel_pending(about)` voids it too).

    `template_name` is a Django text template (e.g. "sms/appointments/reminder.txt"),
    rendered without autoescaping, whitespace collapsed, at most SMS_MAX_LENGTH
    characters; `phone` is an E.164 number (relier_site.phones). Returns the row.
    """
    existing = _stored(reason_key)
    if existing is not None:
        return existing
    if not re.fullmatch(r"\+[1-9][0-9]{6,14}", phone or ""):
        raise ValueError("An SMS needs an E.164 phone number.")
    engine = django_engine().engine
    body = engine.get_template(template_name).render(Context(context, autoescape=False))
    body = " ".join(body.split())
    if not body or len(body) > SMS_MAX_LENGTH:
        raise ValueError(f"An SMS is 1 to {SMS_MAX_LENGTH} characters long.")
    return _store(
        {
            "channel": OutboundEmail.Channel.SMS,
            "to": [phone],
            "subject": "SMS",
            "body_text": body,
            "body_html": "",
            "template_name": template_base_name(template_name)[:200],
        },
        [],
        about=about,
        reason_key=reason_key,
        not_before=not_before,
    )


def _stored(reason_key):
    """The row already stored for `reason_key`, if any."""
    if not reason_key:
        return None
    return OutboundEmail.objects.filter(reason_key=reason_key).first()


def _store(fields, files, *, about, reason_key, not_before):
    """Store one outbox row (email or SMS) with its attachments, and queue its delivery
    once the transaction commits."""
    if not_before is not None and timezone.is_naive(not_before):
        raise ValueError("not_before must be an aware datetime.")
    about_type = None
    if about is not None:
        _about_reference(about)
        about_type = ContentType.objects.get_for_model(about)
    now = timezone.now()
    scheduled = not_before is not None and not_before > now
    try:
        with transaction.atomic():
            row = OutboundEmail.objects.create(
                **fields,
                reason_key=reason_key or None,
                about_type=about_type,
                about_id=about.pk if about is not None else None,
                not_before=not_before,
                next_attempt_at=not_before if scheduled else now,
            )
            OutboundAttachment.objects.bulk_create(
                OutboundAttachment(
                    email=row,
                    filename=filename,
                    content_type=content_type,
                    content=content,
                    size=len(content),
                )
                for filename, content_type, content in files
            )
    except IntegrityError:
        # A concurrent call stored the same reason first.
        existing = _stored(reason_key)
        if existing is not None:
            return existing
        raise
    enqueue_delivery(row.pk, run_after=not_before if scheduled else None)
    return row


def is_retryable(row, *, now=None):
    """Staff may retry a pending or failed row, unless it is scheduled for later."""
    now = now or timezone.now()
    retryable = (OutboundEmail.Status.PENDING, OutboundEmail.Status.FAILED)
    return row.status in retryable and (row.not_before is None or row.not_before <= now)


def retry_now(row):
    """Staff action: give a pending or failed row a fresh series of attempts, now.
    Never a sent, sending or cancelled row, nor one scheduled for later (`not_before`)."""
    now = timezone.now()
    with transaction.atomic():
        updated = OutboundEmail.objects.filter(
            Q(not_before__isnull=True) | Q(not_before__lte=now),
            pk=row.pk,
            status__in=[OutboundEmail.Status.PENDING, OutboundEmail.Status.FAILED],
        ).update(status=OutboundEmail.Status.PENDING, attempts=0, next_attempt_at=now)
        if updated:
            enqueue_delivery(row.pk)
    return bool(updated)


def cancel_pending(about):
    """Void the mails about the row `about` that have not left yet (status « Annulé »):
    they are never sent afterwards, even by a delivery task already queued. A mail already
    being handed to the SMTP server (« Envoi en cours ») cannot be stopped. Returns how
    many were cancelled."""
    condition = _about_filter([about])
    with transaction.atomic():
        return OutboundEmail.objects.filter(condition, status=OutboundEmail.Status.PENDING).update(
            status=OutboundEmail.Status.CANCELLED, next_attempt_at=None
        )


def purge(*subjects):
    """Delete every outbox row about any of `subjects` (saved rows), whatever its status,
    with its attachments (retention, erasure). Their reason keys are forgotten too.
    Returns how many emails were deleted."""
    if not subjects:
        return 0
    condition = _about_filter(subjects)
    with transaction.atomic():
        deleted = OutboundEmail.objects.filter(condition).delete()[1]
    return deleted.get(OutboundEmail._meta.label, 0)
