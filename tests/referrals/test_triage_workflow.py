"""The transition table: what may follow what, and what each change requires."""

import pytest

from referrals import workflow
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
    assert targets(workflow.NOUVELLE) == [workflow.PRISE_EN_CHARGE, workflow.REFUSEE]
    assert targets(workflow.PRISE_EN_CHARGE) == [workflow.CONTACT_ETABLI, workflow.REFUSEE]
    assert targets(workflow.CONTACT_ETABLI) == [
        workflow.ORIENTEE,
        workflow.ACCOMPAGNEMENT,
        workflow.REFUSEE,
    ]
    assert targets(workflow.ORIENTEE) == [workflow.CLOTUREE, workflow.REFUSEE]
    assert targets(workflow.ACCOMPAGNEMENT) == [workflow.CLOTUREE, workflow.REFUSEE]


def test_closed_and_refused_requests_are_final():
    assert targets(workflow.CLOTUREE) == []
    assert targets(workflow.REFUSEE) == []


def test_every_status_has_a_french_label():
    statuses = {t.source for t in workflow.TRANSITIONS} | {t.target for t in workflow.TRANSITIONS}
    assert statuses == set(workflow.LABELS)
    assert workflow.LABELS[workflow.ACCOMPAGNEMENT] == "Accompagnement en cours"


def test_skipping_a_step_is_refused_with_a_french_message():
    with pytest.raises(TransitionNotAllowed) as error:
        workflow.check(workflow.NOUVELLE, workflow.CLOTUREE, HANDLER, reason="fini")
    assert str(error.value) == ("Une demande « Nouvelle » ne peut pas passer à « Clôturée ».")


@pytest.mark.parametrize("target", [workflow.CLOTUREE, workflow.REFUSEE])
def test_closing_and_refusing_need_a_reason(target):
    source = workflow.ORIENTEE
    with pytest.raises(TransitionNotAllowed, match="Indiquez le motif"):
        workflow.check(source, target, HANDLER, reason="   ")
    assert workflow.check(source, target, HANDLER, reason="Orientée vers la mission locale")


def test_a_person_without_the_permission_cannot_change_a_status():
    with pytest.raises(TransitionNotAllowed, match="pas le droit"):
        workflow.check(workflow.NOUVELLE, workflow.PRISE_EN_CHARGE, User())
    assert workflow.transitions_from(workflow.NOUVELLE, User()) == []


def test_taking_in_charge_and_closing_tell_the_referrer():
    told = {(t.source, t.target) for t in workflow.TRANSITIONS if t.tells_referrer}
    assert (workflow.NOUVELLE, workflow.PRISE_EN_CHARGE) in told
    assert (workflow.ORIENTEE, workflow.CLOTUREE) in told
    assert (workflow.PRISE_EN_CHARGE, workflow.CONTACT_ETABLI) not in told


def test_the_table_uses_the_statuses_and_labels_of_the_model():
    from referrals.models import OPEN_STATUSES, Status

    assert dict(Status.choices) == workflow.LABELS
    assert tuple(OPEN_STATUSES) == workflow.OPEN_STATUSES
