"""The browser checks themselves can fail: axe sees a missing alt, the page guard sees a
CSP violation and a request to another host. Without these, a green run proves little."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import DESKTOP, axe_violations, open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def raw_page(browser, live_server, home_page):
    """A page with its guard, whose problems the test inspects instead of failing."""
    context, page, guard = open_page(browser, live_server, DESKTOP)
    page.goto("/")
    assert guard.problems() == []
    yield page, guard
    context.close()


def test_axe_reports_an_image_without_alt(raw_page):
    page, _ = raw_page
    page.evaluate(
        """const img = document.createElement("img");
        img.src = "/static/img/favicon.svg";
        document.querySelector("main").append(img);"""
    )
    assert "image-alt" in [violation["id"] for violation in axe_violations(page)]


def test_guard_reports_a_csp_violation(raw_page):
    page, guard = raw_page
    page.evaluate(
        """const script = document.createElement("script");
        script.textContent = "document.title = 'injecté'";
        document.body.append(script);"""
    )
    page.evaluate("0")
    assert page.title() != "injecté"
    assert guard.csp_messages
    assert any("Content-Security-Policy" in problem for problem in guard.problems())


def test_guard_reports_a_request_to_another_host(raw_page):
    page, guard = raw_page
    with pytest.raises(PlaywrightError):
        page.goto("http://127.0.0.2:9/traceur.js", timeout=5_000)
    assert guard.foreign_requests() == ["http://127.0.0.2:9/traceur.js"]
