from django import template
from wagtail.models import Site

from home.helplines import DEFAULT_HELPLINES, DEFAULT_QUICK_EXIT_URL, tel_href

register = template.Library()


@register.filter
def tel(number):
    """`tel:` URI of a phone number, for links that phones can dial."""
    return tel_href(number)


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
