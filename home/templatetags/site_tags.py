from django import template
from wagtail.models import Site

from home.helplines import tel_href

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
