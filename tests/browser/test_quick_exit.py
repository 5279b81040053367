"""Quick exit: the « Quitter le site » button and Shift pressed three times leave for the
neutral site of the settings, replacing the history entry so Back does not return.

Other hosts are unreachable here, so the neutral target is a URL on the live server.
"""

import pytest
from wagtail.models import Site

from home.models import SiteSettings
from tests.factories import StandardPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.both_widths,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Records every navigation the page starts (the Navigation API fires `navigate`
# synchronously when location.replace() is called) and cancels it, so a test can
# prove that nothing tried to leave, without waiting for time to pass.
RECORD_AND_BLOCK_NAVIGATIONS = """
window.__navigations = [];
navigation.addEventListener("navigate", (event) => {
  window.__navigations.push(event.destination.url);
  event.preventDefault();
});
"""


@pytest.fixture
def exit_target(live_server, home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = live_server.url + "/robots.txt"
    settings.save()
    return settings.quick_exit_url


@pytest.fixture
def pages(home_page, exit_target):
    StandardPageFactory(title="Qui sommes-nous", slug="qui-sommes-nous")
    StandardPageFactory(title="Être contacté", slug="etre-contacte")
    return "/qui-sommes-nous/", "/etre-contacte/"


def test_button_leaves_and_back_does_not_return(page, live_server, pages, exit_target):
    page_a, page_b = pages
    page.goto(page_a)
    page.goto(page_b)
    page.get_by_role("link", name="Quitter le site").click()
    page.wait_for_url(exit_target)
    assert "Sitemap:" in page.content()  # the neutral target really loaded
    page.go_back()
    assert page.url == live_server.url + page_a  # B was replaced, not stacked


def test_shift_three_times_leaves(page, live_server, pages, exit_target):
    page_a, page_b = pages
    page.goto(page_a)
    page.goto(page_b)
    page.locator("h1").click()  # focus inside the page, as a visitor reading it
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(exit_target)
    page.go_back()
    assert page.url == live_server.url + page_a


def _start_recording(page, path):
    page.add_init_script(RECORD_AND_BLOCK_NAVIGATIONS)
    page.goto(path)
    assert page.evaluate("window.__navigations") == []


def test_shift_separated_by_another_key_does_not_leave(page, live_server, pages, exit_target):
    _start_recording(page, pages[1])
    page.locator("h1").click()
    for key in ("Shift", "a", "Shift", "Shift"):
        page.keyboard.press(key)
    assert page.evaluate("window.__navigations") == []
    assert page.url == live_server.url + pages[1]
    # The same recorder sees an exit: a third Shift in a row does leave.
    page.keyboard.press("Shift")
    assert page.evaluate("window.__navigations") == [exit_target]


def test_typing_capital_letters_does_not_leave(page, live_server, pages, exit_target):
    _start_recording(page, "/recherche/")
    field = page.get_by_label("Que cherchez-vous")
    field.click()
    for letter in "ABC":
        field.press(f"Shift+{letter}")  # Shift down, letter, Shift up: as people type
    assert field.input_value() == "ABC"
    assert page.evaluate("window.__navigations") == []
    assert page.url == live_server.url + "/recherche/"
