"""`manage.py load_demo_content`: the public page tree (the stable URLs of the README),
built from the association's documents by each app's `demo.py`, published, idempotent
and free of invented personal data.

The tests that only read the demo share the run's one load (`demo_site`, class-scoped: a
copy of the demo database, tests/db.py); each test runs in its own transaction on top of
it, as usual with pytest-django. The tests that run the command themselves start from an
empty database.
"""

import html
import io
import re

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, Site, WorkflowPage

from appointments import demo as appointments_demo
from events import demo as events_demo
from events.models import AgendaPage, EventPage, Session
from guide import demo as guide_demo
from guide.models import GuideIndexPage, Structure
from home.demo import content, trust
from home.helplines import DEFAULT_HELPLINES, tel_href
from home.models import BasePage, HomePage, ImpactFigure, LegalPage, SiteSettings, StandardPage
from programmes import demo_content
from programmes.models import Kit, Partner, ProgrammeIndexPage, ProgrammePage, ResourcesPage
from referrals.models import ReferralFormPage, RoutingRule
from tests.db import demo_site as demo_copy

# The tests that run the command (a first load, a second one) are idempotency checks and
# run on both engines; the tests that only read the demo run once (README « Tests »).
pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

PUBLIC_EMAILS = {"contact@centresrelier.org"}
# Every figure of the demo (two are shown by both the home page and the programmes).
FIGURES = set(content.FIGURES) | set(demo_content.FIGURES)

# url -> (French h1, as a visitor reads it; page type).
PAGES = {
    "/": ("Les Centres Relier", HomePage),
    "/programmes/": ("Nos programmes", ProgrammeIndexPage),
    "/programmes/se-reconstruire-ensemble/": ("Se reconstruire ensemble", ProgrammePage),
    "/programmes/relier-vers-lemploi/": ("Relier vers l'emploi", ProgrammePage),
    "/programmes/stop-cyberviolences/": ("STOP Cyberviolences", ProgrammePage),
    "/programmes/monster-moods/": ("Monster Moods", ProgrammePage),
    "/programmes/monster-messenger/": ("Monster Messenger", ProgrammePage),
    "/francetravail/": ("Espace France Travail", StandardPage),
    "/orienter-un-jeune/": ("Orienter un jeune", ReferralFormPage),
    "/etre-contacte/": ("Être contacté", ReferralFormPage),
    "/demander-une-intervention/": ("Demander une intervention", ReferralFormPage),
    "/agenda/": ("Agenda", AgendaPage),
    "/guide/": ("Maux d'enfants, mode d'emploi", GuideIndexPage),
    "/ressources/": ("Ressources", ResourcesPage),
    "/naviguer-en-securite/": ("Naviguer en sécurité", StandardPage),
    "/association/": ("L'association", StandardPage),
    "/mentions-legales/": ("Mentions légales", LegalPage),
    "/confidentialite/": ("Politique de confidentialité", LegalPage),
    "/accessibilite/": ("Déclaration d'accessibilité", LegalPage),
    "/plan-du-site/": ("Plan du site", LegalPage),
    **{f"/agenda/{event.slug}/": (event.title, EventPage) for event in events_demo.EVENTS},
    # The home page's entries, one per visitor.
    "/jeunes/": ("Tu es jeune", StandardPage),
    "/parents/": ("Vous êtes parent", StandardPage),
    "/professionnels/": ("Vous êtes professionnel·le", StandardPage),
    "/etablissements-scolaires/": ("Vous êtes un établissement scolaire", StandardPage),
}

MENU = [
    "/programmes/",
    "/francetravail/",
    "/agenda/",
    "/guide/",
    "/ressources/",
    "/etre-contacte/",
]


def load():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out, stderr=out)
    return out.getvalue()


def delete_document_files():
    """Remove the files of the documents the demo stored in MEDIA_ROOT (the rows go with
    the test's rollback, the files would stay)."""
    for document in get_document_model().objects.all():
        document.file.storage.delete(document.file.name)


@pytest.fixture
def forget_demo_files(db):
    """For a test that loads the demo itself: remove the document files afterwards."""
    yield
    delete_document_files()


def text_of(response):
    """The page as text: entities decoded, non-breaking spaces as plain spaces."""
    assert response.status_code == 200
    return html.unescape(response.content.decode()).replace("\u00a0", " ")


def main_of(response):
    page = text_of(response)
    return page[page.index("<main") : page.index("</main>")]


def h1_of(response):
    found = re.findall(r"<h1[^>]*>(.*?)</h1>", text_of(response), re.S)
    assert len(found) == 1, found
    return found[0].strip()


