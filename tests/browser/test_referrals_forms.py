"""The three referral forms in Debian's Chromium at 390 and 1280 px: zero axe-core
violations on each form empty, after an empty submission (errors) and on its
confirmation page; the danger question comes first, on the first screen of a phone (demo
texts included); the urgency panel and the trusted-adult section appear without
JavaScript when the answer calls for them."""

import pytest

from referrals.models import Kind
from tests.browser.conftest import DESKTOP, assert_no_axe_violations
from tests.referrals.conftest import FORM_PATHS, VALID_DATA, make_form_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.both_widths,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def form_site(home_page, snapshot):
    def build():
        return {kind: make_form_page(home_page, kind) for kind in FORM_PATHS}

    return snapshot("referral-forms", build)


def fill(page, data):
    """Type `data` into the form as a person would (radios, boxes, lists, texts)."""
    form = page.locator("form.referral-form")
    for name, value in data.items():
        values = value if isinstance(value, list) else [value]
        field = form.locator(f'[name="{name}"]').first
        kind = field.get_attribute("type")
        if kind in ("radio", "checkbox"):
            for item in values:
                selector = f'[name="{name}"]' + (f'[value="{item}"]' if item != "on" else "")
                form.locator(selector).check()
        elif field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        elif value:
            field.fill(value)


@pytest.mark.parametrize("kind", list(Kind))
def test_each_form_empty_with_errors_and_confirmed_has_no_violation(page, form_site, kind):
    page.goto(FORM_PATHS[kind])
    assert_no_axe_violations(page)

    page.locator("form.referral-form [type=submit]").click()
    page.locator(".error-summary").wait_for()
    assert "Il y a un problème" in page.locator(".error-summary").inner_text()
    assert_no_axe_violations(page)

    fill(page, VALID_DATA[kind]())
    page.locator("form.referral-form [type=submit]").click()
    page.wait_for_url(f"**{FORM_PATHS[kind]}merci/")
    main = page.locator("main").inner_text()
    assert "Le numéro de votre demande" in main and "RL-" in main
    assert_no_axe_violations(page)


def test_the_urgency_panel_shows_without_javascript(browser, live_server, form_site):
    context = browser.new_context(
        viewport=DESKTOP, base_url=live_server.url, locale="fr-FR", java_script_enabled=False
    )
    try:
        page = context.new_page()
        for kind in (Kind.ORIENTATION, Kind.CONTACT):
            page.goto(FORM_PATHS[kind])
            panel = page.locator(".urgency-panel")
            assert not panel.is_visible()
            page.locator('[name="urgent"][value="oui"]').check()
            assert panel.is_visible()
            assert "3114" in panel.inner_text() and "112" in panel.inner_text()
            page.locator('[name="urgent"][value="non"]').check()
            assert not panel.is_visible()

        adult = page.locator(".trusted-adult")
        assert not adult.is_visible()
        page.get_by_label("Le jeune lui-même ou elle-même").check()
        assert adult.is_visible()
        assert "3018" in adult.inner_text() and "119" in adult.inner_text()

        fill(page, VALID_DATA[Kind.CONTACT](urgent="oui"))
        page.locator("form.referral-form [type=submit]").click()
        page.wait_for_url("**/etre-contacte/merci/")
        assert page.locator(".urgency-panel").is_visible()
    finally:
        context.close()


# The danger question's top, from the top of the page, at most (the demo texts included):
# on a 390 px phone, within the first screen below the form's title.
DANGER_QUESTION_MAX_TOP = 1200


def top_of(locator):
    return locator.evaluate("e => e.getBoundingClientRect().top + window.scrollY")


@pytest.mark.parametrize("kind", [Kind.CONTACT, Kind.ORIENTATION])
def test_the_danger_question_comes_first(page, demo_site, kind):
    page.goto(FORM_PATHS[kind])
    form = page.locator("form.referral-form")
    question = form.locator("fieldset").filter(has=page.locator('[name="urgent"]')).first
    first_field = form.locator("input:not([type=hidden]), select, textarea").first

    assert first_field.get_attribute("name") == "urgent"
    first_screen = top_of(page.locator("h1")) + page.viewport_size["height"]
    assert top_of(question) < min(DANGER_QUESTION_MAX_TOP, first_screen)
    page.locator('[name="urgent"][value="oui"]').check()
    assert page.locator(".urgency-panel").is_visible()
    assert_no_axe_violations(page)


def test_a_request_beyond_the_limit_comes_back_typed_with_the_helplines(page, form_site, settings):
    settings.REFERRALS_LIMIT_PER_CONTACT = 0  # every request is beyond the limit
    page.goto(FORM_PATHS[Kind.CONTACT])
    fill(page, VALID_DATA[Kind.CONTACT]())
    page.locator("form.referral-form [type=submit]").click()
    summary = page.locator(".error-summary")
    summary.wait_for()

    assert "Beaucoup de demandes ont été envoyées" in summary.inner_text()
    assert "112" in summary.inner_text() and "3018" in summary.inner_text()
    assert page.locator('[name="first_name"]').input_value() == "Claire"
    assert "messages blessants" in page.locator('[name="message"]').input_value()
    assert_no_axe_violations(page)
