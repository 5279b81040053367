"""The staff digest: one email per session and day of registration activity, with the
day's counts and an admin link, through the outbox, never with personal data."""

from datetime import datetime, time, timedelta

import pytest
from django.test import override_settings
from django.urls import reverse

from events import digest
from events.services import send_staff_digests
from relier_site import roles, scheduling
from relier_site.models import OutboundEmail
from relier_site.timezones import PARIS
from tests.events.staff_helpers import (
    CANARIES,
    CANCELLED,
    CONFIRMED,
    WAITLISTED,
    canary_registration,
    make_event,
    make_registration,
    make_session,
    staff_user,
)

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

TODAY = datetime(2026, 12, 1).date()
NIGHT_RUN = datetime.combine(TODAY, time(3, 30), tzinfo=PARIS)
YESTERDAY_NOON = datetime.combine(TODAY - timedelta(days=1), time(12, 0), tzinfo=PARIS)


def digests():
    return OutboundEmail.objects.filter(template_name=digest.TEMPLATE).order_by("pk")


@pytest.fixture
def team(db):
    """Two Accompagnement members (one without email), one Communication member."""
    return [
        staff_user(roles.ACCOMPAGNEMENT, email="psy@centres-relier.example"),
        staff_user(roles.ACCOMPAGNEMENT),
        staff_user(roles.COMMUNICATION, email="com@centres-relier.example"),
    ]


@pytest.fixture
def busy_session(home_page):
    """A session (on 10 December) with yesterday's activity: 2 confirmed, 1 waiting, 1
    cancellation, 1 promotion; and older activity that is not yesterday's."""
    session = make_session(
        make_event(home_page, title="Webinaire France Travail"),
        start=datetime(2026, 12, 10, 14, 0, tzinfo=PARIS),
        capacity=3,
    )
    make_registration(session, CONFIRMED, created_at=YESTERDAY_NOON)
    make_registration(session, CONFIRMED, created_at=YESTERDAY_NOON + timedelta(hours=1))
    make_registration(session, WAITLISTED, created_at=YESTERDAY_NOON + timedelta(hours=2))
    make_registration(
        session,
        CANCELLED,
        created_at=YESTERDAY_NOON - timedelta(days=5),
        cancelled_at=YESTERDAY_NOON + timedelta(hours=3),
    )
    make_registration(
        session,
        CONFIRMED,
        created_at=YESTERDAY_NOON - timedelta(days=4),
        promoted_at=YESTERDAY_NOON + timedelta(hours=3),
    )
    make_registration(session, WAITLISTED, created_at=NIGHT_RUN - timedelta(hours=2))  # today
    return session


def test_one_digest_per_session_with_the_days_counts_and_an_admin_link(team, busy_session):
    assert send_staff_digests(now=NIGHT_RUN) == 1
    (mail,) = digests()
    assert mail.to == ["psy@centres-relier.example"]
    assert mail.reason_key == f"events:staff-digest:session:{busy_session.pk}:2026-11-30"
    # (relier_site.mail normalises the subject's spaces: the no-break space becomes a space)
    assert mail.subject == (
        "Inscriptions du 30 novembre : Webinaire France Travail, séance du 10 décembre"
    )
    text = mail.body_text
    assert "Inscriptions du lundi 30 novembre 2026" in text
    assert "jeudi 10 décembre 2026, 14:00–16:00" in text
    assert "- nouvelles inscriptions confirmées : 2" in text
    assert "- nouvelles personnes sur la liste d'attente : 1" in text
    assert "- annulations : 1" in text
    assert "- sorties de la liste d'attente (place libérée) : 1" in text
    assert "3 inscriptions confirmées sur 3 places, 2 sur la liste d'attente" in text
    link = "http://127.0.0.1:8000" + reverse("events_staff:session", args=[busy_session.pk])
    assert link in text
    assert f'href="{link}"' in mail.body_html


def test_a_second_run_sends_nothing_more(team, busy_session):
    send_staff_digests(now=NIGHT_RUN)
    assert send_staff_digests(now=NIGHT_RUN + timedelta(hours=2)) == 0
    assert digests().count() == 1


def test_the_next_night_reports_the_next_day_only(team, busy_session):
    send_staff_digests(now=NIGHT_RUN)
    assert send_staff_digests(now=NIGHT_RUN + timedelta(days=1)) == 1
    latest = digests().last()
    assert latest.reason_key.endswith(":2026-12-01")
    assert "- nouvelles personnes sur la liste d'attente : 1" in latest.body_text
    assert "- nouvelles inscriptions confirmées : 0" in latest.body_text


def test_a_missed_night_is_caught_up(team, busy_session):
    assert send_staff_digests(now=NIGHT_RUN + timedelta(days=1)) == 2
    assert [m.reason_key[-10:] for m in digests()] == ["2026-11-30", "2026-12-01"]


def test_no_activity_no_digest(team, home_page):
    session = make_session(make_event(home_page))
    make_registration(session, CONFIRMED, created_at=YESTERDAY_NOON - timedelta(days=10))
    assert send_staff_digests(now=NIGHT_RUN) == 0
    assert not digests().exists()


def test_each_session_gets_its_own_digest(team, busy_session, home_page):
    other = make_session(make_event(home_page, title="Café parents"), capacity=8)
    make_registration(other, CONFIRMED, created_at=YESTERDAY_NOON)
    assert send_staff_digests(now=NIGHT_RUN) == 2
    assert {m.about for m in digests()} == {busy_session, other}


def test_the_digest_carries_no_personal_value(team, busy_session):
    canary_registration(busy_session, status=CONFIRMED, age=17, created_at=YESTERDAY_NOON)
    send_staff_digests(now=NIGHT_RUN)
    (mail,) = digests()
    stored = " ".join([mail.subject, mail.body_text, mail.body_html, mail.reason_key])
    for canary in CANARIES:
        assert canary not in stored
    assert "- nouvelles inscriptions confirmées : 3" in mail.body_text


@override_settings(EVENTS_STAFF_DIGEST_RECIPIENTS=["equipe@centres-relier.example"])
def test_the_recipients_setting_replaces_the_group(team, busy_session):
    send_staff_digests(now=NIGHT_RUN)
    assert digests().get().to == ["equipe@centres-relier.example"]


def test_without_any_recipient_nothing_is_stored(busy_session):
    staff_user(roles.ACCOMPAGNEMENT)  # no email address
    assert send_staff_digests(now=NIGHT_RUN) == 0
    assert not digests().exists()


def test_the_nightly_maintenance_runs_the_digest(team, busy_session):
    assert scheduling.daily_jobs()["events_staff_digest"] is send_staff_digests
    summary = scheduling.run_daily_jobs(now=NIGHT_RUN)
    assert summary["events_staff_digest"] == 1
    assert digests().count() == 1
