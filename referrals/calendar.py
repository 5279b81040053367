"""French working days: Monday to Friday, minus the public holidays of metropolitan France.

The eleven public holidays (Code du travail, article L3133-1): 1 January, Easter Monday,
1 May, 8 May, Ascension Thursday, Whit Monday, 14 July, 15 August, 1 November,
11 November and 25 December. The movable ones follow Easter (`dateutil.easter`, the
Western computation). The extra days of Alsace-Moselle (Good Friday, 26 December) and of
the overseas départements (abolition of slavery) are not counted: the association's
teams work on the metropolitan calendar.

Dates are local dates (Europe/Paris, the site's TIME_ZONE).
"""

from datetime import date, datetime, time, timedelta
from functools import cache

from dateutil.easter import easter
from django.utils import timezone

FIXED_HOLIDAYS = {
    (1, 1): "Jour de l'an",
    (5, 1): "Fête du Travail",
    (5, 8): "Victoire 1945",
    (7, 14): "Fête nationale",
    (8, 15): "Assomption",
    (11, 1): "Toussaint",
    (11, 11): "Armistice 1918",
    (12, 25): "Noël",
}
# Days after Easter Sunday.
EASTER_HOLIDAYS = {
    1: "Lundi de Pâques",
    39: "Ascension",
    50: "Lundi de Pentecôte",
}


@cache
def public_holidays(year):
    """{date: French name} of the public holidays of `year`."""
    days = {date(year, month, day): name for (month, day), name in FIXED_HOLIDAYS.items()}
    sunday = easter(year)
    for offset, name in EASTER_HOLIDAYS.items():
        days[sunday + timedelta(days=offset)] = name
    return days


def is_public_holiday(day):
    return day in public_holidays(day.year)


def is_working_day(day):
    return day.weekday() < 5 and not is_public_holiday(day)


def add_working_days(day, count):
    """The `count`-th working day after `day` (`day` itself is not counted)."""
    if count < 0:
        raise ValueError("count must be zero or more")
    current = day
    while count:
        current += timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def working_day_before(day, count):
    """The `count`-th working day before `day` (`day` itself is not counted)."""
    if count < 1:
        raise ValueError("count must be one or more")
    current = day
    while count:
        current -= timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def working_days_between(start, end):
    """How many working days there are after `start`, up to and including `end`."""
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count


def is_overdue(created_on, today, working_days):
    """A request received on `created_on` is overdue on `today` once `working_days` whole
    working days have passed after the day it arrived without anyone taking it."""
    return add_working_days(created_on, working_days) < today


def overdue_cutoff(today, working_days):
    """The first day whose requests are not yet overdue on `today`: a request is overdue
    exactly when it arrived before this day (the inbox filters on it)."""
    return working_day_before(today, working_days)


def start_of_day(day):
    """Midnight at the start of `day` in the site's time zone (an aware datetime)."""
    return timezone.make_aware(datetime.combine(day, time.min))
