"""Anonymous statistics of the permanences, per month and type of permanence (admin
« Rapports », « Permanences : statistiques »).

Computed from what anonymisation keeps (type, start, status, outcome): the figures are
the same before and after the retention blanks the personal fields.

Rows: each type with appointments or offered slots, in each month that has
appointments.
- booked: every appointment whose slot falls in the month (cancelled ones included);
- seen, no-show, excused, cancelled by the team: their outcome;
- fill rate: the appointments kept (not cancelled) over the slots the opening ranges
  offered that month, computed by the slot engine (appointments.slots.compute_slots)
  as if nobody had booked: ranges of the type, minus public holidays and absences, at
  most the range's cap per day; minimum notice and booking window do not apply;
- no-show rate: absent over (seen + absent).
A month counts by the appointment's start at the hour of Paris.
"""

import copy
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from home.vocabulary import month_label
from relier_site import timezones

from .models import Absence, Appointment, AppointmentType, OpeningRange
from .slots import Busy, compute_slots

Outcome = Appointment.Outcome


@dataclass
class Row:
    month: tuple  # (year, month)
    type_name: str
    booked: int = 0
    seen: int = 0
    no_show: int = 0
    excused: int = 0
    cancelled_by_team: int = 0
    kept: int = 0
    offered: int = 0

    @property
    def month_label(self):
        return month_label(*self.month)

    @property
    def fill_rate(self):
        return round(100 * self.kept / self.offered) if self.offered else None

    @property
    def no_show_rate(self):
        noted = self.seen + self.no_show
        return round(100 * self.no_show / noted) if noted else None


def years():
    """The years that have appointments, most recent first."""
    return sorted(
        {
            timezones.local(start).year
            for start in Appointment.objects.values_list("start", flat=True)
        },
        reverse=True,
    )


def _month_bounds(year, month):
    first = datetime.combine(date(year, month, 1), time(), timezones.PARIS)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, datetime.combine(following, time(), timezones.PARIS)


def offered_slots(appointment_type, ranges, absences, since, until):
    """How many slots of `appointment_type` the ranges offered in [since, until), as if
    nobody had booked (public holidays, absences and the cap per day apply)."""
    relaxed = copy.copy(appointment_type)
    relaxed.minimum_notice_hours = 0
    relaxed.booking_window_days = (until - since).days + 2
    found = compute_slots(relaxed, ranges, absences, since, until, since)
    per_day = Counter(
        (slot.psychologist_id, timezones.local(slot.start, slot.timezone).date()) for slot in found
    )
    caps = defaultdict(list)
    for opening_range in ranges:
        caps[(opening_range.psychologist_id, opening_range.weekday)].append(opening_range.daily_cap)
    total = 0
    for (person, day), count in per_day.items():
        day_caps = caps[(person, day.weekday())]
        if day_caps and None not in day_caps:
            count = min(count, min(day_caps))
        total += count
    return total


def compute(year=None):
    """The rows (month, type), in month then type order."""
    rows = {}
    types = {t.pk: t for t in AppointmentType.objects.all()}
    for type_id, start, status, outcome in Appointment.objects.values_list(
        "type_id", "start", "status", "outcome"
    ):
        local = timezones.local(start)
        if year and local.year != year:
            continue
        key = ((local.year, local.month), type_id)
        row = rows.setdefault(key, Row(key[0], types[type_id].name))
        row.booked += 1
        row.kept += status != Appointment.Status.CANCELLED
        row.seen += outcome == Outcome.SEEN
        row.no_show += outcome == Outcome.NO_SHOW
        row.excused += outcome == Outcome.EXCUSED
        row.cancelled_by_team += outcome == Outcome.CANCELLED_BY_TEAM
    ranges = list(OpeningRange.objects.prefetch_related("types"))
    absences = [
        Busy(person, start, end, False)
        for person, start, end in Absence.objects.values_list("psychologist_id", "start", "end")
    ]
    # Every type offered in a month that has appointments: an empty one shows 0 %.
    for month in {month for month, _type_id in rows}:
        since, until = _month_bounds(*month)
        for type_id, appointment_type in types.items():
            type_ranges = [r for r in ranges if any(t.pk == type_id for t in r.types.all())]
            offered = offered_slots(appointment_type, type_ranges, absences, since, until)
            if offered or (month, type_id) in rows:
                row = rows.setdefault((month, type_id), Row(month, appointment_type.name))
                row.offered = offered
    return [rows[key] for key in sorted(rows, key=lambda k: (k[0], rows[k].type_name))]
