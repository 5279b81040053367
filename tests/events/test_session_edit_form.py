"""The session editor shows the stored date and times of a session (in the session's own
time zone), so that sending the form back unchanged saves it without any error."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from events.models import Session
from relier_site import roles
from relier_site.timezones import REUNION
from tests.factories import StaffFactory
from tests.html import visible_text

from .conftest import make_session

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


# What a browser keeps of an <input type=date|time> value (HTML's value sanitization:
# anything else, such as « 17/12/2026 », is shown and sent as an empty field).
VALID_VALUES = {
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "time": re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?"),
}


class _FormValues(HTMLParser):
    """The values a browser would send for the editor's form (inputs, selects)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values = {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values.setdefault(name, []).append(attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                value = attrs.get("value") or ""
                valid = VALID_VALUES.get(kind)
                if valid is not None and not valid.fullmatch(value):
                    value = ""
                self.values[name] = value
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def form_values(response):
    parser = _FormValues()
    parser.feed(response.content.decode())
    return parser.values


def edit_url(session):
    return reverse("wagtailsnippets_events_session:edit", args=[session.pk])


@pytest.fixture(params=[roles.COMMUNICATION, roles.ACCOMPAGNEMENT])
def staff_client(client, request):
    client.force_login(StaffFactory(role=request.param))
    return client


def test_the_edit_form_shows_the_stored_date_and_times_in_the_session_zone(staff_client, webinar):
    # 2:00 at La Réunion is 22:00 (UTC) the day before: the date shown is the local one.
    session = make_session(webinar, hour=2, zone=REUNION, minutes=90)
    local_day = session.local_start.date()
    assert session.start.astimezone(datetime.UTC).date() != local_day

    values = form_values(staff_client.get(edit_url(session)))

    assert values["day"] == local_day.isoformat()
    assert values["start_time"] == "02:00"
    assert values["end_time"] == "03:30"
    assert values["timezone"] == REUNION.key


def test_sending_the_edit_form_back_unchanged_saves_without_error(staff_client, webinar):
    session = make_session(webinar, hour=14, minutes=90)
    before = (session.start, session.end, session.sequence)

    values = form_values(staff_client.get(edit_url(session)))
    response = staff_client.post(edit_url(session), values)

    assert response.status_code == 302, visible_text(response)
    session.refresh_from_db()
    assert (session.start, session.end, session.sequence) == before
    assert Session.objects.count() == 1
