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
once: its slot is bookable again, unless someone on the waiting list matches it (then,
in the cancellation's transaction, it is held for them: `offer_freed_slot`).

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

from relier_site import timezones
from relier_site.mail.outbox import purge
from relier_site.personal_data import blank_values

from . import emails, retention, slots, workflow
from .conf import conf
from .models import (
    AgendaFeed,
    Appointment,
    AppointmentEvent,
    SlotOffer,
    WaitingRequest,
    new_feed_token,
    new_nonce,
)

logger = logging.getLogger(__name__)

Status = Appointment.Status
Outcome = Appointment.Outcome

# What `book` stores from the cleaned form data (anything else is ignored).
PERSON_FIELDS = (
    "first_name",
    "age_band",
    "phone",
    "email",
    "call_preference",
    "reason",
    "trusted_adult_name",
    "trusted_adult_phone",
)

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


REFERRAL_ALREADY_BOOKED = (
    "Un rendez-vous est déjà pris pour ce jeune à la suite de cette orientation : "
    "il n'en faut qu'un pour commencer."
)


class ReferralAlreadyBooked(Exception):
    """The referral already has an active appointment; nothing was stored. French
    message; `appointment` is the one it has."""

    def __init__(self, appointment):
        super().__init__(REFERRAL_ALREADY_BOOKED)
        self.appointment = appointment


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
    referral_id=None,
    now=None,
):
    """Book the slot of `psychologist` that starts at `start` (aware) for a person
    (`person`: cleaned form data, PERSON_FIELDS and `reminder_by_sms`). Returns the
    Appointment; the same form sent twice (`submission_key`) returns the first one, with
    `duplicate_submission` set. Raises SlotUnavailable (nothing stored) when the slot is
    not free. `limits` (relier_site.forms.SubmissionLimit) are recorded with a new
    appointment, in its transaction. `referral_id`: the professional who referred the
    young person books for them (README « Un rendez-vous pris par la personne qui
    oriente »); a referral holds one active appointment at most (else
    ReferralAlreadyBooked, and a conditional unique constraint behind it)."""
    with transaction.atomic():
        _lock_psychologist(psychologist)
        if submission_key:
            repeated = Appointment.objects.filter(submission_key=submission_key).first()
            if repeated is not None:
                repeated.duplicate_submission = True
                return repeated
        if referral_id is not None:
            held = Appointment.objects.filter(
                referral_id=referral_id, status=Status.CONFIRMED
            ).first()
            if held is not None:
                raise ReferralAlreadyBooked(held)
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
            referral_id=referral_id,
            booked_by_referrer=referral_id is not None,
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
        freed = (appointment.psychologist, appointment.start)
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
        # The slot left behind goes to the waiting list first, as after a cancellation.
        offer_freed_slot(appointment.type, *freed, now=now)
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
        offer_freed_slot(appointment.type, appointment.psychologist, appointment.start, now=now)
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


# --- Waiting list ---------------------------------------------------------------------
# A person who found no slot that suits them asks to be told of one (ask_for_a_slot).
# A slot freed by a cancellation (`cancel` calls offer_freed_slot in its own
# transaction) is offered to the first matching request: same type, the slot's weekday
# among the request's days (none: any day), still waiting, fewer than MAX_OFFERS offers
# made, never offered this slot before. The slot is held for that person (the slot
# engine offers it to nobody else) until the offer expires, OFFER_HOLD_HOURS later at
# most; the periodic task `appointments.tasks.expire_offers` then passes it on.
# Accepting books through `book`; declining, expiring or withdrawing passes it on.

MAX_OFFERS = 3
WaitingStatus = WaitingRequest.Status
OfferStatus = SlotOffer.Status

# What ask_for_a_slot stores from the cleaned form data.
WAITING_PERSON_FIELDS = ("first_name", "age_band", "phone", "email", "reminder_by_sms")

OFFER_GONE = (
    "Ce créneau n'est plus réservé pour vous : le délai pour répondre est passé, ou vous "
    "avez déjà répondu. Vous restez prévenu·e des prochains créneaux qui se libèrent."
)


