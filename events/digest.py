"""The staff digest (nightly job `events_staff_digest`): for each session that had
registration activity on a day (Paris time), one email to the staff with the day's
counts (new confirmed registrations, new people on the waiting list, cancellations,
people promoted from the waiting list), the session's totals and a link to its page in
the admin. No personal data: counts, the event's title and the date only.

Each digest goes through the outbox with the reason key
``events:staff-digest:session:<pk>:<day>``: one email per session and day, whatever
the number of runs. A run covers the DIGEST_DAYS days before its own (a missed night is
caught up the next one; days already sent are skipped).

Recipients: EVENTS_STAFF_DIGEST_RECIPIENTS when set, else every active member of the
Accompagnement group with an email address.
"""

import logging
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from relier_site import roles
from relier_site.links import absolute_url
from relier_site.mail.outbox import reason_stored, send_templated_mail
from relier_site.timezones import PARIS

from .conf import conf
from .models import Registration
from .staff_selectors import session_with_counts

logger = logging.getLogger(__name__)

DIGEST_DAYS = 3
TEMPLATE = "emails/events/staff_digest"


def recipients():
    configured = [a for a in conf.STAFF_DIGEST_RECIPIENTS if a]
    if configured:
        return configured
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.ACCOMPAGNEMENT)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def day_window(day):
    """[start, end) of a Paris calendar day, as aware datetimes."""
    start = datetime.combine(day, time(0, 0), tzinfo=PARIS)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=PARIS)
    return start, end


def reason_key(session_pk, day):
    return f"events:staff-digest:session:{session_pk}:{day.isoformat()}"


def day_counts(session_pk, start, end):
    """What happened to the session's registrations in [start, end)."""
    registrations = Registration.objects.filter(session_id=session_pk)
    created = registrations.filter(created_at__gte=start, created_at__lt=end)
    return {
        "confirmed": created.filter(status=Registration.Status.CONFIRMED).count(),
        "waiting": created.filter(status=Registration.Status.WAITLISTED).count(),
        "cancelled": registrations.filter(cancelled_at__gte=start, cancelled_at__lt=end).count(),
        "promoted": registrations.filter(promoted_at__gte=start, promoted_at__lt=end).count(),
    }


def active_session_pks(start, end):
    """Sessions with a registration created, cancelled or promoted in [start, end)."""
    window = (
        Q(created_at__gte=start, created_at__lt=end)
        | Q(cancelled_at__gte=start, cancelled_at__lt=end)
        | Q(promoted_at__gte=start, promoted_at__lt=end)
    )
    return sorted(set(Registration.objects.filter(window).values_list("session_id", flat=True)))


def admin_url(session):
    path = reverse("events_staff:session", args=[session.pk])
    return absolute_url(path)


def send_digest(session, day, to):
    start, end = day_window(day)
    context = {
        "session": session,
        "day": day,
        "counts": day_counts(session.pk, start, end),
        "admin_url": admin_url(session),
    }
    return send_templated_mail(
        TEMPLATE,
        context,
        to,
        about=session,
        reason_key=reason_key(session.pk, day),
    )


def send_staff_digests(*, now=None):
    """Daily job: one digest per session and past day with activity, for the DIGEST_DAYS
    days before today (Paris). Returns how many digests were stored."""
    now = now or timezone.now()
    today = now.astimezone(PARIS).date()
    to = recipients()
    if not to:
        logger.warning("Staff digest: no recipient (EVENTS_STAFF_DIGEST_RECIPIENTS, group).")
        return 0
    sent = 0
    for days_ago in range(DIGEST_DAYS, 0, -1):
        day = today - timedelta(days=days_ago)
        for pk in active_session_pks(*day_window(day)):
            if reason_stored(reason_key(pk, day)):
                continue
            session = session_with_counts(pk)
            if session is None:
                continue
            send_digest(session, day, to)
            sent += 1
    if sent:
        logger.info("Staff digest: %s emails stored.", sent)
    return sent