def menu_links(client):
    page = text_of(client.get("/"))
    nav = page[page.index('class="site-menu site-menu--wide"') :]
    nav = nav[: nav.index("</ul>")]
    return re.findall(r'class="site-menu__link" href="([^"]+)"', nav)


def snapshot():
    """What a second run must not change: rows and their content."""
    Document = get_document_model()
    return {
        "pages": list(Page.objects.order_by("path").values_list("pk", "path", "latest_revision")),
        "revisions": Revision.objects.count(),
        "figures": list(ImpactFigure.objects.order_by("pk").values()),
        "partners": list(Partner.objects.order_by("pk").values()),
        "kits": list(Kit.objects.order_by("pk").values()),
        "documents": list(Document.objects.order_by("pk").values("pk", "title", "file")),
        "workflow_pages": list(WorkflowPage.objects.values_list("page", "workflow")),
        "settings": list(SiteSettings.objects.values()),
        "sessions": list(Session.objects.order_by("pk").values()),
        "structures": list(Structure.objects.order_by("pk").values("pk", "name", "live")),
        "routing_rules": list(RoutingRule.objects.order_by("pk").values()),
    }


# --- Tests that load the demo into a database of their own ------------------------------


@pytest.mark.both_databases
def test_fresh_database_gets_every_page_and_the_welcome_page_is_replaced(
    wagtail_placeholder, forget_demo_files
):
    assert Page.objects.filter(slug="home", depth=2).exists()  # Wagtail's "Welcome" page

    output = load()

    assert (
        f"Contenu de démonstration chargé : {len(PAGES)} pages créées, 0 déjà présente." in output
    )
    assert (
        f"Ajouts : {sum(event.count for event in events_demo.EVENTS)} séances de l'agenda, "
        f"1 règle d'acheminement, {len(FIGURES)} chiffres clés, "
        f"{len(demo_content.KITS) + len(trust.DOCUMENTS)} documents, "
        f"{len(demo_content.PARTNERS)} partenaires, {len(demo_content.KITS)} kits, "
        "processus « Relecture » attribué aux programmes, "
        f"{len(appointments_demo.RANGES)} plages de permanence, "
        f"{len(guide_demo.NATIONAL) + len(guide_demo.EXAMPLES)} fiches du guide." in output
    )
    assert "Attention" not in output
    assert not Page.objects.filter(slug="home", depth=2).exists()
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.get_descendants().count() == len(PAGES) - 1


@pytest.mark.both_databases
def test_an_existing_bare_home_page_gets_its_content(client, home_page, forget_demo_files):
    """A HomePage made by `ensure_home_page` alone (no revision yet) is filled in."""
    output = load()

    assert f"{len(PAGES) - 1} pages créées, 1 déjà présente." in output
    assert home_page.revisions.count() == 1
    assert "1 507" in main_of(client.get("/"))


@pytest.mark.both_databases
def test_pages_of_the_wrong_type_are_left_alone_with_a_french_warning(
    client, home_page, forget_demo_files
):
    """An old database where /programmes/ and /ressources/ are standard pages."""
    for slug, title in (("programmes", "Nos anciens programmes"), ("ressources", "Documents")):
        home_page.add_child(instance=StandardPage(title=title, slug=slug)).save_revision().publish()

    output = load()

    assert (
        "Attention : la page /programmes/ existe déjà, mais c'est une « Page standard » et non "
        "une « Liste des programmes » : elle est laissée telle quelle." in output
    )
    assert "la page /ressources/ existe déjà, mais c'est une « Page standard »" in output
    assert (
        "Attention : la page /programmes/monster-moods/ n'est pas créée : un programme se "
        "place sous une « Liste des programmes », or /programmes/ est une « Page standard »."
        in output
    )
    assert h1_of(client.get("/programmes/")) == "Nos anciens programmes"
    assert type(Page.objects.get(slug="ressources").specific) is StandardPage
    assert not ProgrammePage.objects.exists()
    assert not WorkflowPage.objects.exists()
    assert Kit.objects.count() == len(demo_content.KITS)  # kept, without a programme
    assert client.get("/francetravail/").status_code == 200


# --- Tests that read one shared demo site -----------------------------------------------


@pytest.fixture(scope="class")
def demo_site(django_db_setup, django_db_blocker, database_template):
    with demo_copy(django_db_blocker, database_template) as output:
        yield output


