"""Links in emails and calendar files use the site's configured address (under `make
run`, the one the server listens on; scripts/run-dev.sh sets it), never Wagtail's
default Site `localhost:80`."""

import re

import pytest
from django.urls import reverse

from .helpers import ics_of, mails_of, only_registration, register_form

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

SERVED_ON = "http://127.0.0.1:8765"


def test_registration_mail_and_its_calendar_file_link_to_the_address_served_on(
    client, session, settings
):
    settings.WAGTAILADMIN_BASE_URL = SERVED_ON
    client.post(reverse("events:register", args=[session.pk]), register_form())

    (mail,) = mails_of(only_registration(), "confirmation")
    links = re.findall(r"https?://[^\s\"<>]+", mail.body_text)
    links += re.findall(r'href="(http[^"]+)"', mail.body_html)
    assert links and all(link.startswith(SERVED_ON + "/") for link in links), links
    _, calendar = ics_of(mail)
    (event,) = calendar.walk("VEVENT")
    assert str(event["URL"]).startswith(SERVED_ON + "/agenda/")
    assert SERVED_ON + "/agenda/" in str(event["DESCRIPTION"])