class OfferUnavailable(Exception):
    """The offer is no longer open (answered or expired); nothing changed. French
    message."""


def ask_for_a_slot(appointment_type, weekdays, person, submission_key="", *, limits=(), now=None):
    """Put a person on the waiting list of `appointment_type` for `weekdays` (Weekday
    numbers; empty: any day). `person`: cleaned form data (WAITING_PERSON_FIELDS). The
    same form sent twice (`submission_key`) returns the first request. The flood
    `limits` (relier_site.forms.SubmissionLimit) are recorded in the transaction."""
    now = now or timezone.now()
    with transaction.atomic():
        if submission_key:
            repeated = WaitingRequest.objects.filter(submission_key=submission_key).first()
            if repeated is not None:
                return repeated
        waiting_request = WaitingRequest.objects.create(
            type=appointment_type,
            weekdays=sorted({int(day) for day in weekdays}),
            submission_key=submission_key,
            created_at=now,
            changed_at=now,
            **{
                name: bool(person.get(name))
                if name == "reminder_by_sms"
                else (person.get(name) or "")
                for name in WAITING_PERSON_FIELDS
            },
        )
        for limit in limits:
            limit.record()
        emails.send_waiting(waiting_request, "waiting_received", "received")
    logger.info("Waiting request %s (type %s)", waiting_request.pk, appointment_type.pk)
    return waiting_request


def _matches(waiting_request, weekday):
    return not waiting_request.weekdays or weekday in waiting_request.weekdays


def offer_freed_slot(appointment_type, psychologist, start, *, now=None):
    """Offer the slot of `psychologist` at `start`, if the slot engine offers it, to the
    first matching waiting request (see above); returns the SlotOffer, or None when the
    slot is not free or nobody waits for it. In the caller's transaction when there is
    one: the offer and its email are stored with the change that freed the slot."""
    now = now or timezone.now()
    with transaction.atomic():
        slot = slots.find_slot(appointment_type, psychologist, start, now=now)
        if slot is None:
            return None
        expires_at = min(
            now + timedelta(hours=conf.OFFER_HOLD_HOURS),
            slot.start - timedelta(hours=appointment_type.minimum_notice_hours),
        )
        if expires_at <= now:
            return None
        weekday = timezones.local(slot.start, slot.timezone).weekday()
        offered_before = SlotOffer.objects.filter(
            psychologist=psychologist, start=slot.start
        ).values("request_id")
        candidates = (
            WaitingRequest.objects.filter(
                type=appointment_type,
                status=WaitingStatus.WAITING,
                offers_made__lt=MAX_OFFERS,
                anonymised_at__isnull=True,
            )
            .exclude(pk__in=offered_before)
            .order_by("created_at", "pk")
            .only("pk", "weekdays")
        )
        for candidate in candidates:
            if not _matches(candidate, weekday):
                continue
            waiting_request = (
                WaitingRequest.objects.select_for_update()
                .filter(pk=candidate.pk, status=WaitingStatus.WAITING)
                .first()
            )
            if waiting_request is None:  # answered meanwhile
                continue
            offer = SlotOffer(
                request=waiting_request,
                psychologist=psychologist,
                start=slot.start,
                end=slot.end,
                timezone=slot.timezone,
                expires_at=expires_at,
                created_at=now,
            )
            try:
                with transaction.atomic():
                    offer.save()
            except IntegrityError:  # offered at the same moment by another path
                return None
            waiting_request.status = WaitingStatus.OFFERED
            waiting_request.offers_made += 1
            waiting_request.changed_at = now
            waiting_request.save(update_fields=["status", "offers_made", "changed_at"])
            when = {
                "slot_when": timezones.moment_text(offer.start, offer.timezone),
                "hold_until": timezones.moment_text(expires_at, offer.timezone),
            }
            emails.send_waiting(waiting_request, "waiting_offered", f"offer:{offer.pk}", **when)
            emails.send_offer_sms(waiting_request, offer, **when)
            logger.info("Slot offer %s to waiting request %s", offer.pk, waiting_request.pk)
            return offer
    return None


