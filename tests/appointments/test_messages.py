"""What the permanences send (appointments.emails, appointments.calendar): the emails as
a person receives them (MJML rendered, the .ics attached), reminders at a sensible local
hour and never for a cancelled appointment, the staff notification without personal
data, and calendar files that three independent readers read alike."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail as django_mail
from icalendar import Calendar

from appointments import calendar, emails, services
from appointments.models import Appointment
from relier_site import roles
from relier_site.mail import delivery
from relier_site.mail.outbox import emails_about
from relier_site.models import OutboundEmail
from tests.appointments import helpers
from tests.appointments.helpers import PARIS, PERSON, REUNION, at
from tests.calendar_readers import READERS, read_all

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

NOW = at(2030, 5, 28, 12)
SLOT = at(2030, 6, 4, 18, 0)  # a Tuesday, 18:00 Paris (16:00 UTC)
TYPED = ("Camille", "camille@example.org", "+33612345678", "06 12 34 56 78", "blessants")
Status = OutboundEmail.Status
BASE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@pytest.fixture
def staff():
    """Two members of Accompagnement with an address (the notification's recipients)."""
    group = Group.objects.get(name=roles.ACCOMPAGNEMENT)
    for name in ("accueil", "coordination"):
        user = helpers.make_psychologist(name)
        user.email = f"{name}@centres-relier.fr"
        user.save()
        user.groups.add(group)


def book(appointment_type, psychologist, start=SLOT, now=NOW, **person):
    return services.book(appointment_type, psychologist, start, PERSON | person, now=now)


def rows(appointment, reason=""):
    prefix = f"appointment:{appointment.pk}:{reason}"
    return list(emails_about(appointment).filter(reason_key__startswith=prefix))


def only(appointment, reason):
    (row,) = rows(appointment, reason)
    return row


def ics_of(row):
    (attachment,) = row.attachments.all()
    return attachment.filename, attachment.content_type, bytes(attachment.content)


def unfolded(raw):
    return raw.decode().replace("\r\n ", "")


def make_saved(appointment_type, psychologist, start, zone):
    """An appointment saved directly in `zone` (reminder times need no slot)."""
    return Appointment.objects.create(
        type=appointment_type,
        psychologist=psychologist,
        start=start,
        end=start + timedelta(minutes=45),
        timezone=zone.key,
        status=Appointment.Status.CONFIRMED,
        email="camille@example.org",
    )


# --- The confirmation ------------------------------------------------------------------


def test_the_confirmation_carries_the_invitation_and_the_link_and_repeats_nothing_typed(
    phone_type, psychologist
):
    appointment = book(phone_type, psychologist)

    row = only(appointment, "confirmation")
    assert row.to == ["camille@example.org"]
    assert row.subject == "Votre rendez-vous est confirmé"
    assert "Bonjour,\n" in row.body_text
    assert "Quand : mardi 4 juin 2030 à 18\u00a0h\n" in row.body_text
    assert "Par téléphone : nous vous appelons à l'heure du rendez-vous." in row.body_text
    assert "L'appel viendra d'un numéro masqué" in row.body_text
    assert f"{BASE}/permanences/gerer/" in row.body_text
    assert "<html" in row.body_html and "Déplacer ou annuler" in row.body_html
    assert "<mj-" not in row.body_html  # compiled MJML
    for value in TYPED:
        assert value not in row.subject + row.body_text + row.body_html

    filename, content_type, raw = ics_of(row)
    assert filename == "rendez-vous.ics"
    assert content_type == "text/calendar; method=REQUEST; charset=utf-8"
    parsed = Calendar.from_ical(raw)
    assert parsed["METHOD"] == "REQUEST"
    (event,) = parsed.events
    assert str(event["SUMMARY"]) == "Rendez-vous Centres Relier"
    assert str(event["UID"]) == calendar.uid(appointment)
    assert int(event["SEQUENCE"]) == 0 and str(event["STATUS"]) == "CONFIRMED"
    assert event.start == SLOT and event.end == SLOT + timedelta(minutes=45)
    assert "DTSTART:20300604T160000Z" in raw.decode()  # UTC, no TZID
    # The move/cancel link is in the email only: a family calendar is often shared.
    assert str(event["DESCRIPTION"]).startswith("Par téléphone : nous vous appelons")
    assert "/permanences/gerer/" not in unfolded(raw)
    assert str(event["ORGANIZER"]) == "mailto:ne-pas-repondre@centres-relier.fr"
    text = unfolded(raw)
    assert "Par téléphone" in text
    for value in TYPED:
        assert value not in text


def test_a_double_submission_sends_one_confirmation(phone_type, psychologist):
    first = services.book(phone_type, psychologist, SLOT, PERSON, submission_key="k", now=NOW)
    again = services.book(phone_type, psychologist, SLOT, PERSON, submission_key="k", now=NOW)

    assert again.pk == first.pk
    assert len(rows(first, "confirmation")) == 1


def test_no_address_no_email_but_staff_are_told(phone_type, psychologist, staff):
    appointment = book(phone_type, psychologist, email="")

    assert [row.reason_key.split(":")[2] for row in rows(appointment)] == ["staff-notification"]


def test_a_reunion_appointment_is_said_in_reunion_time(psychologist):
    appointment_type = helpers.make_type(mode="visio")
    helpers.make_range(psychologist, appointment_type, start=(9, 0), end=(12, 0), zone=REUNION)

    appointment = book(appointment_type, psychologist, start=at(2030, 6, 4, 9, 0, zone=REUNION))

    body = only(appointment, "confirmation").body_text
    assert "Quand : mardi 4 juin 2030 à 9\u00a0h (heure de La Réunion)" in body
    assert "En visio" in body


# --- Staff ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("urgent", "subject"),
    [(False, "Nouveau rendez-vous n° {pk}"), (True, "URGENT – Nouveau rendez-vous n° {pk}")],
)
def test_staff_get_the_reference_and_a_link_only(phone_type, psychologist, staff, urgent, subject):
    appointment = services.book(phone_type, psychologist, SLOT, PERSON, urgent=urgent, now=NOW)

    row = only(appointment, "staff-notification")
    assert sorted(row.to) == ["accueil@centres-relier.fr", "coordination@centres-relier.fr"]
    assert row.subject == subject.format(pk=appointment.pk)
    assert f"{BASE}/admin/permanences/rendez-vous/{appointment.pk}/" in row.body_text
    assert row.attachments.count() == 0
    everything = row.subject + row.body_text + row.body_html
    for value in (*TYPED, "juin", "18\u00a0h", phone_type.name):
        assert value not in everything


