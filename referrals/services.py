"""The only code that changes referrals or sends their mail.

Intake (top): `submit_referral` stores a request from a public form, its history entry
and its duplicate flag, and queues its mails in the outbox, in one transaction; a mail
that cannot be queued never undoes the request.

Triage (bottom): assignment, status changes, notes, reminders, the referrer's follow-up
mails, the logging of exports.
"""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from home.vocabulary import age_band_for

from . import emails
from .models import Referral, ReferralEvent

logger = logging.getLogger(__name__)

# A new request whose contact matches an open one from this many days is flagged.
DUPLICATE_WINDOW_DAYS = 30


def referral_for_token(token):
    """The request stored with this submission token, or None."""
    return Referral.objects.filter(submission_token=token).first()


def find_possible_duplicate(referral):
    """The most recent open request of the last 30 days with the same email address or
    phone number (normalised: E.164 phones, case-insensitive emails), or None."""
    contacts = Q()
    if referral.email:
        contacts |= Q(email__iexact=referral.email)
    if referral.phone:
        contacts |= Q(phone=referral.phone)
    if not contacts:
        return None
    since = timezone.now() - timedelta(days=DUPLICATE_WINDOW_DAYS)
    return (
        Referral.objects.open()
        .filter(contacts, created_at__gte=since)
        .exclude(pk=referral.pk)
        .order_by("-created_at")
        .first()
    )


def submit_referral(
    *,
    kind,
    data,
    submission_token,
    confirm_by_mail=True,
    notify_staff=True,
    limits=(),
):
    """Store a request received from a public form and queue its mails; return it.

    One transaction: the row, its « created » history entry, the duplicate flag (never a
    refusal) and the outbox rows (confirmation to the person and to the referrer, staff
    notification to the routing group) are stored together. The mails are queued each in
    a savepoint, after the row: a mail that cannot be queued (a routing rule saved before
    the check, any other fault) is logged with the request's id and never undoes the
    request; a staff notification that fails falls back to the Accompagnement role.
    `confirm_by_mail=False` queues no confirmation, `notify_staff=False` no notification
    (a flood: see views.py).

    A second call with the same `submission_token` stores nothing and returns the first
    request, with `duplicate_submission` set to True (False on a request stored now).

    Each of `limits` (relier_site.forms.SubmissionLimit) is recorded in the same
    transaction as a stored request; a second submission counts nothing.
    """
    now = timezone.now()
    with transaction.atomic():
        referral = Referral(
            kind=kind,
            submission_token=submission_token,
            created_at=now,
            last_activity_at=now,
            **data,
        )
        referral.age_band = age_band_for(referral.age)
        referral.possible_duplicate_of = find_possible_duplicate(referral)
        try:
            with transaction.atomic():
                referral.save()
        except IntegrityError:
            existing = referral_for_token(submission_token)
            if existing is None:
                raise
            existing.duplicate_submission = True
            return existing
        referral.duplicate_submission = False
        _event(referral, ReferralEvent.Action.CREATED, now=now, to_status=referral.status)
        if referral.possible_duplicate_of is not None:
            original = referral.possible_duplicate_of.reference
            _event(
                referral,
                ReferralEvent.Action.DUPLICATE,
                now=now,
                note=f"Doublon possible de {original}.",
            )
        if confirm_by_mail:
            _queue_safely("confirmations", referral, emails.send_confirmations, referral)
        if notify_staff:
            _notify_staff(referral)
        for limit in limits:
            limit.record()
    logger.info(
        "Referral %s received (kind %s, urgent %s, possible duplicate of %s).",
        referral.pk,
        kind,
        referral.urgent,
        referral.possible_duplicate_of_id,
    )
    return referral


def _queue_safely(what, referral, send, *args):
    """Run `send(*args)` in a savepoint; True if it worked. A failure is logged (ids only)
    and rolled back alone: the request stays stored."""
    try:
        with transaction.atomic():
            send(*args)
    except Exception:
        logger.exception("Referral %s: the %s could not be queued.", referral.pk, what)
        return False
    return True


def _notify_staff(referral):
    """The staff notification to the routing rules' recipients; to the default recipients
    (Accompagnement) if that fails."""

    def by_rules():
        emails.send_staff_notification(referral, emails.routing_recipients(referral))

    if not _queue_safely("staff notification (routing rules)", referral, by_rules):
        _queue_safely(
            "staff notification (default recipients)",
            referral,
            emails.send_staff_notification,
            referral,
            emails.default_recipients(),
        )


# --- Triage ---
# The staff side: assignment, status changes through referrals.workflow, notes, the
# reminders of overdue requests, the referrer's follow-up emails, and the logging of
# exports. Every change writes its ReferralEvent (who, when, what) in the same transaction.

