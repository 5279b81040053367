"""A person books, moves and cancels a permanence on a phone (and at 1280 px) in Debian's
Chromium, with zero axe-core violations on every step; and the same flow without
JavaScript at 390 px (every step is a plain GET/POST page)."""

import pytest

from appointments.models import Appointment
from tests.appointments.helpers import make_type, open_every_day
from tests.browser.conftest import PHONE, assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def permanence_site(home_page, snapshot, django_user_model):
    def build():
        psychologist = django_user_model.objects.create_user(
            username="psy-claire", first_name="Claire"
        )
        appointment_type = make_type(
            intro="<p>Un moment pour parler de ce que vit votre enfant.</p>"
        )
        open_every_day(psychologist, appointment_type)
        return {"type": appointment_type.pk}

    return snapshot("permanences", build)


def fill_the_form(page):
    page.get_by_label("Non", exact=True).check()
    page.get_by_label("Prénom ou pseudonyme").fill("Camille")
    page.get_by_label("15 à 17 ans").check()
    page.get_by_label("Téléphone", exact=False).first.fill("06 12 34 56 78")
    page.get_by_label("Adresse électronique").fill("camille@example.org")


def book_move_and_cancel(page, check=lambda: None):
    """The whole flow from the home page's first screen; `check()` runs on every step."""
    page.goto("/")
    page.locator("main").get_by_role("link", name="Parler à un psy").click()
    page.get_by_role("heading", name="Parler à une ou un psychologue").wait_for()
    check()
    page.get_by_role("link", name="Choisir un créneau").first.click()
    page.get_by_role("heading", level=1, name="Permanence téléphonique des parents").wait_for()
    check()
    page.locator("a.slot-time").first.click()
    page.get_by_role("heading", name="Réserver : Permanence téléphonique des parents").wait_for()
    check()
    page.get_by_role("button", name="Réserver ce créneau").click()  # nothing filled in
    page.get_by_role("heading", name="Il y a un problème").wait_for()
    check()
    fill_the_form(page)
    page.get_by_role("button", name="Réserver ce créneau").click()
    page.get_by_role("heading", name="C'est réservé, merci").wait_for()
    check()
    booked = Appointment.objects.get()
    assert booked.first_name == "Camille" and booked.phone == "+33612345678"

    page.get_by_role("link", name="Déplacer ou annuler").click()
    page.get_by_role("heading", name="Mon rendez-vous").wait_for()
    check()
    page.get_by_role("link", name="Déplacer le rendez-vous").click()
    page.get_by_role("heading", name="Déplacer mon rendez-vous").wait_for()
    check()
    page.locator("a.slot-time").nth(2).click()
    page.get_by_role("button", name="Oui, déplacer mon rendez-vous").wait_for()
    check()
    page.get_by_role("button", name="Oui, déplacer mon rendez-vous").click()
    page.get_by_role("heading", name="C'est noté : votre rendez-vous est déplacé").wait_for()
    check()
    moved = Appointment.objects.get()
    assert moved.pk == booked.pk and moved.start != booked.start and moved.sequence == 1

    page.get_by_role("link", name="Annuler le rendez-vous").click()
    page.get_by_role("button", name="Oui, annuler mon rendez-vous").wait_for()
    check()
    page.get_by_role("button", name="Oui, annuler mon rendez-vous").click()
    page.get_by_role("heading", name="Votre rendez-vous est annulé").wait_for()
    check()
    assert Appointment.objects.get().status == Appointment.Status.CANCELLED
    assert "Camille" not in page.url and "@" not in page.url


@pytest.mark.both_widths  # public steps: zero violations at 390 and 1280 px
def test_a_person_books_moves_and_cancels_with_no_violation(page, permanence_site):
    book_move_and_cancel(page, check=lambda: assert_no_axe_violations(page))


def test_the_same_flow_works_without_javascript(browser, live_server, permanence_site):
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, locale="fr-FR", java_script_enabled=False
    )
    try:
        book_move_and_cancel(context.new_page())
    finally:
        context.close()
