"""The only code that changes the agenda's state or sends its emails (one transaction
per function; the outbox delivers after the commit).

Every change of a registration's state follows events.workflow (an illegal one raises
workflow.TransitionNotAllowed) and is written to its history (RegistrationEvent), with
the staff member who made it when there is one.

Capacity is enforced inside the transaction: on PostgreSQL the session row is locked
(`select_for_update`) before counting its confirmed registrations, so concurrent
registrations queue one behind another; on SQLite every transaction takes the write
lock when it begins (`transaction_mode` IMMEDIATE), which serialises them the same way.
"""

import logging
import uuid
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction

from relier_site.mail.outbox import cancel_pending, purge, reason_stored, send_templated_mail
from relier_site.personal_data import blank_values
from relier_site.timezones import PARIS

from . import digest, emails, retention, staff_selectors, workflow
from .models import EventPage, Registration, RegistrationEvent, Session

logger = logging.getLogger(__name__)

CONFIRMED = "confirmed"
WAITLISTED = "waitlisted"


class RegistrationRefused(Exception):
    """The session does not take registrations; the message says why, in French."""


@dataclass
class RegistrationResult:
    registration: Registration
    outcome: str  # CONFIRMED or WAITLISTED
    already_registered: bool = False  # same email or phone as an active registration
    repeated_submission: bool = False  # the same form sent twice

    @property
    def confirmed(self):
        return self.outcome == CONFIRMED


def refusal_reason(session, now=None):
    """Why `session` takes no registration (French), or "" when it does."""
    if session is None:
        return "Cette séance n'existe pas ou n'est plus proposée."
    if session.is_cancelled:
        return "Cette séance est annulée : les inscriptions sont fermées."
    if (
        not session.is_published
        or not EventPage.objects.live().public().filter(pk=session.event_id).exists()
    ):
        return "Cette séance n'est pas ouverte aux inscriptions."
    if session.is_past(now):
        return "Cette séance a déjà eu lieu : les inscriptions sont fermées."
    return ""


def _locked_session(session_id):
    # Only the session's row is locked (not the event page joined for its fields).
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("event")
        .filter(pk=session_id)
        .first()
    )


def _active_duplicate(session, data):
    duplicates = Q()
    if data.get("email"):
        duplicates |= Q(email__iexact=data["email"])
    if data.get("phone"):
        duplicates |= Q(phone=data["phone"])
    if not duplicates:
        return None
    return (
        session.registrations.exclude(status=Registration.Status.CANCELLED)
        .filter(duplicates)
        .first()
    )


def _has_room(session):
    """A new person gets a place: fewer confirmed than places and nobody waiting first."""
    registrations = session.registrations
    confirmed = registrations.filter(status=Registration.Status.CONFIRMED).count()
    waiting = registrations.filter(status=Registration.Status.WAITLISTED).exists()
    return confirmed < session.capacity and not waiting


def _outcome(registration):
    if registration.status == Registration.Status.CONFIRMED:
        return CONFIRMED
    return WAITLISTED


REGISTRATION_FIELDS = ("name", "organisation", "agency", "email", "phone", "age")


def register(session, data, *, submission_key="", limits=()):
    """Register a person (cleaned form data) to `session`.

    Returns a RegistrationResult: confirmed, or on the waiting list when the session is
    full. The same email (or phone) as an active registration gives that registration
    back (`already_registered`) and sends its confirmation again; the same form sent
    twice (`submission_key`) gives the first result and sends nothing more. Raises
    RegistrationRefused (nothing changed) for a past, cancelled, unpublished or unknown
    session.

    Each of `limits` (relier_site.forms.SubmissionLimit) is recorded in the same
    transaction, alike for a new registration, an existing one and a double click.
    """
    with transaction.atomic():
        result = _register(session, data, submission_key)
        for limit in limits:
            limit.record()
    if not (result.already_registered or result.repeated_submission):
        registration = result.registration
        logger.info(
            "Registration %s to session %s: %s",
            registration.pk,
            registration.session_id,
            registration.status,
        )
    return result


