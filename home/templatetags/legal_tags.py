"""Tags of the legal pages' blocks: what the configuration and the page tree say now."""

from dataclasses import dataclass, field

from django import template
from wagtail.models import Site

from home import legal

register = template.Library()


@register.simple_tag
def retention_periods():
    return legal.retention_periods()


@register.simple_tag
def site_cookies():
    return legal.cookies()


@dataclass
class SiteMapNode:
    page: object
    children: list = field(default_factory=list)


@register.simple_tag(takes_context=True)
def site_map_tree(context):
    """The live, public pages of the request's site as a tree (one query), in the order
    of the page tree: the home page and, below it, its descendants."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    pages = site.root_page.get_descendants(inclusive=True).live().public().order_by("path")
    nodes = {}
    root = None
    for page in pages:
        node = SiteMapNode(page)
        nodes[page.path] = node
        parent = nodes.get(page.path[: -page.steplen])
        if parent is not None:
            parent.children.append(node)
        elif root is None:
            root = node
    return root
