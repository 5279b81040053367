"""The only code that changes the appointments' state (one transaction per function).

Every change of an appointment's state follows appointments.workflow (an illegal one
raises workflow.TransitionNotAllowed) and is written to its history
(AppointmentEvent), with the staff member who made it when there is one.

Two people never get the same slot. `book` locks the psychologist's account row
(`select_for_update`; on SQLite every transaction takes the write lock when it begins,
`transaction_mode` IMMEDIATE), then asks the slot engine whether the slot is still
free, with the appointments committed before it: concurrent bookings of one
psychologist queue one behind another. Behind it, the database refuses a second active
appointment of one psychologist at the same start (a conditional unique constraint),
whatever the path. A cancelled appointment leaves that constraint and the engine at
once: its slot is bookable again.

Each function queues its messages (appointments.emails: outbox rows) in its own
transaction: `book` the confirmation, reminders and staff notification, `cancel` the
cancellation (voiding the pending reminders), `record_outcome` « absent·e » the offer of
a new slot.
"""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import emails, slots, workflow
from .conf import conf
from .models import AgendaFeed, Appointment, AppointmentEvent, new_feed_token

logger = logging.getLogger(__name__)

Status = Appointment.Status
Outcome = Appointment.Outcome

# What `book` stores from the cleaned form data (anything else is ignored).
PERSON_FIELDS = ("first_name", "age_band", "phone", "email", "call_preference", "reason")

SLOT_TAKEN = (
    "Ce créneau vient d'être pris ou n'est plus proposé. Choisissez-en un autre, "
    "il en reste sûrement un qui vous convient."
)
TOO_LATE_TO_CANCEL = (
    "Ce rendez-vous est trop proche pour être annulé en ligne : appelez l'association, "
    "nous le déplacerons ensemble."
)
TOO_LATE_TO_MOVE = (
    "Ce rendez-vous est trop proche pour être déplacé en ligne : appelez l'association, "
    "nous trouverons un autre moment ensemble."
)
MOVE_CANCELLED = "Ce rendez-vous est annulé : il ne peut plus être déplacé. Prenez-en un nouveau."


class SlotUnavailable(Exception):
    """The slot is taken, past or not offered; nothing was stored. French message."""


class CancellationRefused(Exception):
    """Too late for the person to cancel online; nothing changed. French message."""


class MoveRefused(CancellationRefused):
    """Too late for the person to move the appointment online, or it is cancelled;
    nothing changed. French message."""


def too_late_to_change(appointment, now=None):
    """Whether the person may no longer move or cancel `appointment` online (less than
    APPOINTMENTS_CANCEL_HOURS_BEFORE hours before it, or already begun)."""
    now = now or timezone.now()
    return appointment.start - now < timedelta(hours=conf.CANCEL_HOURS_BEFORE)


def _lock_psychologist(psychologist):
    """Concurrent bookings of one psychologist queue one behind another (module doc)."""
    get_user_model().objects.select_for_update().filter(pk=psychologist.pk).first()


def book(
    appointment_type,
    psychologist,
    start,
    person,
    *,
    urgent=False,
    submission_key="",
    limits=(),
    now=None,
):
    """Book the slot of `psychologist` that starts at `start` (aware) for a person
    (`person`: cleaned form data, PERSON_FIELDS and `reminder_by_sms`). Returns the
    Appointment; the same form sent twice (`submission_key`) returns the first one, with
    `duplicate_submission` set. Raises SlotUnavailable (nothing stored) when the slot is
    not free. `limits` (relier_site.forms.SubmissionLimit) are recorded with a new
    appointment, in its transaction."""
    with transaction.atomic():
        _lock_psychologist(psychologist)
        if submission_key:
            repeated = Appointment.objects.filter(submission_key=submission_key).first()
            if repeated is not None:
                repeated.duplicate_submission = True
                return repeated
        slot = slots.find_slot(appointment_type, psychologist, start, now=now)
        if slot is None:
            raise SlotUnavailable(SLOT_TAKEN)
        created = workflow.check(workflow.NEW, Status.CONFIRMED)
        appointment = Appointment(
            type=appointment_type,
            psychologist=psychologist,
            start=slot.start,
            end=slot.end,
            timezone=slot.timezone,
            status=Status.CONFIRMED,
            urgent=urgent,
            submission_key=submission_key,
            reminder_by_sms=bool(person.get("reminder_by_sms") and person.get("phone")),
            **{name: person.get(name) or "" for name in PERSON_FIELDS},
        )
        try:
            with transaction.atomic():
                appointment.save()
        except IntegrityError as error:
            # The same slot taken at the same moment by another path (unique constraint).
            raise SlotUnavailable(SLOT_TAKEN) from error
        AppointmentEvent.record(
            appointment,
            AppointmentEvent.Action.CREATED,
            to_status=Status.CONFIRMED,
            note=created.label,
            at=appointment.created_at,
        )
        for limit in limits:
            limit.record()
        emails.send_confirmation(appointment, now=now)
    logger.info("Appointment %s booked (type %s)", appointment.pk, appointment_type.pk)
    appointment.duplicate_submission = False
    return appointment


