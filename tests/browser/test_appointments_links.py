"""The pages of a permanence link that no longer works (forged, altered, expired, or
opened without the emailed link): French, safe, and without an accessibility violation
at phone and desktop widths (axe-core)."""

import pytest

from tests.browser.conftest import assert_pages_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.both_widths,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = {
    "move or cancel, forged link": ("/permanences/gerer/faux-jeton/", 404),
    "move or cancel, without the link": ("/permanences/gerer/", 404),
    "waiting list, forged link": ("/permanences/attente/faux-jeton/", 404),
}


def test_a_link_that_no_longer_works_is_french_safe_and_accessible(page, home_page):
    def check(_name):
        text = page.inner_text("main")
        assert "Ce lien ne fonctionne pas" in text
        assert "3114" in page.inner_text("body")

    assert_pages_accessible(page, PAGES, check)
