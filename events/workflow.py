"""The life of a registration, as one table: which state may follow which.
`services.py` checks every change of `Registration.status` here (`check`) and writes it
to the registration's history (RegistrationEvent), in the same transaction.

    (new) → confirmée (a place is free) or liste d'attente (the session is full)
    liste d'attente → confirmée (a place is freed: the first one waiting takes it)
    confirmée or liste d'attente → annulée (the person's link or staff)

Annulée is final: registering again is a new registration. Attendance (présent·e,
absent·e) is not a state: it is recorded on confirmed registrations only
(`services.mark_attendance`) and written to the history too.
"""

from dataclasses import dataclass

from .models import Registration

Status = Registration.Status
# The source of the transitions that create a registration.
NEW = ""


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    label: str  # what the history says


TRANSITIONS = (
    Transition(NEW, Status.CONFIRMED, "Inscription avec une place"),
    Transition(NEW, Status.WAITLISTED, "Inscription sur la liste d'attente"),
    Transition(Status.WAITLISTED, Status.CONFIRMED, "Sortie de la liste d'attente"),
    Transition(Status.CONFIRMED, Status.CANCELLED, "Annulation"),
    Transition(Status.WAITLISTED, Status.CANCELLED, "Annulation"),
)

_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}


class TransitionNotAllowed(Exception):
    """The change is not in the table. The message is French, for staff."""


def _label(status):
    return Status(status).label if status in Status.values else "nouvelle"


def transition(source, target):
    """The Transition from `source` to `target`, or None when the table has none."""
    return _BY_PAIR.get((source, target))


def check(source, target):
    """Return the Transition, or raise TransitionNotAllowed with a French message."""
    found = transition(source, target)
    if found is None:
        raise TransitionNotAllowed(
            f"Une inscription « {_label(source)} » ne peut pas passer à « {_label(target)} »."
        )
    return found