# --- Reminders -----------------------------------------------------------------------


def reminder_times(appointment):
    return {
        row.reason_key.split(":")[3]: row.not_before.astimezone(appointment.local_start.tzinfo)
        for row in rows(appointment, "reminder")
    }


def test_booking_schedules_the_two_reminders(phone_type, psychologist):
    appointment = book(phone_type, psychologist)

    assert {k: f"{v:%a %d %H:%M}" for k, v in reminder_times(appointment).items()} == {
        "48h": "Sun 02 18:00",
        "2h": "Tue 04 16:00",
    }
    row = rows(appointment, "reminder:2h")[0]
    assert row.status == Status.PENDING
    assert row.subject == "Rappel : votre rendez-vous, mardi 4 juin 2030 à 18 h"
    assert "/permanences/gerer/" in row.body_text


@pytest.mark.parametrize(
    ("start", "zone", "expected"),
    [
        # Summer, Paris: 48 h and 2 h before, in the day.
        ((2030, 6, 4, 18, 0), "paris", {"48h": "2030-06-02 18:00", "2h": "2030-06-04 16:00"}),
        # The week the clocks go forward (Sunday 31 March 2030): 48 real hours before
        # Monday 10:00 summer time is Saturday 09:00 winter time.
        ((2030, 4, 1, 10, 0), "paris", {"48h": "2030-03-30 09:00", "2h": "2030-04-01 08:00"}),
        # The week they go back (Sunday 27 October 2030): 48 h before Monday 09:00 is
        # Saturday 10:00 summer time; 2 h before is 07:00, at night: 20:00 the evening
        # before (winter time).
        ((2030, 10, 28, 9, 0), "paris", {"48h": "2030-10-26 10:00", "2h": "2030-10-27 20:00"}),
        # La Réunion: the night is Réunion's (07:00 there; 05:00 in Paris).
        ((2030, 6, 4, 9, 0), "reunion", {"48h": "2030-06-02 09:00", "2h": "2030-06-03 20:00"}),
        # Winter in La Réunion (no daylight-saving time there), 48 h before is at night.
        ((2030, 1, 8, 7, 30), "reunion", {"48h": "2030-01-05 20:00", "2h": "2030-01-07 20:00"}),
        # 01:00 goes back to 20:00 the evening before, 23:00 to 20:00 the same evening.
        ((2030, 6, 6, 1, 0), "paris", {"48h": "2030-06-03 20:00", "2h": "2030-06-05 20:00"}),
    ],
)
def test_reminders_leave_at_a_sensible_local_hour(phone_type, psychologist, start, zone, expected):
    zone = REUNION if zone == "reunion" else PARIS
    appointment = make_saved(phone_type, psychologist, at(*start, zone=zone), zone)

    emails.schedule_reminders(appointment, now=at(2029, 12, 1, 12))

    times = reminder_times(appointment)
    assert {k: f"{v:%Y-%m-%d %H:%M}" for k, v in times.items()} == expected
    assert all(moment < appointment.start for moment in times.values())


