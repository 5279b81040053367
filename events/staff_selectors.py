"""Reads of the staff side (Accompagnement, Administration): sessions with their counts,
one session's lists, the dashboard counts and the attendance statistics.

The statistics read only what anonymisation keeps (status, attendance, dates, the
session and its event), so they are the same before and after `events.retention`.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import formats, timezone
from wagtail.models import Page

from relier_site.timezones import PARIS

from .models import PROGRAMME_CHOICES, EventPage, Registration, RegistrationEvent, Session

DASHBOARD_DAYS = 7
HISTORY_ROWS = 200  # the latest entries of a session's history shown to staff
NO_PROGRAMME = "Sans programme"
NO_AUDIENCE = "Sans public"

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def with_counts(sessions):
    """Sessions annotated with confirmed_count, waiting_count and cancelled_count."""
    return sessions.select_related("event").annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=CONFIRMED)),
        waiting_count=Count("registrations", filter=Q(registrations__status=WAITLISTED)),
        cancelled_count=Count("registrations", filter=Q(registrations__status=CANCELLED)),
    )


def staff_sessions(*, past=False, now=None):
    """Every session (cancelled and unpublished ones too) with its counts: the coming
    ones first to last, or the past ones from the latest."""
    now = now or timezone.now()
    if past:
        sessions = Session.objects.filter(end__lte=now).order_by("-start", "-pk")
    else:
        sessions = Session.objects.filter(end__gt=now).order_by("start", "pk")
    return with_counts(sessions)


def session_with_counts(pk):
    return with_counts(Session.objects.filter(pk=pk)).first()


@dataclass
class SessionLists:
    confirmed: list
    waiting: list  # in waiting-list order: the first one is promoted first
    cancelled: list
    history: list  # what happened to its registrations, latest first


def session_lists(session):
    registrations = list(session.registrations.order_by("created_at", "pk"))
    history = RegistrationEvent.objects.filter(registration__session=session)
    return SessionLists(
        confirmed=[r for r in registrations if r.status == CONFIRMED],
        waiting=[r for r in registrations if r.status == WAITLISTED],
        cancelled=[r for r in registrations if r.status == CANCELLED],
        history=list(history.select_related("actor").order_by("-at", "-pk")[:HISTORY_ROWS]),
    )


def dashboard(now=None):
    """The admin home page panel: sessions of the next DASHBOARD_DAYS days that are not
    cancelled, with their counts, and the totals."""
    now = now or timezone.now()
    sessions = list(
        with_counts(
            Session.objects.filter(
                start__gte=now,
                start__lt=now + timedelta(days=DASHBOARD_DAYS),
                status=Session.Status.SCHEDULED,
            ).order_by("start", "pk")
        )
    )
    return {
        "sessions": sessions,
        "days": DASHBOARD_DAYS,
        "session_count": len(sessions),
        "confirmed": sum(s.confirmed_count for s in sessions),
        "waiting": sum(s.waiting_count for s in sessions),
        "places_left": sum(max(s.capacity - s.confirmed_count, 0) for s in sessions),
    }


# --- Attendance statistics ---------------------------------------------------------------

STATISTICS_GROUPINGS = {
    "seance": "Par séance",
    "public": "Par public",
    "programme": "Par programme",
    "mois": "Par mois",
}


@dataclass
class StatisticsRow:
    label: str
    sessions: int
    confirmed: int
    attended: int
    absent: int
    waiting: int
    cancelled: int

    @property
    def not_marked(self):
        return self.confirmed - self.attended - self.absent

    @property
    def attendance_rate(self):
        """Share of the marked confirmed registrations that attended, in percent."""
        marked = self.attended + self.absent
        return round(100 * self.attended / marked) if marked else None


# Aliases differ from the model's fields (an alias "attended" would shadow the field in
# the filters of the other counts).
_METRICS = {
    "n_sessions": Count("session", distinct=True),
    "n_confirmed": Count("pk", filter=Q(status=CONFIRMED)),
    "n_attended": Count("pk", filter=Q(status=CONFIRMED, attended=True)),
    "n_absent": Count("pk", filter=Q(status=CONFIRMED, attended=False)),
    "n_waiting": Count("pk", filter=Q(status=WAITLISTED)),
    "n_cancelled": Count("pk", filter=Q(status=CANCELLED)),
}


def _row(label, values):
    return StatisticsRow(
        label=label,
        sessions=values["n_sessions"],
        confirmed=values["n_confirmed"],
        attended=values["n_attended"],
        absent=values["n_absent"],
        waiting=values["n_waiting"],
        cancelled=values["n_cancelled"],
    )


def attendance_statistics(grouping="seance"):
    """Rows of counts (registrations confirmed, present, absent, waiting, cancelled) per
    session, audience, programme or month (of the session, Paris time). A registration
    counts once for each audience of its event."""
    registrations = Registration.objects.all()
    if grouping == "public":
        values = (
            registrations.values("session__event__audiences__name")
            .annotate(**_METRICS)
            .order_by("session__event__audiences__name")
        )
        return [_row(v["session__event__audiences__name"] or NO_AUDIENCE, v) for v in values]
    if grouping == "programme":
        labels = dict(PROGRAMME_CHOICES)
        values = (
            registrations.values("session__event__programme")
            .annotate(**_METRICS)
            .order_by("session__event__programme")
        )
        return [_row(labels.get(v["session__event__programme"]) or NO_PROGRAMME, v) for v in values]
    if grouping == "mois":
        values = (
            registrations.annotate(month=TruncMonth("session__start", tzinfo=PARIS))
            .values("month")
            .annotate(**_METRICS)
            .order_by("month")
        )
        return [
            _row(formats.date_format(timezone.localtime(v["month"], PARIS), "F Y"), v)
            for v in values
        ]
    values = (
        registrations.values("session").annotate(**_METRICS).order_by("session__start", "session")
    )
    sessions = Session.objects.select_related("event").in_bulk([v["session"] for v in values])
    return [_row(str(sessions[v["session"]]), v) for v in values]


# --- Deleting sessions and event pages (services.withdraw_sessions) -----------------------


@dataclass
class WithdrawalPlan:
    to_cancel: list  # upcoming, scheduled, with registrations: cancelled instead
    to_keep: list  # past or already cancelled, with registrations: left as they are
    to_delete: list  # no registration at all: deleted

    @property
    def holds_registrations(self):
        return bool(self.to_cancel or self.to_keep)


def withdrawal_plan(sessions, now=None):
    """How a request to delete `sessions` is carried out: a session with any registration
    (even cancelled ones: attendance statistics and retention keep them) is never
    deleted."""
    now = now or timezone.now()
    sessions = list(sessions)
    held = set(
        Registration.objects.filter(session__in=[s.pk for s in sessions]).values_list(
            "session_id", flat=True
        )
    )
    plan = WithdrawalPlan(to_cancel=[], to_keep=[], to_delete=[])
    for session in sessions:
        if session.pk not in held:
            plan.to_delete.append(session)
        elif session.is_cancelled or session.is_past(now):
            plan.to_keep.append(session)
        else:
            plan.to_cancel.append(session)
    return plan


def active_registrations(session):
    """Confirmed and waiting registrations, in order of registration."""
    return list(session.registrations.exclude(status=CANCELLED).order_by("created_at", "pk"))


def to_call(session):
    """The people to phone when the session is cancelled: its active registrations with no
    email address (the cancellation email cannot reach them). Empty otherwise."""
    if not session.is_cancelled:
        return []
    return [r for r in active_registrations(session) if not r.email]


def event_pages_with_registrations(pages):
    """The event pages among `pages` and their descendants that have a session with a
    registration (such pages are never deleted)."""
    query = Q()
    for page in pages:
        query |= Q(path__startswith=page.path)
    if not query:
        return []
    within = Page.objects.filter(query).values("pk")
    return list(
        EventPage.objects.filter(pk__in=within, sessions__registrations__isnull=False)
        .distinct()
        .order_by("path")
    )
