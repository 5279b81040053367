"""The demo content of the programmes: the five programme pages, the France Travail
page, the kits at /ressources/ and their downloads, the « Relecture » workflow.

The demo is loaded once for the module (see `demo_loaded`); each test runs in its own
savepoint inside it, so downloads and edits made by one test are not seen by the next.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.models import Page, WorkflowPage

from programmes import demo_content as content
from programmes.models import (
    DocumentDownloadCount,
    Kit,
    Partner,
    ProgrammeIndexPage,
    ProgrammePage,
)
from tests.home.test_demo_content import demo_loaded, main_of
from tests.html import streamed_body

# The group keeps the module on one xdist worker: the demo is loaded once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-programmes")]

DEMO_FILES = Path(content.__file__).resolve().parent / "demo_files"
ACTION_URLS = {"/etre-contacte/", "/orienter-un-jeune/", "/francetravail/", "/agenda/"}

# slug -> (title, status)
PROGRAMMES = {
    "se-reconstruire-ensemble": ("Se reconstruire ensemble", "propose"),
    "relier-vers-lemploi": ("Relier vers l'emploi", "propose"),
    "stop-cyberviolences": ("STOP Cyberviolences", "propose"),
    "monster-moods": ("Monster Moods", "propose"),
    "monster-messenger": ("Monster Messenger", "en_developpement"),
}


@pytest.fixture(scope="module", autouse=True)
def demo_site(django_db_setup, django_db_blocker):
    with demo_loaded(django_db_blocker) as output:
        yield output


class Links(HTMLParser):
    """The links of an HTML fragment: (href, visible text)."""

    def __init__(self, fragment):
        super().__init__(convert_charrefs=True)
        self.links, self._open = [], None
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = [dict(attrs).get("href", ""), ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self.links.append((self._open[0], " ".join(self._open[1].split())))
            self._open = None


def links_of(response):
    return Links(main_of(response)).links


def test_the_five_programme_pages_have_their_type_status_and_an_action(client):
    index = Page.objects.get(slug="programmes", depth=3)
    assert type(index.specific) is ProgrammeIndexPage

    for slug, (title, status) in PROGRAMMES.items():
        page = index.get_children().get(slug=slug).specific
        assert type(page) is ProgrammePage, slug
        assert (page.title, page.status) == (title, status)
        assert page.promise and len(page.promise) <= 160, slug
        assert page.audiences.exists(), slug
        assert page.services, slug

        response = client.get(f"/programmes/{slug}/")
        # A referral form opens with the programme preselected (?programme=…).
        hrefs = {href.split("?")[0] for href, _text in links_of(response)}
        actions = {action.value["page"].url for action in page.actions}
        assert actions and actions <= ACTION_URLS, slug
        assert actions <= hrefs, slug  # every action of the page is a link a visitor sees
        assert page.promise.replace("\u00a0", " ") in main_of(response), slug


def test_programme_pages_show_their_services_rhythms_ages_and_partners(client):
    rebuild = main_of(client.get("/programmes/se-reconstruire-ensemble/"))
    for service in (
        "Groupes d'échanges en ligne entre jeunes",
        "Question Psy",
        "Permanences de psychologues",
        "Séances d'information pour les adultes",
    ):
        assert service in rebuild
    assert "Chaque semaine, en ligne, anonymes et sans webcam" in rebuild
    assert "Make.org Foundation" in rebuild and "Fondation pour l'enfance" in rebuild
    assert "Paul, 13 ans" in rebuild  # a testimonial from the activity report
    assert "<details" in rebuild  # questions fréquentes

    employment = main_of(client.get("/programmes/relier-vers-lemploi/"))
    assert "jusqu'à 25 ans" in employment
    assert "France Travail Île-de-France" in employment
    assert "30 %" in employment and "40 %" in employment

    moods = main_of(client.get("/programmes/monster-moods/"))
    assert "de 3 à 6 ans" in moods

    messenger = main_of(client.get("/programmes/monster-messenger/"))
    assert "En développement" in messenger
    assert "Data for Good" in messenger


def test_partners_are_linked_to_the_programmes_the_documents_associate_them_with():
    programmes_of = {
        partner.name: {page.slug for page in partner.programmes.all()}
        for partner in Partner.objects.prefetch_related("programmes")
    }

    assert programmes_of["France Travail Île-de-France"] == {"relier-vers-lemploi"}
    assert programmes_of["Make.org Foundation"] == {"se-reconstruire-ensemble"}
    assert programmes_of["Génération Numérique"] == {"stop-cyberviolences"}
    assert programmes_of["Data for Good"] == {"stop-cyberviolences", "monster-messenger"}
    assert programmes_of["Fondation Ramsay Santé"] == set()  # supports the association


def test_programme_index_lists_the_five_programmes(client):
    response = client.get("/programmes/")
    links = links_of(response)

    for slug, (title, _status) in PROGRAMMES.items():
        assert (f"/programmes/{slug}/", title) in links
    assert "En développement" in main_of(response)


def test_france_travail_page_gives_the_three_rhythms_and_both_entry_points(client):
    response = client.get("/francetravail/")
    main = main_of(response)

    assert "moins de 26 ans" in main
    assert "Des groupes d'échanges, chaque semaine" in main
    assert "Des ateliers « La relation aux autres en entreprise », tous les 15 jours" in main
    assert "Des webinaires, tous les 15 jours" in main
    assert "L'inscription en ligne ouvre bientôt" in main
    links = links_of(response)
    assert ("/orienter-un-jeune/?programme=relier-vers-lemploi", "Inscrire un jeune") in links
    assert ("/agenda/", "S'inscrire à un webinaire ou un atelier") in links
    assert 'href="mailto:contact@centresrelier.org"' in main


def test_resources_page_lists_the_kits_with_their_summaries(client):
    main = main_of(client.get("/ressources/"))

    assert f"{len(content.KITS)} ressources" in main
    for kit in Kit.objects.all():
        assert kit.title.replace("\u00a0", " ") in main
        assert kit.summary.replace("\u00a0", " ") in main
        assert kit.programme is not None and kit.document is not None
        assert kit.audiences.exists() and kit.school_levels.exists()

    parents = main_of(client.get("/ressources/", {"public": "parents", "niveau": "college"}))
    assert "Kit parents : mobiliser l'établissement scolaire" in parents
    assert "Fiche enseignants" not in parents


def test_downloading_a_kit_serves_its_pdf_and_counts_the_download(client):
    kit = Kit.objects.get(title__startswith="Kit parents")
    title = kit.title.replace("\u00a0", " ")
    hrefs = [
        href
        for href, text in links_of(client.get("/ressources/"))
        if href.startswith("/ressources/telecharger/") and f"« {title} »" in text
    ]
    assert len(hrefs) == 1

    response = client.get(hrefs[0])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = streamed_body(response)
    assert data.startswith(b"%PDF")
    assert data == (DEMO_FILES / "kit-parents-mobiliser-etablissement.pdf").read_bytes()
    month = timezone.localdate().replace(day=1)
    count = DocumentDownloadCount.objects.get(document=kit.document, month=month)
    assert count.count == 1

    streamed_body(client.get(hrefs[0]))
    count.refresh_from_db()
    assert count.count == 2


def test_kit_files_are_small_real_pdfs():
    for kit in content.KITS:
        data = (DEMO_FILES / kit.filename).read_bytes()
        assert data.startswith(b"%PDF-"), kit.filename
        assert 2_000 < len(data) < 30_000, kit.filename
        assert len(re.findall(rb"/Type /Page\b", data)) in (1, 2), kit.filename


def test_programme_pages_go_through_the_relecture_workflow():
    index = ProgrammeIndexPage.objects.get()
    assignment = WorkflowPage.objects.get(page=index)

    assert assignment.workflow.name == "Relecture"
    assert assignment.workflow.active
    for page in ProgrammePage.objects.all():
        assert page.get_workflow() == assignment.workflow, page.slug


def test_home_page_teases_the_programmes_and_shows_the_partners(client):
    main = main_of(client.get("/"))

    for slug, (title, _status) in PROGRAMMES.items():
        assert f'href="/programmes/{slug}/">{title}</a>' in main
    for partner in content.PARTNERS:
        assert partner.name in main
