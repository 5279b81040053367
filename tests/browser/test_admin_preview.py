"""The side-panel preview of the page editor shows the page (it was blank when the
preview carried the public policy's `frame-ancestors 'none'`). The page guard fails the
test on any Content-Security-Policy violation or JavaScript error, in the editor or in
the preview."""

import pytest

from relier_site import roles
from tests.browser.conftest import sign_in_to_admin
from tests.factories import StaffFactory, StandardPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

INTRO = "Nous recevons chaque jeune avec sa famille, sans jugement."


@pytest.fixture
def editor(home_page):
    return StaffFactory(username="redaction", role=roles.COMMUNICATION)


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}], indirect=True)
def test_the_side_panel_preview_shows_the_page(page, editor, home_page):
    story = StandardPageFactory(parent=home_page, title="Notre accueil", intro=INTRO)
    sign_in_to_admin(page, "redaction")

    page.goto(f"/admin/pages/{story.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", name="Notre accueil").wait_for()
    assert INTRO in preview.locator("main").inner_text()
    # The preview is the public page, with its safety shell.
    assert preview.locator("[data-quick-exit]").first.inner_text().startswith("Quitter le site")
