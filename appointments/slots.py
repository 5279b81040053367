"""The slot engine: the free slots of a type of permanence between two moments.

A slot is computed, never stored. For each weekly opening range that offers the type,
every date of its weekday between its first and last valid day is turned into a window
in the range's own zone (a range « mardi 17 h–20 h » in Paris stays at 17 h in winter
and in summer; in La Réunion it is 17 h heure de La Réunion), then cut into slots of
the type's duration, one every duration + buffer from the window's start, in real
(UTC) time, so a window across a change of daylight-saving time holds exactly the
slots its real length allows. A slot is offered when:

- its day is not a French public holiday in the range's zone (metropolitan ones, plus
  20 December in La Réunion: `public_holidays`);
- it overlaps no absence of the psychologist;
- it and the buffer after it overlap no active appointment of the psychologist and
  the buffer after that one (each with the buffer of its own type), nor a slot held
  for someone on the waiting list (an open SlotOffer not yet expired), which counts
  as an appointment;
- the psychologist has fewer active appointments that day (in the range's zone) than
  the range's cap;
- it starts at least the type's minimum notice after now, and before now + the type's
  booking window.

`compute_slots` is pure (plain objects in, slots out); `free_slots` reads what it needs
with one query per table (opening ranges, absences, appointments, open offers) and
calls it.
`find_slot` is the slot that starts at a given moment, if it is free: what
services.book checks under its lock.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache

from dateutil.easter import easter
from django.db.models import Q
from django.utils import timezone

from relier_site import timezones

from .models import Absence, Appointment, OpeningRange, SlotOffer

# (month, day) of the public holidays of metropolitan France (Code du travail L3133-1).
FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))
# Days after Easter Sunday: Easter Monday, Ascension, Whit Monday.
EASTER_OFFSETS = (1, 39, 50)
# The abolition of slavery, a public holiday in La Réunion only.
ZONE_HOLIDAYS = {timezones.REUNION.key: ((12, 20),)}


@cache
def public_holidays(year, zone_name):
    """The French public holidays of `year` where a range in `zone_name` is held."""
    fixed = FIXED_HOLIDAYS + ZONE_HOLIDAYS.get(zone_name, ())
    sunday = easter(year)
    return frozenset(
        [date(year, month, day) for month, day in fixed]
        + [sunday + timedelta(days=offset) for offset in EASTER_OFFSETS]
    )


def is_public_holiday(day, zone_name):
    return day in public_holidays(day.year, zone_name)


@dataclass(frozen=True)
class Slot(timezones.LocalTimes):
    start: datetime  # aware, UTC
    end: datetime
    psychologist_id: int
    timezone: str  # the zone in which it is shown (the range's)


@dataclass(frozen=True)
class Busy:
    """A time a psychologist is taken: an appointment (`end` includes its type's
    buffer) or an absence."""

    psychologist_id: int
    start: datetime
    end: datetime
    is_appointment: bool


def _range_days(opening_range, first, last):
    """The dates of `opening_range` from `first` to `last` (inclusive), holidays out."""
    first = max(first, opening_range.valid_from)
    if opening_range.valid_until is not None:
        last = min(last, opening_range.valid_until)
    day = first + timedelta(days=(opening_range.weekday - first.weekday()) % 7)
    while day <= last:
        if not is_public_holiday(day, opening_range.timezone):
            yield day
        day += timedelta(days=7)


def _window(opening_range, day):
    """The range on `day`, as aware UTC datetimes (wall-clock time of its zone)."""
    zone = timezones.zone(opening_range.timezone)
    return tuple(
        datetime.combine(day, moment, zone).astimezone(UTC)
        for moment in (opening_range.start_time, opening_range.end_time)
    )


def _is_free(start, end, buffer, taken):
    """A slot [start, end) is free of every absence, and with the buffer after it of
    every appointment (whose `end` already holds its own buffer)."""
    return not any(
        start < row.end and row.start < (end + buffer if row.is_appointment else end)
        for row in taken
    )


def compute_slots(appointment_type, ranges, busy, since, until, now):
    """The free slots of `appointment_type` starting in [since, until), sorted by start
    (then psychologist). `ranges`: the opening ranges offering the type; `busy`: Busy
    rows of their psychologists. Pure: reads only its arguments."""
    lower = max(since, now + timedelta(hours=appointment_type.minimum_notice_hours))
    upper = min(until, now + timedelta(days=appointment_type.booking_window_days))
    duration = timedelta(minutes=appointment_type.duration)
    buffer = timedelta(minutes=appointment_type.buffer)
    busy_of = defaultdict(list)
    for row in busy:
        busy_of[row.psychologist_id].append(row)
    found = {}
    for opening_range in ranges if lower < upper else ():
        zone = opening_range.timezone
        taken = busy_of[opening_range.psychologist_id]
        days = _range_days(
            opening_range, timezones.local(lower, zone).date(), timezones.local(upper, zone).date()
        )
        for day in days:
            if opening_range.daily_cap is not None and opening_range.daily_cap <= sum(
                row.is_appointment and timezones.local(row.start, zone).date() == day
                for row in taken
            ):
                continue
            start, window_end = _window(opening_range, day)
            while start + duration <= window_end:
                end = start + duration
                if lower <= start < upper and _is_free(start, end, buffer, taken):
                    key = (start, opening_range.psychologist_id)
                    found.setdefault(key, Slot(start, end, opening_range.psychologist_id, zone))
                start = end + buffer
    return [found[key] for key in sorted(found)]


# Wide enough to hold every local day of the period in any zone (UTC-12 to UTC+14).
DAY_MARGIN = timedelta(days=2)


def free_slots(appointment_type, since, until, *, psychologist=None, ignore=None, now=None):
    """The free slots of `appointment_type` starting in [since, until) (aware
    datetimes), of one psychologist (a user) or of all; four queries at most.
    `ignore`: the pk of an appointment that takes no time (the one being moved)."""
    now = now or timezone.now()
    if not appointment_type.is_active:
        return []
    ranges = OpeningRange.objects.filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=(since - DAY_MARGIN).date()),
        types=appointment_type,
        psychologist__is_active=True,
        valid_from__lte=(until + DAY_MARGIN).date(),
    )
    if psychologist is not None:
        ranges = ranges.filter(psychologist=psychologist)
    ranges = list(ranges)
    if not ranges:
        return []
    people = {opening_range.psychologist_id for opening_range in ranges}
    absences = Absence.objects.filter(
        psychologist_id__in=people, start__lt=until + DAY_MARGIN, end__gt=since
    ).values_list("psychologist_id", "start", "end")
    appointments = (
        Appointment.objects.filter(
            psychologist_id__in=people,
            start__lt=until + DAY_MARGIN,
            end__gt=since - DAY_MARGIN,
        )
        .exclude(status=Appointment.Status.CANCELLED)
        .exclude(pk=ignore)
        .values_list("psychologist_id", "start", "end", "type__buffer")
    )
    # A slot held for someone on the waiting list is taken until its offer expires.
    held = SlotOffer.objects.filter(
        psychologist_id__in=people,
        status=SlotOffer.Status.OPEN,
        expires_at__gt=now,
        start__lt=until + DAY_MARGIN,
        end__gt=since - DAY_MARGIN,
    ).values_list("psychologist_id", "start", "end", "request__type__buffer")
    busy = [Busy(person, start, end, False) for person, start, end in absences] + [
        Busy(person, start, end + timedelta(minutes=buffer), True)
        for person, start, end, buffer in [*appointments, *held]
    ]
    return compute_slots(appointment_type, ranges, busy, since, until, now)


def find_slot(appointment_type, psychologist, start, *, ignore=None, now=None):
    """The free slot of `psychologist` that starts at `start`, or None (`ignore`: as
    free_slots)."""
    found = free_slots(
        appointment_type,
        start,
        start + timedelta(seconds=1),
        psychologist=psychologist,
        ignore=ignore,
        now=now,
    )
    return next((slot for slot in found if slot.start == start), None)