def _register(session, data, submission_key):
    locked = _locked_session(session.pk if session is not None else None)
    reason = refusal_reason(locked)
    if reason:
        raise RegistrationRefused(reason)
    if submission_key:
        repeated = locked.registrations.filter(submission_key=submission_key).first()
        if repeated is not None:
            return RegistrationResult(repeated, _outcome(repeated), repeated_submission=True)
    existing = _active_duplicate(locked, data)
    if existing is not None:
        _resend_confirmation(existing)
        return RegistrationResult(existing, _outcome(existing), already_registered=True)
    status = Registration.Status.CONFIRMED if _has_room(locked) else Registration.Status.WAITLISTED
    created = workflow.check(workflow.NEW, status)
    registration = Registration(
        session=locked,
        status=status,
        profile=locked.event.registration_profile,
        submission_key=submission_key,
        **{name: data.get(name) or ("" if name != "age" else None) for name in REGISTRATION_FIELDS},
    )
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        # The same address registered at the same moment (unique constraint).
        existing = _active_duplicate(locked, data)
        if existing is None:
            raise
        return RegistrationResult(existing, _outcome(existing), already_registered=True)
    RegistrationEvent.record(
        registration,
        RegistrationEvent.Action.CREATED,
        to_status=status,
        note=created.label,
        at=registration.created_at,
    )
    emails.send_confirmation(registration)
    return RegistrationResult(registration, _outcome(registration))


def _change_status(registration, target, *, by=None, **changes):
    """Move `registration` to `target` if events.workflow allows it (else
    TransitionNotAllowed), with the other `changes` of fields, and write the history."""
    found = workflow.check(registration.status, target)
    source = registration.status
    registration.status = target
    for name, value in changes.items():
        setattr(registration, name, value)
    registration.save(update_fields=["status", *changes])
    RegistrationEvent.record(
        registration,
        RegistrationEvent.Action.STATUS,
        by,
        from_status=source,
        to_status=target,
        note=found.label,
    )
    return registration


def _resend_confirmation(registration):
    """« Vous êtes déjà inscrit·e »: the confirmation (or waiting-list notice) again,
    under a new reason so that the outbox sends it."""
    resend = uuid.uuid4().hex[:12]
    emails.send_confirmation(registration, resend=resend)


def cancel_registration(registration, *, by=None):
    """Cancel a registration (self-cancellation, or staff member `by`); the first
    waiting person takes the freed place and is emailed. Cancelling twice changes
    nothing."""
    with transaction.atomic():
        session = _locked_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return registration
        had_place = registration.status == Registration.Status.CONFIRMED
        _change_status(
            registration,
            Registration.Status.CANCELLED,
            by=by,
            cancelled_at=timezone.now(),
            cancel_nonce="",
            sequence=registration.sequence + 1,
        )
        cancel_pending(registration)
        emails.send_cancellation_ack(registration, had_place=had_place)
        if had_place:
            promote_waiting(session)
    logger.info("Registration %s cancelled", registration.pk)
    return registration


def promote_waiting(session):
    """Give the free places of an upcoming, scheduled session to the waiting list, in
    order of registration; each promoted person is emailed. Call inside a transaction
    holding the session's lock."""
    if session.is_cancelled or session.is_past():
        return []
    promoted = []
    confirmed = session.registrations.filter(status=Registration.Status.CONFIRMED).count()
    waiting = session.registrations.filter(status=Registration.Status.WAITLISTED).order_by(
        "created_at", "pk"
    )
    for registration in waiting[: max(0, session.capacity - confirmed)]:
        _change_status(registration, Registration.Status.CONFIRMED, promoted_at=timezone.now())
        registration.session = session
        emails.send_promotion(registration)
        promoted.append(registration)
        logger.info("Registration %s promoted from the waiting list", registration.pk)
    return promoted


# --- Sessions (the editor's form calls these) ----------------------------------------

SCHEDULE_FIELDS = ("start", "end", "timezone")


