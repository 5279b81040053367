"""French working days: weekends and public holidays, movable ones from Easter."""

from datetime import date, timedelta

import pytest

from referrals import calendar

pytestmark = pytest.mark.one_database


def test_the_eleven_public_holidays_of_2024():
    assert sorted(calendar.public_holidays(2024)) == [
        date(2024, 1, 1),
        date(2024, 4, 1),  # Easter Monday
        date(2024, 5, 1),
        date(2024, 5, 8),
        date(2024, 5, 9),  # Ascension
        date(2024, 5, 20),  # Whit Monday
        date(2024, 7, 14),
        date(2024, 8, 15),
        date(2024, 11, 1),
        date(2024, 11, 11),
        date(2024, 12, 25),
    ]


@pytest.mark.parametrize(
    ("year", "easter_monday", "ascension", "whit_monday"),
    [
        (2025, date(2025, 4, 21), date(2025, 5, 29), date(2025, 6, 9)),
        (2026, date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 25)),
        (2027, date(2027, 3, 29), date(2027, 5, 6), date(2027, 5, 17)),
    ],
)
def test_movable_holidays_follow_easter(year, easter_monday, ascension, whit_monday):
    holidays = calendar.public_holidays(year)
    assert holidays[easter_monday] == "Lundi de Pâques"
    assert holidays[ascension] == "Ascension"
    assert holidays[whit_monday] == "Lundi de Pentecôte"


def test_weekends_and_holidays_are_not_working_days():
    assert calendar.is_working_day(date(2024, 5, 17))  # Friday
    assert not calendar.is_working_day(date(2024, 5, 18))  # Saturday
    assert not calendar.is_working_day(date(2024, 5, 19))  # Sunday
    assert not calendar.is_working_day(date(2024, 5, 20))  # Whit Monday
    assert calendar.is_working_day(date(2024, 5, 21))


def test_adding_working_days_skips_the_weekend_and_whit_monday():
    friday = date(2024, 5, 17)
    assert calendar.add_working_days(friday, 1) == date(2024, 5, 21)
    assert calendar.add_working_days(friday, 2) == date(2024, 5, 22)
    assert calendar.add_working_days(friday, 0) == friday


def test_ascension_bridge_week():
    # Wednesday 8 May 2024 and Thursday 9 May 2024 are both holidays.
    assert calendar.add_working_days(date(2024, 5, 7), 1) == date(2024, 5, 10)
    assert (
        calendar.working_days_between(date(2024, 5, 6), date(2024, 5, 13)) == 3
    )  # 7, 10 and 13 May


def test_a_request_of_friday_17_may_2024_is_overdue_on_thursday_only():
    friday = date(2024, 5, 17)
    assert not calendar.is_overdue(friday, date(2024, 5, 21), 2)
    # Without Whit Monday it would be overdue on Wednesday already.
    assert not calendar.is_overdue(friday, date(2024, 5, 22), 2)
    assert calendar.is_overdue(friday, date(2024, 5, 23), 2)


def test_the_overdue_cutoff_agrees_with_is_overdue_for_every_day_of_a_year():
    for offset in range(366):
        today = date(2024, 1, 1) + timedelta(days=offset)
        cutoff = calendar.overdue_cutoff(today, 2)
        for back in range(12):
            created = today - timedelta(days=back)
            assert calendar.is_overdue(created, today, 2) == (created < cutoff), (created, today)


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        calendar.add_working_days(date(2024, 1, 2), -1)
    with pytest.raises(ValueError):
        calendar.working_day_before(date(2024, 1, 2), 0)
