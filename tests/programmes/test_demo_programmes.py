"""The demo content of the programmes: the five programme pages, the France Travail
page, the kits at /ressources/ and their downloads, the « Relecture » workflow.

The demo is loaded once for the module (see `demo_loaded`); each test runs in its own
savepoint inside it, so downloads and edits made by one test are not seen by the next.
"""

import re
import zlib
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
from tests.db import demo_site as demo_copy
from tests.home.test_demo_content import load, main_of
from tests.html import streamed_body, visible_text

# The group keeps the module on one xdist worker: the demo is loaded once.
pytestmark = [
    pytest.mark.one_database,
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-programmes"),
]

DEMO_FILES = Path(content.__file__).resolve().parent / "demo_files"
ACTION_URLS = {
    "/etre-contacte/",
    "/orienter-un-jeune/",
    "/francetravail/",
    "/agenda/",
    "/programmes/",
}

# slug -> (title, status)
PROGRAMMES = {
    "se-reconstruire-ensemble": ("Se reconstruire ensemble", "propose"),
    "relier-vers-lemploi": ("Relier vers l'emploi", "propose"),
    "stop-cyberviolences": ("STOP Cyberviolences", "propose"),
    "monster-moods": ("Monster Moods", "en_developpement"),
    "monster-messenger": ("Monster Messenger", "en_developpement"),
}


@pytest.fixture(scope="module", autouse=True)
def demo_site(django_db_setup, django_db_blocker, database_template):
    with demo_copy(django_db_blocker, database_template) as output:
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
    assert "l'inscription se fait en ligne" in main
    # The block « Prochaines dates France Travail » of its body: the demo's sessions.
    text = visible_text(response)
    assert "Prochaines dates : webinaires, ateliers et groupes d'échanges" in text
    assert text.index("Prochaines dates :") < text.index("S'inscrire")
    assert "Webinaire pour les conseillers France Travail" in text
    assert "/agenda/inscription/" in response.content.decode()
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


# --- Facts checked against the association's documents -----------------------------------

TEXT_OPERATOR = re.compile(rb"\(((?:[^()\\]|\\.)*)\)\s*Tj")
PDF_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"(": b"(", b")": b")", b"\\": b"\\"}


def pdf_text(data):
    """The text of a PDF written by fpdf2 with a standard font: the strings of the `Tj`
    operators of every (Flate-compressed) content stream, decoded from Windows-1252."""
    lines = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            stream = zlib.decompress(stream)
        except zlib.error:
            continue
        for raw in TEXT_OPERATOR.findall(stream):
            text = re.sub(
                rb"\\([0-7]{1,3}|.)",
                lambda m: (
                    bytes([int(m[1], 8)]) if m[1][:1].isdigit() else PDF_ESCAPES.get(m[1], m[1])
                ),
                raw,
            )
            lines.append(text.decode("windows-1252"))
    return " ".join(" ".join(lines).replace("\u00a0", " ").split())


def served_kit_text(client, title_start):
    kit = Kit.objects.get(title__startswith=title_start)
    return pdf_text(streamed_body(client.get(f"/ressources/telecharger/{kit.pk}/")))


def test_the_teachers_sheet_lists_the_helplines_it_promises(client):
    kit = Kit.objects.get(title__startswith="Fiche enseignants")
    assert "numéros d'aide" in kit.summary

    text = served_kit_text(client, "Fiche enseignants")

    assert "Les numéros d'aide à afficher ou à transmettre" in text
    for number in ("3018", "119", "3114", "0 800 235 236", "112"):
        assert f"{number} :" in text, number


def test_the_guide_presentation_describes_the_search_that_guide_offers(client):
    text = served_kit_text(client, "Maux d'enfants")

    assert "centresrelier.org/guide/" in text
    assert "Une recherche en ligne par code postal, numéro ou nom de département" in text
    assert "« Imprimer le guide de mon département »" in text
    # Every criterion the PDF names is a field of the /guide/ search form.
    form = main_of(client.get("/guide/"))
    for label in ("Code postal ou département", "Thème", "Pour qui", "Âge", "Mots-clés"):
        assert label in form, label
    guide = main_of(client.get("/guide/", {"territoire": "93"}))
    assert "Imprimer le guide de mon département" in guide


