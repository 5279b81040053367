"""Retention: registrations are anonymised EVENTS_RETENTION_MONTHS (12) months after
their session; their emails leave the outbox; the attendance statistics stay the same."""

import importlib
from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from events import staff_selectors
from events.models import EventPage, Registration
from events.services import anonymise_expired
from home.vocabulary import AgeBand, age_band_for
from relier_site import scheduling
from relier_site.mail.outbox import emails_about, send_templated_mail
from tests.events.staff_helpers import (
    CANARIES,
    CANARY_EMAIL,
    CANARY_NAME,
    CANCELLED,
    CONFIRMED,
    WAITLISTED,
    accompagnement,
    canary_registration,
    make_event,
    make_registration,
    make_session,
)
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

age_band_migration = importlib.import_module(
    "events.migrations.0011_registration_age_band_shared_scale"
)
NOW = timezone.now()
KEPT_FIELDS = ("status", "attended", "created_at", "promoted_at", "cancelled_at", "session_id")


def mail_about(registration):
    return send_templated_mail(
        "emails/test_message",
        {},
        ["quelquun@example.org"],
        about=registration,
        reason_key=f"registration:{registration.pk}:test",
    )


@pytest.fixture
def old_and_recent(home_page):
    """A session that ended 12 months and a day ago, one that ended 11 months ago."""
    event = make_event(home_page)
    old = make_session(event, start=NOW - relativedelta(months=12) - timedelta(days=1))
    recent = make_session(event, start=NOW - relativedelta(months=11))
    return old, recent


def test_registrations_are_anonymised_a_year_after_their_session(old_and_recent):
    old, recent = old_and_recent
    gone = canary_registration(old, status=CONFIRMED, attended=True, age=16)
    waiting = canary_registration(old, status=WAITLISTED)
    cancelled = canary_registration(old, status=CANCELLED, cancelled_at=NOW - timedelta(days=400))
    kept = canary_registration(recent, status=CONFIRMED, age=30)
    before = {
        r.pk: {name: getattr(r, name) for name in KEPT_FIELDS} for r in Registration.objects.all()
    }
    for registration in (gone, waiting, cancelled, kept):
        mail_about(registration)

    assert anonymise_expired(now=NOW) == 3

    for registration in (gone, waiting, cancelled):
        registration.refresh_from_db()
        assert (registration.name, registration.email, registration.phone) == ("", "", "")
        assert (registration.organisation, registration.agency) == ("", "")
        assert registration.age is None
        assert registration.cancel_nonce == ""
        assert registration.anonymised_at == NOW
        assert {name: getattr(registration, name) for name in KEPT_FIELDS} == before[
            registration.pk
        ]
        assert not emails_about(registration).exists()
    gone.refresh_from_db()
    assert gone.age_band == "15-17"
    assert gone.attended is True

    kept.refresh_from_db()
    assert CANARY_NAME in kept.name and CANARY_EMAIL in kept.email
    assert (kept.age, kept.anonymised_at) == (30, None)
    assert emails_about(kept).exists()


def test_a_second_run_changes_nothing(old_and_recent):
    old, _recent = old_and_recent
    canary_registration(old)
    assert anonymise_expired(now=NOW) == 1
    assert anonymise_expired(now=NOW + timedelta(days=1)) == 0


@override_settings(EVENTS_RETENTION_MONTHS=6)
def test_the_retention_period_is_a_setting(old_and_recent):
    _old, recent = old_and_recent
    registration = canary_registration(recent)
    assert anonymise_expired(now=NOW) == 1
    registration.refresh_from_db()
    assert registration.anonymised_at == NOW


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (11, "11-14"),
        (14, "11-14"),
        (15, "15-17"),
        (18, "18-25"),
        (25, "18-25"),
        (26, "26-30"),
        (30, "26-30"),
        (None, ""),
    ],
)
def test_the_age_becomes_an_age_band(old_and_recent, age, band):
    old, _recent = old_and_recent
    registration = make_registration(old, age=age)
    anonymise_expired(now=NOW)
    registration.refresh_from_db()
    assert (registration.age, registration.age_band) == (None, band)


