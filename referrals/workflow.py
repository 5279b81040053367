"""The life of a request, as one table: which status may follow which, who may make the
change and what it requires. `services.change_status` is the only code that applies it.

    nouvelle → prise en charge (someone is assigned) → contact établi
             → orientée or accompagnement en cours → clôturée (reason)
    refusée (reason) from any open status

Statuses are the values of `Referral.status` (referrals.models); their French labels are
repeated here so that the table reads on its own.
"""

from dataclasses import dataclass

NOUVELLE = "nouvelle"
PRISE_EN_CHARGE = "prise_en_charge"
CONTACT_ETABLI = "contact_etabli"
ORIENTEE = "orientee"
ACCOMPAGNEMENT = "accompagnement"
CLOTUREE = "cloturee"
REFUSEE = "refusee"

LABELS = {
    NOUVELLE: "Nouvelle",
    PRISE_EN_CHARGE: "Prise en charge",
    CONTACT_ETABLI: "Contact établi",
    ORIENTEE: "Orientée",
    ACCOMPAGNEMENT: "Accompagnement en cours",
    CLOTUREE: "Clôturée",
    REFUSEE: "Refusée",
}
OPEN_STATUSES = (NOUVELLE, PRISE_EN_CHARGE, CONTACT_ETABLI, ORIENTEE, ACCOMPAGNEMENT)
FINAL_STATUSES = (CLOTUREE, REFUSEE)

# Who may act: the permission Accompagnement and Administration hold on referrals.
HANDLE = "referrals.change_referral"


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    label: str  # the button staff press
    permission: str = HANDLE
    requires_assignee: bool = False  # nobody assigned yet: the person acting takes it
    requires_reason: bool = False  # a reason, kept in status_reason
    records_first_contact: bool = False  # sets first_contact_at (time to first contact)
    closes: bool = False  # sets closed_at
    tells_referrer: bool = False  # the referring professional gets the follow-up email


def _refuse(source):
    return Transition(
        source,
        REFUSEE,
        "Refuser la demande",
        requires_reason=True,
        closes=True,
        tells_referrer=True,
    )


TRANSITIONS = (
    Transition(
        NOUVELLE,
        PRISE_EN_CHARGE,
        "Prendre en charge",
        requires_assignee=True,
        tells_referrer=True,
    ),
    Transition(PRISE_EN_CHARGE, CONTACT_ETABLI, "Contact établi", records_first_contact=True),
    Transition(CONTACT_ETABLI, ORIENTEE, "Orientée"),
    Transition(CONTACT_ETABLI, ACCOMPAGNEMENT, "Accompagnement en cours"),
    Transition(
        ORIENTEE, CLOTUREE, "Clôturer", requires_reason=True, closes=True, tells_referrer=True
    ),
    Transition(
        ACCOMPAGNEMENT, CLOTUREE, "Clôturer", requires_reason=True, closes=True, tells_referrer=True
    ),
    *(_refuse(source) for source in OPEN_STATUSES),
)

_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}


class TransitionNotAllowed(Exception):
    """The change is not in the table, or the person may not make it, or something it
    requires is missing. The message is French, for staff."""


def transition(source, target):
    """The Transition from `source` to `target`, or None when the table has none."""
    return _BY_PAIR.get((source, target))


def transitions_from(source, user=None):
    """The changes possible from `source` (for `user`, when given), in table order."""
    return [
        t
        for t in TRANSITIONS
        if t.source == source and (user is None or user.has_perm(t.permission))
    ]


def check(source, target, user, *, reason=""):
    """Return the Transition, or raise TransitionNotAllowed with a French message."""
    found = transition(source, target)
    if found is None:
        raise TransitionNotAllowed(
            f"Une demande « {LABELS.get(source, source)} » ne peut pas passer à "
            f"« {LABELS.get(target, target)} »."
        )
    if user is not None and not user.has_perm(found.permission):
        raise TransitionNotAllowed("Vous n'avez pas le droit de changer le statut des demandes.")
    if found.requires_reason and not reason.strip():
        raise TransitionNotAllowed(
            f"Indiquez le motif pour passer la demande à « {LABELS[target]} »."
        )
    return found
