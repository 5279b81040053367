"""Concurrent registrations never overbook (the invariant of scripts/benchmark_events.py,
at a smaller scale): 20 people registering at the same moment, each in their own thread
and database connection, for a session of 5 places give exactly 5 confirmed and 15 on
the waiting list, the waiting list in the order of registration.

PostgreSQL only: the SQLite test database is an in-memory database in shared-cache
mode, where a second writer fails at once ("database table is locked") instead of
waiting for the lock, so concurrent writers cannot be run there; the deployed SQLite
site (a file in WAL mode, IMMEDIATE transactions, a busy timeout) is not that database.
"""

import threading

import pytest
from django.db import connection, connections

from events import services
from events.models import Registration
from tests.events.staff_helpers import make_event, make_session

pytestmark = [
    pytest.mark.both_databases,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent writers need PostgreSQL (in-memory shared-cache SQLite "
        "refuses a second writer instead of waiting)",
    ),
]

PEOPLE = 20
PLACES = 5


def test_twenty_concurrent_registrations_for_five_places(home_page):
    session = make_session(make_event(home_page), capacity=PLACES)
    barrier = threading.Barrier(PEOPLE)
    outcomes, errors = [], []

    def register(n):
        try:
            barrier.wait()
            data = {
                "name": f"Conseillère {n}",
                "organisation": "France Travail",
                "agency": "",
                "email": f"conseillere{n}@example.org",
            }
            outcomes.append(services.register(session, data).outcome)
        except Exception as exc:  # reported below, with the thread's number
            errors.append((n, repr(exc)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(outcomes) == sorted(
        [services.CONFIRMED] * PLACES + [services.WAITLISTED] * (PEOPLE - PLACES)
    )
    registrations = Registration.objects.filter(session=session)
    assert registrations.filter(status=Registration.Status.CONFIRMED).count() == PLACES
    waiting = registrations.filter(status=Registration.Status.WAITLISTED).order_by("created_at")
    assert waiting.count() == PEOPLE - PLACES
    # Every confirmed registration was stored before every waiting one.
    last_confirmed = registrations.filter(status=Registration.Status.CONFIRMED).latest("created_at")
    assert last_confirmed.created_at <= waiting.first().created_at
