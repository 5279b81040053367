"""Every .ics the agenda produces, parsed back with icalendar: one VEVENT, a UID stable
for a registration across resends, SEQUENCE growing with each change, DTSTAMP in UTC,
DTSTART/DTEND with a TZID and its VTIMEZONE (no floating time), METHOD equal to the MIME
part's `method=`, and no personal data, cancel token or video link, Réunion and the
daylight-saving change included."""

import datetime
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from events import calendar, links, services
from events.models import Session
from relier_site.timezones import PARIS, REUNION

from .conftest import make_event, make_session
from .helpers import ics_of, mails_of, register_form

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

SECRET_LINK = "https://visio.example.org/salle-secrete"


def assert_rules(raw, *, method, tzid="Europe/Paris", forbidden=()):
    """The rules every calendar file follows; returns its VEVENTs."""
    text = raw.decode() if isinstance(raw, bytes) else raw
    parsed = Calendar.from_ical(text)
    assert parsed["METHOD"] == method
    assert parsed["VERSION"] == "2.0" and parsed["PRODID"]
    events = parsed.events
    assert events
    zones = {str(zone["TZID"]) for zone in parsed.walk("VTIMEZONE")}
    assert tzid in zones
    for event in events:
        assert event["UID"] and "SEQUENCE" in event
        assert event["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
        for name in ("DTSTART", "DTEND"):
            assert event[name].params["TZID"] == tzid
            assert event[name].dt.tzinfo is not None  # never a floating time
    for block in re.findall(r"BEGIN:VEVENT.*?END:VEVENT", text, flags=re.S):
        for line in re.findall(r"^DT(?:START|END)[^\r\n]*", block, flags=re.M):
            assert "TZID=" in line and not line.endswith("Z")
    unfolded = text.replace("\r\n ", "")
    for value in (SECRET_LINK, "/agenda/annulation/", *forbidden):
        assert value not in unfolded
    return events


def test_the_invitation_follows_the_rules_and_carries_no_personal_data(agenda_page):
    event = make_event(agenda_page)
    session = make_session(event, video_link=SECRET_LINK)
    registration = services.register(
        session, register_form(name="Camille Martin", email="camille.martin@example.org")
    ).registration

    content_type, parsed = ics_of(mails_of(registration, "confirmation")[0])
    raw = parsed.to_ical()

    assert content_type == f"text/calendar; method={parsed['METHOD']}; charset=utf-8"
    (vevent,) = assert_rules(
        raw,
        method="REQUEST",
        forbidden=("Camille", "camille.martin", "France Travail", links.cancel_token(registration)),
    )
    assert str(vevent["UID"]) == registration.ics_uid
    assert vevent.start == session.start and vevent.end == session.end
    assert str(vevent["SUMMARY"]) == "Webinaire pour les conseillers"


def test_a_resend_keeps_the_uid_and_the_sequence(agenda_page):
    session = make_session(make_event(agenda_page))
    first = services.register(session, register_form()).registration
    again = services.register(session, register_form()).registration

    assert again.pk == first.pk
    (one, two) = mails_of(first, "confirmation")
    a, b = ics_of(one)[1].events[0], ics_of(two)[1].events[0]
    assert str(a["UID"]) == str(b["UID"]) and int(a["SEQUENCE"]) == int(b["SEQUENCE"])


def test_each_registration_of_a_session_has_its_own_uid(agenda_page):
    session = make_session(make_event(agenda_page))
    one = services.register(session, register_form(email="a@example.org")).registration
    two = services.register(session, register_form(email="b@example.org")).registration
    assert one.ics_uid != two.ics_uid


def test_a_youth_group_invitation_never_has_the_video_link(agenda_page, youth_group):
    session = make_session(youth_group, video_link=SECRET_LINK)
    registration = services.register(session, register_form("jeune")).registration
    raw = ics_of(mails_of(registration, "confirmation")[0])[1].to_ical()
    assert_rules(raw, method="REQUEST", forbidden=("Étoile93", "etoile@example.org"))
    (reminder,) = mails_of(registration, "reminder")
    assert SECRET_LINK in reminder.body_text  # the reminder carries it
    assert not reminder.attachments.exists()


def test_a_reunion_session_has_its_own_zone(agenda_page):
    session = make_session(make_event(agenda_page), zone=REUNION, hour=9)
    registration = services.register(session, register_form()).registration
    raw = ics_of(mails_of(registration, "confirmation")[0])[1].to_ical()

    (vevent,) = assert_rules(raw, method="REQUEST", tzid=REUNION.key)
    assert vevent.start.hour == 9
    assert vevent.start.utcoffset() == datetime.timedelta(hours=4)
    assert "DTSTART;TZID=Indian/Reunion:" in raw.decode()


@pytest.mark.parametrize("month", [3, 10])
def test_a_session_just_after_the_daylight_saving_change_keeps_its_wall_clock(agenda_page, month):
    event = make_event(agenda_page)
    year = datetime.date.today().year + 1
    month_end = datetime.date(year, month, 31)
    last_sunday = month_end - datetime.timedelta(days=(month_end.weekday() - 6) % 7)
    paris = PARIS
    before = Session.objects.create(
        event=event,
        start=datetime.datetime.combine(
            last_sunday - datetime.timedelta(days=1), datetime.time(14), tzinfo=paris
        ),
        end=datetime.datetime.combine(
            last_sunday - datetime.timedelta(days=1), datetime.time(15), tzinfo=paris
        ),
        capacity=10,
    )
    after = Session.objects.create(
        event=event,
        start=datetime.datetime.combine(
            last_sunday + datetime.timedelta(days=1), datetime.time(14), tzinfo=paris
        ),
        end=datetime.datetime.combine(
            last_sunday + datetime.timedelta(days=1), datetime.time(15), tzinfo=paris
        ),
        capacity=10,
    )
    raw = calendar.feed_ics([before, after], name="Agenda")

    events = assert_rules(raw, method="PUBLISH")
    assert [e.start.hour for e in events] == [14, 14]
    assert events[0].start.utcoffset() != events[1].start.utcoffset()
    zone = Calendar.from_ical(raw).walk("VTIMEZONE")[0]
    assert {c.name for c in zone.subcomponents} >= {"STANDARD", "DAYLIGHT"}


def test_self_cancellation_sends_cancel_with_a_higher_sequence(agenda_page):
    session = make_session(make_event(agenda_page))
    registration = services.register(session, register_form()).registration
    invitation = ics_of(mails_of(registration, "confirmation")[0])[1].events[0]

    services.cancel_registration(registration)

    content_type, parsed = ics_of(mails_of(registration, "cancelled")[0])
    assert content_type == "text/calendar; method=CANCEL; charset=utf-8"
    (vevent,) = assert_rules(parsed.to_ical(), method="CANCEL")
    assert vevent["STATUS"] == "CANCELLED"
    assert str(vevent["UID"]) == str(invitation["UID"])
    assert int(vevent["SEQUENCE"]) > int(invitation["SEQUENCE"])


def read(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_public_feed_has_published_future_scheduled_sessions_only(client, agenda_page):
    event = make_event(agenda_page)
    shown = make_session(event, days=5, video_link=SECRET_LINK)
    make_session(event, days=6, status=Session.Status.CANCELLED)
    make_session(event, days=7, is_published=False)
    past = make_session(event, days=8)
    Session.objects.filter(pk=past.pk).update(
        start=shown.start - datetime.timedelta(days=30), end=shown.end - datetime.timedelta(days=30)
    )
    draft = make_event(agenda_page, "brouillon", title="Brouillon")
    make_session(draft)
    draft.unpublish()

    response = client.get("/agenda/calendrier.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; method=PUBLISH; charset=utf-8"
    events = assert_rules(read(response), method="PUBLISH")
    assert [str(e["UID"]) for e in events] == [shown.uid]
    assert str(events[0]["URL"]).endswith("/agenda/webinaire/")


def test_the_feed_of_one_event_and_the_add_to_my_calendar_file(client, agenda_page):
    one = make_session(make_event(agenda_page))
    other = make_session(make_event(agenda_page, "autre", title="Autre"))

    feed = client.get(reverse("events:event_feed", args=["webinaire"]))
    assert [str(e["UID"]) for e in assert_rules(read(feed), method="PUBLISH")] == [one.uid]

    single = client.get(reverse("events:session_ics", args=[other.pk]))
    assert single["Content-Disposition"].startswith('attachment; filename="autre-')
    (vevent,) = assert_rules(read(single), method="PUBLISH")
    assert str(vevent["SUMMARY"]) == "Autre"

    assert client.get(reverse("events:event_feed", args=["inconnu"])).status_code == 404
    Session.objects.filter(pk=other.pk).update(status=Session.Status.CANCELLED)
    assert client.get(reverse("events:session_ics", args=[other.pk])).status_code == 404
