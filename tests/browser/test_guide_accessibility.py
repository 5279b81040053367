"""The guide in Debian's Chromium at 390 px (without JavaScript at 1280 px): zero
axe-core violations on /guide/
empty, with results, with no result, with bad input, a structure page and the printable
booklet; the search works without JavaScript (GET form) and, with JavaScript, updates
the results without a full reload and announces their number."""

import pytest

from guide.models import Structure
from tests.browser.conftest import DESKTOP, assert_no_axe_violations, assert_pages_accessible
from tests.guide.conftest import make_structure

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = {
    "vide": ("/guide/", "Comment chercher"),
    "resultats": ("/guide/?territoire=93200", "3 structures trouvées pour la Seine-Saint-Denis"),
    "aucun-resultat": ("/guide/?territoire=974&theme=parentalite", "Aucune structure du guide"),
    "code-inconnu": ("/guide/?territoire=99999", "ne correspond à aucun département"),
    "fiche": ("/guide/structures/ecoute-93/", "Appeler le 01 23 45 67 89"),
    "impression": ("/guide/imprimer/?territoire=93", "Services nationaux"),
}


@pytest.fixture
def guide_site(home_page, snapshot):
    def build():
        from guide.models import GuideIndexPage

        page = GuideIndexPage(
            title="Maux d'enfants, mode d'emploi",
            slug="guide",
            intro="Trouvez près de chez vous qui peut aider.",
            show_in_menus=True,
        )
        home_page.add_child(instance=page)
        page.save_revision().publish()
        make_structure(
            "3018",
            name="3018, contre le harcèlement",
            scope=Structure.Scope.NATIONAL,
            phone="3018",
            opening_hours="7 j/7, de 9 h à 23 h",
            themes=["harcelement-scolaire", "cyberviolences"],
        )
        make_structure(
            "ecoute-93",
            name="Point écoute de Bobigny",
            departements=["93"],
            phone="01 23 45 67 89",
            address="1 rue de l'Exemple",
            postcode="93000",
            commune="Bobigny",
            audiences=["adolescents"],
            age_min=11,
            age_max=18,
            is_example=True,
        )
        make_structure(
            "parents-idf",
            name="Parents d'Île-de-France",
            scope=Structure.Scope.REGION,
            region="11",
            themes=["parentalite"],
        )
        return page

    return snapshot("guide", build)


@pytest.mark.both_widths  # the search form: a public form, its layout changes with the width
def test_every_guide_page_has_no_accessibility_violation(page, guide_site):
    def shows_its_text(name):
        assert PAGES[name][1] in page.locator("main").inner_text()

    pages = {name: (path, 200) for name, (path, _text) in PAGES.items()}
    assert_pages_accessible(page, pages, shows_its_text)


def test_the_search_form_works_without_javascript(browser, live_server, guide_site):
    context = browser.new_context(
        viewport=DESKTOP, base_url=live_server.url, locale="fr-FR", java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/guide/")
        page.get_by_label("Code postal ou département").fill("93200")
        page.get_by_role("button", name="Chercher").click()
        page.wait_for_url("**/guide/?territoire=93200*")
        main = page.locator("main").inner_text()
        assert "3 structures trouvées pour la Seine-Saint-Denis" in main
        assert main.index("Point écoute de Bobigny") < main.index("3018, contre le harcèlement")
    finally:
        context.close()


def test_with_javascript_results_update_in_place_and_are_announced(page, guide_site):
    page.goto("/guide/")
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Code postal ou département").fill("974")
    page.get_by_role("button", name="Chercher").click()
    status = page.locator("[data-guide-status]")
    status.filter(has_text="1 structure trouvée pour La Réunion").wait_for(state="attached")
    assert page.evaluate("window.__sameDocument") is True  # no full reload
    assert page.url.endswith("/guide/?territoire=974&theme=&public=&age=&q=")
    assert "3018, contre le harcèlement" in page.locator("[data-guide-results]").inner_text()
    page.get_by_label("Code postal ou département").fill("93")
    page.get_by_role("button", name="Chercher").click()
    status.filter(has_text="3 structures trouvées pour la Seine-Saint-Denis").wait_for(
        state="attached"
    )
    assert page.evaluate("window.__sameDocument") is True
    assert_no_axe_violations(page)
