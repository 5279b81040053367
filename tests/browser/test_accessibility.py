"""Zero axe-core violations (WCAG 2.1 A and AA) on the main public page kinds, at phone
and desktop widths, in Debian's Chromium."""

import pytest

from tests.browser.conftest import DESKTOP, assert_no_axe_violations, assert_pages_accessible
from tests.factories import EVERY_BLOCK_TEXT, StandardPageFactory, make_every_block_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.both_widths,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# name: (path, expected HTTP status, text the visitor must see there)
PAGES = {
    "accueil": ("/", 200, "Les Centres Relier"),
    "tous-les-blocs": ("/tous-les-blocs/", 200, EVERY_BLOCK_TEXT["key_figures"]),
    "recherche-resultats": ("/recherche/?q=cyberviolences", 200, "Stop cyberviolences"),
    "recherche-vide": ("/recherche/?q=zzzyxwv", 200, "Aucun résultat pour « zzzyxwv »"),
    "404": ("/cette-page-n-existe-pas/", 404, "Page introuvable"),
}


@pytest.fixture
def site_content(home_page, snapshot):
    def build():
        make_every_block_page()
        StandardPageFactory(
            title="Stop cyberviolences",
            slug="stop-cyberviolences",
            intro="Un programme pour prévenir les cyberviolences au collège.",
            show_in_menus=True,
        )
        StandardPageFactory(title="Qui sommes-nous", slug="qui-sommes-nous", show_in_menus=True)
        return home_page

    return snapshot("every-block", build)


def test_every_page_kind_shows_its_text_with_no_accessibility_violation(page, site_content):
    def shows_its_text(name):
        assert PAGES[name][2] in page.locator("main").inner_text()

    pages = {name: (path, status) for name, (path, status, _text) in PAGES.items()}
    assert_pages_accessible(page, pages, shows_its_text)


def test_phone_menu_opened_has_no_accessibility_violation(page, site_content, viewport):
    page.goto("/")
    toggle = page.locator("summary", has_text="Menu")
    if viewport == DESKTOP:
        assert toggle.is_hidden()  # the menu is always shown at desktop width
    else:
        toggle.click()
        assert page.locator("details.site-menu__details").get_attribute("open") == ""
    page.get_by_role("link", name="Qui sommes-nous").wait_for(state="visible")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["1280"], indirect=True)
def test_skip_link_is_the_first_focusable_element(page, site_content):
    page.goto("/tous-les-blocs/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    assert page.locator(":focus").is_visible()  # shown when focused, hidden otherwise
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
