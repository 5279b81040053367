"""Turn the demo texts of `home.demo.content` into published pages and site settings.

Idempotent: a page is looked up by slug under its parent and created only when missing;
an existing page is never saved again, so a second run creates no page and no revision.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Site

from home.models import HomePage, SiteSettings, StandardPage
from home.tree import ensure_child, ensure_home_page

from . import content
from .content import DemoPage, PageLink

NBSP = "\u00a0"
_TYPOGRAPHY = [
    (re.compile(r" ([?!:;%»])"), NBSP + r"\1"),
    (re.compile(r"« "), "«" + NBSP),
    (re.compile(r"(\d) (?=\d{3}\b)"), r"\1" + NBSP),
]
# Values that are identifiers, not text a visitor reads.
_UNTOUCHED_KEYS = {"type", "level", "page", "url"}


def french_typography(text):
    """Non-breaking spaces where French typography wants them (before ? ! : ; % », after
    «, between groups of digits), so that no line ever starts with a lone « ? »."""
    for pattern, replacement in _TYPOGRAPHY:
        text = pattern.sub(replacement, text)
    return text


def _polish(value):
    if isinstance(value, str):
        return french_typography(value)
    if isinstance(value, list):
        return [_polish(item) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in _UNTOUCHED_KEYS else _polish(item) for key, item in value.items()
        }
    return value


def find_page(home, path):
    """The page at public `path` ("/a/b/" or "a/b") below `home`, or None."""
    page = home
    for slug in [part for part in path.split("/") if part]:
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            return None
    return page


def _resolve_links(value, home):
    """Replace every PageLink by the id of its page (which must already exist)."""
    if isinstance(value, PageLink):
        page = find_page(home, value.path)
        if page is None:
            raise LookupError(
                f"Demo content links to {value.path}, which is created later or missing: "
                "create the target page first (see home.demo.content.PAGES)."
            )
        return page.pk
    if isinstance(value, list):
        return [_resolve_links(item, home) for item in value]
    if isinstance(value, dict):
        return {key: _resolve_links(item, home) for key, item in value.items()}
    return value


def page_fields(spec: DemoPage, home):
    return {
        "title": french_typography(spec.title),
        "intro": french_typography(spec.intro),
        "search_description": french_typography(spec.search_description),
        "show_in_menus": spec.show_in_menus,
        "body": _polish(_resolve_links(spec.body, home)),
    }


@dataclass
class DemoResult:
    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)


@transaction.atomic
def load_demo_content():
    """Build the demo page tree and the default site's settings; return what was done."""
    result = DemoResult()
    home_existed = HomePage.objects.exists()
    home = ensure_home_page(
        title=french_typography(content.HOME.title),
        intro=french_typography(content.HOME.intro),
        search_description=french_typography(content.HOME.search_description),
    )

    for spec in content.PAGES:
        parent = find_page(home, spec.parent_path)
        if parent is None:
            raise LookupError(f"The parent of /{spec.path}/ is missing.")
        if parent.get_children().filter(slug=spec.slug).exists():
            result.existing.append(spec.url)
            continue
        ensure_child(parent, StandardPage, spec.slug, **page_fields(spec, home))
        result.created.append(spec.url)

    _fill_home(home)
    (result.existing if home_existed else result.created).insert(0, "/")
    _ensure_site_settings(Site.objects.get(is_default_site=True))
    return result


def _fill_home(home):
    """Give the home page its content and first revision, unless it already has one.

    `ensure_home_page` creates the page without a revision; once it has one (from an
    earlier run or from an editor), the page is left exactly as it is.
    """
    if home.revisions.exists():
        return
    fields = page_fields(content.HOME, home)
    for name in ("intro", "search_description", "body"):
        if not getattr(home, name):
            setattr(home, name, fields[name])
    home.save_revision().publish()


def _ensure_site_settings(site):
    """Create the site's settings with the association's public contact, or fill the
    contact fields left empty; values set by an editor are kept."""
    settings = SiteSettings.objects.filter(site=site).first()
    if settings is None:
        SiteSettings.objects.create(site=site, **content.SITE_SETTINGS)
        return
    changed = False
    for name, value in content.SITE_SETTINGS.items():
        if not getattr(settings, name):
            setattr(settings, name, value)
            changed = True
    if changed:
        settings.save()
