"""The 500, 403, expired-form (CSRF) and too-many-requests (429) pages: French, with the
helplines and the quick exit, and zero axe-core violations at phone width."""

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("tests.browser.error_urls"),
]

# name: (path, expected HTTP status, title the visitor reads)
ERROR_PAGES = {
    "500": ("/test-erreur/500/", 500, "Le site rencontre un problème technique"),
    "403": ("/test-erreur/403/", 403, "Accès refusé"),
    "csrf": ("/test-erreur/csrf/", 403, "Cette page a expiré"),
    "429": ("/test-erreur/429/", 429, "Trop de demandes"),
}


@pytest.mark.parametrize("name", list(ERROR_PAGES))
def test_error_page_is_french_safe_and_accessible(page, home_page, name):
    path, status, title = ERROR_PAGES[name]
    response = page.goto(path)
    assert response.status == status
    assert page.locator("h1").inner_text() == title
    text = page.locator("body").inner_text()
    for number in ("3018", "119", "3114", "112"):
        assert number in text
    assert page.get_by_role("link", name="Quitter le site").count() == 1
    assert_no_axe_violations(page)
