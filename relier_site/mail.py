"""Outgoing email: MJML templates, the outbox and its delivery.

Public API (the only way an app sends email)::

    from relier_site.mail import Attachment, cancel_pending, purge, send_templated_mail

    send_templated_mail(
        "emails/session_reminder",           # emails/<name>.mjml + emails/<name>.txt
        {"session": session},                # template context
        [registration.email],                # recipients
        reason_key=f"registration:{registration.pk}:reminder",  # one row per reason
        subject_key=f"registration:{registration.pk}",  # what the mail is about
        reply_to=["accueil@centres-relier.fr"],
        attachments=[Attachment("seance.ics", ics_bytes,
                                "text/calendar; method=REQUEST; charset=utf-8")],
        not_before=reminder_time,            # aware datetime: not sent before
    )
    cancel_pending("registration:42")        # void what has not left yet
    purge("registration:42")                 # delete every row (retention, erasure)

It renders the HTML part (compiled MJML) and the plain-text part, stores an
`OutboundEmail` row (with its `OutboundAttachment` rows and a Message-ID of its own), and
once the transaction commits enqueues the `relier_site.tasks.deliver_outbound_email`
task (for `not_before`, with ``run_after``), which sends it, retries it with exponential
back-off (settings OUTBOX_MAX_ATTEMPTS, OUTBOX_RETRY_BASE_SECONDS) and records the
outcome for staff ("Courriels sortants" in the admin settings menu).

Guarantees: one row per `reason_key`; delivery at least once (retries until
OUTBOX_MAX_ATTEMPTS); "sending" is committed before the SMTP exchange, so a row is sent
twice only if a worker dies during that exchange: `recover_stale_sending` returns it to
pending after OUTBOX_SENDING_TIMEOUT_SECONDS and the resend has the same Message-ID.

The layout's organisation name, contact line and helplines come from the mail context
providers (`register_mail_context_provider`); the site shell registers one.

Templates (in any template folder, e.g. templates/emails/):

- ``emails/<name>.mjml``: the HTML part. Either a full ``<mjml>`` document, or (usually)
  just the ``<mj-section>`` elements of the message: they are placed in the layout
  ``emails/base.mjml`` where it says ``<!-- message content -->``. The layout carries the
  association's name, contact line and the helplines (context ``helplines``).
  Django tags (``{{ }}``, ``{% if %}``) are kept by the MJML compiler; the compiled HTML
  is a Django template rendered with autoescaping. Each file is compiled once per process
  (cache keyed by path and modification time), never per send.
- ``emails/<name>.txt``: the plain-text part (autoescaping off), which must define the
  subject: ``{% partialdef subject %}Objet du message{% endpartialdef %}``. It usually
  ``{% extends "emails/base.txt" %}`` and fills ``{% block content %}``.

``manage.py check`` (tag "mail") compiles every ``emails/*.mjml`` and reports a broken one
by its file name.
"""

import base64
import email.policy
import logging
import re
import smtplib
import threading
from datetime import timedelta
from email.message import MIMEPart
from email.utils import make_msgid, parseaddr
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template import Context, TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.utils import get_app_template_dirs
from django.utils import timezone
from mjml import mjml_to_html

from .models import OutboundAttachment, OutboundEmail

logger = logging.getLogger(__name__)

LAYOUT_TEMPLATE = "emails/base.mjml"
CONTENT_PLACEHOLDER = "<!-- message content -->"
EMAIL_TEMPLATE_FOLDER = "emails"
ORGANISATION_NAME = "Les Centres Relier"


class MJMLTemplateError(Exception):
    """An email template that does not compile; the message names the template."""

    def __init__(self, template_name, detail):
        self.template_name = template_name
        self.detail = detail
        super().__init__(f"{template_name}: {detail}")


# --- MJML compilation (once per file version) -----------------------------------------

_compile_lock = threading.Lock()
_compiled_sources = {}  # (path, mtime, layout path, layout mtime) -> compiled HTML
_compiled_templates = {}  # (source key, id(engine)) -> Django template
_stats = {"compilations": 0}


def compile_cache_info():
    """How many MJML compilations this process ran, and how many results are cached."""
    return {"compilations": _stats["compilations"], "cached": len(_compiled_sources)}


