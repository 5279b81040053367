"""What the permanences send, each through the outbox (relier_site.mail.outbox) in the
transaction of the change it announces; `services.py` decides when.

- `send_confirmation`: the confirmation with the invitation (rendez-vous.ics, METHOD
  REQUEST) and the link to move or cancel; the reminders; the staff notification;
- `send_moved`: the new time with the updated invitation (same UID, higher SEQUENCE);
  the pending reminders are voided and new ones scheduled;
- `send_cancelled`: the cancellation (METHOD CANCEL); the pending reminders (emails and
  SMS) are voided, so no reminder ever leaves for a cancelled appointment;
- `send_no_show`: after an appointment missed (outcome « absent·e »), a kind word and the
  link to book again;
- `send_staff_notification`: to the Accompagnement role, « Nouveau rendez-vous n° 12 »
  (« URGENT – » first for an urgent one) and the admin link only;
- `send_waiting`: the waiting list's emails (request received, slot offered, offer
  expired) with the link to answer or withdraw; `send_offer_sms`: the slot offered, by
  SMS too when the person chose it.

Every message is `about` the appointment (`cancel_pending` and retention's `purge` reach
them all) and its `reason_key` names the reason and the appointment's `sequence`. Subjects
and sender are neutral (no « psychologue », no name: a mailbox is often shared), and the
emails repeat nothing the person typed (« Bonjour, »).

Reminders (`reminder_time`): one per APPOINTMENTS_REMINDER_HOURS value (48 and 2 hours
before, real hours: a daylight-saving change in between does not move them). One that
would fall at night in the appointment's zone (from 21:00 to 08:00) leaves at 20:00 the
evening before that night instead: always earlier, never later. A reminder whose time
has passed when the appointment is booked or moved is not sent (the confirmation has
just left). By SMS too when the person chose it, has a phone and SMS are enabled
(relier_site.sms), at the same time.
"""

import logging
from datetime import UTC, datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from relier_site import roles, sms, timezones
from relier_site.links import absolute_url
from relier_site.mail.outbox import (
    Attachment,
    cancel_pending,
    reason_for,
    send_sms,
    send_templated_mail,
)

from . import calendar, links
from .conf import conf

logger = logging.getLogger(__name__)

ICS_FILENAME = "rendez-vous.ics"
BOOKING_PATH = "/permanences/"
# The night, in the appointment's zone: no reminder leaves from NIGHT_STARTS to NIGHT_ENDS.
NIGHT_STARTS = time(21, 0)
NIGHT_ENDS = time(8, 0)
EVENING = time(20, 0)


def reminder_hours():
    """The APPOINTMENTS_REMINDER_HOURS values (« 48,2 », or a list), largest first."""
    value = conf.REMINDER_HOURS
    items = value.split(",") if isinstance(value, str) else value
    return sorted({int(item) for item in items if str(item).strip()}, reverse=True)


def reminder_time(appointment, hours):
    """When the reminder `hours` hours before `appointment` leaves (aware): then, or at
    20:00 the evening before when that falls between 21:00 and 08:00 in its zone."""
    zone = timezones.zone(appointment.timezone)
    # In UTC: the arithmetic of an aware datetime in a zone is wall-clock arithmetic,
    # which a daylight-saving change would shift by an hour.
    moment = (appointment.start.astimezone(UTC) - timedelta(hours=hours)).astimezone(zone)
    clock = moment.time()
    if NIGHT_ENDS <= clock < NIGHT_STARTS:
        return moment
    evening = moment.date() if clock >= NIGHT_STARTS else moment.date() - timedelta(days=1)
    return datetime.combine(evening, EVENING, tzinfo=zone)


def when(appointment):
    """« mardi 9 juin 2026 à 18 h », with « (heure de La Réunion) » when not Paris."""
    start = appointment.local_start
    text = f"{date_format(start, 'l j F Y')} à {timezones.french_time(start)}"
    if appointment.timezone_label:
        text += f" ({appointment.timezone_label})"
    return text


def _context(appointment, **extra):
    return {
        "appointment": appointment,
        "when": when(appointment),
        "mode": appointment.type.mode,
        "mode_words": calendar.mode_words(appointment.type),
        "type_name": appointment.type.name,
        "manage_url": links.manage_url(appointment) if appointment.is_active else "",
        "booking_url": absolute_url(BOOKING_PATH),
        **extra,
    }


def _ics(appointment, method):
    return Attachment(
        ICS_FILENAME, calendar.appointment_ics(appointment, method), calendar.content_type(method)
    )