def test_a_reminder_whose_time_has_passed_is_not_sent(phone_type, psychologist):
    appointment = book(phone_type, psychologist, now=SLOT - timedelta(hours=30))

    assert list(reminder_times(appointment)) == ["2h"]


def test_the_reminder_hours_are_a_setting(phone_type, psychologist, settings):
    settings.APPOINTMENTS_REMINDER_HOURS = "24"
    appointment = book(phone_type, psychologist)

    assert {k: f"{v:%d %H:%M}" for k, v in reminder_times(appointment).items()} == {
        "24h": "03 18:00"
    }


# --- Cancelled, moved, missed ---------------------------------------------------------


def test_a_cancellation_voids_the_reminders_and_withdraws_the_invitation(phone_type, psychologist):
    appointment = book(phone_type, psychologist)
    invitation = Calendar.from_ical(ics_of(only(appointment, "confirmation"))[2]).events[0]

    services.cancel(appointment, now=NOW)

    assert {row.status for row in rows(appointment, "reminder")} == {Status.CANCELLED}
    row = only(appointment, "cancelled")
    assert row.subject == "Votre rendez-vous est annulé"
    assert "Votre annulation est bien enregistrée" in row.body_text
    assert "/permanences/gerer/" not in row.body_text  # nothing left to manage
    assert f"{BASE}/permanences/" in row.body_text
    filename, content_type, raw = ics_of(row)
    assert content_type == "text/calendar; method=CANCEL; charset=utf-8"
    (event,) = Calendar.from_ical(raw).events
    assert str(event["UID"]) == str(invitation["UID"])
    assert int(event["SEQUENCE"]) > int(invitation["SEQUENCE"])
    assert str(event["STATUS"]) == "CANCELLED"
    assert "/permanences/gerer/" not in unfolded(raw)


def test_a_cancellation_by_the_team_says_sorry(phone_type, psychologist):
    appointment = book(phone_type, psychologist)
    services.cancel(appointment, by=psychologist, now=NOW)

    assert "l'équipe a dû annuler" in only(appointment, "cancelled").body_text


def move(appointment, start):
    """What services.move does (helper A's), then its call of emails.send_moved."""
    appointment.start, appointment.end = start, start + (appointment.end - appointment.start)
    appointment.sequence += 1
    appointment.save()
    return emails.send_moved(appointment, now=NOW)


def test_a_move_sends_the_update_and_replaces_the_reminders(phone_type, psychologist):
    appointment = book(phone_type, psychologist)
    invitation = Calendar.from_ical(ics_of(only(appointment, "confirmation"))[2]).events[0]
    later = SLOT + timedelta(days=7)

    row = move(appointment, later)

    assert row.subject == "Votre rendez-vous a changé d'horaire"
    assert "Quand : mardi 11 juin 2030 à 18\u00a0h" in row.body_text
    _filename, content_type, raw = ics_of(row)
    assert content_type == "text/calendar; method=REQUEST; charset=utf-8"
    (event,) = Calendar.from_ical(raw).events
    assert str(event["UID"]) == str(invitation["UID"])
    assert int(event["SEQUENCE"]) == int(invitation["SEQUENCE"]) + 1
    assert event.start == later
    pending = [r for r in rows(appointment, "reminder") if r.status == Status.PENDING]
    assert sorted(f"{r.not_before:%d %H:%M}" for r in pending) == ["09 16:00", "11 14:00"]
    assert {r.status for r in rows(appointment, "reminder:48h:0")} == {Status.CANCELLED}


def test_a_missed_appointment_gets_one_kind_offer_of_a_new_slot(phone_type, psychologist):
    appointment = book(phone_type, psychologist)
    after = SLOT + timedelta(hours=1)

    services.record_outcome(appointment, Appointment.Outcome.NO_SHOW, by=psychologist, now=after)
    services.record_outcome(appointment, Appointment.Outcome.NO_SHOW, by=psychologist, now=after)

    row = only(appointment, "no-show")
    assert row.subject == "Reprendre un rendez-vous quand vous le souhaitez"
    assert "vous n'avez rien à expliquer" in row.body_text
    assert f"{BASE}/permanences/" in row.body_text
    assert "Choisir un créneau" in row.body_html
    for value in TYPED:
        assert value not in row.subject + row.body_text