def test_the_nightly_maintenance_anonymises(old_and_recent):
    old, _recent = old_and_recent
    registration = canary_registration(old)
    assert scheduling.daily_jobs()["events_registration_retention"] is anonymise_expired
    summary = scheduling.run_daily_jobs(now=NOW)
    assert summary["events_registration_retention"] == 1
    registration.refresh_from_db()
    assert registration.email == ""


def test_attendance_statistics_are_unchanged_by_anonymisation(client, home_page):
    youth = make_event(
        home_page,
        title="Groupe d'échanges",
        audiences=("jeunes",),
        kind=EventPage.Kind.GROUP,
        registration_profile=EventPage.Profile.YOUTH,
        programme="se-reconstruire-ensemble",
    )
    pros = make_event(home_page, audiences=("france-travail", "professionnels"))
    long_ago = NOW - relativedelta(months=14)
    sessions = [
        make_session(youth, start=long_ago),
        make_session(youth, start=long_ago + timedelta(days=35)),
        make_session(pros, start=long_ago + timedelta(days=7)),
    ]
    for session, attended in zip(
        sessions, ([True, True, False], [True, None], [False, True]), strict=True
    ):
        for value in attended:
            canary_registration(session, status=CONFIRMED, attended=value, age=16)
        canary_registration(session, status=WAITLISTED)
        canary_registration(session, status=CANCELLED, cancelled_at=long_ago)

    groupings = list(staff_selectors.STATISTICS_GROUPINGS)
    before = {g: staff_selectors.attendance_statistics(g) for g in groupings}
    client.force_login(accompagnement())
    url = reverse("events_staff:statistics")
    pages_before = {g: visible_text(client.get(url, {"par": g})) for g in groupings}

    assert anonymise_expired(now=NOW) == 13  # every registration
    assert not Registration.objects.filter(anonymised_at__isnull=True).exists()

    assert {g: staff_selectors.attendance_statistics(g) for g in groupings} == before
    assert {g: visible_text(client.get(url, {"par": g})) for g in groupings} == pages_before
    for text in pages_before.values():
        for canary in CANARIES:
            assert canary not in text

    # What the statistics say, per audience: the professional event counts for both of
    # its audiences.
    rows = {row.label: row for row in before["public"]}
    assert (rows["Jeunes"].confirmed, rows["Jeunes"].attended, rows["Jeunes"].absent) == (5, 3, 1)
    assert rows["Jeunes"].not_marked == 1
    assert rows["Jeunes"].attendance_rate == 75
    assert (rows["Jeunes"].waiting, rows["Jeunes"].cancelled, rows["Jeunes"].sessions) == (2, 2, 2)
    assert rows["France Travail"].confirmed == rows["Professionnels"].confirmed == 2
    months = [row.label for row in before["mois"]]
    assert len(months) == len(set(months)) >= 2
    programmes = {row.label: row.confirmed for row in before["programme"]}
    assert programmes == {"Se reconstruire ensemble": 5, "Relier vers l'emploi": 2}
    assert "Anonymisée le" in visible_text(
        client.get(reverse("events_staff:session", args=[sessions[0].pk]))
    )


@pytest.mark.parametrize("age", [11, 14, 15, 17, 18, 25, 26, 30])
def test_a_registration_and_a_referral_keep_the_same_band_for_the_same_age(old_and_recent, age):
    """One scale for both apps (home.vocabulary.AgeBand): the database's band of an
    anonymised registration is the band a referral stores."""
    old, _recent = old_and_recent
    registration = make_registration(old, age=age)
    anonymise_expired(now=NOW)
    registration.refresh_from_db()
    assert registration.age_band == age_band_for(age)
    assert registration.get_age_band_display() == AgeBand(age_band_for(age)).label


def test_the_labels_stored_before_the_shared_scale_become_its_bands(old_and_recent):
    old, _recent = old_and_recent
    labels = ["moins de 15 ans", "15 à 17 ans", "18 à 25 ans", "26 ans et plus", ""]
    rows = []
    for number, label in enumerate(labels):
        registration = make_registration(old, email=f"r{number}@example.org", age=None)
        Registration.objects.filter(pk=registration.pk).update(age_band=label)
        rows.append(registration.pk)

    age_band_migration.to_shared_scale(apps, None)

    bands = dict(Registration.objects.filter(pk__in=rows).values_list("pk", "age_band"))
    assert [bands[pk] for pk in rows] == ["11-14", "15-17", "18-25", "26-30", ""]
