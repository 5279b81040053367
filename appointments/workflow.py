"""The life of an appointment, as one table: which state may follow which.
`services.py` checks every change of `Appointment.status` here (`check`) and writes it
to the appointment's history (AppointmentEvent), in the same transaction.

    (new) → confirmé (the slot was free)
    confirmé → annulé (the person, until APPOINTMENTS_CANCEL_HOURS_BEFORE hours before;
                       staff, at any time)

Annulé is final and frees the slot at once: booking it again is a new appointment. The
outcome (vu, absent·e, excusé·e, annulé par l'équipe) is not a state: cancelling sets
it, and staff record it on a past confirmed appointment (`services.record_outcome`).
"""

from relier_site.transitions import Transition, TransitionNotAllowed, TransitionTable

from .models import Appointment

# TransitionNotAllowed is imported from here by the app's services.
__all__ = ["NEW", "TRANSITIONS", "TransitionNotAllowed", "check"]

Status = Appointment.Status
# The source of the transition that creates an appointment.
NEW = ""


TRANSITIONS = TransitionTable(
    Transition(NEW, Status.CONFIRMED, "Rendez-vous pris"),
    Transition(Status.CONFIRMED, Status.CANCELLED, "Annulation"),
    what="Un rendez-vous",
    labels={NEW: "nouveau", **dict(Status.choices)},
)


def check(source, target):
    """Return the Transition, or raise TransitionNotAllowed with a French message."""
    return TRANSITIONS.check(source, target)
