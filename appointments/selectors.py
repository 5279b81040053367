"""What the public pages of the permanences read: the types offered, grouped by audience,
with their next free slot; a week of free slots grouped by day; the psychologists a
person may choose (first names only). Slots come from appointments.slots.

Other apps read the permanences only here: `appointment_for_referral` (the referrals
app's follow-up and admin pages)."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from relier_site import timezones

from .models import Appointment, AppointmentType, OpeningRange
from .slots import free_slots


def active_types():
    return AppointmentType.objects.filter(is_active=True)


def next_free_slot(appointment_type, *, now=None):
    """The first free slot of the type within its booking window, or None."""
    now = now or timezone.now()
    found = free_slots(
        appointment_type, now, now + timedelta(days=appointment_type.booking_window_days), now=now
    )
    return found[0] if found else None


@dataclass
class Offer:
    type: AppointmentType
    next_slot: object  # a Slot or None


def offers_by_audience(*, now=None):
    """[(audience label, [Offer])] for the audiences that have an active type, in the
    order jeunes, parents, professionnels."""
    now = now or timezone.now()
    grouped = {audience: [] for audience in AppointmentType.Audience}
    for appointment_type in active_types():
        grouped[appointment_type.audience].append(
            Offer(appointment_type, next_free_slot(appointment_type, now=now))
        )
    return [(audience, offers) for audience, offers in grouped.items() if offers]


def psychologists(appointment_type):
    """The active psychologists with an opening range of the type: (pk, first name)."""
    people = (
        get_user_model()
        .objects.filter(
            is_active=True,
            pk__in=OpeningRange.objects.filter(types=appointment_type).values("psychologist_id"),
        )
        .order_by("first_name", "pk")
    )
    return [(person.pk, person.first_name or "Psychologue") for person in people]


def week_start(week, *, now=None):
    """Monday 0:00 (Paris) of the week `week` weeks after the current one."""
    today = timezones.local(now or timezone.now()).date()
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=week)
    return datetime.combine(monday, time(0), timezones.PARIS)


def last_week(appointment_type, *, now=None):
    """The number of the last week that the booking window reaches (0: this week)."""
    now = now or timezone.now()
    first = week_start(0, now=now)
    end = now + timedelta(days=appointment_type.booking_window_days)
    return max(0, (end - first).days // 7)


@dataclass
class Day:
    label: str  # « mardi 9 juin »
    links: list  # [(slot, the address of the next step with this slot)]


def group_by_day(found, url_for):
    """Slots as [Day] (each day in the slot's own zone, in order), each slot with its
    address `url_for(slot)`."""
    days = []
    for slot in found:
        label = date_format(slot.local_start, "l j F")
        if not days or days[-1].label != label:
            days.append(Day(label, []))
        days[-1].links.append((slot, url_for(slot)))
    return days


def week_slots(appointment_type, week, *, psychologist=None, ignore=None, now=None):
    """The free slots of the type in week `week` (0: the current one)."""
    since = week_start(week, now=now)
    return free_slots(
        appointment_type,
        since,
        since + timedelta(weeks=1),
        psychologist=psychologist,
        ignore=ignore,
        now=now,
    )


def first_week_with_slots(appointment_type, *, psychologist=None, ignore=None, now=None):
    """The number of the first week holding a free slot, or None."""
    now = now or timezone.now()
    found = free_slots(
        appointment_type,
        now,
        now + timedelta(days=appointment_type.booking_window_days),
        psychologist=psychologist,
        ignore=ignore,
        now=now,
    )
    if not found:
        return None
    return (found[0].start - week_start(0, now=now)).days // 7


@dataclass(frozen=True)
class ReferralAppointment:
    """The appointment booked for a referral (README « Un rendez-vous pris par la
    personne qui oriente »), in words only: what the referrer's follow-up page and the
    referral's admin page show, never the model nor anything personal."""

    number: int
    is_active: bool
    when: str  # « mardi 9 juin à 17 h (heure de Paris) »
    followup_text: str  # « Rendez-vous pris le mardi 9 juin à 17 h (heure de Paris) »
    staff_text: str  # « n° 12, mardi 9 juin à 17 h » (the zone when not Paris)
    admin_url: str  # the agenda's detail page (signing in first)


def _moment_words(appointment):
    """« mardi 9 juin à 17 h (heure de Paris) »: always the zone, said to someone who may
    be elsewhere."""
    start = appointment.local_start
    zone = timezones.label(appointment.timezone)
    return f"{date_format(start, 'l j F')} à {timezones.french_time(start)} ({zone})"


def appointment_for_referral(referral_id):
    """The appointment booked for the referral `referral_id` (the active one, else the
    last one cancelled), as a ReferralAppointment; None when there is none."""
    appointment = (
        Appointment.objects.filter(referral_id=referral_id)
        .order_by("-status", "-created_at", "-pk")  # « confirme » before « annule »
        .first()
    )
    if appointment is None:
        return None
    when = _moment_words(appointment)
    if appointment.is_active:
        followup = f"Rendez-vous pris le {when}"
    else:
        followup = f"Le rendez-vous du {when} a été annulé"
    staff = f"n° {appointment.pk}, {timezones.start_text(appointment)}"
    if not appointment.is_active:
        staff += " (annulé)"
    return ReferralAppointment(
        number=appointment.pk,
        is_active=appointment.is_active,
        when=when,
        followup_text=followup,
        staff_text=staff,
        admin_url=reverse("appointments_staff:appointment", args=[appointment.pk]),
    )
