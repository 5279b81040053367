"""Until the public pages of the permanences exist (the URL conf of the app), the emails'
links resolve through tests/appointments/stub_urls.py."""

import pytest
from django.urls import NoReverseMatch, reverse


@pytest.fixture(autouse=True)
def appointment_link_pages(settings):
    try:
        reverse("appointments:manage", args=["token"])
    except NoReverseMatch:
        settings.ROOT_URLCONF = "tests.appointments.stub_urls"