def test_a_seen_appointment_gets_no_such_email(phone_type, psychologist):
    appointment = book(phone_type, psychologist)
    services.record_outcome(
        appointment, Appointment.Outcome.SEEN, by=psychologist, now=SLOT + timedelta(hours=1)
    )

    assert rows(appointment, "no-show") == []


# --- The worker ----------------------------------------------------------------------


@pytest.mark.both_databases
def test_the_worker_sends_the_reminder_at_its_time_and_never_after_a_cancellation(
    phone_type, psychologist
):
    kept = book(phone_type, psychologist)
    cancelled = book(phone_type, psychologist, start=SLOT + timedelta(hours=1))
    services.cancel(cancelled, now=NOW)
    due = at(2030, 6, 4, 16, 0)  # the 2 h reminders' time
    django_mail.outbox.clear()

    delivery.retry_due(now=due - timedelta(minutes=1))
    reminders = [m for m in django_mail.outbox if m.subject.startswith("Rappel")]
    assert [m.subject for m in reminders] == [
        "Rappel : votre rendez-vous, mardi 4 juin 2030 à 18 h"  # the 48 h one
    ]

    delivery.retry_due(now=due)
    reminders = [m for m in django_mail.outbox if m.subject.startswith("Rappel")]
    assert len(reminders) == 2 and reminders[1].to == ["camille@example.org"]
    assert {row.status for row in rows(kept, "reminder")} == {Status.SENT}
    assert {row.status for row in rows(cancelled, "reminder")} == {Status.CANCELLED}
    assert "19 h" not in " ".join(m.subject for m in django_mail.outbox)


@pytest.mark.both_databases
def test_the_invitation_arrives_as_a_text_calendar_part(
    phone_type, psychologist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        book(phone_type, psychologist)

    (message,) = [m for m in django_mail.outbox if m.subject == "Votre rendez-vous est confirmé"]
    parts = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    assert parts[0].get_param("method") == "REQUEST"
    assert parts[0].get_filename() == "rendez-vous.ics"


# --- The psychologist's feed -----------------------------------------------------------


def test_the_feed_carries_a_reference_and_the_mode_only(phone_type, psychologist):
    kept = book(phone_type, psychologist)
    cancelled = book(phone_type, psychologist, start=SLOT + timedelta(hours=1))
    services.cancel(cancelled, now=NOW)

    raw = calendar.psychologist_feed_ics([kept, Appointment.objects.get(pk=cancelled.pk)])

    parsed = Calendar.from_ical(raw)
    assert parsed["METHOD"] == "PUBLISH"
    first, second = parsed.events
    assert str(first["SUMMARY"]) == f"RDV n° {kept.pk}"
    assert str(first["DESCRIPTION"]) == "Par téléphone"
    assert first.start == SLOT and str(first["STATUS"]) == "CONFIRMED"
    assert str(second["STATUS"]) == "CANCELLED"
    text = unfolded(raw)
    for value in (*TYPED, "/permanences/gerer/", "ORGANIZER"):
        assert value not in text


# --- Three calendar readers --------------------------------------------------------------


@pytest.mark.processes
@pytest.mark.parametrize(
    ("start", "zone"),
    [
        ((2030, 6, 4, 18, 0), "paris"),  # summer, UTC+2
        ((2030, 1, 8, 18, 0), "paris"),  # winter, UTC+1
        ((2030, 6, 4, 9, 0), "reunion"),  # UTC+4 all year
        ((2030, 1, 8, 9, 0), "reunion"),
    ],
)
def test_three_readers_read_the_same_start_uid_and_rising_sequence(
    phone_type, psychologist, start, zone
):
    zone = REUNION if zone == "reunion" else PARIS
    appointment = make_saved(phone_type, psychologist, at(*start, zone=zone), zone)
    invitation = calendar.appointment_ics(appointment, calendar.REQUEST)
    appointment.start += timedelta(days=7)
    appointment.end += timedelta(days=7)
    appointment.sequence += 1
    update = calendar.appointment_ics(appointment, calendar.REQUEST)
    appointment.sequence += 1
    cancellation = calendar.appointment_ics(appointment, calendar.CANCEL)

    readings = [read_all(raw) for raw in (invitation, update, cancellation)]

    first_start = at(*start, zone=zone)
    for reader in READERS:
        (a,), (b,), (c,) = (reading[reader] for reading in readings)
        assert a.start == first_start, reader
        assert a.start.utcoffset() == timedelta(0)
        assert b.start == c.start == first_start + timedelta(days=7), reader
        assert a.uid == b.uid == c.uid == calendar.uid(appointment), reader
        assert a.sequence < b.sequence < c.sequence, reader
        assert (a.method, b.method, c.method) == ("REQUEST", "REQUEST", "CANCEL"), reader
        assert a.summary == "Rendez-vous Centres Relier", reader
