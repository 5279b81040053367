"""The professional who refers a young person books the young person's first permanence
slot (README « Un rendez-vous pris par la personne qui oriente ») in Debian's Chromium:
from the orientation's confirmation, the slots and the short form, with zero axe-core
violations on each new screen, at 390 and 1280 px (a public flow)."""

import pytest

from appointments.models import Appointment, AppointmentType
from referrals.models import Kind
from tests.appointments.helpers import make_type, open_every_day
from tests.browser.conftest import assert_no_axe_violations
from tests.browser.test_referrals_forms import fill
from tests.referrals.conftest import FORM_PATHS, orientation_data
from tests.referrals.conftest import make_form_page as make_referral_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def referral_site(home_page, snapshot, django_user_model):
    def build():
        psychologist = django_user_model.objects.create_user(
            username="psy-claire", first_name="Claire"
        )
        appointment_type = make_type(
            name="Permanence téléphonique des jeunes", audience=AppointmentType.Audience.YOUTH
        )
        open_every_day(psychologist, appointment_type)
        make_referral_page(home_page, Kind.ORIENTATION)
        return {"type": appointment_type.pk}

    return snapshot("referral-booking", build)


@pytest.mark.both_widths  # public steps: zero violations at 390 and 1280 px
def test_the_referrer_books_the_first_slot_with_no_violation(page, referral_site):
    page.goto(FORM_PATHS[Kind.ORIENTATION])
    fill(page, orientation_data())
    page.locator("form.referral-form [type=submit]").click()
    page.wait_for_url("**/orienter-un-jeune/merci/")
    link = page.get_by_role(
        "link", name="Choisir tout de suite le premier rendez-vous du jeune avec un·e psychologue"
    )
    assert_no_axe_violations(page)
    link.click()
    page.get_by_role("heading", level=1, name="Choisir le créneau du jeune").wait_for()
    assert_no_axe_violations(page)
    page.locator("a.slot-time").first.click()
    page.get_by_role("heading", level=1, name="Réserver pour le jeune").wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Réserver ce créneau pour le jeune").click()  # no consent
    page.get_by_role("heading", name="Il y a un problème").wait_for()
    assert_no_axe_violations(page)
    page.get_by_label("Le jeune est d'accord pour ce rendez-vous", exact=False).check()
    page.get_by_role("button", name="Réserver ce créneau pour le jeune").click()
    page.get_by_role("heading", name="C'est réservé, merci").wait_for()
    assert "Rendez-vous pris le" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    booked = Appointment.objects.get()
    assert booked.booked_by_referrer and booked.first_name == "Sami"
    assert "Sami" not in page.url and "@" not in page.url
