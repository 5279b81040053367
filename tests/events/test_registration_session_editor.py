"""The sessions' editor: a series in one step (in the wall-clock time of its zone),
moving or cancelling one date (registrants get the updated or cancelled invitation and
their reminder is replaced), the refusals, and a capacity lowered below the
registrations."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Registration, Session
from relier_site import roles
from relier_site.models import OutboundEmail
from relier_site.timezones import REUNION
from tests.factories import StaffFactory
from tests.html import visible_text

from .conftest import make_session
from .helpers import ics_of, mails_of, register_form

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

ADD_URL = reverse("wagtailsnippets_events_session:add")


def edit_url(session):
    return reverse("wagtailsnippets_events_session:edit", args=[session.pk])


@pytest.fixture
def editor(client):
    client.force_login(StaffFactory(username="camille-communication", role=roles.COMMUNICATION))
    return client


def next_weekday(weekday, weeks=1):
    today = timezone.localdate() + datetime.timedelta(weeks=weeks)
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7)


def form_data(event, **overrides):
    data = {
        "event": event.pk,
        "day": next_weekday(1).isoformat(),
        "start_time": "14:00",
        "end_time": "15:30",
        "timezone": "Europe/Paris",
        "capacity": "10",
        "status": Session.Status.SCHEDULED,
        "is_published": "on",
        "video_link": "",
        "frequency": "",
        "interval": "1",
        "until": "",
        "count": "",
    }
    return data | overrides


def test_every_two_weeks_on_tuesday_at_14_until_a_date_in_one_step(editor, webinar):
    first = next_weekday(1)
    until = first + datetime.timedelta(weeks=8)
    response = editor.post(
        ADD_URL,
        form_data(
            webinar, frequency="hebdomadaire", interval="2", weekdays=["1"], until=until.isoformat()
        ),
    )

    assert response.status_code == 302, visible_text(response)
    sessions = list(Session.objects.order_by("start"))
    assert [s.local_start.date() for s in sessions] == [
        first + datetime.timedelta(weeks=2 * n) for n in range(5)
    ]
    assert {(s.local_start.time(), s.local_end.time()) for s in sessions} == {
        (datetime.time(14), datetime.time(15, 30))
    }
    assert len({s.series for s in sessions}) == 1 and sessions[0].series
    assert len({s.uid for s in sessions}) == 5


def test_a_weekly_series_keeps_14_00_across_the_daylight_saving_change(editor, webinar):
    # From a Tuesday before the last Sunday of October to after it (CEST → CET).
    year = timezone.localdate().year + 1
    october_end = datetime.date(year, 10, 31)
    last_sunday = october_end - datetime.timedelta(days=(october_end.weekday() - 6) % 7)
    first = last_sunday - datetime.timedelta(days=5)  # the Tuesday before
    response = editor.post(
        ADD_URL, form_data(webinar, day=first.isoformat(), frequency="hebdomadaire", count="3")
    )

    assert response.status_code == 302
    sessions = list(Session.objects.order_by("start"))
    assert [s.local_start.strftime("%H:%M") for s in sessions] == ["14:00"] * 3
    assert [s.start.astimezone(datetime.UTC).hour for s in sessions] == [12, 13, 13]


def test_a_monthly_series_repeats_on_the_same_weekday_of_the_month(editor, webinar):
    year = timezone.localdate().year + 1
    first = datetime.date(year, 1, 1)
    first += datetime.timedelta(days=(3 - first.weekday()) % 7)  # the first Thursday
    editor.post(
        ADD_URL, form_data(webinar, day=first.isoformat(), frequency="mensuelle", count="4")
    )

    days = [s.local_start.date() for s in Session.objects.order_by("start")]
    assert len(days) == 4
    assert all(day.weekday() == 3 and day.day <= 7 for day in days)


def test_a_reunion_session_is_typed_in_reunion_time(editor, webinar):
    editor.post(
        ADD_URL, form_data(webinar, timezone=REUNION.key, start_time="09:30", end_time="11:00")
    )
    session = Session.objects.get()
    assert session.local_start.strftime("%H:%M") == "09:30"
    assert session.start.astimezone(datetime.UTC).strftime("%H:%M") == "05:30"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_time": "13:00"}, "L'heure de fin doit être après l'heure de début."),
        ({"day": "2020-01-07"}, "Cette date est passée"),
        (
            {"frequency": "hebdomadaire"},
            "Indiquez la date de la dernière séance ou le nombre de dates.",
        ),
    ],
)
def test_the_editor_refuses_with_a_french_message(editor, webinar, overrides, message):
    response = editor.post(ADD_URL, form_data(webinar, **overrides))
    assert response.status_code == 200
    assert message in visible_text(response)
    assert not Session.objects.exists()


def test_moving_a_session_into_the_past_is_refused(editor, webinar):
    session = make_session(webinar)
    response = editor.post(edit_url(session), form_data(webinar, day="2020-01-07"))
    assert "Cette date est passée" in visible_text(response)
    session.refresh_from_db()
    assert session.sequence == 0


def test_moving_a_session_sends_the_same_uid_with_a_higher_sequence_and_a_new_reminder(
    editor, webinar
):
    session = make_session(webinar)
    registration = services.register(session, register_form()).registration
    (old_reminder,) = mails_of(registration, "reminder")
    (confirmation,) = mails_of(registration, "confirmation")
    _type, first_invitation = ics_of(confirmation)
    new_day = session.local_start.date() + datetime.timedelta(days=3)

    response = editor.post(
        edit_url(session),
        form_data(webinar, day=new_day.isoformat(), start_time="16:00", end_time="17:00"),
    )

    assert response.status_code == 302, visible_text(response)
    session.refresh_from_db()
    assert session.sequence == 1
    old_reminder.refresh_from_db()
    assert old_reminder.status == OutboundEmail.Status.CANCELLED
    (moved,) = mails_of(registration, "moved")
    assert moved.subject == "Séance déplacée : Webinaire pour les conseillers"
    assert (
        "de 16\u00a0h à 17\u00a0h" in moved.body_text and "/agenda/annulation/" in moved.body_text
    )
    content_type, invitation = ics_of(moved)
    assert content_type == "text/calendar; method=REQUEST; charset=utf-8"
    before, after = first_invitation.events[0], invitation.events[0]
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.start.hour == 16
    reminders = [m for m in mails_of(registration, "reminder") if m.status == "pending"]
    assert len(reminders) == 1
    assert reminders[0].not_before.date() == new_day - datetime.timedelta(days=1)


def test_cancelling_a_session_sends_a_cancel_invitation(editor, webinar):
    session = make_session(webinar)
    registration = services.register(session, register_form()).registration
    _type, invitation = ics_of(mails_of(registration, "confirmation")[0])

    editor.post(
        edit_url(session),
        form_data(
            webinar,
            day=session.local_start.date().isoformat(),
            start_time="14:00",
            end_time="15:00",
            status=Session.Status.CANCELLED,
        ),
    )

    (notice,) = mails_of(registration, "session-cancelled")
    assert notice.subject == "Séance annulée : Webinaire pour les conseillers"
    content_type, cancel = ics_of(notice)
    assert content_type == "text/calendar; method=CANCEL; charset=utf-8"
    assert cancel["METHOD"] == "CANCEL"
    event = cancel.events[0]
    assert event["STATUS"] == "CANCELLED"
    assert str(event["UID"]) == str(invitation.events[0]["UID"])
    assert int(event["SEQUENCE"]) > int(invitation.events[0]["SEQUENCE"])
    assert all(m.status == "cancelled" for m in mails_of(registration, "reminder"))


def test_a_capacity_below_the_registrations_keeps_everyone_and_stops_new_ones(editor, webinar):
    session = make_session(webinar, capacity=3)
    for address in ("a@example.org", "b@example.org", "c@example.org"):
        services.register(session, register_form(email=address))

    editor.post(
        edit_url(session),
        form_data(
            webinar,
            day=session.local_start.date().isoformat(),
            start_time="14:00",
            end_time="15:00",
            capacity="1",
        ),
    )

    session.refresh_from_db()
    assert session.capacity == 1
    assert Registration.objects.filter(status=Registration.Status.CONFIRMED).count() == 3
    result = services.register(session, register_form(email="d@example.org"))
    assert not result.confirmed
    # Two cancellations still leave no free place: nobody is promoted.
    for address in ("a@example.org", "b@example.org"):
        services.cancel_registration(Registration.objects.get(email=address))
    assert Registration.objects.get(email="d@example.org").status == Registration.Status.WAITLISTED


def test_more_places_promote_the_waiting_list(editor, webinar):
    session = make_session(webinar, capacity=1)
    services.register(session, register_form(email="a@example.org"))
    services.register(session, register_form(email="b@example.org"))

    editor.post(
        edit_url(session),
        form_data(
            webinar,
            day=session.local_start.date().isoformat(),
            start_time="14:00",
            end_time="15:00",
            capacity="2",
        ),
    )

    promoted = Registration.objects.get(email="b@example.org")
    assert promoted.status == Registration.Status.CONFIRMED
    assert mails_of(promoted, "promotion")


def test_a_new_video_link_requeues_the_reminder_with_it(editor, webinar):
    session = make_session(webinar)
    registration = services.register(session, register_form()).registration

    editor.post(
        edit_url(session),
        form_data(
            webinar,
            day=session.local_start.date().isoformat(),
            start_time="14:00",
            end_time="15:00",
            video_link="https://visio.example.org/nouveau",
        ),
    )

    pending = [m for m in mails_of(registration, "reminder") if m.status == "pending"]
    assert len(pending) == 1
    assert "https://visio.example.org/nouveau" in pending[0].body_text
    session.refresh_from_db()
    assert session.sequence == 0  # the calendar entry did not change


def test_accompagnement_but_not_communication_sees_registrations_permissions(db):
    accompagnement = StaffFactory(username="sacha", role=roles.ACCOMPAGNEMENT)
    communication = StaffFactory(username="camille", role=roles.COMMUNICATION)
    assert accompagnement.has_perm("events.view_registration")
    assert accompagnement.has_perm("events.change_session")
    assert communication.has_perm("events.change_session")
    assert not communication.has_perm("events.view_registration")


def test_the_editor_offers_a_series_on_creation_only(editor, webinar):
    created = visible_text(editor.get(ADD_URL))
    assert "Série (à la création seulement)" in created and "Jours de la semaine" in created

    session = make_session(webinar)
    edited = editor.get(edit_url(session))
    assert edited.status_code == 200
    assert "Jours de la semaine" not in visible_text(edited)
    assert 'value="14:00"' in edited.content.decode()  # wall-clock time in its zone
