"""Fixtures of the appointments tests: one psychologist and her phone permanence on
Tuesdays 17 h–20 h in Paris (tests.appointments.helpers)."""

import pytest

from tests.appointments.helpers import make_psychologist, make_range, make_type


@pytest.fixture
def psychologist():
    return make_psychologist()


@pytest.fixture
def phone_type(psychologist):
    appointment_type = make_type()
    make_range(psychologist, appointment_type)
    return appointment_type