@pytest.mark.usefixtures("demo_site")
@pytest.mark.xdist_group("demo-site")  # one xdist worker: the demo is loaded once
class TestDemoSite:
    def test_every_public_url_answers_with_its_french_title_and_type(self, client):
        found = {}
        for url, (_title, page_type) in PAGES.items():
            response = client.get(url)
            assert '<html lang="fr"' in text_of(response), url
            found[url] = h1_of(response)
            assert type(response.context["page"]) is page_type, url

        assert found == {url: title for url, (title, _type) in PAGES.items()}

    def test_search_sitemap_and_robots_answer(self, client):
        assert h1_of(client.get("/recherche/", {"q": "harcèlement"})) == "Rechercher sur le site"
        found = text_of(client.get("/recherche/", {"q": "reconstruire"}))
        assert "Se reconstruire ensemble" in found
        sitemap = text_of(client.get("/sitemap.xml"))
        for url in PAGES:
            assert f"{url}</loc>" in sitemap
        assert client.get("/robots.txt").status_code == 200

    def test_every_page_is_live_with_a_published_revision_and_a_description(self):
        pages = Site.objects.get(is_default_site=True).root_page.get_descendants(inclusive=True)
        assert pages.count() == len(PAGES)
        for page in pages.specific():
            assert page.live, page.url_path
            assert page.live_revision is not None, page.url_path
            assert not page.has_unpublished_changes, page.url_path
            assert page.intro, page.url_path
            assert 0 < len(page.search_description) <= 160, page.url_path

    def test_every_page_would_pass_the_editor_validation(self):
        """What the admin would accept: block types, lengths and required fields."""
        pages = [page for page in Page.objects.specific() if isinstance(page, BasePage)]
        assert len(pages) == len(PAGES)
        for page in pages:
            assert len(page.body) >= 2, page.url_path
            streams = ["body"]
            if isinstance(page, ProgrammePage):
                streams += ["services", "actions"]
            for name in streams:
                type(page)._meta.get_field(name).stream_block.clean(getattr(page, name))
            assert page.full_clean() is None

    @pytest.mark.both_databases
    def test_running_twice_changes_nothing(self):
        before = snapshot()

        output = load()

        assert (
            f"Contenu de démonstration chargé : 0 page créée, {len(PAGES)} déjà présentes."
            in output
        )
        assert (
            "Séances de l'agenda, règles d'acheminement, chiffres clés, documents, "
            "partenaires, kits, processus « Relecture », plages de permanence et fiches du "
            "guide : rien à ajouter." in output
        )
        after = snapshot()
        for key, value in before.items():
            assert after[key] == value, key
        assert len(after["figures"]) == len(FIGURES)
        assert len(after["partners"]) == len(demo_content.PARTNERS)
        assert len(after["kits"]) == len(demo_content.KITS)
        assert len(after["documents"]) == len(demo_content.KITS) + len(trust.DOCUMENTS)
        assert ReferralFormPage.objects.count() == 3
        assert len(after["routing_rules"]) == 1

    @pytest.mark.both_databases
    def test_editors_changes_are_kept_and_a_missing_page_comes_back(self, client):
        agenda = Page.objects.get(slug="agenda").specific
        agenda.title = "Nos rendez-vous"
        agenda.save_revision().publish()
        figure = ImpactFigure.objects.get(value="291")
        figure.period = "2023-2024"
        figure.save()
        Page.objects.get(slug="ressources").delete()

        output = load()

        assert f"1 page créée, {len(PAGES) - 1} déjà présentes." in output
        assert h1_of(client.get("/agenda/")) == "Nos rendez-vous"
        assert ImpactFigure.objects.get(value="291").period == "2023-2024"
        resources = Page.objects.get(slug="ressources")
        assert type(resources.specific) is ResourcesPage
        assert h1_of(client.get("/ressources/")) == "Ressources"
        assert menu_links(client) == [*MENU, "/recherche/"]  # back at its place

    def test_home_page_shows_key_figures_a_testimonial_and_helplines(self, client):
        main = main_of(client.get("/"))

        for figure in ("1 jeune sur 3", "700 000", "291", "1 507"):
            assert f'<p class="key-figure__value mb-0">{figure}</p>' in main
        assert "Année scolaire 2023-2024 · Rapport d'activité 2024 des Centres Relier" in main
        assert "UNESCO" in main
        assert main.count('class="block-quote') == 1  # one voice: the phone page stays short
        assert "Flore, 13 ans" in main
        assert "On se sent entendu" in main_of(client.get("/parents/"))
        # The helplines are in the bar at the top of the page, above the main content.
        page = text_of(client.get("/"))
        bar = page[page.index('<aside class="helplines-bar"') : page.index("<main")]
        for number in ("3018", "119", "3114", "0800235236", "112"):
            assert f'href="tel:{number}"' in bar
        assert 'href="/etre-contacte/"' in main
        # One entry per visitor, each to the page that answers their first questions.
        for url in ("/jeunes/", "/parents/", "/professionnels/", "/etablissements-scolaires/"):
            assert f'class="entry" href="{url}"' in main

    def test_key_figures_are_snippets_used_by_the_pages(self):
        figures = {(f.value.replace("\u00a0", " "), f.label): f for f in ImpactFigure.objects.all()}
        supported = figures[
            ("291", "jeunes ciblés par le harcèlement accompagnés, avec leur famille")
        ]
        assert supported.period == "Année scolaire 2023-2024"
        assert supported.source == "Rapport d'activité 2024 des Centres Relier"
        assert figures[("1 507", "jeunes sensibilisés")].period == "Année scolaire 2023-2024"
        assert all(figure.source for figure in figures.values())

        used = set()
        for page in Page.objects.specific():
            for block in getattr(page, "body", []):
                if block.block_type == "key_figures":
                    used |= {figure.pk for figure in block.value["figures"]}
        assert used == {figure.pk for figure in figures.values()}  # each one shown somewhere

    def test_partners_are_the_organisations_the_documents_name(self, client):
        partners = list(Partner.objects.order_by("sort_order"))

        assert [p.name for p in partners] == [p.name for p in demo_content.PARTNERS]
        assert {p.kind for p in partners} == set(Partner.Kind.values)
        assert all(p.logo is None and p.url == "" for p in partners)
        assert partners[0].kind == "mecene"  # editors' order: patrons first
        strip = main_of(client.get("/"))
        assert strip.index("Fondation pour l'enfance") < strip.index("Centre social Adésir")

    def test_safe_browsing_page_explains_quick_exit_private_browsing_and_cookies(self, client):
        main = main_of(client.get("/naviguer-en-securite/"))

        assert "trois fois de suite sur la touche Maj" in main
        assert "Quitter le site" in main
        assert "remplacent la page en cours dans l'historique" in main
        assert "Nouvel onglet de navigation privée" in main
        assert "Ctrl + Maj + N" in main
        assert "Effacer votre historique" in main
        assert "appareil partagé" in main
        assert "aucun cookie de suivi" in main and "aucun outil de mesure d'audience" in main
        assert main.count("<details") >= 4
        for number in ("3018", "119", "3114", "112"):
            assert f'href="tel:{number}"' in main

    def test_contact_form_page_shows_the_helplines(self, client):
        contact = main_of(client.get("/etre-contacte/"))  # the form (referrals app)
        assert 'class="block-helplines' in contact

    def test_no_page_shows_an_email_address_other_than_the_associations(self, client):
        email = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
        phone = re.compile(r"(?<!\d)0\d(?:[ .]?\d\d){4}(?!\d)")
        # Public helplines (Fil Santé Jeunes: 0 800 235 236) are not personal numbers.
        helplines = [
            form
            for line in DEFAULT_HELPLINES
            for form in (line["number"], tel_href(line["number"])[4:])
            if len(tel_href(line["number"])) > 8
        ]
        for url in PAGES:
            page = text_of(client.get(url))
            for number in helplines:
                page = page.replace(number, "")
            assert set(email.findall(page)) <= PUBLIC_EMAILS, url
            assert not phone.findall(page), url
        for page in Page.objects.specific():
            if not isinstance(page, BasePage):
                continue
            # Block values only: the blocks' UUIDs hold digits that look like numbers.
            values = [block["value"] for block in page.body.raw_data]
            stored = f"{page.title} {page.intro} {page.search_description} {values}"
            if isinstance(page, ProgrammePage):
                stored += f" {page.promise} {[b['value'] for b in page.services.raw_data]}"
            for number in helplines:
                stored = stored.replace(number, "").replace(number.replace(" ", "\u00a0"), "")
            assert set(email.findall(stored)) <= PUBLIC_EMAILS, page.url_path
            assert not phone.findall(stored), page.url_path

    def test_main_menu_lists_the_expected_pages_in_order(self, client):
        links = menu_links(client)

        assert links == [*MENU, "/recherche/"]
        assert len(links) <= 7

    def test_site_settings_hold_the_public_contact_and_default_helplines(self, client):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))

        assert settings.organisation_name == "Les Centres Relier"
        assert settings.contact_email == "contact@centresrelier.org"
        assert settings.contact_phone == ""
        assert settings.donation_url == ""
        assert settings.quick_exit_url == "https://meteofrance.com/"
        assert [line["number"] for line in settings.helpline_list] == [
            "3018",
            "119",
            "3114",
            "0 800 235 236",  # Fil Santé Jeunes
            "112",
        ]
        footer = text_of(client.get("/agenda/"))
        assert 'href="mailto:contact@centresrelier.org"' in footer[footer.index("<footer") :]

    def test_settings_edited_by_staff_are_kept(self):
        settings = SiteSettings.objects.get()
        settings.contact_email = "accueil@centresrelier.org"
        settings.save()

        load()

        assert SiteSettings.objects.get().contact_email == "accueil@centresrelier.org"