def save_session(session, previous=None):
    """Save a session edited in the admin and tell its registrants what changed.

    `previous` holds the values before the edit (None for a new session): a move (start,
    end or time zone) or a cancellation increments `sequence` and sends each active
    registrant the updated or cancelled invitation, with the pending reminder replaced;
    more places promote the waiting list; a new video link re-queues the reminders.
    Fewer places than registrations keep everyone (new people join the waiting list).
    """
    with transaction.atomic():
        if previous is None:
            session.save()
            return session
        moved = any(previous[name] != getattr(session, name) for name in SCHEDULE_FIELDS)
        cancelled = session.is_cancelled and previous["status"] != Session.Status.CANCELLED
        reopened = not session.is_cancelled and previous["status"] == Session.Status.CANCELLED
        if moved or cancelled or reopened:
            session.sequence += 1
        session.save()
        locked = _locked_session(session.pk)
        active = list(
            locked.registrations.exclude(status=Registration.Status.CANCELLED).order_by(
                "created_at", "pk"
            )
        )
        for registration in active:
            registration.session = locked
            if cancelled:
                cancel_pending(registration)
                emails.send_session_cancelled(registration)
            elif moved or reopened:
                cancel_pending(registration)
                emails.send_moved(registration)
            elif previous["video_link"] != session.video_link:
                cancel_pending(registration)
                emails.schedule_reminder(registration)
        phone_only = sum(1 for registration in active if not registration.email)
        if cancelled and phone_only:
            emails.send_staff_to_call(locked, phone_only)
        if not locked.is_cancelled and locked.capacity > previous["capacity"]:
            promote_waiting(locked)
    return session


def create_series(first, starts):
    """Save `first` and one session per (start, end) of `starts` (the other dates of
    the series), all with the same settings and series identifier."""
    series = uuid.uuid4()
    with transaction.atomic():
        first.series = series
        first.save()
        for start, end in starts:
            Session.objects.create(
                event=first.event,
                start=start,
                end=end,
                timezone=first.timezone,
                capacity=first.capacity,
                status=first.status,
                is_published=first.is_published,
                video_link=first.video_link,
                series=series,
            )
    return first


# --- Staff ---------------------------------------------------------------------------

ATTENDANCE_LOG = {True: "present", False: "absent", None: "not marked"}
ATTENDANCE = {True: "Présent·e", False: "Absent·e", None: "Présence non renseignée"}


def mark_attendance(session, marks, *, by):
    """Record attendance: `marks` maps registration pks to True (présent·e), False
    (absent·e) or None (not marked). Only the session's confirmed registrations are
    touched; other pks are ignored. Logged with ids only. Returns how many changed."""
    changed = 0
    with transaction.atomic():
        confirmed = session.registrations.select_for_update().filter(
            status=Registration.Status.CONFIRMED, pk__in=list(marks)
        )
        for registration in confirmed:
            value = marks[registration.pk]
            if registration.attended is value:
                continue
            registration.attended = value
            registration.save(update_fields=["attended"])
            RegistrationEvent.record(
                registration, RegistrationEvent.Action.ATTENDANCE, by, note=ATTENDANCE[value]
            )
            changed += 1
            logger.info(
                "Attendance of registration %s (session %s) set to %s by user %s",
                registration.pk,
                session.pk,
                ATTENDANCE_LOG[value],
                by.pk,
            )
    return changed


# --- Deleting: sessions with registrations are cancelled instead ----------------------

# The values of a session that its registrants are told about when they change.
SESSION_TRACKED_FIELDS = ("start", "end", "timezone", "status", "capacity", "video_link")


def session_snapshot(session):
    """The `previous` values that save_session compares with."""
    return {name: getattr(session, name) for name in SESSION_TRACKED_FIELDS}


def cancel_session(session):
    """Cancel a session through the editor's path: every active registrant gets the
    cancellation (METHOD:CANCEL) and their pending mails are cancelled. Cancelling a
    cancelled session changes nothing."""
    previous = session_snapshot(session)
    session.status = Session.Status.CANCELLED
    return save_session(session, previous)


@dataclass
class Withdrawal:
    """What deleting some sessions (or event pages) did: see withdraw_sessions."""

    deleted: int = 0  # sessions without any registration, deleted
    cancelled: list = field(default_factory=list)  # sessions cancelled now
    kept: list = field(default_factory=list)  # past or already cancelled: left as they were
    emailed: int = 0  # registrants told by email
    to_call: list = field(default_factory=list)  # registrants without email, to phone
    unpublished: list = field(default_factory=list)  # event pages taken offline
    deleted_pages: int = 0  # pages without registrations, deleted