def _locked_offer(offer):
    return (
        SlotOffer.objects.select_for_update()
        .select_related("request__type", "psychologist")
        .get(pk=offer.pk)
    )


def _close_offer(offer, status, now):
    """End an open offer (declined, expired): its request waits again, or is closed
    after MAX_OFFERS offers."""
    offer.status = status
    offer.save(update_fields=["status"])
    waiting_request = WaitingRequest.objects.select_for_update().get(pk=offer.request_id)
    if waiting_request.status == WaitingStatus.OFFERED:
        waiting_request.status = (
            WaitingStatus.WAITING
            if waiting_request.offers_made < MAX_OFFERS
            else WaitingStatus.CLOSED
        )
    waiting_request.changed_at = now
    waiting_request.save(update_fields=["status", "changed_at"])
    return waiting_request


def accept_offer(offer, *, now=None):
    """« Je prends ce créneau »: book the offered slot through `book` for the person of
    the request (status BOOKED). Raises OfferUnavailable when the offer is no longer
    open, SlotUnavailable when the slot was taken anyway (nothing changed)."""
    now = now or timezone.now()
    with transaction.atomic():
        offer = _locked_offer(offer)
        if offer.status != OfferStatus.OPEN or offer.expires_at <= now:
            raise OfferUnavailable(OFFER_GONE)
        waiting_request = WaitingRequest.objects.select_for_update().get(pk=offer.request_id)
        # No longer held: the slot engine now sees the slot free for this booking.
        offer.status = OfferStatus.ACCEPTED
        offer.save(update_fields=["status"])
        person = {name: getattr(waiting_request, name, "") for name in PERSON_FIELDS}
        appointment = book(
            waiting_request.type,
            offer.psychologist,
            offer.start,
            person,
            submission_key=f"offer:{offer.pk}",
            now=now,
        )
        appointment.reminder_by_sms = waiting_request.reminder_by_sms
        appointment.save(update_fields=["reminder_by_sms"])
        offer.appointment = appointment
        offer.save(update_fields=["appointment"])
        waiting_request.status = WaitingStatus.BOOKED
        waiting_request.changed_at = now
        waiting_request.save(update_fields=["status", "changed_at"])
    logger.info("Slot offer %s accepted: appointment %s", offer.pk, appointment.pk)
    return appointment


def decline_offer(offer, *, now=None):
    """« Il ne me convient pas »: the person waits for another slot (or the request
    closes after MAX_OFFERS offers) and the slot is offered to the next person. Does
    nothing to an offer already answered or expired."""
    now = now or timezone.now()
    with transaction.atomic():
        offer = _locked_offer(offer)
        if offer.status != OfferStatus.OPEN:
            return offer
        _close_offer(offer, OfferStatus.DECLINED, now)
        offer_freed_slot(offer.request.type, offer.psychologist, offer.start, now=now)
    return offer


def withdraw(waiting_request, *, now=None):
    """« Je ne souhaite plus être prévenu·e »: the request is withdrawn, and a slot it
    held is offered to the next person. A booked or closed request stays as it is."""
    now = now or timezone.now()
    with transaction.atomic():
        open_offer = (
            SlotOffer.objects.select_for_update()
            .filter(request=waiting_request, status=OfferStatus.OPEN)
            .first()
        )
        if open_offer is not None:
            decline_offer(open_offer, now=now)
        waiting_request = WaitingRequest.objects.select_for_update().get(pk=waiting_request.pk)
        if waiting_request.status in (WaitingStatus.WAITING, WaitingStatus.OFFERED):
            waiting_request.status = WaitingStatus.WITHDRAWN
            waiting_request.changed_at = now
            waiting_request.save(update_fields=["status", "changed_at"])
    return waiting_request


