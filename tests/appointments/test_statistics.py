"""Anonymous statistics of the permanences (admin « Rapports » → « Permanences :
statistiques »): per month and type, booked, seen, no-show, excused, cancelled by the
team, the slots the ranges offered (slot engine: holidays, absences and the cap per
day out), the fill and no-show rates; the same figures once the appointments are
anonymised."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from appointments import statistics
from appointments.models import Appointment, Weekday
from relier_site import roles
from tests.appointments.helpers import (
    CANCELLED,
    at,
    make_absence,
    make_appointment,
    make_range,
    make_type,
)
from tests.factories import StaffFactory
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

Outcome = Appointment.Outcome
PAGE = reverse("appointments_staff:statistics")


@pytest.fixture
def june(home_page):
    """June 2026: Claire's Tuesdays 17 h–20 h (3 slots of 45 + 15 min, 5 Tuesdays), the
    evening of 9 June absent; Karim's Thursdays 17 h–20 h capped at 1 a day (4
    Thursdays): 12 + 4 = 16 slots. Five appointments: seen, absent, excused, cancelled
    by the team, and one whose outcome is not noted."""
    claire = StaffFactory(username="claire", role=roles.ACCOMPAGNEMENT)
    karim = StaffFactory(username="karim", role=roles.ACCOMPAGNEMENT)
    phone = make_type(name="Permanence téléphonique des parents")
    video = make_type(name="Visio des jeunes", mode="visio", audience="jeunes")
    make_range(claire, phone, valid_from=date(2026, 1, 1))
    make_range(karim, phone, weekday=Weekday.THURSDAY, daily_cap=1)
    make_range(karim, video, weekday=Weekday.FRIDAY)
    make_absence(claire, at(2026, 6, 9, 16), at(2026, 6, 9, 21))
    rows = [
        (at(2026, 6, 2, 17), Outcome.SEEN, "confirme"),
        (at(2026, 6, 16, 17), Outcome.NO_SHOW, "confirme"),
        (at(2026, 6, 16, 18), Outcome.EXCUSED, CANCELLED),
        (at(2026, 6, 23, 17), Outcome.CANCELLED_BY_TEAM, CANCELLED),
        (at(2026, 6, 30, 19), "", "confirme"),
    ]
    for start, outcome, status in rows:
        appointment = make_appointment(phone, claire, start, status=status)
        appointment.outcome = outcome
        appointment.first_name = "Camille"
        appointment.save()
    return phone


def test_the_counts_and_rates_per_month_and_type(june):
    rows = {(row.month_label, row.type_name): row for row in statistics.compute(2026)}
    phone = rows[("juin 2026", "Permanence téléphonique des parents")]
    assert (phone.booked, phone.seen, phone.no_show, phone.excused, phone.cancelled_by_team) == (
        5,
        1,
        1,
        1,
        1,
    )
    assert phone.offered == 16
    assert phone.fill_rate == 19  # 3 kept of 16
    assert phone.no_show_rate == 50
    video = rows[("juin 2026", "Visio des jeunes")]  # offered, nobody booked
    assert (video.booked, video.offered, video.fill_rate) == (0, 4 * 3, 0)
    assert statistics.compute(2025) == []


def test_the_page_shows_them_and_anonymisation_changes_nothing(client, june):
    client.force_login(StaffFactory(role=roles.ACCOMPAGNEMENT))
    before = visible_text(client.get(PAGE, {"annee": "2026"}))
    assert "juin 2026 Permanence téléphonique des parents 5 1 1 1 1 16 19 % 50 %" in before
    assert "Camille" not in before

    Appointment.objects.update(first_name="", anonymised_at=timezone.now())
    assert visible_text(client.get(PAGE, {"annee": "2026"})) == before

    wrong = visible_text(client.get(PAGE, {"annee": "1999"}))
    assert "Aucun rendez-vous en 1999 : choisissez une année de la liste." in wrong
    assert "juin 2026" in wrong  # every year instead


def test_the_statistics_are_in_the_reports_menu(client, june):
    client.force_login(StaffFactory(role=roles.ACCOMPAGNEMENT))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Permanences : statistiques" in html
