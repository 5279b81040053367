"""Read queries of the agenda, shared by its pages, its template tags and other apps."""

from .models import Session


def upcoming_sessions(event=None, *, limit=None, now=None):
    sessions = (
        Session.objects.published().upcoming(now).select_related("event").order_by("start", "pk")
    )
    if event is not None:
        sessions = sessions.filter(event=event)
    if limit:
        sessions = sessions[:limit]
    return list(sessions)