def expire_offers(*, now=None):
    """The periodic task `appointments.tasks.expire_offers`: every open offer whose hold
    is over expires (the person is told, and waits again or, after MAX_OFFERS offers, no
    longer), and its slot is offered to the next person; one transaction per offer.
    Returns how many expired."""
    now = now or timezone.now()
    due = SlotOffer.objects.filter(status=OfferStatus.OPEN, expires_at__lte=now)
    expired = 0
    for pk in list(due.order_by("expires_at", "pk").values_list("pk", flat=True)):
        with transaction.atomic():
            offer = _locked_offer(SlotOffer(pk=pk))
            if offer.status != OfferStatus.OPEN:
                continue
            waiting_request = _close_offer(offer, OfferStatus.EXPIRED, now)
            emails.send_waiting(
                waiting_request,
                "waiting_expired",
                f"expired:{offer.pk}",
                slot_when=timezones.moment_text(offer.start, offer.timezone),
                still_waiting=waiting_request.status == WaitingStatus.WAITING,
            )
            offer_freed_slot(waiting_request.type, offer.psychologist, offer.start, now=now)
        expired += 1
    if expired:
        logger.info("Slot offers expired: %s", expired)
    return expired


# --- Retention and the rights of the person (appointments.retention) ------------------


def _anonymise_appointments(pks, now, action, actor=None):
    Appointment.objects.filter(pk__in=pks, anonymised_at__isnull=True).update(
        **blank_values(Appointment), manage_nonce=new_nonce(), anonymised_at=now
    )
    AppointmentEvent.objects.filter(appointment_id__in=pks).update(**blank_values(AppointmentEvent))
    AppointmentEvent.objects.bulk_create(
        AppointmentEvent(appointment_id=pk, action=action, actor=actor, at=now) for pk in pks
    )
    purge(*Appointment.objects.filter(pk__in=pks).only("pk"))


def _anonymise_waiting_requests(pks, now):
    WaitingRequest.objects.filter(pk__in=pks, anonymised_at__isnull=True).update(
        **blank_values(WaitingRequest), manage_nonce=new_nonce(), anonymised_at=now
    )
    # A slot still held for an anonymised request is passed on by expire_offers.
    SlotOffer.objects.filter(request_id__in=pks, status=OfferStatus.OPEN).update(expires_at=now)
    purge(*WaitingRequest.objects.filter(pk__in=pks).only("pk"))


def anonymise_expired(*, now=None):
    """Daily job « appointments_retention »: anonymise the appointments and the waiting
    requests past their retention period (appointments.retention), by chunks of
    retention.CHUNK, one transaction per chunk. Returns how many rows were anonymised."""
    now = now or timezone.now()
    done = 0
    for due, anonymise in (
        (
            retention.due_appointments(now),
            lambda pks: _anonymise_appointments(pks, now, AppointmentEvent.Action.ANONYMISED),
        ),
        (retention.due_waiting_requests(now), lambda pks: _anonymise_waiting_requests(pks, now)),
    ):
        pks = list(due.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), retention.CHUNK):
            with transaction.atomic():
                anonymise(pks[start : start + retention.CHUNK])
        done += len(pks)
    if done:
        logger.info("Appointments retention: %s rows anonymised.", done)
    return done


def log_access_export(appointment, *, actor):
    """Right of access: the export of the person's data is written to the appointment's
    history (who, when; nothing of the data)."""
    with transaction.atomic():
        AppointmentEvent.record(appointment, AppointmentEvent.Action.EXPORTED, actor)
    logger.info("Appointment %s data exported by user %s", appointment.pk, actor.pk)


def erase(row, *, actor, now=None):
    """Right to erasure of an Appointment or a WaitingRequest: blank everything personal
    about it now (for a request, the appointment booked from its offer too); logged with
    ids and the staff member only."""
    now = now or timezone.now()
    with transaction.atomic():
        if isinstance(row, WaitingRequest):
            _anonymise_waiting_requests([row.pk], now)
            booked = list(
                SlotOffer.objects.filter(request=row, appointment__isnull=False).values_list(
                    "appointment_id", flat=True
                )
            )
        else:
            booked = [row.pk]
        if booked:
            _anonymise_appointments(booked, now, AppointmentEvent.Action.ERASED, actor)
    logger.info("%s %s erased by user %s", type(row).__name__, row.pk, getattr(actor, "pk", None))
    row.refresh_from_db()
    return row