def move(appointment, psychologist, start, *, now=None):
    """The person moves `appointment` to the free slot of `psychologist` (a user) that
    starts at `start` (aware), in the same type of permanence: the same row (same pk,
    same links) gets the new time, its calendar `sequence` is raised and the move is
    written to its history. Until APPOINTMENTS_CANCEL_HOURS_BEFORE hours before the
    current time, else MoveRefused (also for a cancelled appointment); SlotUnavailable
    when the new slot is not free. Nothing changes on a refusal."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock_psychologist(psychologist)
        appointment = (
            Appointment.objects.select_for_update().select_related("type").get(pk=appointment.pk)
        )
        if appointment.status != Status.CONFIRMED:
            raise MoveRefused(MOVE_CANCELLED)
        if too_late_to_change(appointment, now):
            raise MoveRefused(TOO_LATE_TO_MOVE)
        slot = slots.find_slot(
            appointment.type, psychologist, start, now=now, ignore=appointment.pk
        )
        if slot is None:
            raise SlotUnavailable(SLOT_TAKEN)
        before = appointment.local_when
        appointment.psychologist = psychologist
        appointment.start, appointment.end, appointment.timezone = (
            slot.start,
            slot.end,
            slot.timezone,
        )
        appointment.sequence += 1
        try:
            with transaction.atomic():
                appointment.save(
                    update_fields=["psychologist", "start", "end", "timezone", "sequence"]
                )
        except IntegrityError as error:
            raise SlotUnavailable(SLOT_TAKEN) from error
        AppointmentEvent.record(
            appointment,
            AppointmentEvent.Action.MOVED,
            note=f"Avant : {before}. Après : {appointment.local_when}.",
        )
        emails.send_moved(appointment, now=now)
    logger.info("Appointment %s moved", appointment.pk)
    return appointment


def cancel(appointment, *, by=None, now=None):
    """Cancel `appointment`; its slot is free again at once. `by`: the staff member (any
    time; outcome « annulé par l'équipe »), or None for the person (until
    APPOINTMENTS_CANCEL_HOURS_BEFORE hours before, else CancellationRefused; outcome
    « excusé·e »). A cancelled appointment raises TransitionNotAllowed."""
    now = now or timezone.now()
    with transaction.atomic():
        appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
        found = workflow.check(appointment.status, Status.CANCELLED)
        if by is None and too_late_to_change(appointment, now):
            raise CancellationRefused(TOO_LATE_TO_CANCEL)
        source = appointment.status
        appointment.status = Status.CANCELLED
        appointment.cancelled_at = now
        appointment.outcome = Outcome.EXCUSED if by is None else Outcome.CANCELLED_BY_TEAM
        appointment.sequence += 1  # the calendar's CANCEL supersedes the invitation
        appointment.save(update_fields=["status", "cancelled_at", "outcome", "sequence"])
        AppointmentEvent.record(
            appointment,
            AppointmentEvent.Action.STATUS,
            by,
            from_status=source,
            to_status=Status.CANCELLED,
            note=found.label,
        )
        emails.send_cancelled(appointment)
    logger.info("Appointment %s cancelled", appointment.pk)
    return appointment


OUTCOME_NOT_YET = "La suite d'un rendez-vous se note une fois qu'il a commencé."
OUTCOME_CANCELLED = "Ce rendez-vous est annulé : sa suite est déjà notée."


def record_outcome(appointment, outcome, *, by, now=None):
    """Staff note what became of a confirmed appointment that has begun (vu, absent·e,
    excusé·e, annulé par l'équipe); written to its history. ValueError (French) for a
    future or cancelled appointment."""
    now = now or timezone.now()
    outcome = Outcome(outcome)
    with transaction.atomic():
        appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if appointment.status == Status.CANCELLED:
            raise ValueError(OUTCOME_CANCELLED)
        if appointment.start > now:
            raise ValueError(OUTCOME_NOT_YET)
        appointment.outcome = outcome
        appointment.save(update_fields=["outcome"])
        AppointmentEvent.record(
            appointment, AppointmentEvent.Action.OUTCOME, by, note=outcome.label
        )
        if outcome == Outcome.NO_SHOW:
            emails.send_no_show(appointment)
    return appointment


# --- The psychologist's private calendar feed (admin « Mon agenda dans mon calendrier ») ---


def create_feed(psychologist):
    """The psychologist's feed, created if she has none (her link stays the same)."""
    feed, created = AgendaFeed.objects.get_or_create(psychologist=psychologist)
    if created:
        logger.info("Agenda feed created for user %s", psychologist.pk)
    return feed


def rotate_feed(psychologist):
    """A new secret link for the psychologist's feed: every copy of the old one stops
    working at once (404)."""
    with transaction.atomic():
        feed, _created = AgendaFeed.objects.select_for_update().get_or_create(
            psychologist=psychologist
        )
        feed.token = new_feed_token()
        feed.created_at = timezone.now()
        feed.save(update_fields=["token", "created_at"])
    logger.info("Agenda feed rotated for user %s", psychologist.pk)
    return feed


def revoke_feed(psychologist):
    """No feed any more: every copy of the link answers 404."""
    deleted, _by_model = AgendaFeed.objects.filter(psychologist=psychologist).delete()
    if deleted:
        logger.info("Agenda feed revoked for user %s", psychologist.pk)
    return bool(deleted)
