"""The agenda in Debian's Chromium at 390 px (without JavaScript at 1280 px): zero
axe-core violations on /agenda/ (with and without filters), an event page, the
registration form empty and with errors, the « merci » page, the cancellation step (a
place or the waiting list) and its result, a bad link; the filters work without
JavaScript."""

import pytest

from events import links, services
from events.models import Registration
from relier_site.timezones import REUNION
from tests.browser.conftest import DESKTOP, assert_no_axe_violations
from tests.events.conftest import make_cafe, make_event, make_session
from tests.events.helpers import register_form

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def agenda_site(home_page, snapshot):
    def build():
        from events.models import AgendaPage

        agenda = AgendaPage(
            title="Agenda", slug="agenda", intro="Toutes nos dates.", show_in_menus=True
        )
        home_page.add_child(instance=agenda)
        agenda.save_revision().publish()
        webinar = make_event(agenda, intro="Une heure pour comprendre notre offre.")
        cafe = make_cafe(agenda)
        session = make_session(webinar, capacity=1)
        make_session(cafe, zone=REUNION, hour=9)
        return {"webinar": webinar, "session": session}

    return snapshot("agenda", build)


def test_agenda_and_event_pages_have_no_violation(page, agenda_site):
    for path, expected in (
        ("/agenda/", "Prochaines dates"),
        ("/agenda/?public=parents", "Café parents à Sainte-Marie"),
        ("/agenda/webinaire/", "1 place disponible"),
    ):
        response = page.goto(path)
        assert response.status == 200
        assert expected in page.locator("main").inner_text()
        assert_no_axe_violations(page)


@pytest.mark.both_widths  # a public form: its layout changes with the width
def test_the_registration_form_empty_and_with_errors_has_no_violation(page, agenda_site):
    page.goto(f"/agenda/inscription/{agenda_site['session'].pk}/")
    assert_no_axe_violations(page)
    page.get_by_label("Courriel professionnel").fill("pas-une-adresse")
    page.get_by_role("button", name="S'inscrire").click()
    summary = page.get_by_role("alert")
    assert summary.get_by_role("heading").inner_text() == "Il y a un problème"
    assert page.get_by_label("Courriel professionnel").input_value() == "pas-une-adresse"
    assert_no_axe_violations(page)


def register_as_an_adviser(page, session):
    """Fill in and send the registration form of a professional session, as a France
    Travail adviser; returns once the « reçue » page shows."""
    page.goto(f"/agenda/inscription/{session.pk}/")
    page.get_by_label("Nom et prénom").fill("Camille Martin")
    page.get_by_label("Structure").fill("France Travail")
    page.get_by_label("Courriel professionnel").fill("camille@example.org")
    page.get_by_role("button", name="S'inscrire").click()
    page.get_by_role("heading", name="Demande d'inscription reçue").wait_for()


def test_registering_then_cancelling_has_no_violation(page, agenda_site):
    session = agenda_site["session"]
    register_as_an_adviser(page, session)
    assert_no_axe_violations(page)

    # The cancel link is in the email only (tests/browser/test_events_signed_links.py).
    registration = Registration.objects.get()
    page.goto(f"/agenda/annulation/{links.cancel_token(registration)}/")
    page.get_by_role("button", name="Oui, annuler mon inscription").wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Oui, annuler mon inscription").click()
    page.get_by_role("heading", name="Inscription annulée").wait_for()
    assert_no_axe_violations(page)


def test_the_waiting_list_page_and_a_bad_link_have_no_violation(page, agenda_site):
    session = agenda_site["session"]
    services.register(session, register_form(email="a@example.org"))
    waiting = services.register(session, register_form(email="b@example.org")).registration
    page.goto(f"/agenda/annulation/{links.cancel_token(waiting)}/")
    assert "Vous êtes sur la liste d'attente" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    page.goto("/agenda/annulation/faux-lien/")
    assert "Ce lien ne fonctionne pas" in page.locator("main").inner_text()
    assert_no_axe_violations(page)


def test_the_filters_work_without_javascript(browser, live_server, agenda_site):
    context = browser.new_context(
        viewport=DESKTOP, base_url=live_server.url, locale="fr-FR", java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/agenda/")
        page.get_by_label("Pour qui").select_option("parents")
        page.get_by_role("button", name="Afficher les dates").click()
        page.wait_for_url("**/agenda/?public=parents*")
        main = page.locator("main").inner_text()
        assert "Café parents à Sainte-Marie" in main
        assert "Webinaire pour les conseillers" not in main.split("Prochaines dates")[1]
    finally:
        context.close()