def test_the_academie_d_orleans_tours_is_not_a_partner(client):
    names = set(Partner.objects.values_list("name", flat=True))
    assert not any("Orléans" in name for name in names)
    for url in ("/", "/programmes/stop-cyberviolences/"):  # partner lists (names)
        assert "Académie d'Orléans-Tours" not in main_of(client.get(url)), url
    stop = main_of(client.get("/programmes/stop-cyberviolences/"))
    assert "sous réserve que le programme trouve ses financements" in stop.replace("\u00a0", " ")


def test_monster_moods_is_a_project_for_2025_without_a_registration(client):
    main = main_of(client.get("/programmes/monster-moods/")).replace("\u00a0", " ")

    assert "En développement" in main
    assert "Un projet pour 2025" in main
    assert "« Perspectives 2025 »" in main
    hrefs = {href for href, _text in links_of(client.get("/programmes/monster-moods/"))}
    assert not hrefs & {"/etre-contacte/", "/orienter-un-jeune/", "/agenda/", "/francetravail/"}

    teaser = main_of(client.get("/programmes/")).replace("\u00a0", " ")
    card = teaser[teaser.index('href="/programmes/monster-moods/"') :][:600]
    assert "En développement" in card and "Projet pour 2025" in card


def test_parents_are_offered_permanences_not_individual_support(client):
    for url in ("/", "/programmes/", "/programmes/se-reconstruire-ensemble/", "/etre-contacte/"):
        main = main_of(client.get(url))
        assert "Individuel, avec une psychologue" not in main, url
        assert "permanence" in main, url
    rebuild = main_of(client.get("/programmes/se-reconstruire-ensemble/"))
    assert "Accompagnement des parents" not in rebuild
    assert "Depuis 2025, les permanences remplacent les entretiens individuels" in rebuild


def test_the_information_session_length_is_stated_once(client):
    main = main_of(client.get("/programmes/se-reconstruire-ensemble/")).replace("\u00a0", " ")
    assert main.count("Une heure en visioconférence") == 1
    # « heure de La Réunion » in the next dates names a time zone, not a length.
    assert len(re.findall(r"\bheure\b(?! de La Réunion)", main, re.IGNORECASE)) == 1


def test_loading_the_demo_again_removes_the_academie_from_an_existing_site(client):
    """A site built by an earlier demo content still lists the Académie: the demo step
    removes it, and says so."""
    stop = ProgrammePage.objects.get(slug="stop-cyberviolences")
    academie = Partner.objects.create(name="Académie d'Orléans-Tours", kind="institutionnel")
    stop.partners.add(academie)
    stop.save_revision().publish()
    assert "Académie d'Orléans-Tours" in main_of(client.get("/"))

    output = load()

    assert not Partner.objects.filter(name__contains="Orléans").exists()
    assert (
        "Attention : « Académie d'Orléans-Tours » est retiré des partenaires : les documents "
        "de l'association n'en font pas un partenaire." in output
    )
    assert "Académie d'Orléans-Tours" not in main_of(client.get("/programmes/stop-cyberviolences/"))


@pytest.mark.parametrize(
    ("query", "kit_titles"),
    [
        ("kit", [kit.title for kit in content.KITS]),
        ("collège", [kit.title for kit in content.KITS if "college" in kit.school_levels]),
        ("fiche", ["Fiche enseignants : repérer et accompagner un élève ciblé par le harcèlement"]),
    ],
)
def test_site_search_finds_the_demo_kits(client, query, kit_titles):
    main = main_of(client.get("/recherche/", {"q": query}))
    found = re.findall(r'search-result-download">\s*<h3 class="h5 mb-1">(.*?)</h3>', main)
    assert sorted(found) == sorted(kit_titles)
