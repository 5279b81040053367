"""The life of a registration as one table (events.workflow), applied by events.services
for every change of state, and its history (RegistrationEvent, the same mechanism as the
requests' history: relier_site.history), shown to staff on the session's page."""

import pytest
from django.urls import reverse

from events import services, workflow
from events.models import Registration, RegistrationEvent
from referrals.models import ReferralEvent
from relier_site.history import HistoryEntry
from tests.events.staff_helpers import (
    CANCELLED,
    CONFIRMED,
    WAITLISTED,
    accompagnement,
    make_event,
    make_registration,
    make_session,
)
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

Action = RegistrationEvent.Action


@pytest.fixture
def session(home_page):
    return make_session(make_event(home_page), capacity=1)


def history(registration):
    return list(registration.history.order_by("at", "pk"))


def test_the_table_allows_the_life_of_a_registration_and_nothing_else():
    allowed = {(t.source, t.target) for t in workflow.TRANSITIONS}
    assert allowed == {
        (workflow.NEW, CONFIRMED),
        (workflow.NEW, WAITLISTED),
        (WAITLISTED, CONFIRMED),
        (CONFIRMED, CANCELLED),
        (WAITLISTED, CANCELLED),
    }
    with pytest.raises(workflow.TransitionNotAllowed) as error:
        workflow.check(CANCELLED, CONFIRMED)
    assert str(error.value) == "Une inscription « Annulée » ne peut pas passer à « Confirmée »."


def test_an_illegal_change_is_refused_by_the_service_and_nothing_is_stored(session):
    registration = make_registration(session, CANCELLED)
    with pytest.raises(workflow.TransitionNotAllowed):
        services._change_status(registration, CONFIRMED)
    registration.refresh_from_db()
    assert registration.status == CANCELLED
    assert not registration.history.exists()


def test_registering_cancelling_and_promoting_write_the_history(session):
    first = services.register(session, {"name": "Alice Martin", "email": "a@example.org"})
    second = services.register(session, {"name": "Bruno Petit", "email": "b@example.org"})
    first, second = first.registration, second.registration
    assert [(e.action, e.from_status, e.to_status) for e in history(second)] == [
        (Action.CREATED, "", WAITLISTED)
    ]

    staff = accompagnement()
    services.cancel_registration(first, by=staff)

    cancelled = history(first)[-1]
    assert (cancelled.action, cancelled.from_status, cancelled.to_status) == (
        Action.STATUS,
        CONFIRMED,
        CANCELLED,
    )
    assert cancelled.actor == staff
    promoted = history(second)[-1]
    assert (promoted.from_status, promoted.to_status, promoted.note) == (
        WAITLISTED,
        CONFIRMED,
        "Sortie de la liste d'attente",
    )
    assert promoted.actor is None  # the site did it
    assert Registration.objects.get(pk=second.pk).status == CONFIRMED


def test_attendance_is_written_to_the_history_with_the_staff_member(session):
    registration = make_registration(session, CONFIRMED)
    staff = accompagnement()
    services.mark_attendance(session, {registration.pk: False}, by=staff)
    entry = history(registration)[-1]
    assert (entry.action, entry.actor, entry.note) == (Action.ATTENDANCE, staff, "Absent·e")


def test_staff_see_the_history_on_the_session_page(client, session):
    registration = make_registration(session, CONFIRMED)
    staff = accompagnement()
    staff.first_name, staff.last_name = "Sam", "Durand"
    staff.save()
    services.cancel_registration(registration, by=staff)
    client.force_login(staff)
    response = client.get(reverse("events_staff:session", args=[session.pk]))
    text = visible_text(response)
    history_text = text[text.index("Historique des inscriptions") :]
    assert f"n° {registration.pk}" in history_text
    assert "Sam Durand" in history_text
    assert "Changement d'état : Confirmée → Annulée" in history_text


def test_requests_and_registrations_share_one_table_and_one_history_mechanism():
    from referrals import workflow as referral_workflow
    from relier_site.transitions import TransitionTable

    assert issubclass(ReferralEvent, HistoryEntry) and issubclass(RegistrationEvent, HistoryEntry)
    assert isinstance(workflow.TRANSITIONS, TransitionTable)
    assert isinstance(referral_workflow.TRANSITIONS, TransitionTable)
    assert workflow.TransitionNotAllowed is referral_workflow.TransitionNotAllowed
