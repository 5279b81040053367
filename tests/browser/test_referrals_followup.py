"""The referrer's follow-up page in Debian's Chromium at 390 px: zero axe-core
violations when the link works, when it has expired and when it is forged."""

import time
from unittest import mock

import pytest

from referrals import followup, services
from tests.browser.conftest import assert_no_axe_violations
from tests.referrals.triage_helpers import handler, store

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def taken(home_page):
    referral = store()
    staff = handler()
    services.assign(referral, staff, actor=staff)
    return referral


def test_the_status_page_has_no_accessibility_violation(page, taken):
    response = page.goto(f"/suivi/{followup.make_token(taken)}/")
    assert response.status == 200
    main = page.locator("main").inner_text()
    assert f"Suivi de la demande {taken.reference}" in main
    assert "Prise en charge" in main
    assert "Sami" not in main
    assert_no_axe_violations(page)


def test_the_expired_link_page_has_no_accessibility_violation(page, taken):
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 91 * 86400):
        token = followup.make_token(taken)
    response = page.goto(f"/suivi/{token}/")
    assert response.status == 410
    assert "Ce lien de suivi a expiré" in page.locator("main").inner_text()
    assert_no_axe_violations(page)


def test_the_forged_link_page_has_no_accessibility_violation(page, home_page):
    response = page.goto("/suivi/un-lien-invente/")
    assert response.status == 404
    assert "Nous ne trouvons pas cette demande" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
