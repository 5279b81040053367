"""What the staff digest says (the nightly job `events_staff_digest` is
services.send_staff_digests): for each session that had registration activity on a day
(Paris time), one email to the staff with the day's counts (new confirmed
registrations, new people on the waiting list, cancellations, people promoted from the
waiting list), the session's totals and a link to its page in the admin. No personal
data: counts, the event's title and the date only.

Each digest goes through the outbox with the reason key
``events:staff-digest:session:<pk>:<day>``: one email per session and day, whatever
the number of runs. A run covers the DIGEST_DAYS days before its own (a missed night is
caught up the next one; days already sent are skipped).

Recipients: EVENTS_STAFF_DIGEST_RECIPIENTS when set, else every active member of the
Accompagnement group with an email address.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from relier_site import roles
from relier_site.links import absolute_url
from relier_site.timezones import PARIS

from .conf import conf
from .models import Registration

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


def past_days(today):
    """The DIGEST_DAYS days before `today`, oldest first."""
    return [today - timedelta(days=days_ago) for days_ago in range(DIGEST_DAYS, 0, -1)]


def digest_context(session, day):
    start, end = day_window(day)
    return {
        "session": session,
        "day": day,
        "counts": day_counts(session.pk, start, end),
        "admin_url": admin_url(session),
    }
