"""The transition table: what may follow what, and what each change requires."""

import pytest

from referrals import workflow
from referrals.models import Status
from referrals.workflow import TransitionNotAllowed

pytestmark = pytest.mark.one_database


class User:
    def __init__(self, *perms):
        self.perms = set(perms)

    def has_perm(self, perm):
        return perm in self.perms


HANDLER = User(workflow.HANDLE)


def targets(source):
    return [t.target for t in workflow.transitions_from(source)]


def test_the_lifecycle_of_a_request():
    assert targets(Status.NEW) == [Status.TAKEN_ON, Status.REFUSED]
    assert targets(Status.TAKEN_ON) == [Status.CONTACT_MADE, Status.REFUSED]
    assert targets(Status.CONTACT_MADE) == [
        Status.REFERRED_ON,
        Status.IN_SUPPORT,
        Status.REFUSED,
    ]
    assert targets(Status.REFERRED_ON) == [Status.CLOSED, Status.REFUSED]
    assert targets(Status.IN_SUPPORT) == [Status.CLOSED, Status.REFUSED]


def test_closed_and_refused_requests_are_final():
    assert targets(Status.CLOSED) == []
    assert targets(Status.REFUSED) == []


def test_every_status_has_a_french_label():
    statuses = {t.source for t in workflow.TRANSITIONS} | {t.target for t in workflow.TRANSITIONS}
    assert statuses == set(Status.values)
    assert Status(Status.IN_SUPPORT).label == "Accompagnement en cours"


def test_skipping_a_step_is_refused_with_a_french_message():
    with pytest.raises(TransitionNotAllowed) as error:
        workflow.check(Status.NEW, Status.CLOSED, HANDLER, reason="fini")
    assert str(error.value) == ("Une demande « Nouvelle » ne peut pas passer à « Clôturée ».")


@pytest.mark.parametrize("target", [Status.CLOSED, Status.REFUSED])
def test_closing_and_refusing_need_a_reason(target):
    source = Status.REFERRED_ON
    with pytest.raises(TransitionNotAllowed, match="Indiquez le motif"):
        workflow.check(source, target, HANDLER, reason="   ")
    assert workflow.check(source, target, HANDLER, reason="Orientée vers la mission locale")


def test_a_person_without_the_permission_cannot_change_a_status():
    with pytest.raises(TransitionNotAllowed, match="pas le droit"):
        workflow.check(Status.NEW, Status.TAKEN_ON, User())
    assert workflow.transitions_from(Status.NEW, User()) == []


def test_taking_in_charge_and_closing_tell_the_referrer():
    told = {(t.source, t.target) for t in workflow.TRANSITIONS if t.tells_referrer}
    assert (Status.NEW, Status.TAKEN_ON) in told
    assert (Status.REFERRED_ON, Status.CLOSED) in told
    assert (Status.TAKEN_ON, Status.CONTACT_MADE) not in told


def test_the_status_vocabulary_is_defined_once_in_the_model():
    """The table names the model's Status members; workflow.py keeps no second list of
    values or labels."""
    from referrals.models import OPEN_STATUSES

    for t in workflow.TRANSITIONS:
        assert type(t.source) is Status and type(t.target) is Status
    assert workflow.OPEN_STATUSES is OPEN_STATUSES
    copies = [
        name
        for name, value in vars(workflow).items()
        if isinstance(value, str) and not isinstance(value, Status) and value in Status.values
    ]
    assert copies == [] and not hasattr(workflow, "LABELS")