from django.contrib.auth import get_user_model  # noqa: E402

from relier_site.mail.outbox import purge, reason_for, send_templated_mail  # noqa: E402
from relier_site.personal_data import blank_values  # noqa: E402
from relier_site.text import clean_text  # noqa: E402

from . import retention, workflow  # noqa: E402
from .calendar import start_of_day  # noqa: E402
from .conf import conf  # noqa: E402
from .followup import followup_url  # noqa: E402
from .models import CLOSED_STATUSES, Status  # noqa: E402
from .workflow import TransitionNotAllowed  # noqa: E402

NOTE_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 500


def handlers():
    """Active staff accounts that may handle requests (roles Accompagnement and
    Administration, and superusers): who a request can be assigned to."""
    User = get_user_model()
    perm = Q(
        groups__permissions__codename="change_referral",
        groups__permissions__content_type__app_label="referrals",
    ) | Q(
        user_permissions__codename="change_referral",
        user_permissions__content_type__app_label="referrals",
    )
    return (
        User.objects.filter(is_active=True)
        .filter(perm | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def staff_name(user):
    return (user.get_full_name() or user.get_username()) if user else "le système"


def _require_handler(user):
    if not user.has_perm(workflow.HANDLE):
        raise TransitionNotAllowed("Vous n'avez pas le droit de traiter les demandes.")


def _locked(referral):
    return Referral.objects.select_for_update().get(pk=referral.pk)


def _event(referral, action, actor=None, *, now=None, **fields):
    return ReferralEvent.record(referral, action, actor, at=now or timezone.now(), **fields)


def _assign(referral, assignee, actor, now):
    referral.assigned_to = assignee
    _event(
        referral,
        ReferralEvent.Action.ASSIGNED,
        actor,
        now=now,
        note=f"Attribuée à {staff_name(assignee)}",
    )


def _apply(referral, transition, actor, reason, now):
    from_status = referral.status
    if transition.requires_assignee and referral.assigned_to is None:
        _assign(referral, actor, actor, now)
    referral.status = transition.target
    if transition.requires_reason:
        referral.status_reason = reason
    if transition.records_first_contact and referral.first_contact_at is None:
        referral.first_contact_at = now
    if transition.closes:
        referral.closed_at = now
    referral.last_activity_at = now
    referral.save()
    _event(
        referral,
        ReferralEvent.Action.STATUS,
        actor,
        now=now,
        from_status=from_status,
        to_status=transition.target,
        note=reason if transition.requires_reason else "",
    )
    if transition.tells_referrer:
        send_followup(referral)


@transaction.atomic
def assign(referral, assignee, *, actor, now=None):
    """Give the request to `assignee` (a person with the role). A « Nouvelle » request is
    taken in charge at the same time (nouvelle → prise en charge)."""
    _require_handler(actor)
    if assignee is None or not handlers().filter(pk=assignee.pk).exists():
        raise TransitionNotAllowed(
            "Cette personne ne peut pas suivre les demandes (rôle Accompagnement requis)."
        )
    now = now or timezone.now()
    referral = _locked(referral)
    if referral.anonymised_at:
        raise TransitionNotAllowed("Cette demande est anonymisée : elle ne peut plus changer.")
    _assign(referral, assignee, actor, now)
    referral.last_activity_at = now
    referral.save(update_fields=["assigned_to", "last_activity_at"])
    if referral.status == Status.NEW:
        _apply(referral, workflow.transition(Status.NEW, Status.TAKEN_ON), actor, "", now)
    return referral


@transaction.atomic
def change_status(referral, target, *, actor, reason="", now=None):
    """Move the request to `target` if referrals.workflow allows it (TransitionNotAllowed,
    with a French message, otherwise)."""
    now = now or timezone.now()
    referral = _locked(referral)
    if referral.anonymised_at:
        raise TransitionNotAllowed("Cette demande est anonymisée : elle ne peut plus changer.")
    reason = clean_text(reason, REASON_MAX_LENGTH, multiline=True).strip()
    transition = workflow.check(referral.status, target, actor, reason=reason)
    _apply(referral, transition, actor, reason, now)
    return referral


@transaction.atomic
def add_note(referral, text, *, actor, now=None):
    _require_handler(actor)
    text = clean_text(text, NOTE_MAX_LENGTH, multiline=True).strip()
    if not text:
        raise TransitionNotAllowed("La note est vide.")
    now = now or timezone.now()
    referral = _locked(referral)
    if referral.anonymised_at:
        raise TransitionNotAllowed("Cette demande est anonymisée : elle ne peut plus changer.")
    referral.last_activity_at = now
    referral.save(update_fields=["last_activity_at"])
    return _event(referral, ReferralEvent.Action.NOTE, actor, now=now, note=text)


def send_followup(referral):
    """The referrer's email when the request is taken in charge and when it is closed:
    the reference, the status and the follow-up link, nothing about the young person."""
    if not referral.referrer_email:
        return None
    return send_templated_mail(
        "emails/referrals/followup",
        {
            "reference": referral.reference,
            "status_label": referral.get_status_display(),
            "is_closed": referral.status in CLOSED_STATUSES,
            "followup_url": followup_url(referral),
            "link_days": conf.FOLLOWUP_LINK_DAYS,
        },
        [referral.referrer_email],
        about=referral,
        reason_key=reason_for(referral, f"followup:{referral.status}"),
    )


def send_reminders(*, now=None):
    """Daily job: remind the routing group of every request still « Nouvelle » after
    REFERRALS_REMINDER_WORKING_DAYS working days, at most once a day per request.
    Returns how many reminders were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    for referral in Referral.objects.overdue(today).filter(anonymised_at__isnull=True):
        reason_key = reason_for(referral, f"reminder:{today.isoformat()}")
        if referral.events.filter(
            action=ReferralEvent.Action.REMINDER, at__gte=start_of_day(today)
        ).exists():
            continue
        recipients = emails.routing_recipients(referral)
        with transaction.atomic():
            if recipients:
                send_templated_mail(
                    "emails/referrals/reminder",
                    {
                        "reference": referral.reference,
                        "kind_label": referral.get_kind_display(),
                        "programme_label": referral.get_programme_display(),
                        "departement": referral.departement,
                        "urgent": referral.urgent,
                        "received_on": timezone.localtime(referral.created_at).date(),
                        "working_days": conf.REMINDER_WORKING_DAYS,
                        "admin_url": emails.admin_url(referral),
                    },
                    recipients,
                    about=referral,
                    reason_key=reason_key,
                )
            _event(
                referral,
                ReferralEvent.Action.REMINDER,
                now=now,
                note=f"Relance envoyée à {len(recipients)} adresse(s)"
                if recipients
                else "Personne à prévenir (ni règle d'acheminement, ni membre du rôle "
                "Accompagnement avec une adresse) : relance non envoyée",
            )
        if not recipients:
            logger.warning("Referral %s is overdue and nobody can be reminded", referral.pk)
        sent += 1
    return sent


@transaction.atomic
def log_export(referrals, *, actor, file_format):
    """One ReferralEvent per exported request (who exported it, when, in which format):
    no personal value in it."""
    now = timezone.now()
    ReferralEvent.objects.bulk_create(
        ReferralEvent(
            referral_id=pk,
            action=ReferralEvent.Action.EXPORT,
            actor=actor,
            at=now,
            note=f"Export {file_format.upper()} de la liste",
        )
        for pk in referrals
    )


# --- Retention and the rights of the person ---
# referrals.retention says what is blanked and when; these functions apply it.


def _anonymise(referral, now, *, action, actor=None):
    for name, value in retention.BLANKED_FIELDS.items():
        setattr(referral, name, value)
    referral.anonymised_at = now
    referral.save()
    referral.events.update(**blank_values(ReferralEvent))
    # A referral that was the original of others: they no longer point at it.
    Referral.objects.filter(possible_duplicate_of=referral).update(possible_duplicate_of=None)
    purge(referral)
    _event(referral, action, actor, now=now)


def anonymise_expired(*, now=None):
    """Daily job « referral_retention »: anonymise the requests past the retention period
    (referrals.retention), one transaction per request; returns how many."""
    now = now or timezone.now()
    done = 0
    stale = Referral.objects.filter(
        anonymised_at__isnull=True, last_activity_at__lt=retention.retention_limit(now)
    ).values_list("pk", flat=True)
    for pk in list(stale):
        with transaction.atomic():
            _anonymise(_locked(Referral(pk=pk)), now, action=ReferralEvent.Action.ANONYMISED)
        done += 1
    return done


@transaction.atomic
def erase(referral, *, actor, now=None):
    """Right to erasure: blank everything personal about the request now, and log who
    erased it (the event holds no personal value)."""
    now = now or timezone.now()
    referral = _locked(referral)
    _anonymise(referral, now, action=ReferralEvent.Action.ERASED, actor=actor)
    return referral


@transaction.atomic
def log_access_export(referral, *, actor):
    """Right of access: record who downloaded everything about the person, and when."""
    return _event(referral, ReferralEvent.Action.ACCESS_EXPORT, actor)
