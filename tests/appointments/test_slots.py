"""The slot engine (appointments.slots): weekly ranges in their own zone, across the
changes of daylight-saving time, minus public holidays, absences, booked appointments
with their buffers, the cap per day, the minimum notice and the booking window."""

from datetime import UTC, date

import pytest

from appointments.models import AppointmentType, Weekday
from appointments.slots import free_slots, public_holidays
from tests.appointments.helpers import (
    CANCELLED,
    PARIS,
    REUNION,
    at,
    local_starts,
    make_absence,
    make_appointment,
    make_psychologist,
    make_range,
    make_type,
)

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

TUESDAY_17_TO_20 = ["17:00", "18:00", "19:00"]


@pytest.fixture
def psychologist():
    return make_psychologist()


@pytest.fixture
def phone_type():
    return make_type()


def utc_hours(found):
    return [slot.start.astimezone(UTC).hour for slot in found]


def test_a_paris_range_keeps_its_local_hours_across_the_march_change(psychologist, phone_type):
    make_range(psychologist, phone_type)
    found = free_slots(phone_type, at(2026, 3, 23, 0), at(2026, 4, 1, 0), now=at(2026, 3, 20, 12))
    assert local_starts(found) == [f"2026-03-24 {t}" for t in TUESDAY_17_TO_20] + [
        f"2026-03-31 {t}" for t in TUESDAY_17_TO_20
    ]
    # Winter time (UTC+1), then summer time (UTC+2) from Sunday 29 March.
    assert utc_hours(found) == [16, 17, 18, 15, 16, 17]


def test_a_paris_range_keeps_its_local_hours_across_the_october_change(psychologist, phone_type):
    make_range(psychologist, phone_type)
    found = free_slots(
        phone_type, at(2026, 10, 19, 0), at(2026, 10, 28, 0), now=at(2026, 10, 16, 12)
    )
    assert local_starts(found) == [f"2026-10-20 {t}" for t in TUESDAY_17_TO_20] + [
        f"2026-10-27 {t}" for t in TUESDAY_17_TO_20
    ]
    assert utc_hours(found) == [15, 16, 17, 16, 17, 18]


def test_a_range_over_the_night_of_a_change_holds_its_real_length(psychologist):
    hourly = make_type(duration=60, buffer=0)
    make_range(psychologist, hourly, weekday=Weekday.SUNDAY, start=(1, 0), end=(5, 0))
    spring = free_slots(hourly, at(2026, 3, 29, 0), at(2026, 3, 30, 0), now=at(2026, 3, 26, 12))
    # 2:00 does not exist on 29 March: three real hours.
    assert local_starts(spring) == ["2026-03-29 01:00", "2026-03-29 03:00", "2026-03-29 04:00"]
    autumn = free_slots(hourly, at(2026, 10, 25, 0), at(2026, 10, 26, 0), now=at(2026, 10, 22, 12))
    # 2:00 happens twice on 25 October: five real hours.
    assert local_starts(autumn) == [
        "2026-10-25 01:00",
        "2026-10-25 02:00",
        "2026-10-25 02:00",
        "2026-10-25 03:00",
        "2026-10-25 04:00",
    ]
    assert utc_hours(autumn) == [23, 0, 1, 2, 3]


def test_a_reunion_range_is_kept_and_shown_in_its_zone(psychologist, phone_type):
    make_range(psychologist, phone_type, start=(17, 0), end=(18, 0), zone=REUNION)
    [slot] = free_slots(phone_type, at(2026, 6, 2, 0), at(2026, 6, 3, 0), now=at(2026, 6, 1, 12))
    assert slot.timezone == "Indian/Reunion"
    assert f"{slot.local_start:%H:%M}" == "17:00"
    assert f"{slot.local_end:%H:%M}" == "17:45"
    assert slot.timezone_label == "heure de La Réunion"
    assert local_starts([slot], PARIS) == ["2026-06-02 15:00"]
    assert slot.start.astimezone(UTC).hour == 13


def test_a_paris_slot_says_no_zone(psychologist, phone_type):
    make_range(psychologist, phone_type)
    found = free_slots(phone_type, at(2026, 6, 2, 0), at(2026, 6, 3, 0), now=at(2026, 6, 1, 12))
    assert {slot.timezone_label for slot in found} == {""}


def test_the_public_holidays_of_france_and_of_la_reunion():
    assert public_holidays(2026, PARIS.key) == {
        date(2026, 1, 1),
        date(2026, 4, 6),  # Easter Monday (Easter: 5 April)
        date(2026, 5, 1),
        date(2026, 5, 8),
        date(2026, 5, 14),  # Ascension
        date(2026, 5, 25),  # Whit Monday
        date(2026, 7, 14),
        date(2026, 8, 15),
        date(2026, 11, 1),
        date(2026, 11, 11),
        date(2026, 12, 25),
    }
    assert public_holidays(2026, REUNION.key) == public_holidays(2026, PARIS.key) | {
        date(2026, 12, 20)
    }
    assert date(2027, 3, 29) in public_holidays(2027, PARIS.key)  # Easter 2027: 28 March


def test_a_public_holiday_has_no_slot(psychologist, phone_type):
    make_range(psychologist, phone_type)
    found = free_slots(phone_type, at(2026, 7, 6, 0), at(2026, 7, 22, 0), now=at(2026, 7, 1, 12))
    assert sorted({f"{slot.local_start:%d/%m}" for slot in found}) == ["07/07", "21/07"]