def clear_compile_cache():
    with _compile_lock:
        _compiled_sources.clear()
        _compiled_templates.clear()
        _stats["compilations"] = 0


def _django_engine():
    return engines["django"]


def _template_dirs():
    """Template folders in the order Django searches them (DIRS first, then apps)."""
    engine = _django_engine().engine
    dirs = [Path(d) for d in engine.dirs]
    if engine.app_dirs:
        dirs += [Path(d) for d in get_app_template_dirs("templates")]
    return dirs


def find_template_file(template_name):
    """The file Django's loaders would use for `template_name`."""
    for loader in _django_engine().engine.template_loaders:
        for origin in loader.get_template_sources(template_name):
            path = Path(origin.name)
            if path.is_file():
                return path
    raise TemplateDoesNotExist(template_name)


def iter_mjml_templates():
    """(template name, path) of every emails/**/*.mjml, as Django would resolve names."""
    seen = set()
    for folder in _template_dirs():
        emails = folder / EMAIL_TEMPLATE_FOLDER
        if not emails.is_dir():
            continue
        for path in sorted(emails.rglob("*.mjml")):
            name = path.relative_to(folder).as_posix()
            if name not in seen:
                seen.add(name)
                yield name, path


def _is_full_document(source):
    return re.match(r"\s*(<!--.*?-->\s*)*<mjml[\s>]", source, re.DOTALL) is not None


# MJML elements; the HTML inside mj-text, mj-button... is not checked.
_MJ_TAG = re.compile(r"^(mjml|mj-[a-z-]+)$")


class _MJMLStructureChecker(HTMLParser):
    """Strict check that every <mjml>/<mj-*> element is closed in the right order.

    The MJML compiler is lenient (it silently repairs unclosed tags, dropping content),
    so a template is checked for well-formed MJML elements before it is compiled.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        if _MJ_TAG.match(tag):
            self.stack.append((tag, self.getpos()[0]))

    def handle_endtag(self, tag):
        if not _MJ_TAG.match(tag):
            return
        if not self.stack:
            self.errors.append(f"ligne {self.getpos()[0]} : </{tag}> sans balise ouvrante")
            return
        open_tag, line = self.stack.pop()
        if open_tag != tag:
            self.errors.append(
                f"ligne {self.getpos()[0]} : </{tag}> ferme <{open_tag}> ouverte ligne {line}"
            )

    def finish(self):
        self.close()
        for tag, line in self.stack:
            self.errors.append(f"ligne {line} : <{tag}> n'est jamais fermée")
        return self.errors


def _source_key(template_name):
    """(path, cache key) of the current version of `template_name` and of the layout."""
    path = find_template_file(template_name)
    layout_path = find_template_file(LAYOUT_TEMPLATE)
    key = (str(path), path.stat().st_mtime_ns, str(layout_path), layout_path.stat().st_mtime_ns)
    return path, layout_path, key


def _assemble(template_name, path, layout_path):
    """The full MJML document of `template_name`: a message is placed in the layout."""
    source = path.read_text(encoding="utf-8")
    if _is_full_document(source):
        return source
    layout = layout_path.read_text(encoding="utf-8")
    if CONTENT_PLACEHOLDER not in layout:
        raise MJMLTemplateError(
            LAYOUT_TEMPLATE, f"la mise en page doit contenir {CONTENT_PLACEHOLDER}"
        )
    return layout.replace(CONTENT_PLACEHOLDER, source, 1)


def _compile_document(template_name, document, template_dir):
    errors = _MJMLStructureChecker()
    errors.feed(document)
    problems = errors.finish()
    if problems:
        raise MJMLTemplateError(template_name, "; ".join(problems))
    try:
        result = mjml_to_html(document, template_dir=template_dir, keep_comments=False)
    except Exception as exc:  # the compiler raises KeyError, ValueError, ...
        raise MJMLTemplateError(
            template_name, f"MJML invalide ({type(exc).__name__} : {exc})"
        ) from exc
    if result.errors:
        raise MJMLTemplateError(template_name, "; ".join(map(str, result.errors)))
    return result.html


def get_html_template(template_name):
    """The compiled (and cached) Django template of an .mjml email template.

    The file is read and compiled only when this process has not compiled this version
    of it (path and modification time of the file and of the layout) yet.
    """
    path, layout_path, key = _source_key(template_name)
    engine = _django_engine()
    template_key = (key, id(engine))
    template = _compiled_templates.get(template_key)
    if template is not None:
        return template
    with _compile_lock:
        html = _compiled_sources.get(key)
        if html is None:
            document = _assemble(template_name, path, layout_path)
            html = _compile_document(template_name, document, path.parent)
            _stats["compilations"] += 1
            _compiled_sources[key] = html
        template = _compiled_templates.get(template_key)
        if template is None:
            try:
                template = engine.from_string(html)
            except TemplateSyntaxError as exc:
                raise MJMLTemplateError(template_name, f"syntaxe Django : {exc}") from exc
            _compiled_templates[template_key] = template
    return template


# --- Rendering -----------------------------------------------------------------------


def _base_name(template_name):
    for suffix in (".mjml", ".txt"):
        if template_name.endswith(suffix):
            return template_name[: -len(suffix)]
    return template_name


_context_providers = []


def register_mail_context_provider(provider):
    """Add `provider()` to the context of every email.

    A provider is a callable without arguments returning a dict; the dicts of all
    providers update, in registration order, the platform's defaults::

        {"organisation_name": ..., "contact_email": "", "contact_phone": "",
         "contact_phone_href": "", "helplines": []}

    The site shell (``home``) registers the one that reads the site settings (contact
    line, helplines with their ``href``). Registering the same callable twice keeps one.
    Returns `provider`, so it can be used as a decorator.
    """
    if provider not in _context_providers:
        _context_providers.append(provider)
    return provider


def mail_context():
    """Context shared by every email: the platform defaults, then every provider's."""
    context = {
        "organisation_name": ORGANISATION_NAME,
        "contact_email": "",
        "contact_phone": "",
        "contact_phone_href": "",
        "helplines": [],
    }
    for provider in _context_providers:
        context.update(provider())
    return context


