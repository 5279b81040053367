"""The life of a request, as one table: which status may follow which, who may make the
change and what it requires. `services.change_status` is the only code that applies it.

    nouvelle → prise en charge (someone is assigned) → contact établi
             → orientée or accompagnement en cours → clôturée (reason)
    refusée (reason) from any open status

Statuses are `referrals.models.Status` (values and French labels, defined once there).
"""

from dataclasses import dataclass

from relier_site import transitions
from relier_site.transitions import TransitionNotAllowed, TransitionTable

from .models import OPEN_STATUSES, Status

# TransitionNotAllowed is imported from here by the app's services and views.
__all__ = ["TRANSITIONS", "TransitionNotAllowed", "check", "transition", "transitions_from"]

# Who may act: the permission Accompagnement and Administration hold on referrals.
HANDLE = "referrals.change_referral"


@dataclass(frozen=True)
class Transition(transitions.Transition):
    """`label`: the button staff press."""

    permission: str = HANDLE
    requires_assignee: bool = False  # nobody assigned yet: the person acting takes it
    requires_reason: bool = False  # a reason, kept in status_reason
    records_first_contact: bool = False  # sets first_contact_at (time to first contact)
    closes: bool = False  # sets closed_at
    tells_referrer: bool = False  # the referring professional gets the follow-up email


def _refuse(source):
    return Transition(
        source,
        Status.REFUSED,
        "Refuser la demande",
        requires_reason=True,
        closes=True,
        tells_referrer=True,
    )


TRANSITIONS = TransitionTable(
    Transition(
        Status.NEW,
        Status.TAKEN_ON,
        "Prendre en charge",
        requires_assignee=True,
        tells_referrer=True,
    ),
    Transition(Status.TAKEN_ON, Status.CONTACT_MADE, "Contact établi", records_first_contact=True),
    Transition(Status.CONTACT_MADE, Status.REFERRED_ON, "Orientée"),
    Transition(Status.CONTACT_MADE, Status.IN_SUPPORT, "Accompagnement en cours"),
    Transition(
        Status.REFERRED_ON,
        Status.CLOSED,
        "Clôturer",
        requires_reason=True,
        closes=True,
        tells_referrer=True,
    ),
    Transition(
        Status.IN_SUPPORT,
        Status.CLOSED,
        "Clôturer",
        requires_reason=True,
        closes=True,
        tells_referrer=True,
    ),
    *(_refuse(source) for source in OPEN_STATUSES),
    what="Une demande",
    labels=dict(Status.choices),
)


def transition(source, target):
    """The Transition from `source` to `target`, or None when the table has none."""
    return TRANSITIONS.get(source, target)


def transitions_from(source, user=None):
    """The changes possible from `source` (for `user`, when given), in table order."""
    return [
        t for t in TRANSITIONS.from_source(source) if user is None or user.has_perm(t.permission)
    ]


def check(source, target, user, *, reason=""):
    """Return the Transition, or raise TransitionNotAllowed with a French message."""
    found = TRANSITIONS.check(source, target)
    if user is not None and not user.has_perm(found.permission):
        raise TransitionNotAllowed("Vous n'avez pas le droit de changer le statut des demandes.")
    if found.requires_reason and not reason.strip():
        raise TransitionNotAllowed(
            f"Indiquez le motif pour passer la demande à « {Status(target).label} »."
        )
    return found
