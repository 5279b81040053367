"""Calendar files of the permanences (iCalendar, RFC 5545) built with icalendar 7.

PLACEHOLDER written by the staff side (helper C) so that the psychologist's feed works
before helper B's module is merged: only `psychologist_feed_ics`. Helper B's
appointments/calendar.py replaces this file whole.

Every event carries a reference (« RDV n° 12 ») and the mode only: never a name, a
phone number, an email address or a reason. DTSTART/DTEND are in UTC (`Z`).
"""

from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PUBLISH = "PUBLISH"
PRODID = "-//Les Centres Relier//Permanences//FR"
FEED_NAME = "Permanences Centres Relier"


def _uid(appointment):
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "centres-relier"
    return f"rendez-vous-{appointment.pk}@{host}"


def psychologist_feed_ics(appointments):
    """A psychologist's private feed (METHOD PUBLISH) of `appointments`, as bytes."""
    calendar = Calendar.new(prodid=PRODID, method=PUBLISH, name=FEED_NAME)
    for appointment in appointments:
        event = Event.new(
            uid=_uid(appointment),
            sequence=appointment.sequence,
            stamp=timezone.now(),
            start=appointment.start.astimezone(UTC),
            end=appointment.end.astimezone(UTC),
            summary=f"RDV n° {appointment.pk}",
            description=appointment.type.get_mode_display(),
            status="CONFIRMED",
        )
        calendar.add_component(event)
    return calendar.to_ical()
