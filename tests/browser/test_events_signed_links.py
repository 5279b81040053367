"""Issue 16 in Debian's Chromium at 390 px: register, land on the « merci »
page (no token in its address), follow the emailed cancel link, confirm, see
« annulée »; no address the browser showed or keeps in its history holds a working
token; zero axe-core violations on each page."""

import re

import pytest
from django.core import signing

from events import links
from events.models import Registration
from referrals import followup
from tests.browser.conftest import assert_no_axe_violations
from tests.browser.test_events_accessibility import register_as_an_adviser
from tests.events.conftest import make_event, make_session
from tests.events.helpers import cancel_path, mails_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SIGNED = re.compile(r"\.?[A-Za-z0-9_-]{2,}:[A-Za-z0-9_-]{4,}:[A-Za-z0-9_-]{20,}")
SALTS = (links.CANCEL_SALT, "events.registration.status", followup.SALT)


def working_token(url):
    for candidate in SIGNED.findall(url):
        for salt in SALTS:
            try:
                signing.loads(candidate, salt=salt)
            except signing.BadSignature:
                continue
            return candidate
    return None


@pytest.fixture
def session(home_page, snapshot):
    def build():
        from events.models import AgendaPage

        agenda = AgendaPage(title="Agenda", slug="agenda", show_in_menus=True)
        home_page.add_child(instance=agenda)
        agenda.save_revision().publish()
        return make_session(make_event(agenda), capacity=5)

    return snapshot("agenda-signed-links", build)


def test_register_then_cancel_by_the_emailed_link_leaves_no_token_behind(page, session):
    visited = []
    page.on(
        "framenavigated", lambda frame: visited.append(frame.url) if frame == page.main_frame else 0
    )

    register_as_an_adviser(page, session)
    assert page.url.endswith("/agenda/inscription/merci/")
    main = page.locator("main").inner_text()
    assert "Vous allez recevoir un courriel" in main
    assert page.get_by_role("link", name="Annuler mon inscription").count() == 0
    assert_no_axe_violations(page)

    registration = Registration.objects.get()
    link = cancel_path(mails_of(registration, "confirmation")[0])
    assert working_token(link)  # the emailed link does carry one
    page.goto(link)
    page.get_by_role("button", name="Oui, annuler mon inscription").wait_for()
    assert page.url.endswith("/agenda/annulation/")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Oui, annuler mon inscription").click()
    page.get_by_role("heading", name="Inscription annulée").wait_for()
    assert page.url.endswith("/agenda/annulation/faite/")
    assert "est annulée" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED

    # What the history holds: walk it back to the start.
    history = [page.url]
    while page.go_back() is not None:
        history.append(page.url)
    assert any(url.endswith("/agenda/annulation/") for url in history)
    assert not [url for url in history if working_token(url)], history
    # Every address the tab showed, redirects included, after each landing.
    assert visited and not [url for url in visited if working_token(url)], visited
    # Back on the confirmation step: it says the registration is already cancelled.
    page.goto("/agenda/annulation/")
    assert "Cette inscription est déjà annulée" in page.locator("main").inner_text()
    assert_no_axe_violations(page)


def test_the_follow_up_link_lands_on_suivi_and_suivi_alone_asks_for_the_link(page, home_page):
    from referrals import services
    from tests.referrals.triage_helpers import handler, store

    referral = store()
    staff = handler()
    services.assign(referral, staff, actor=staff)

    page.goto("/suivi/")  # a browser that never opened the link
    assert "Ouvrez le lien de suivi reçu par courriel" in page.locator("main").inner_text()
    assert_no_axe_violations(page)

    response = page.goto(f"/suivi/{followup.make_token(referral)}/")
    assert response.status == 200
    assert page.url.endswith("/suivi/")
    assert f"Suivi de la demande {referral.reference}" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    page.go_back()
    assert page.url.endswith("/suivi/") and not working_token(page.url)
