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

from relier_site.transitions import Transition, TransitionNotAllowed, TransitionTable

from .models import Registration

# TransitionNotAllowed is imported from here by the app's services and views.
__all__ = ["NEW", "TRANSITIONS", "TransitionNotAllowed", "check"]

Status = Registration.Status
# The source of the transitions that create a registration.
NEW = ""


TRANSITIONS = TransitionTable(
    Transition(NEW, Status.CONFIRMED, "Inscription avec une place"),
    Transition(NEW, Status.WAITLISTED, "Inscription sur la liste d'attente"),
    Transition(Status.WAITLISTED, Status.CONFIRMED, "Sortie de la liste d'attente"),
    Transition(Status.CONFIRMED, Status.CANCELLED, "Annulation"),
    Transition(Status.WAITLISTED, Status.CANCELLED, "Annulation"),
    what="Une inscription",
    labels={NEW: "nouvelle", **dict(Status.choices)},
)


def check(source, target):
    """Return the Transition, or raise TransitionNotAllowed with a French message."""
    return TRANSITIONS.check(source, target)
