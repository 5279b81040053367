"""Rendering of the emails: MJML templates compiled once, rendered with Django's engine.

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

The layout's organisation name, contact line and helplines come from the mail context
providers (`register_mail_context_provider`); the site shell registers one.

This module imports nothing else of the mail plumbing, nor any model.
"""

import re
import threading
from html.parser import HTMLParser
from pathlib import Path

from django.template import Context, TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.utils import get_app_template_dirs
from mjml import mjml_to_html

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


def django_engine():
    return engines["django"]


def _template_dirs():
    """Template folders in the order Django searches them (DIRS first, then apps)."""
    engine = django_engine().engine
    dirs = [Path(d) for d in engine.dirs]
    if engine.app_dirs:
        dirs += [Path(d) for d in get_app_template_dirs("templates")]
    return dirs


def find_template_file(template_name):
    """The file Django's loaders would use for `template_name`."""
    for loader in django_engine().engine.template_loaders:
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


def is_full_document(source):
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
    if is_full_document(source):
        return source
    layout = layout_path.read_text(encoding="utf-8")
    if CONTENT_PLACEHOLDER not in layout:
        raise MJMLTemplateError(
            LAYOUT_TEMPLATE, f"la mise en page doit contenir {CONTENT_PLACEHOLDER}"
        )
    return layout.replace(CONTENT_PLACEHOLDER, source, 1)


def compile_document(template_name, document, template_dir):
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
    engine = django_engine()
    template_key = (key, id(engine))
    template = _compiled_templates.get(template_key)
    if template is not None:
        return template
    with _compile_lock:
        html = _compiled_sources.get(key)
        if html is None:
            document = _assemble(template_name, path, layout_path)
            html = compile_document(template_name, document, path.parent)
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


def template_base_name(template_name):
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
    base = template_base_name(template_name)
    full_context = {**mail_context(), **(context or {})}
    engine = django_engine().engine
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
