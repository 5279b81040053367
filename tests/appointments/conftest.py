"""Fixtures of the appointments tests: a psychologist and her phone permanence (Tuesdays
17:00-20:00, Paris). Until the public pages of the permanences exist (the URL conf of
the app), the emails' links resolve through tests/appointments/stub_urls.py."""

import pytest
from django.urls import NoReverseMatch, reverse

from tests.appointments.helpers import make_psychologist, make_range, make_type


@pytest.fixture(autouse=True)
def appointment_link_pages(settings):
    try:
        reverse("appointments:manage", args=["token"])
    except NoReverseMatch:
        settings.ROOT_URLCONF = "tests.appointments.stub_urls"


@pytest.fixture
def psychologist():
    return make_psychologist()


@pytest.fixture
def phone_type(psychologist):
    appointment_type = make_type()
    make_range(psychologist, appointment_type)
    return appointment_type
