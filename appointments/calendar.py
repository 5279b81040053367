"""Calendar files of the permanences (iCalendar, RFC 5545 / iTIP RFC 5546), built with
icalendar 7 like events/calendar.py.

- `appointment_ics(appointment, method)`: the person's invitation (REQUEST), its update
  after a move (REQUEST again: same UID, higher SEQUENCE) and its cancellation (CANCEL,
  STATUS:CANCELLED). SEQUENCE is `appointment.sequence`, which the services raise at
  each move and cancellation; the UID is one per appointment, the same in all three.
- `psychologist_feed_ics(appointments)`: a psychologist's private subscription
  (PUBLISH): « RDV n° 12 » and the mode, nothing else.

Times: DTSTART and DTEND are written in UTC (`20260609T160000Z`), not with a TZID and
its VTIMEZONE as the agenda's sessions are. An appointment is one fixed instant, and a
UTC time is read identically by every calendar program, whatever zone database it has
(Réunion's included): each shows it in its user's own zone, which for the person is the
zone of the appointment. The emails say the time in words in the appointment's zone.

Nothing personal in any file (a family calendar is often shared): SUMMARY is « Rendez-vous
Centres Relier », DESCRIPTION the mode in words; never a name, phone number, email
address or reason, and never the link to move or cancel (anyone who sees a shared
calendar could use it): it is in the emails only, as for the agenda's sessions.
"""

from datetime import UTC
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import AppointmentType

REQUEST = "REQUEST"
CANCEL = "CANCEL"
PUBLISH = "PUBLISH"
PRODID = "-//Les Centres Relier//Permanences//FR"
CONTENT_TYPE = "text/calendar; method={method}; charset=utf-8"
SUMMARY = "Rendez-vous Centres Relier"
FEED_NAME = "Permanences Centres Relier"

Mode = AppointmentType.Mode
MODE_WORDS = {
    Mode.PHONE: "Par téléphone : nous vous appelons à l'heure du rendez-vous.",
    Mode.VIDEO: "En visio : l'équipe vous donne le lien de connexion avant le rendez-vous.",
    Mode.ON_SITE: "Sur place",
}


def content_type(method):
    """The MIME type of an .ics part: its `method=` is the calendar's METHOD."""
    return CONTENT_TYPE.format(method=method)


def _sender_address():
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def uid(appointment):
    """The appointment's UID, the same in its invitation, update and cancellation."""
    domain = _sender_address().rpartition("@")[2] or "centres-relier.fr"
    return f"rendez-vous-{appointment.pk}@{domain}"


def mode_words(appointment_type):
    """« Par téléphone : nous vous appelons… », « Sur place : <lieu> »."""
    words = MODE_WORDS.get(appointment_type.mode, appointment_type.get_mode_display())
    if appointment_type.mode == Mode.ON_SITE and appointment_type.place:
        words = f"{words} : {appointment_type.place}"
    return words


def _utc(value):
    return value.astimezone(UTC)


def _vevent(appointment, *, summary, description, cancelled):
    event = Event.new(
        uid=uid(appointment),
        sequence=appointment.sequence,
        stamp=_utc(timezone.now()),
        start=_utc(appointment.start),
        end=_utc(appointment.end),
        summary=summary,
        description=description,
        status="CANCELLED" if cancelled else "CONFIRMED",
    )
    if appointment.type.mode == Mode.ON_SITE and appointment.type.place:
        event.add("location", appointment.type.place)
    return event


def _calendar(method, events, name=None):
    calendar = Calendar.new(prodid=PRODID, method=method, name=name)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def appointment_ics(appointment, method):
    """The person's .ics of `appointment` (METHOD REQUEST or CANCEL), as bytes."""
    cancelled = method == CANCEL
    event = _vevent(
        appointment,
        summary=SUMMARY,
        description=mode_words(appointment.type),
        cancelled=cancelled,
    )
    event.add("organizer", f"mailto:{_sender_address()}", parameters={"CN": "Les Centres Relier"})
    return _calendar(method, [event])


def psychologist_feed_ics(appointments, *, name=FEED_NAME):
    """A psychologist's subscription (METHOD PUBLISH): one event per appointment, « RDV
    n° 12 » and the mode only; a cancelled one is marked STATUS:CANCELLED."""
    events = [
        _vevent(
            appointment,
            summary=f"RDV n° {appointment.pk}",
            description=appointment.type.get_mode_display(),
            cancelled=not appointment.is_active,
        )
        for appointment in appointments
    ]
    return _calendar(PUBLISH, events, name=name)
