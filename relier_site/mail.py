"""Outgoing email: MJML templates, the outbox and its delivery.

Public API (the only way an app sends email)::

    from relier_site.mail import send_templated_mail

    send_templated_mail(
        "emails/referral_confirmation",      # emails/<name>.mjml + emails/<name>.txt
        {"reference": referral.reference},   # template context
        [referral.email],                    # recipients
        reason_key=f"referral:{referral.pk}:confirmation",  # optional, never sent twice
    )

It renders the HTML part (compiled MJML) and the plain-text part, stores an
`OutboundEmail` row, and once the transaction commits enqueues the
`relier_site.tasks.deliver_outbound_email` task, which sends it, retries it with
exponential back-off (settings OUTBOX_MAX_ATTEMPTS, OUTBOX_RETRY_BASE_SECONDS) and
records the outcome for staff ("Courriels sortants" in the admin settings menu).

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

import logging
import re
import smtplib
import threading
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import DatabaseError, IntegrityError, transaction
from django.template import Context, TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.utils import get_app_template_dirs
from django.utils import timezone
from mjml import mjml_to_html

from home.helplines import DEFAULT_HELPLINES, tel_href

from .models import OutboundEmail

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


def mail_context():
    """Context shared by every email: association name, contact line, helplines."""
    context = {
        "organisation_name": ORGANISATION_NAME,
        "contact_email": "",
        "contact_phone": "",
        "helplines": [dict(line) for line in DEFAULT_HELPLINES],
        "site_url": getattr(settings, "WAGTAILADMIN_BASE_URL", ""),
    }
    from home.models import SiteSettings

    try:
        with transaction.atomic():
            site_settings = (
                SiteSettings.objects.select_related("site")
                .filter(site__is_default_site=True)
                .first()
            )
    except DatabaseError:  # tables not migrated yet: keep the shipped defaults
        logger.warning("Site settings unavailable; emails use the default contact line.")
        site_settings = None
    if site_settings is not None:
        context.update(
            organisation_name=site_settings.organisation_name or ORGANISATION_NAME,
            contact_email=site_settings.contact_email,
            contact_phone=site_settings.contact_phone,
            helplines=site_settings.helpline_list,
            site_url=site_settings.site.root_url,
        )
    context["contact_phone_href"] = tel_href(context["contact_phone"] or "")
    for line in context["helplines"]:
        line["href"] = tel_href(line.get("number", ""))
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


def _recipients(to):
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        raise ValueError("An email needs at least one recipient.")
    for address in recipients:
        try:
            validate_email(address)
        except ValidationError:
            raise ValueError("Invalid recipient address.") from None
    return recipients


def send_templated_mail(template_name, context, to, *, reason_key=None):
    """Render an email, store it in the outbox and deliver it after the commit.

    With a `reason_key` (e.g. "referral:42:confirmation"), a second call for the same
    reason returns the first row and sends nothing. Returns the `OutboundEmail` row.
    """
    if reason_key:
        existing = OutboundEmail.objects.filter(reason_key=reason_key).first()
        if existing is not None:
            return existing
    recipients = _recipients(to)
    subject, text, html = render_email(template_name, context)
    try:
        with transaction.atomic():
            row = OutboundEmail.objects.create(
                to=recipients,
                subject=subject[:255],
                body_text=text,
                body_html=html,
                reason_key=reason_key or None,
                template_name=_base_name(template_name)[:200],
                next_attempt_at=timezone.now(),
            )
    except IntegrityError:
        # A concurrent call stored the same reason first.
        existing = OutboundEmail.objects.filter(reason_key=reason_key).first()
        if reason_key and existing is not None:
            return existing
        raise
    transaction.on_commit(lambda: _enqueue_delivery(row.pk))
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


def deliver(outbox_id, *, now=None):
    """Send one outbox row if it is pending and due. Returns its status afterwards.

    The row is locked for the whole attempt and its status checked under the lock, so two
    workers never both send it.
    """
    now = now or timezone.now()
    max_attempts = getattr(settings, "OUTBOX_MAX_ATTEMPTS", 8)
    with transaction.atomic():
        row = OutboundEmail.objects.select_for_update().filter(pk=outbox_id).first()
        if row is None:
            return None
        if row.status != OutboundEmail.Status.PENDING:
            return row.status
        if row.next_attempt_at and row.next_attempt_at > now:
            return row.status  # not due yet: a later task or the sweep will send it
        message = EmailMultiAlternatives(
            subject=row.subject,
            body=row.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=row.to,
        )
        message.attach_alternative(row.body_html, "text/html")
        row.attempts += 1
        row.last_attempt_at = timezone.now()
        try:
            message.send(using="default")
        except Exception as exc:  # SMTP and network errors, but also bad addresses
            row.last_error = describe_error(exc)
            if row.attempts >= max_attempts:
                row.status = OutboundEmail.Status.FAILED
                row.next_attempt_at = None
                logger.error(
                    "Outbound email %s failed definitively after %s attempts: %s",
                    row.pk,
                    row.attempts,
                    row.last_error,
                )
            else:
                row.next_attempt_at = row.last_attempt_at + retry_delay(row.attempts)
                logger.warning(
                    "Outbound email %s: attempt %s failed (%s), next try at %s",
                    row.pk,
                    row.attempts,
                    row.last_error,
                    row.next_attempt_at.isoformat(),
                )
                next_at = row.next_attempt_at
                transaction.on_commit(lambda: _enqueue_delivery(row.pk, run_after=next_at))
        else:
            row.status = OutboundEmail.Status.SENT
            row.sent_at = timezone.now()
            row.next_attempt_at = None
            row.last_error = ""
        row.save(
            update_fields=[
                "status",
                "attempts",
                "last_attempt_at",
                "next_attempt_at",
                "last_error",
                "sent_at",
            ]
        )
        return row.status


def retry_due(*, now=None):
    """Deliver every pending row whose next attempt is due. Returns how many were sent."""
    now = now or timezone.now()
    due = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.PENDING, next_attempt_at__lte=now
    ).order_by("next_attempt_at")
    sent = 0
    for pk in due.values_list("pk", flat=True):
        if deliver(pk, now=now) == OutboundEmail.Status.SENT:
            sent += 1
    return sent


def retry_now(row):
    """Staff action: give a pending or failed row a fresh series of attempts, now."""
    with transaction.atomic():
        updated = OutboundEmail.objects.filter(
            pk=row.pk,
            status__in=[OutboundEmail.Status.PENDING, OutboundEmail.Status.FAILED],
        ).update(status=OutboundEmail.Status.PENDING, attempts=0, next_attempt_at=timezone.now())
        if updated:
            transaction.on_commit(lambda: _enqueue_delivery(row.pk))
    return bool(updated)


def purge_outbox(*, now=None):
    """Delete sent rows older than OUTBOX_RETENTION_DAYS, and definitively failed rows
    whose last attempt is older than that. Returns the number of rows deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=getattr(settings, "OUTBOX_RETENTION_DAYS", 90))
    sent = OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT, sent_at__lt=cutoff)
    failed = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.FAILED, last_attempt_at__lt=cutoff
    )
    deleted = sent.delete()[0] + failed.delete()[0]
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
