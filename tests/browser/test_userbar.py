"""Editors browsing the public site see Wagtail's userbar with its accessibility
checker, and it runs under the public Content-Security-Policy (the page guard fails the
test on any CSP violation or JavaScript error)."""

import pytest

from relier_site import roles
from tests.browser.conftest import sign_in_to_admin
from tests.factories import StaffFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def editor(home_page):
    return StaffFactory(username="redaction", role=roles.COMMUNICATION)


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}], indirect=True)
def test_editor_gets_the_userbar_accessibility_checker(page, editor):
    sign_in_to_admin(page, "redaction")

    page.goto("/")
    trigger = page.locator("wagtail-userbar").get_by_role("button", name="Wagtail")
    trigger.first.click()
    checker = page.locator("wagtail-userbar").get_by_role("menuitem", name="Problèmes trouvés")
    checker.click()
    dialog = page.locator("wagtail-userbar").get_by_role("dialog")
    dialog.wait_for()
    # The checker ran on the page (under the site's CSP) and found no problem.
    assert dialog.inner_text().split() == ["Alertes", "Problèmes", "trouvés", "0"]
