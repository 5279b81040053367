"""The shared public-form layout in the browser: after a faulty submission the error
summary has the focus, its links lead to the fields, and axe finds no violation."""

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.both_widths,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("tests.browser.form_urls"),
]


def test_a_faulty_submission_focuses_the_summary_whose_links_lead_to_the_fields(page, home_page):
    page.goto("/test-formulaire/")
    assert_no_axe_violations(page)
    page.get_by_label("Adresse électronique").fill("pas-une-adresse")

    page.get_by_role("button", name="Envoyer").click()

    summary = page.get_by_role("alert")
    assert summary.get_by_role("heading").inner_text() == "Il y a un problème"
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert summary.get_by_role("link").count() == 4
    # From the foot of the page, the link must bring the field into view below the
    # header, which stays on screen on a phone (sticky): never under it.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    summary.get_by_role("link", name="Saisissez une adresse de courriel valide.").click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    field_top = page.evaluate("document.getElementById('id_email').getBoundingClientRect().top")
    header_bottom = page.evaluate(
        "document.querySelector('.site-header').getBoundingClientRect().bottom"
    )
    assert field_top >= header_bottom
    assert page.get_by_label("Adresse électronique").input_value() == "pas-une-adresse"
    assert_no_axe_violations(page)
