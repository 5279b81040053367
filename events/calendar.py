"""Calendar files (iCalendar, RFC 5545 / iTIP RFC 5546) built with icalendar 7.

- `registration_ics(registration, method)`: the invitation (REQUEST), its update after a
  move (same UID, higher SEQUENCE) or its cancellation (CANCEL, STATUS:CANCELLED), one
  VEVENT per registration and session;
- `feed_ics(sessions)`: a public feed (PUBLISH) of published future sessions;
- `session_ics(session)`: « Ajouter à mon agenda » for one session (PUBLISH).

Rules every file follows (tests/events/test_calendar*.py parse them back): DTSTAMP in
UTC, DTSTART/DTEND with the session's TZID and a VTIMEZONE for it (never a floating
time), and no personal data, no cancellation token and no video link, whatever the
event: the link is sent in the reminder email only.
"""

from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

REQUEST = "REQUEST"
CANCEL = "CANCEL"
PUBLISH = "PUBLISH"
PRODID = "-//Les Centres Relier//Agenda//FR"
CONTENT_TYPE = "text/calendar; method={method}; charset=utf-8"


def content_type(method):
    """The MIME type of an .ics part: its `method=` is the calendar's METHOD."""
    return CONTENT_TYPE.format(method=method)


def _organizer():
    return f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}"


def _location(session):
    event = session.event
    if event.format == event.Format.ONLINE:
        return "En visio (le lien est envoyé dans le rappel)"
    return event.place or event.get_format_display()


def _description(session, page_url):
    event = session.event
    lines = [event.intro] if event.intro else []
    if event.format == event.Format.ONLINE:
        lines.append(
            "En visio : le lien de connexion vous est envoyé par courriel avant la séance."
        )
    if page_url:
        lines.append(page_url)
    return "\n\n".join(lines)


def _vevent(session, *, uid, sequence, status, page_url):
    event = Event.new(
        uid=uid,
        sequence=sequence,
        stamp=timezone.now(),
        start=session.local_start,
        end=session.local_end,
        summary=session.event.title,
        location=_location(session),
        description=_description(session, page_url),
        status=status,
    )
    if page_url:
        event.add("url", page_url)
    return event


def _calendar(method, events, name=None):
    calendar = Calendar.new(prodid=PRODID, method=method, name=name)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def registration_sequence(registration):
    """SEQUENCE of a registration's VEVENT: grows with every change of the session (a
    move, a cancellation) and of the registration (its cancellation)."""
    return registration.session.sequence + registration.sequence


def registration_ics(registration, method, page_url=""):
    """The .ics of one registration (METHOD REQUEST or CANCEL), as bytes."""
    session = registration.session
    cancelled = method == CANCEL
    event = _vevent(
        session,
        uid=registration.ics_uid,
        sequence=registration_sequence(registration),
        status="CANCELLED" if cancelled else "CONFIRMED",
        page_url=page_url,
    )
    event.add("organizer", _organizer(), parameters={"CN": "Les Centres Relier"})
    return _calendar(method, [event])


def feed_ics(sessions, *, name, url_for=lambda session: ""):
    """A public feed (METHOD PUBLISH) of the given sessions."""
    events = [
        _vevent(
            session,
            uid=session.uid,
            sequence=session.sequence,
            status="CONFIRMED",
            page_url=url_for(session),
        )
        for session in sessions
    ]
    return _calendar(PUBLISH, events, name=name)


def session_ics(session, page_url=""):
    """« Ajouter à mon agenda »: one session, METHOD PUBLISH."""
    return feed_ics([session], name=session.event.title, url_for=lambda _s: page_url)
