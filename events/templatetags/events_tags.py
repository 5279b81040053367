"""Template tags of the agenda, for its own pages and for other apps' templates:

{% load events_tags %}
{% next_sessions limit=2 as sessions %}                 (home page: home_next_dates.html)
{% next_sessions programme=page.slug limit=4 as sessions %}  (a programme page)
{% next_sessions audience="france-travail" limit=6 as sessions %}  (/francetravail/)
{% session_list sessions %}   dates, places left or « liste d'attente », links
"""

from django import template
from django.urls import reverse
from django.utils.formats import date_format

from relier_site import timezones

from .. import selectors

register = template.Library()


@register.filter
def session_when(session):
    """« mardi 8 décembre 2026, de 14 h à 15 h 30 » in the session's zone, with
    « (heure de La Réunion) » when not Paris."""
    return timezones.when_text(session)


@register.filter
def session_date(session):
    return date_format(session.local_start, "l j F Y")


@register.simple_tag
def next_sessions(programme=None, audience=None, event=None, limit=3):
    """The next published sessions (scheduled and upcoming), soonest first."""
    return selectors.upcoming_sessions(
        event=event, programme=programme, audience=audience, scheduled_only=True, limit=int(limit)
    )


@register.inclusion_tag("events/includes/session_list.html")
def session_list(sessions, show_event=True):
    return {"sessions": sessions, "show_event": show_event}


@register.simple_tag
def registration_url(session):
    return reverse("events:register", args=[session.pk])


@register.simple_tag
def session_ics_url(session):
    return reverse("events:session_ics", args=[session.pk])
