import functools
import re

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail.models import Site

from home import app_sections
from home.helplines import DEFAULT_HELPLINES, DEFAULT_QUICK_EXIT_URL, tel_href

register = template.Library()

ICON_SPRITE = "vendor/bootstrap-icons/sprite.svg"


@register.filter
def tel(number):
    """`tel:` URI of a phone number, for links that phones can dial."""
    return tel_href(number)


@register.simple_tag(takes_context=True)
def app_section(context, key):
    """The section `key` of a domain app (home.app_sections), rendered with the current
    context; nothing when no app registers it."""
    section = app_sections.app_section(key)
    if section is None:
        return ""
    with context.push():
        return context.template.engine.get_template(section.template).render(context)


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Live, public pages below the site root marked « Afficher dans les menus »."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu().public())


@register.simple_tag
def default_safety_shell():
    """Helplines and quick-exit target shipped with the code, for the error pages that
    render without a request or a database (500, CSRF failure)."""
    return {"helplines": DEFAULT_HELPLINES, "quick_exit_url": DEFAULT_QUICK_EXIT_URL}


@functools.cache
def _sprite_icons():
    """The icon names of the vendored sprite (scripts/vendor_assets.py builds it)."""
    path = finders.find(ICON_SPRITE)
    with open(path, encoding="utf-8") as sprite:
        return frozenset(re.findall(r'<symbol id="bi-([a-z0-9-]+)"', sprite.read()))


@register.simple_tag
def icon(name, css_class=""):
    """A decorative icon of the sprite (hidden from assistive technologies: the text
    beside it says what it means). An unknown name is an error, not a blank square."""
    if name not in _sprite_icons():
        raise template.TemplateSyntaxError(f"No icon {name!r} in {ICON_SPRITE}")
    return format_html(
        '<svg class="icon{}" aria-hidden="true" focusable="false">'
        '<use href="{}#bi-{}"></use></svg>',
        f" {css_class}" if css_class else "",
        static(ICON_SPRITE),
        name,
    )


@register.filter
def sections(stream):
    """A StreamField body cut at its level-2 headings, for collapsible sections: a list
    of {"title": heading text or "", "blocks": [...]}. Blocks before the first heading
    come first, with no title."""
    result = [{"title": "", "blocks": []}]
    for block in stream:
        if block.block_type == "heading" and block.value["level"] == "h2":
            result.append({"title": block.value["text"], "blocks": []})
        else:
            result[-1]["blocks"].append(block)
    return [section for section in result if section["title"] or section["blocks"]]
