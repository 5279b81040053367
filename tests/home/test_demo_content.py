"""`manage.py load_demo_content`: the public page tree of DESIGN.md, built from the
association's documents, published, idempotent and free of invented personal data."""

import html
import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from home.models import HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db

PUBLIC_EMAILS = {"contact@centresrelier.org"}

# url -> French h1 (the page title), as a visitor reads it.
PAGES = {
    "/": "Les Centres Relier",
    "/programmes/": "Nos programmes",
    "/programmes/se-reconstruire-ensemble/": "Se reconstruire ensemble",
    "/programmes/relier-vers-lemploi/": "Relier vers l'emploi",
    "/programmes/stop-cyberviolences/": "STOP Cyberviolences",
    "/programmes/monster-moods/": "Monster Moods",
    "/francetravail/": "Espace France Travail",
    "/orienter-un-jeune/": "Orienter un jeune",
    "/etre-contacte/": "Être contacté",
    "/agenda/": "Agenda",
    "/guide/": "Maux d'enfants, mode d'emploi",
    "/ressources/": "Ressources",
    "/naviguer-en-securite/": "Naviguer en sécurité",
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
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


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


@pytest.fixture
def demo():
    return load()


def test_fresh_database_gets_every_page_and_the_welcome_page_is_replaced():
    assert Page.objects.filter(slug="home", depth=2).exists()  # Wagtail's "Welcome" page

    output = load()

    assert "Contenu de démonstration chargé : 13 pages créées, 0 déjà présente." in output
    assert not Page.objects.filter(slug="home", depth=2).exists()
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.get_descendants().count() == len(PAGES) - 1


def test_every_public_url_answers_with_its_french_title(client, demo):
    found = {}
    for url in PAGES:
        response = client.get(url)
        assert '<html lang="fr"' in text_of(response), url
        found[url] = h1_of(response)

    assert found == PAGES


def test_search_sitemap_and_robots_answer(client, demo):
    assert h1_of(client.get("/recherche/", {"q": "harcèlement"})) == "Rechercher sur le site"
    assert "Se reconstruire ensemble" in text_of(client.get("/recherche/", {"q": "reconstruire"}))
    sitemap = text_of(client.get("/sitemap.xml"))
    for url in PAGES:
        assert f"{url}</loc>" in sitemap
    assert client.get("/robots.txt").status_code == 200


def test_every_page_is_live_with_a_published_revision_and_a_description(demo):
    pages = Site.objects.get(is_default_site=True).root_page.get_descendants(inclusive=True)
    assert pages.count() == len(PAGES)
    for page in pages.specific():
        assert page.live, page.url_path
        assert page.live_revision is not None, page.url_path
        assert not page.has_unpublished_changes, page.url_path
        assert page.intro, page.url_path
        assert 0 < len(page.search_description) <= 160, page.url_path


def test_every_body_would_pass_the_editor_validation(demo):
    """What the admin would accept: block types, lengths and required fields."""
    for page in Page.objects.type(HomePage, StandardPage).specific():
        stream_block = type(page).body.field.stream_block
        assert len(page.body) >= 3, page.url_path
        stream_block.clean(page.body)  # raises ValidationError on a bad block
        assert page.full_clean() is None


def test_running_twice_changes_nothing(demo):
    pages = Page.objects.count()
    revisions = Revision.objects.count()
    latest = dict(Page.objects.values_list("pk", "latest_revision_id"))
    settings = SiteSettings.objects.get()

    output = load()

    assert "Contenu de démonstration chargé : 0 page créée, 13 déjà présentes." in output
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == latest
    assert SiteSettings.objects.count() == 1
    assert SiteSettings.objects.get().pk == settings.pk


def test_editors_changes_are_kept_and_a_missing_page_comes_back(client, demo):
    agenda = Page.objects.get(slug="agenda").specific
    agenda.title = "Nos rendez-vous"
    agenda.save_revision().publish()
    Page.objects.get(slug="ressources").delete()

    output = load()

    assert "1 page créée, 12 déjà présentes." in output
    assert h1_of(client.get("/agenda/")) == "Nos rendez-vous"
    assert h1_of(client.get("/ressources/")) == "Ressources"


def test_an_existing_bare_home_page_gets_its_content(client, home_page):
    """A HomePage made by `ensure_home_page` alone (no revision yet) is filled in."""
    output = load()

    assert "12 pages créées, 1 déjà présente." in output
    assert home_page.revisions.count() == 1
    assert "700 000" in main_of(client.get("/"))


def test_home_page_shows_key_figures_testimonials_and_helplines(client, demo):
    main = main_of(client.get("/"))

    for figure in ("1 jeune sur 3", "700 000", "3 104", "1 586", "406"):
        assert figure in main
    assert "2022-2023" in main and "UNESCO" in main
    assert main.count('class="block-quote') >= 2
    assert "Flore, 13 ans" in main
    assert 'class="block-helplines' in main
    for number in ("3018", "119", "3114", "112"):
        assert f'href="tel:{number}"' in main
    assert 'href="/etre-contacte/"' in main
    assert 'href="/orienter-un-jeune/"' in main


def test_safe_browsing_page_explains_quick_exit_private_browsing_and_cookies(client, demo):
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


def test_france_travail_page_gives_rhythms_and_a_way_to_register(client, demo):
    main = main_of(client.get("/francetravail/"))

    assert "moins de 26 ans" in main
    assert "chaque semaine" in main
    assert main.count("tous les 15 jours") >= 2
    assert "L'inscription en ligne ouvre bientôt" in main
    assert 'href="mailto:contact@centresrelier.org"' in main


def test_placeholder_pages_say_what_is_coming_and_how_to_reach_us(client, demo):
    for url in ("/orienter-un-jeune/", "/etre-contacte/", "/agenda/", "/guide/", "/ressources/"):
        main = main_of(client.get(url))
        assert "bientôt" in main, url
        assert "contact@centresrelier.org" in main, url
    contact = main_of(client.get("/etre-contacte/"))
    assert 'class="block-helplines' in contact
    assert 'href="/naviguer-en-securite/"' in contact


def test_no_page_shows_an_email_address_other_than_the_associations(client, demo):
    email = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    phone = re.compile(r"(?<!\d)0\d(?:[ .]?\d\d){4}(?!\d)")
    for url in PAGES:
        page = text_of(client.get(url))
        assert set(email.findall(page)) <= PUBLIC_EMAILS, url
        assert not phone.findall(page), url
    for page in Page.objects.type(HomePage, StandardPage).specific():
        stored = f"{page.title} {page.intro} {page.search_description} {page.body.raw_data}"
        assert set(email.findall(stored)) <= PUBLIC_EMAILS, page.url_path


def test_main_menu_lists_the_expected_pages_in_order(client, demo):
    page = text_of(client.get("/"))
    nav = page[page.index('id="menu-principal"') :]
    nav = nav[: nav.index("</ul>")]

    links = re.findall(r'class="nav-link" href="([^"]+)"', nav)

    assert links == [*MENU, "/recherche/"]
    assert len(links) <= 7


def test_site_settings_hold_the_public_contact_and_default_helplines(client, demo):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))

    assert settings.organisation_name == "Les Centres Relier"
    assert settings.contact_email == "contact@centresrelier.org"
    assert settings.contact_phone == ""
    assert settings.donation_url == ""
    assert settings.quick_exit_url == "https://meteofrance.com/"
    assert [line["number"] for line in settings.helpline_list] == ["3018", "119", "3114", "112"]
    footer = text_of(client.get("/agenda/"))
    assert 'href="mailto:contact@centresrelier.org"' in footer[footer.index("<footer") :]


def test_settings_edited_by_staff_are_kept(demo):
    settings = SiteSettings.objects.get()
    settings.contact_email = "accueil@centresrelier.org"
    settings.save()

    load()

    assert SiteSettings.objects.get().contact_email == "accueil@centresrelier.org"