def test_the_20th_of_december_is_a_holiday_in_la_reunion_only(phone_type):
    in_paris, in_reunion = make_psychologist("psy-paris"), make_psychologist("psy-reunion")
    monday = {"weekday": Weekday.MONDAY, "start": (10, 0), "end": (11, 0)}
    make_range(in_paris, phone_type, **monday)
    make_range(in_reunion, phone_type, zone=REUNION, **monday)
    found = free_slots(
        phone_type, at(2027, 12, 19, 0), at(2027, 12, 28, 0), now=at(2027, 12, 15, 12)
    )
    days = {(slot.psychologist_id, f"{slot.local_start:%d/%m %H:%M}") for slot in found}
    assert days == {
        (in_paris.pk, "20/12 10:00"),
        (in_paris.pk, "27/12 10:00"),
        (in_reunion.pk, "27/12 10:00"),
    }


def test_an_absence_removes_the_slots_it_overlaps(psychologist, phone_type):
    make_range(psychologist, phone_type)
    make_absence(psychologist, at(2026, 6, 9, 18, 30), at(2026, 6, 9, 23, 0))
    found = free_slots(phone_type, at(2026, 6, 9, 0), at(2026, 6, 17, 0), now=at(2026, 6, 1, 12))
    assert local_starts(found) == ["2026-06-09 17:00"] + [
        f"2026-06-16 {t}" for t in TUESDAY_17_TO_20
    ]


def test_a_booked_appointment_and_the_buffers_remove_slots(psychologist, phone_type):
    make_range(psychologist, phone_type)
    short = make_type(name="Court", duration=10, buffer=0)
    buffered = make_type(name="Avec battement", duration=20, buffer=15)
    # 9 June: the 17:00 slot and its 15 minutes of buffer reach 18:00.
    make_appointment(short, psychologist, at(2026, 6, 9, 17, 50))
    # 16 June: the buffer after an appointment ending at 16:50 reaches 17:05.
    make_appointment(buffered, psychologist, at(2026, 6, 16, 16, 30))
    # 23 June: the same appointment without buffer leaves 17:00 free.
    make_appointment(short, psychologist, at(2026, 6, 23, 16, 30), minutes=20)
    # 30 June: the 18:00 slot is booked; a cancelled one at 19:00 frees its slot.
    make_appointment(phone_type, psychologist, at(2026, 6, 30, 18, 0))
    make_appointment(phone_type, psychologist, at(2026, 6, 30, 19, 0), status=CANCELLED)
    found = free_slots(phone_type, at(2026, 6, 9, 0), at(2026, 7, 1, 0), now=at(2026, 6, 5, 12))
    assert local_starts(found) == [
        "2026-06-09 18:00",
        "2026-06-09 19:00",
        "2026-06-16 18:00",
        "2026-06-16 19:00",
        "2026-06-23 17:00",
        "2026-06-23 18:00",
        "2026-06-23 19:00",
        "2026-06-30 17:00",
        "2026-06-30 19:00",
    ]


def test_the_cap_per_day_closes_a_full_day(psychologist, phone_type):
    make_range(psychologist, phone_type, daily_cap=2)
    make_appointment(phone_type, psychologist, at(2026, 6, 9, 17, 0))
    make_appointment(phone_type, psychologist, at(2026, 6, 9, 18, 0))
    make_appointment(phone_type, psychologist, at(2026, 6, 16, 17, 0))
    make_appointment(phone_type, psychologist, at(2026, 6, 23, 17, 0), status=CANCELLED)
    found = free_slots(phone_type, at(2026, 6, 9, 0), at(2026, 6, 24, 0), now=at(2026, 6, 1, 12))
    assert local_starts(found) == [
        "2026-06-16 18:00",
        "2026-06-16 19:00",
        "2026-06-23 17:00",
        "2026-06-23 18:00",
        "2026-06-23 19:00",
    ]


def test_the_minimum_notice_hides_the_slots_too_close(psychologist, phone_type):
    make_range(psychologist, phone_type)
    found = free_slots(phone_type, at(2026, 6, 9, 0), at(2026, 6, 10, 0), now=at(2026, 6, 9, 6))
    assert local_starts(found) == ["2026-06-09 18:00", "2026-06-09 19:00"]


def test_the_booking_window_hides_the_slots_too_far(psychologist):
    two_weeks = make_type(booking_window_days=14)
    make_range(psychologist, two_weeks)
    found = free_slots(two_weeks, at(2026, 6, 1, 0), at(2026, 8, 1, 0), now=at(2026, 6, 1, 12))
    assert sorted({f"{slot.local_start:%d/%m}" for slot in found}) == ["02/06", "09/06"]


def test_only_the_ranges_of_the_type_the_dates_and_the_psychologist_asked(phone_type):
    claire, malik = make_psychologist("psy-claire"), make_psychologist("psy-malik")
    visio = make_type(name="Visio des jeunes", mode=AppointmentType.Mode.VIDEO)
    make_range(claire, phone_type, valid_until=date(2026, 6, 9))
    make_range(malik, phone_type, start=(17, 0), end=(18, 0))
    make_range(malik, visio, weekday=Weekday.WEDNESDAY)
    since, until, now = at(2026, 6, 9, 0), at(2026, 6, 17, 0), at(2026, 6, 1, 12)
    found = free_slots(phone_type, since, until, now=now)
    assert [(slot.psychologist_id, f"{slot.local_start:%d/%m %H:%M}") for slot in found] == [
        (claire.pk, "09/06 17:00"),
        (malik.pk, "09/06 17:00"),
        (claire.pk, "09/06 18:00"),
        (claire.pk, "09/06 19:00"),
        (malik.pk, "16/06 17:00"),
    ]
    assert local_starts(free_slots(phone_type, since, until, psychologist=malik, now=now)) == [
        "2026-06-09 17:00",
        "2026-06-16 17:00",
    ]
    phone_type.is_active = False
    phone_type.save()
    assert free_slots(phone_type, since, until, now=now) == []
