"""Template tags of the programmes' sections of the home page (templates/programmes/includes/
home_programmes.html and home_partners.html, which the home page places with
`{% app_section %}`): `{% load programmes_tags %}{% programme_teasers as programmes %}`."""

from django import template

from programmes import selectors

register = template.Library()


@register.simple_tag
def programme_teasers():
    """Live programme pages with their audiences, in the order of the tree."""
    return selectors.programme_teasers()


@register.simple_tag
def partners_strip():
    """Every partner with its logo, in editors' order."""
    return selectors.partners_strip()
