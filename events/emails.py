"""The emails to registrants, each through the outbox (relier_site.mail.outbox), with the
self-cancellation link; `services.py` decides when they are sent. They repeat nothing a
visitor typed (no name, no organisation: « Bonjour, »), since the address they go to was
typed by whoever filled in the form.

Every mail of a registration is `about` it (so a move or a cancellation can
`cancel_pending(registration)` its reminder, and retention can `purge` them) and has a
`reason_key` naming the reason and the version of the session it describes.
"""

import hashlib
import logging
from datetime import datetime, time, timedelta

from django.utils import timezone

from relier_site.links import absolute_url
from relier_site.mail.outbox import Attachment, reason_for, send_templated_mail

from . import calendar, digest, links
from .conf import conf

logger = logging.getLogger(__name__)


def reminder_time(session):
    """When the reminder leaves: EVENTS_REMINDER_HOURS_BEFORE hours before the start, or
    (setting None) the day before at 9:00 in the session's time zone."""
    hours = conf.REMINDER_HOURS_BEFORE
    if hours:
        return session.start - timedelta(hours=hours)
    eve = (session.local_start - timedelta(days=1)).date()
    return datetime.combine(eve, time(9, 0), tzinfo=session.zone)


def _context(registration, **extra):
    session = registration.session
    context = {
        "registration": registration,
        "session": session,
        "event": session.event,
        "event_url": absolute_url(session.event.url or "/agenda/"),
        "cancel_url": links.cancel_url(registration) if registration.is_active else "",
    }
    context.update(extra)
    return context


def _ics(registration, method):
    content = calendar.registration_ics(
        registration, method, page_url=absolute_url(registration.session.event.url or "")
    )
    return Attachment("seance.ics", content, calendar.content_type(method))


def _send(template, registration, reason, *, attachments=(), not_before=None, **extra):
    return send_templated_mail(
        f"emails/events/{template}",
        _context(registration, **extra),
        [registration.email],
        about=registration,
        reason_key=reason_for(registration, reason),
        attachments=list(attachments),
        not_before=not_before,
    )


def _version(registration):
    return calendar.registration_sequence(registration)


def send_confirmation(registration, *, resend=0):
    """Confirmation with the invitation (or waiting-list notice), then the reminder.
    `resend`: someone registered again with this registration's address or phone (a new
    reason); the mail, to the address on file, says « vous êtes déjà inscrit·e »."""
    if not registration.email:
        return None
    suffix = f":resend:{resend}" if resend else ""
    already = bool(resend)
    if registration.status == registration.Status.WAITLISTED:
        return _send("waitlist", registration, f"waitlist{suffix}", already=already)
    mail = _send(
        "confirmation",
        registration,
        f"confirmation{suffix}",
        attachments=[_ics(registration, calendar.REQUEST)],
        already=already,
    )
    schedule_reminder(registration)
    return mail


def send_promotion(registration):
    if not registration.email:
        return None
    mail = _send(
        "promotion", registration, "promotion", attachments=[_ics(registration, calendar.REQUEST)]
    )
    schedule_reminder(registration)
    return mail


def schedule_reminder(registration):
    """The reminder with the video link, queued for `reminder_time` (at once when that
    time has passed). One per version of the session and of its video link."""
    session = registration.session
    if not registration.email or registration.status != registration.Status.CONFIRMED:
        return None
    when = reminder_time(session)
    if when <= timezone.now():
        when = None
    link_version = hashlib.sha256(session.video_link.encode()).hexdigest()[:8]
    return _send(
        "reminder",
        registration,
        f"reminder:{session.sequence}:{link_version}:{session.start:%Y%m%d%H%M}",
        not_before=when,
    )


def send_moved(registration):
    if not registration.email:
        return None
    attachments = []
    if registration.status == registration.Status.CONFIRMED:
        attachments = [_ics(registration, calendar.REQUEST)]
    mail = _send("moved", registration, f"moved:{_version(registration)}", attachments=attachments)
    schedule_reminder(registration)
    return mail


def send_session_cancelled(registration):
    if not registration.email:
        return None
    attachments = []
    if registration.status == registration.Status.CONFIRMED:
        attachments = [_ics(registration, calendar.CANCEL)]
    return _send(
        "session_cancelled",
        registration,
        f"session-cancelled:{_version(registration)}",
        attachments=attachments,
    )


def send_cancellation_ack(registration, *, had_place):
    """After a self-cancellation: the calendar entry is withdrawn (METHOD:CANCEL)."""
    if not registration.email:
        return None
    attachments = [_ics(registration, calendar.CANCEL)] if had_place else []
    return _send("cancelled", registration, "cancelled", attachments=attachments)


def send_staff_to_call(session, count):
    """Tell the staff (the digest's recipients) that the cancelled `session` has `count`
    registrants without an email address to phone. A reference and the admin link only,
    no personal data; one email per version of the session."""
    to = digest.recipients()
    if not to:
        logger.warning("Session %s cancelled with people to phone: no staff recipient.", session.pk)
        return None
    return send_templated_mail(
        "emails/events/staff_to_call",
        {"session": session, "count": count, "admin_url": digest.admin_url(session)},
        to,
        about=session,
        reason_key=f"events:to-call:session:{session.pk}:{session.sequence}",
    )
