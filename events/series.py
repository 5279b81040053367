"""Series of sessions: « toutes les 2 semaines le mardi à 14 h jusqu'en juin » expanded
with dateutil's rrule (RFC 5545 recurrence rules) in the wall-clock time of the
session's time zone, so a 14:00 session in Paris stays at 14:00 after a change of
daylight-saving time."""

from datetime import datetime
from itertools import islice

from dateutil import rrule

from relier_site import timezones

MAX_OCCURRENCES = 60

WEEKLY = "hebdomadaire"
MONTHLY = "mensuelle"
FREQUENCY_CHOICES = [
    ("", "Une seule date"),
    (WEEKLY, "Toutes les semaines (ou toutes les N semaines)"),
    (MONTHLY, "Tous les mois (ou tous les N mois), le même jour de la semaine"),
]
WEEKDAY_CHOICES = [
    ("0", "lundi"),
    ("1", "mardi"),
    ("2", "mercredi"),
    ("3", "jeudi"),
    ("4", "vendredi"),
    ("5", "samedi"),
    ("6", "dimanche"),
]
RRULE_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)


def occurrences(
    *, day, start_time, duration, zone, frequency, interval=1, weekdays=(), until=None, count=None
):
    """The (start, end) aware datetimes of a series, the first date included.

    `day` and `start_time` are the first date's wall-clock date and time in `zone`
    (a zone name); `weekdays` (0 = Monday) for a weekly series (default: the first
    date's); a monthly series repeats on the same weekday of the month (the 2nd Tuesday;
    the last one when the first date is a 5th). Stops at `until` (a date, included) or
    after `count` dates, and never gives more than MAX_OCCURRENCES.
    """
    tz = timezones.zone(zone)
    first = datetime.combine(day, start_time)
    kwargs = {"dtstart": first, "interval": interval or 1}
    if frequency == WEEKLY:
        freq = rrule.WEEKLY
        days = sorted({int(d) for d in weekdays} or {day.weekday()})
        kwargs["byweekday"] = [RRULE_WEEKDAYS[d] for d in days]
    elif frequency == MONTHLY:
        freq = rrule.MONTHLY
        nth = (day.day - 1) // 7 + 1
        kwargs["byweekday"] = RRULE_WEEKDAYS[day.weekday()](-1 if nth == 5 else nth)
    else:
        freq, kwargs["count"] = rrule.DAILY, 1
    if frequency and count:
        kwargs["count"] = min(count, MAX_OCCURRENCES)
    elif frequency:
        kwargs["until"] = datetime.combine(until, datetime.max.time())
    result = []
    for local in islice(rrule.rrule(freq, **kwargs), MAX_OCCURRENCES):
        if until is not None and local.date() > until:
            break
        start = local.replace(tzinfo=tz)
        result.append((start, (local + duration).replace(tzinfo=tz)))
    if result and result[0][0].replace(tzinfo=None) != first:
        # The first date is always a session, even off the chosen weekdays.
        result.insert(0, (first.replace(tzinfo=tz), (first + duration).replace(tzinfo=tz)))
    return result[:MAX_OCCURRENCES]


def duration_between(start_time, end_time):
    return datetime.combine(datetime.min, end_time) - datetime.combine(datetime.min, start_time)
