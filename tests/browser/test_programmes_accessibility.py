"""Zero axe-core violations (WCAG 2.1 A and AA) on the programme pages, the France Travail
page, the resources listing (filtered and not) and the home page with programmes and
partners, at phone and desktop widths, in Debian's Chromium."""

import pytest

from programmes.models import Kit, Partner
from tests.browser.conftest import assert_pages_accessible
from tests.factories import StandardPageFactory, list_item, make_every_block_page, stream
from tests.programmes.factories import (
    ImpactFigureFactory,
    KitFactory,
    PartnerFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    ResourcesPageFactory,
    action,
    service,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# name: (path, text the visitor must see in <main>)
PAGES = {
    "programmes": ("/programmes/", "Se reconstruire ensemble"),
    "programme": ("/programmes/se-reconstruire-ensemble/", "Groupes d'échanges hebdomadaires"),
    "programme-en-developpement": ("/programmes/monster-messenger/", "En développement"),
    "francetravail": ("/francetravail/", "France Travail"),
    "ressources": ("/ressources/", "Kit des parents pour mobiliser l'école"),
    "ressources-parents": ("/ressources/?public=parents", "correspondant à vos filtres"),
    "ressources-combines": (
        "/ressources/?niveau=college&format=module&programme=stop-cyberviolences",
        "Modules de prévention STOP Cyberviolences",
    ),
    "ressources-aucune": ("/ressources/?niveau=maternelle&format=module", "Aucune ressource"),
    "ressources-valeur-inconnue": ("/ressources/?public=xyz&niveau=%3Cscript%3E", "4 ressources"),
    "accueil": ("/", "Ils nous soutiennent"),
    "recherche-kits": (
        "/recherche/?q=kit",
        "Kit · Guide",
    ),
}


@pytest.fixture
def programmes_site(home_page, snapshot):
    def build():
        orienter = StandardPageFactory(
            parent=home_page, title="Orienter un jeune", slug="orienter-un-jeune"
        )
        contact = StandardPageFactory(parent=home_page, title="Être contacté", slug="etre-contacte")
        make_every_block_page(title="France Travail", slug="francetravail")
        ProgrammeIndexPageFactory(parent=home_page)
        ResourcesPageFactory(parent=home_page)
        partners = [
            PartnerFactory(name="Fondation Horizon", kind=Partner.Kind.PATRON, with_logo=True),
            PartnerFactory(name="Ville de Lutèce", kind=Partner.Kind.INSTITUTIONAL, with_logo=True),
            PartnerFactory(name="Université de Lutèce", kind=Partner.Kind.SCIENTIFIC, url=""),
            PartnerFactory(name="Association Passerelle", kind=Partner.Kind.OPERATOR),
        ]
        figure = ImpactFigureFactory(value="291", label="jeunes accompagnés", period="2023-2024")
        key_figures = stream(
            ("key_figures", {"title": "En chiffres", "figures": [list_item(figure.pk)]})
        )
        reconstruire = ProgrammePageFactory(
            title="Se reconstruire ensemble",
            slug="se-reconstruire-ensemble",
            promise="Se reconstruire après le harcèlement, avec d'autres jeunes.",
            age_min=11,
            age_max=18,
            audiences=["jeunes", "parents"],
            partners=partners,
            services=stream(
                service(
                    "Groupes d'échanges hebdomadaires anonymes",
                    "Un groupe de huit jeunes au plus.",
                    "chaque semaine, en ligne",
                ),
                service("Question Psy", "Une psychologue répond aux parents."),
            ),
            actions=stream(
                action("Orienter un jeune", page=orienter),
                action("Être contacté", page=contact),
            ),
            body=key_figures,
        )
        stop = ProgrammePageFactory(
            title="STOP Cyberviolences",
            slug="stop-cyberviolences",
            audiences=["equipes-educatives"],
            partners=partners[:1],
        )
        ProgrammePageFactory(
            title="Monster Messenger",
            slug="monster-messenger",
            status="en_developpement",
            audiences=["jeunes"],
        )
        KitFactory(
            title="Kit des parents pour mobiliser l'école",
            programme=reconstruire,
            format=Kit.Format.GUIDE,
            audiences=["parents"],
            school_levels=["college", "lycee"],
        )
        KitFactory(
            title="Modules de prévention STOP Cyberviolences",
            programme=stop,
            format=Kit.Format.MODULE,
            audiences=["equipes-pedagogiques", "eleves"],
            school_levels=["college"],
        )
        KitFactory(
            title="Affiche pour les petits",
            format=Kit.Format.POSTER,
            audiences=["eleves"],
            school_levels=["maternelle", "elementaire"],
        )
        KitFactory(
            title="Fiche réseaux sociaux",
            programme=reconstruire,
            format=Kit.Format.SHEET,
            audiences=["parents"],
            school_levels=["lycee"],
        )
        return home_page

    return snapshot("programmes", build)


def test_every_programme_page_has_no_accessibility_violation(page, programmes_site):
    def shows_its_text(name):
        assert PAGES[name][1] in page.locator("main").inner_text()

    pages = {name: (path, 200) for name, (path, _text) in PAGES.items()}
    assert_pages_accessible(page, pages, shows_its_text)


def test_the_filter_form_submits_without_javascript(browser, live_server, programmes_site):
    """The filters are a plain GET form: choosing and submitting works with JS off."""
    from tests.browser.conftest import DESKTOP

    context = browser.new_context(
        viewport=DESKTOP, base_url=live_server.url, locale="fr-FR", java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/ressources/")
        page.get_by_label("Pour qui").select_option(label="Parents (2)")  # with its count
        page.get_by_role("button", name="Afficher les ressources").click()
        page.wait_for_url("**/ressources/?public=parents*")
        main = page.locator("main").inner_text()
        assert "2 ressources correspondant à vos filtres" in main
        assert "Kit des parents pour mobiliser l'école" in main
        assert "Affiche pour les petits" not in main
    finally:
        context.close()