def render_email(template_name, context):
    """(subject, text, html) of an email template rendered with `context`."""
    base = _base_name(template_name)
    full_context = {**mail_context(), **(context or {})}
    engine = _django_engine().engine
    subject = engine.get_template(f"{base}.txt#subject").render(
        Context(full_context, autoescape=False)
    )
    subject = " ".join(subject.split())
    if not subject:
        raise MJMLTemplateError(f"{base}.txt", "l'objet (partialdef subject) est vide")
    full_context["subject"] = subject
    text = engine.get_template(f"{base}.txt").render(Context(full_context, autoescape=False))
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    html = get_html_template(f"{base}.mjml").render(full_context)
    return subject, text, html


# --- Outbox --------------------------------------------------------------------------


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


def send_templated_mail(
    template_name,
    context,
    to,
    *,
    reason_key=None,
    subject_key=None,
    reply_to=None,
    attachments=None,
    not_before=None,
):
    """Render an email, store it in the outbox and deliver it after the commit.

    - `reason_key` (e.g. "referral:42:confirmation"): a second call for the same reason
      returns the first row and stores and sends nothing.
    - `subject_key` (e.g. "referral:42"): what the mail concerns, for
      `cancel_pending(subject_key)` and `purge(subject_key)`.
    - `reply_to`: addresses for the Reply-To header.
    - `attachments`: `Attachment` items (or (filename, content, content_type) tuples),
      at most OUTBOX_MAX_ATTACHMENTS_BYTES in all (else `AttachmentsTooLarge`).
    - `not_before` (aware datetime): the mail does not leave before then; it is queued
      for that time (`run_after`) when the task backend can defer, else the sweep sends
      it once due.

    Returns the `OutboundEmail` row.
    """
    if reason_key:
        existing = OutboundEmail.objects.filter(reason_key=reason_key).first()
        if existing is not None:
            return existing
    recipients = _recipients(to)
    reply_addresses = _addresses(reply_to, what="reply-to")
    if not_before is not None and timezone.is_naive(not_before):
        raise ValueError("not_before must be an aware datetime.")
    files = _attachments(attachments)
    subject, text, html = render_email(template_name, context)
    now = timezone.now()
    scheduled = not_before is not None and not_before > now
    try:
        with transaction.atomic():
            row = OutboundEmail.objects.create(
                to=recipients,
                reply_to=reply_addresses,
                subject=subject[:255],
                body_text=text,
                body_html=html,
                reason_key=reason_key or None,
                subject_key=(subject_key or "")[:200],
                message_id=make_message_id(),
                template_name=_base_name(template_name)[:200],
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
        existing = OutboundEmail.objects.filter(reason_key=reason_key).first()
        if reason_key and existing is not None:
            return existing
        raise
    run_after = not_before if scheduled else None
    transaction.on_commit(lambda: _enqueue_delivery(row.pk, run_after=run_after))
    return row


def _enqueue_delivery(outbox_id, run_after=None):
    from .tasks import deliver_outbound_email

    task = deliver_outbound_email
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # the periodic sweep (retry_due_emails) will pick it up
        task = task.using(run_after=run_after)
    task.enqueue(outbox_id)


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
    2. Send, outside any transaction.
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
        build_message(row).send(using="default")
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
            transaction.on_commit(lambda: _enqueue_delivery(row.pk, run_after=next_at))
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
            transaction.on_commit(lambda: _enqueue_delivery(row.pk))
    return bool(updated)


def cancel_pending(subject_key):
    """Void the mails about `subject_key` that have not left yet (status « Annulé »): they
    are never sent afterwards, even by a delivery task already queued. A mail already
    being handed to the SMTP server (« Envoi en cours ») cannot be stopped. Returns how
    many were cancelled."""
    if not subject_key:
        raise ValueError("cancel_pending needs a subject_key.")
    with transaction.atomic():
        return OutboundEmail.objects.filter(
            subject_key=subject_key, status=OutboundEmail.Status.PENDING
        ).update(status=OutboundEmail.Status.CANCELLED, next_attempt_at=None)


def purge(subject_key):
    """Delete every outbox row about `subject_key`, whatever its status, with its
    attachments (retention, erasure). Their reason keys are forgotten too. Returns how
    many emails were deleted."""
    if not subject_key:
        raise ValueError("purge needs a subject_key.")
    with transaction.atomic():
        deleted = OutboundEmail.objects.filter(subject_key=subject_key).delete()[1]
    return deleted.get(OutboundEmail._meta.label, 0)


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


# --- System check --------------------------------------------------------------------


def _check_one(name, path):
    """Compile one .mjml file (a layout on its own, a message in its layout)."""
    source = path.read_text(encoding="utf-8")
    if CONTENT_PLACEHOLDER in source and _is_full_document(source):
        html = _compile_document(name, source.replace(CONTENT_PLACEHOLDER, "", 1), path.parent)
        try:
            _django_engine().from_string(html)
        except TemplateSyntaxError as exc:
            raise MJMLTemplateError(name, f"syntaxe Django : {exc}") from exc
        return False
    get_html_template(name)
    return True


@checks.register("mail")
def check_email_templates(app_configs=None, **kwargs):
    """Compile every emails/*.mjml; report a broken one (and a missing text part) by name."""
    messages = []
    for name, path in iter_mjml_templates():
        try:
            is_message = _check_one(name, path)
        except (MJMLTemplateError, TemplateDoesNotExist) as exc:
            detail = exc.detail if isinstance(exc, MJMLTemplateError) else f"{exc} introuvable"
            messages.append(
                checks.Error(
                    f"Le modèle de courriel « {name} » ne compile pas : {detail}",
                    obj=str(path),
                    id="relier_site.E001",
                )
            )
            continue
        if not is_message:
            continue
        text_name = _base_name(name) + ".txt"
        try:
            _django_engine().engine.get_template(text_name + "#subject")
        except TemplateDoesNotExist:
            messages.append(
                checks.Error(
                    f"Le modèle de courriel « {name} » n'a pas de version texte "
                    f"« {text_name} » définissant son objet ({{% partialdef subject %}}).",
                    obj=str(path),
                    id="relier_site.E002",
                )
            )
        except TemplateSyntaxError as exc:
            messages.append(
                checks.Error(
                    f"Le modèle de courriel « {text_name} » ne compile pas : {exc}",
                    obj=str(path),
                    id="relier_site.E002",
                )
            )
    return messages
