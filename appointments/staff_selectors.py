"""What the staff side reads (admin « Agenda des permanences », the private feed): the
appointments of a day or a week, one appointment with its history, the past ones whose
outcome is still to note. Read only; appointments.services changes the state.

A day of the agenda is a calendar day at the hour of Paris (the site's zone); each
appointment is shown at the hour of its own zone, « heure de La Réunion » said when it
is not Paris."""

import hashlib
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Max, Q
from django.utils import timezone

from relier_site import timezones

from .models import PSYCHOLOGISTS, AgendaFeed, Appointment, AppointmentEvent

# The feed keeps the appointments of the last 30 days (notes, follow-up), then the future.
FEED_PAST_DAYS = 30


def reference(appointment):
    """« RDV n° 12 »: how staff and the feed name an appointment (no personal data)."""
    return f"RDV n° {appointment.pk}"


def staff_name(user):
    return (user.get_full_name() or user.get_username()) if user else "—"


def psychologists():
    """The accounts that hold permanences (active, role Accompagnement)."""
    return get_user_model().objects.filter(**PSYCHOLOGISTS).distinct().order_by("username")


def is_psychologist(user):
    return psychologists().filter(pk=user.pk).exists()


def day_bounds(first_day, days=1):
    """[start, end) of `days` calendar days from `first_day`, at the hour of Paris."""
    start = datetime.combine(first_day, time(), timezones.PARIS)
    end = datetime.combine(first_day + timedelta(days=days), time(), timezones.PARIS)
    return start, end


def week_start(day):
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def _appointments(psychologist=None):
    rows = Appointment.objects.select_related("type", "psychologist")
    if psychologist is not None:
        rows = rows.filter(psychologist=psychologist)
    return rows


def agenda(first_day, days=1, *, psychologist=None):
    """[(day, [appointments of that day])] for `days` days from `first_day` (every day,
    an empty one too), cancelled ones included (the list says so)."""
    start, end = day_bounds(first_day, days)
    rows = _appointments(psychologist).filter(start__gte=start, start__lt=end).order_by("start")
    by_day = {first_day + timedelta(days=n): [] for n in range(days)}
    for appointment in rows:
        by_day[timezones.local(appointment.start).date()].append(appointment)
    return list(by_day.items())


def awaiting_outcome(*, psychologist=None, now=None):
    """The confirmed appointments that have ended and whose outcome is not noted yet,
    the oldest first."""
    now = now or timezone.now()
    return (
        _appointments(psychologist)
        .filter(status=Appointment.Status.CONFIRMED, outcome="", end__lte=now)
        .order_by("start")
    )


def appointment(pk):
    """One appointment for its detail page, or None."""
    return _appointments().filter(pk=pk).first()


def history(appointment):
    return AppointmentEvent.objects.filter(appointment=appointment).select_related("actor")


# --- The private feed ---------------------------------------------------------------------


def feed_by_token(token):
    return AgendaFeed.objects.select_related("psychologist").filter(token=token).first()


def feed_appointments(feed, *, now=None):
    """The psychologist's confirmed appointments from 30 days ago onwards."""
    now = now or timezone.now()
    return (
        Appointment.objects.select_related("type")
        .filter(
            psychologist_id=feed.psychologist_id,
            status=Appointment.Status.CONFIRMED,
            end__gte=now - timedelta(days=FEED_PAST_DAYS),
        )
        .order_by("start", "pk")
    )


def feed_version(feed, *, now=None):
    """(ETag, Last-Modified) of the feed: the ETag changes with the list of its events
    (ids, times, sequences); Last-Modified is the latest change written to the history
    of the psychologist's appointments (cancelled ones too) or the link's creation."""
    rows = feed_appointments(feed, now=now).values_list("pk", "start", "end", "sequence")
    etag = hashlib.sha256(repr(list(rows)).encode()).hexdigest()[:32]
    latest = AppointmentEvent.objects.filter(
        Q(appointment__psychologist_id=feed.psychologist_id),
        appointment__end__gte=(now or timezone.now()) - timedelta(days=FEED_PAST_DAYS),
    ).aggregate(latest=Max("at"))["latest"]
    return etag, max(filter(None, (latest, feed.created_at)))
