"""Read queries of the agenda, shared by its pages, its template tags and the other
apps (the home page, the programme pages and /francetravail/ use the template tags of
`events_tags`, which call these)."""

from django.db.models import Count, Q

from .models import Registration, Session


def with_counts(sessions):
    """Annotate `confirmed_count` and `waiting_count` (places left, « liste d'attente »)."""
    return sessions.annotate(
        confirmed_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
        ),
    )


def published_upcoming(now=None):
    """Published sessions (of live public event pages) that have not ended, soonest
    first, cancelled ones included (shown as « Annulée »)."""
    return Session.objects.published().upcoming(now).select_related("event").order_by("start", "pk")


def upcoming_sessions(
    event=None, *, programme=None, audience=None, scheduled_only=False, limit=None, now=None
):
    """Upcoming published sessions with their counts; of one event page, of the events
    of a programme (slug) or of an audience (slug); `scheduled_only` leaves out the
    cancelled ones."""
    sessions = published_upcoming(now)
    if scheduled_only:
        sessions = sessions.filter(status=Session.Status.SCHEDULED)
    if event is not None:
        sessions = sessions.filter(event=event)
    if programme:
        sessions = sessions.filter(event__programme=programme)
    if audience:
        sessions = sessions.filter(event__audiences__slug=audience).distinct()
    sessions = with_counts(sessions)
    if limit:
        sessions = sessions[:limit]
    return list(sessions)


def feed_sessions(event=None, now=None):
    """What the public calendar feeds carry: published, scheduled, future sessions."""
    sessions = published_upcoming(now).filter(status=Session.Status.SCHEDULED)
    if event is not None:
        sessions = sessions.filter(event=event)
    return list(sessions)
