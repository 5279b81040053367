"""Builders of the appointments tests: psychologists, types of permanence, weekly
ranges, absences and appointments saved directly, and aware datetimes typed in the
wall-clock time of a zone."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model

from appointments.models import Absence, Appointment, AppointmentType, OpeningRange, Weekday
from relier_site import timezones

PARIS = timezones.PARIS
REUNION = timezones.REUNION
CONFIRMED = Appointment.Status.CONFIRMED
CANCELLED = Appointment.Status.CANCELLED
# What a person typed in the booking form (services.book's `person`).
PERSON = {
    "first_name": "Camille",
    "age_band": "15-17",
    "phone": "+33612345678",
    "email": "camille@example.org",
    "call_preference": Appointment.CallPreference.NUMBER_HIDDEN,
    "reason": "Des messages blessants sur un groupe de classe.",
}


def at(year, month, day, hour, minute=0, zone=PARIS):
    """An aware datetime typed in the wall-clock time of `zone`."""
    return datetime(year, month, day, hour, minute, tzinfo=zone)


def make_psychologist(username="psy-claire"):
    return get_user_model().objects.create_user(username=username)


def make_type(**fields):
    defaults = {
        "name": "Permanence téléphonique des parents",
        "audience": AppointmentType.Audience.PARENTS,
        "mode": AppointmentType.Mode.PHONE,
        "duration": 45,
        "buffer": 15,
        "minimum_notice_hours": 12,
        "booking_window_days": 28,
    }
    return AppointmentType.objects.create(**defaults | fields)


def make_range(
    psychologist,
    appointment_type,
    *,
    weekday=Weekday.TUESDAY,
    start=(17, 0),
    end=(20, 0),
    zone=PARIS,
    valid_from=date(2026, 1, 1),
    **fields,
):
    """« mardi 17 h–20 h » in Paris from 2026 unless told otherwise."""
    opening_range = OpeningRange.objects.create(
        psychologist=psychologist,
        weekday=weekday,
        start_time=time(*start),
        end_time=time(*end),
        timezone=zone.key,
        valid_from=valid_from,
        **fields,
    )
    opening_range.types.add(appointment_type)
    return opening_range


def open_every_day(psychologist, appointment_type, *, zone=PARIS):
    """Ranges 9 h–18 h every day of the week since 2020: free slots whenever a test runs
    (the public pages compute them from the real time)."""
    for weekday in Weekday:
        make_range(
            psychologist,
            appointment_type,
            weekday=weekday,
            start=(9, 0),
            end=(18, 0),
            zone=zone,
            valid_from=date(2020, 1, 1),
        )


def make_absence(psychologist, start, end):
    return Absence.objects.create(psychologist=psychologist, start=start, end=end)


def make_appointment(appointment_type, psychologist, start, *, minutes=None, status=CONFIRMED):
    """An appointment saved directly (no slot check), as another booking would leave it."""
    minutes = appointment_type.duration if minutes is None else minutes
    return Appointment.objects.create(
        type=appointment_type,
        psychologist=psychologist,
        start=start,
        end=start + timedelta(minutes=minutes),
        status=status,
    )


def local_starts(found, zone=None):
    """The slots' starts as « 2026-03-24 17:00 » in their own zone (or in `zone`)."""
    return [
        f"{timezones.local(slot.start, zone or slot.timezone):%Y-%m-%d %H:%M}" for slot in found
    ]
