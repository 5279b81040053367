"""Issue 17 point 7 in Debian's Chromium, at 390 and 1280 px: ask to be told of a
freed slot (no JavaScript needed: a plain form), land on the « merci » page, then follow
the emailed link of an offered slot (it lands on a page without its token), take the
slot; zero axe-core violations on each page."""

import re
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from appointments import services
from appointments.models import Appointment, WaitingRequest, Weekday
from tests.appointments.helpers import PARIS, make_psychologist, make_range, make_type
from tests.appointments.waiting_helpers import mails_of
from tests.browser.conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.both_widths,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def next_week_tuesday():
    today = timezone.localdate()
    day = today + timedelta(days=7 + (Weekday.TUESDAY - today.weekday()) % 7)
    return datetime.combine(day, time(18), PARIS)


def test_ask_to_be_told_then_take_the_offered_slot(page, home_page):
    psychologist = make_psychologist()
    appointment_type = make_type(name="Permanence téléphonique jeunes")
    make_range(psychologist, appointment_type)

    page.goto(f"/permanences/{appointment_type.pk}/attente/")
    page.get_by_role("heading", name="Être prévenu·e quand un créneau se libère").wait_for()
    assert_no_axe_violations(page)
    page.get_by_label("Mardi").check()
    page.get_by_label("Prénom ou pseudonyme").fill("Étoile93")
    page.get_by_label("Âge de la personne").select_option("15-17")
    page.get_by_label("Courriel").fill("etoile@example.org")
    page.get_by_role("button", name="Être prévenu·e").click()
    page.get_by_role("heading", name="C'est noté, vous serez prévenu·e").wait_for()
    assert page.url.endswith("/permanences/attente/merci/")
    assert_no_axe_violations(page)

    waiting_request = WaitingRequest.objects.get()
    freed = services.book(appointment_type, psychologist, next_week_tuesday(), {})
    services.cancel(freed)
    (mail,) = mails_of(waiting_request, "offer")
    link = re.search(r"http://\S+/permanences/attente/\S+/", mail.body_text).group(0)
    page.goto(urlsplit(link).path)
    page.get_by_role("heading", name="Un créneau vous attend").wait_for()
    assert page.url.endswith("/permanences/attente/ma-demande/")  # no token left
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Je prends ce créneau").click()
    page.get_by_role("heading", name="Votre rendez-vous est pris").wait_for()
    assert_no_axe_violations(page)
    booked = Appointment.objects.get(status=Appointment.Status.CONFIRMED)
    assert booked.email == "etoile@example.org"
