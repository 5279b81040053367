"""The psychologists' agenda (admin « Agenda des permanences ») on a phone, in Debian's
Chromium at 390 px: a psychologist signs in and reads tomorrow's appointments (time in
the appointment's zone, reference, type, mode, first name, urgency), without sideways
scrolling, with zero axe-core violations on the whole page."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from relier_site import roles
from tests.appointments.helpers import REUNION, make_appointment, make_type
from tests.browser.conftest import assert_no_axe_violations, sign_in_to_admin
from tests.factories import StaffFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_psychologist_reads_her_day_on_a_phone(page, home_page):
    claire = StaffFactory(username="claire", role=roles.ACCOMPAGNEMENT)
    tomorrow = timezone.localdate() + timedelta(days=1)
    appointment = make_appointment(
        make_type(name="Permanence téléphonique des parents"),
        claire,
        datetime.combine(tomorrow, time(17), REUNION),
    )
    appointment.timezone = REUNION.key
    appointment.first_name = "Camille"
    appointment.urgent = True
    appointment.save()

    sign_in_to_admin(page, "claire")

    page.goto(f"/admin/permanences/agenda/?date={tomorrow.isoformat()}")
    main = page.locator("main")
    item = main.get_by_role("link", name=f"RDV n° {appointment.pk}")
    assert item.inner_text() == f"17:00–17:45 (heure de La Réunion) · RDV n° {appointment.pk}"
    assert "Par téléphone · Camille" in main.inner_text()
    assert "Urgence signalée" in main.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page)

    item.click()
    page.wait_for_url(f"**/admin/permanences/rendez-vous/{appointment.pk}/")
    assert "Annuler ce rendez-vous" in page.locator("main").inner_text()