def withdraw_sessions(sessions, *, by=None, result=None):
    """Delete `sessions` the way staff may: a session with registrations (any state) is
    never deleted. An upcoming, scheduled one is cancelled (cancel_session: emails with
    METHOD:CANCEL, pending reminders cancelled); a past or already cancelled one is kept
    as it is (attendance, statistics, retention). Sessions without any registration are
    deleted. The active registrants without an email address are returned in `to_call`.
    Logged with ids only."""
    result = result or Withdrawal()
    plan = staff_selectors.withdrawal_plan(sessions)
    with transaction.atomic():
        for session in plan.to_cancel:
            cancel_session(session)
            result.cancelled.append(session)
            active = staff_selectors.active_registrations(session)
            result.emailed += sum(1 for r in active if r.email)
            result.to_call.extend(r for r in active if not r.email)
            logger.info("Session %s cancelled instead of deleted (user %s)", session.pk, _pk(by))
        result.kept.extend(plan.to_keep)
        for session in plan.to_delete:
            logger.info("Session %s deleted (no registration; user %s)", session.pk, _pk(by))
            session.delete()
            result.deleted += 1
    return result


def withdraw_event(page, *, by=None, result=None):
    """Delete an event page that has registrations: its sessions go through
    withdraw_sessions and the page is unpublished (kept, with its registrations)."""
    result = result or Withdrawal()
    with transaction.atomic():
        withdraw_sessions(list(page.sessions.all()), by=by, result=result)
        if page.live:
            # Whoever may delete the page may take it offline.
            UnpublishPageAction(page, user=by).execute(skip_permission_checks=True)
        result.unpublished.append(page)
        logger.info("Event page %s unpublished instead of deleted (user %s)", page.pk, _pk(by))
    return result


def _pk(user):
    return getattr(user, "pk", None)


# --- Nightly jobs ---------------------------------------------------------------------


def anonymise_expired(*, now=None):
    """Daily job `events_registration_retention`: anonymise every registration past its
    retention period (events.retention), by chunks of retention.CHUNK, one transaction
    per chunk: personal fields blanked, age replaced by its band, cancellation links
    voided, its emails purged from the outbox. Returns how many were anonymised."""
    now = now or timezone.now()
    due = retention.due_registrations(now).order_by("pk")
    pks = list(due.values_list("pk", flat=True))
    for start in range(0, len(pks), retention.CHUNK):
        chunk = pks[start : start + retention.CHUNK]
        with transaction.atomic():
            Registration.objects.filter(pk__in=chunk, anonymised_at__isnull=True).update(
                # The band is computed from the age before it is blanked (one UPDATE).
                age_band=retention.age_band_expression(),
                **blank_values(Registration),
                cancel_nonce="",
                submission_key="",
                anonymised_at=now,
            )
            RegistrationEvent.objects.bulk_create(
                RegistrationEvent(
                    registration_id=pk, action=RegistrationEvent.Action.ANONYMISED, at=now
                )
                for pk in chunk
            )
            purge(*Registration.objects.filter(pk__in=chunk).only("pk"))
    if pks:
        logger.info("Registration retention: %s registrations anonymised.", len(pks))
    return len(pks)


def send_staff_digests(*, now=None):
    """Daily job `events_staff_digest`: one digest per session and past day with
    activity, for the digest.DIGEST_DAYS days before today (Paris), each stored in the
    outbox, about its session, in its own transaction under its reason key (a day already
    sent is skipped). Returns how many digests were stored by this run."""
    now = now or timezone.now()
    today = now.astimezone(PARIS).date()
    to = digest.recipients()
    if not to:
        logger.warning("Staff digest: no recipient (EVENTS_STAFF_DIGEST_RECIPIENTS, group).")
        return 0
    sent = 0
    for day in digest.past_days(today):
        for pk in digest.active_session_pks(*digest.day_window(day)):
            reason_key = digest.reason_key(pk, day)
            if reason_stored(reason_key):
                continue
            session = staff_selectors.session_with_counts(pk)
            if session is None:
                continue
            with transaction.atomic():
                send_templated_mail(
                    digest.TEMPLATE,
                    digest.digest_context(session, day),
                    to,
                    about=session,
                    reason_key=reason_key,
                )
            sent += 1
    if sent:
        logger.info("Staff digest: %s emails stored.", sent)
    return sent
