"""Template tags of the referrals app for the other apps' templates.

    {% load referrals_tags %}
    <a href="{% link_url action.value page %}">…</a>

`link_url` gives the URL of a link block (page chosen or external address); when the
page chosen is one of the referral forms and the current page is a programme page (or
the France Travail space), the form opens with that programme preselected
(`?programme=relier-vers-lemploi`).
"""

from urllib.parse import urlencode

from django import template

from ..forms import FORMS
from ..models import Programme, ReferralFormPage

register = template.Library()

# Pages that are about one programme without being its page.
PAGE_PROGRAMMES = {"francetravail": Programme.RELIER_VERS_LEMPLOI}


def programme_of(page):
    slug = getattr(page, "slug", "")
    if slug in Programme.values:
        return slug
    return PAGE_PROGRAMMES.get(slug, "")


def form_url(target, current_page, request=None):
    """URL of `target`, with `?programme=` when it is a referral form offering the
    programme of `current_page`."""
    url = target.get_url(request)
    specific = target.specific
    if url and isinstance(specific, ReferralFormPage):
        programme = programme_of(current_page)
        field = FORMS[specific.kind].base_fields.get("programme")
        if programme and field is not None and programme in dict(field.choices):
            return f"{url}?{urlencode({'programme': programme})}"
    return url or ""


@register.simple_tag(takes_context=True)
def link_url(context, link, current_page=None):
    """URL of a link value ({"page": …, "url": …}) of a StreamField block."""
    target = link.get("page") if link else None
    if target is None:
        return link.get("url", "") if link else ""
    return form_url(target, current_page, context.get("request"))