def _send(template, appointment, reason, *, attachments=(), not_before=None, **extra):
    if not appointment.email:
        return None
    return send_templated_mail(
        f"emails/appointments/{template}",
        _context(appointment, **extra),
        [appointment.email],
        about=appointment,
        reason_key=reason_for(appointment, f"{reason}:{appointment.sequence}"),
        attachments=list(attachments),
        not_before=not_before,
    )


def send_confirmation(appointment, *, now=None):
    """After `services.book`: confirmation, reminders, staff notification."""
    mail = _send(
        "confirmation",
        appointment,
        "confirmation",
        attachments=[_ics(appointment, calendar.REQUEST)],
    )
    schedule_reminders(appointment, now=now)
    send_staff_notification(appointment)
    return mail


def send_moved(appointment, *, now=None):
    """After `services.move` (which raised `sequence`): the new time and invitation; the
    reminders of the old time are voided, those of the new one scheduled."""
    cancel_pending(appointment)
    mail = _send("moved", appointment, "moved", attachments=[_ics(appointment, calendar.REQUEST)])
    schedule_reminders(appointment, now=now)
    return mail


def send_cancelled(appointment):
    """After `services.cancel`: every pending message about it is voided (reminders,
    SMS), then the cancellation with the calendar's CANCEL leaves."""
    cancel_pending(appointment)
    return _send(
        "cancelled",
        appointment,
        "cancelled",
        attachments=[_ics(appointment, calendar.CANCEL)],
        by_team=appointment.outcome == appointment.Outcome.CANCELLED_BY_TEAM,
    )


def send_no_show(appointment):
    """After the outcome « absent·e »: a kind email offering to book again."""
    return _send("no_show", appointment, "no-show")


def schedule_reminders(appointment, *, now=None):
    """Queue the reminders of `appointment` (email; SMS when chosen) for `reminder_time`,
    those still to come only. Returns the outbox rows."""
    now = now or timezone.now()
    rows = []
    if not appointment.is_active:
        return rows
    by_sms = appointment.reminder_by_sms and appointment.phone and sms.enabled()
    for hours in reminder_hours():
        moment = reminder_time(appointment, hours)
        if moment <= now or moment >= appointment.start:
            continue
        rows.append(_send("reminder", appointment, f"reminder:{hours}h", not_before=moment))
        if by_sms:
            rows.append(
                send_sms(
                    "sms/appointments/reminder.txt",
                    _context(appointment),
                    appointment.phone,
                    about=appointment,
                    reason_key=reason_for(
                        appointment, f"sms-reminder:{hours}h:{appointment.sequence}"
                    ),
                    not_before=moment,
                )
            )
    return [row for row in rows if row is not None]


def admin_url(appointment):
    """Where staff open the appointment in the admin (signing in first): its detail page
    in the agenda (the address holds its number only)."""
    return absolute_url(reverse("appointments_staff:appointment", args=[appointment.pk]))


def send_staff_notification(appointment):
    """« Nouveau rendez-vous n° 12 » to the Accompagnement role: the reference, the
    urgent flag and the admin link only (no name, contact, reason, time or type)."""
    recipients = roles.member_addresses(roles.ACCOMPAGNEMENT)
    if not recipients:
        logger.warning("Appointment %s booked: nobody in Accompagnement to notify.", appointment.pk)
        return None
    return send_templated_mail(
        "emails/appointments/staff_notification",
        {
            "reference": f"n° {appointment.pk}",
            "urgent": appointment.urgent,
            "admin_url": admin_url(appointment),
        },
        recipients,
        about=appointment,
        reason_key=reason_for(appointment, "staff-notification"),
    )


def send_waiting(waiting_request, template, reason, **extra):
    """An email about a waiting request (received, slot offered, offer expired), with the
    link to answer or withdraw; nothing the person typed (« Bonjour, »). None without
    an email address."""
    if not waiting_request.email:
        return None
    context = {
        "type": waiting_request.type,
        "waiting_url": links.waiting_url(waiting_request),
        **extra,
    }
    return send_templated_mail(
        f"emails/appointments/{template}",
        context,
        [waiting_request.email],
        about=waiting_request,
        reason_key=reason_for(waiting_request, reason),
    )


def send_offer_sms(waiting_request, offer, **context):
    """The slot offered, by SMS too when the person asked for messages by SMS (and SMS
    are enabled): the times and the link, nothing the person typed."""
    if not (waiting_request.reminder_by_sms and waiting_request.phone and sms.enabled()):
        return None
    return send_sms(
        "sms/appointments/waiting_offered.txt",
        {"waiting_url": links.waiting_url(waiting_request), **context},
        waiting_request.phone,
        about=waiting_request,
        reason_key=reason_for(waiting_request, f"offer-sms:{offer.pk}"),
    )
