"""/recherche/ lists the files to download, kits and documents of the library, with their
type and a download link, before the pages; private documents and unpublished kits are
never listed, and a kit's document is listed once, as the kit."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction

from programmes.models import Kit
from tests.factories import DocumentFactory, StandardPageFactory
from tests.home.test_demo_content import main_of
from tests.programmes.factories import KitFactory, pdf_document

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def downloads_of(client, query):
    """(title, type, download href) of each file in the results, in order."""
    main = main_of(client.get("/recherche/", {"q": query}))
    return re.findall(
        r'<li class="mb-3 search-result-download">\s*<h3 class="h5 mb-1">(.*?)</h3>\s*'
        r'<p class="small mb-1"><span class="badge[^"]*">(.*?)</span>.*?'
        r'<a class="btn btn-sm btn-outline-primary" href="([^"]+)">Télécharger',
        main,
        re.S,
    )


@pytest.fixture
def kits(resources_page):
    fiche = KitFactory(
        title="Fiche enseignants : repérer un élève harcelé",
        summary="Ce qui peut alerter et comment réagir.",
        format=Kit.Format.SHEET,
        audiences=["equipes-pedagogiques"],
        school_levels=["college", "lycee"],
    )
    guide = KitFactory(
        title="Guide des parents",
        summary="Pour parler avec son enfant.",
        format=Kit.Format.GUIDE,
        audiences=["parents"],
        school_levels=["maternelle"],
    )
    return fiche, guide


def test_search_finds_kits_by_kind_format_and_school_level(client, kits):
    fiche, guide = kits
    fiche_result = (fiche.title, "Kit · Fiche pratique", f"/ressources/telecharger/{fiche.pk}/")
    guide_result = (guide.title, "Kit · Guide", f"/ressources/telecharger/{guide.pk}/")

    assert set(downloads_of(client, "kit")) == {fiche_result, guide_result}
    assert downloads_of(client, "collège") == [fiche_result]  # a school level
    assert downloads_of(client, "fiche") == [fiche_result]  # the format and the title
    assert downloads_of(client, "parents") == [guide_result]  # an audience
    assert downloads_of(client, "lycée") == [fiche_result]


def test_a_kit_download_link_serves_its_file(client, kits):
    (_title, _kind, href), *_ = downloads_of(client, "fiche")
    response = client.get(href)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_search_finds_documents_of_the_library_once(client, kits):
    report = DocumentFactory(title="Rapport d'activité 2024")
    private = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    pdf_document("Rapport interne du conseil", collection=private)

    assert downloads_of(client, "rapport") == [("Rapport d'activité 2024", "Document", report.url)]
    # A kit's own document is found as the kit, not a second time as a document.
    fiche, _guide = kits
    assert [kind for _t, kind, _h in downloads_of(client, "enseignants")] == [
        "Kit · Fiche pratique"
    ]
    assert fiche.document.title.startswith("Document du")


def test_unpublished_kits_are_not_listed(client, resources_page):
    kit = KitFactory(title="Kit sans document")
    kit.document.delete()
    assert downloads_of(client, "kit") == []


def test_downloads_come_before_pages_and_count_in_the_total(client, kits):
    StandardPageFactory(title="Kit de presse", slug="presse", intro="Pour les journalistes.")

    main = main_of(client.get("/recherche/", {"q": "kit"}))

    pages = main.count('<span class="badge text-bg-light border">Page</span>')
    assert pages == 2  # « Kit de presse » and /ressources/ (« kits » in its intro)
    assert main.count("search-result-download") == 2
    assert "4 résultats pour « kit »" in main
    assert main.index("Fiche enseignants") < main.index("Kit de presse")


def test_downloads_and_pages_share_the_pagination(client, resources_page):
    for number in range(8):
        KitFactory(title=f"Kit harcèlement {number}")
    for number in range(5):
        StandardPageFactory(title=f"Harcèlement, page {number}", slug=f"page-{number}")

    first = main_of(client.get("/recherche/", {"q": "harcèlement"}))
    second = main_of(client.get("/recherche/", {"q": "harcèlement", "page": "2"}))

    # 8 kits, then 6 pages: the 5 above and the home page (« harcèlement » in its intro).
    assert "14 résultats" in first and "Page 1 sur 2" in first
    assert first.count("search-result-download") == 8
    assert first.count('<span class="badge text-bg-light border">Page</span>') == 2
    assert "search-result-download" not in second
    assert second.count('<span class="badge text-bg-light border">Page</span>') == 4


# Measured on SQLite: 19 queries for a search that lists kits, documents and pages,
# the same with 1 or 4 kits and documents. The cap leaves a small margin.
SEARCH_MAX_QUERIES = 22


def search_queries(client, query):
    client.get("/recherche/", {"q": query})  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return len(queries.captured_queries), main_of(response).count("search-result-download")


def test_search_queries_do_not_grow_with_the_kits_and_documents(client, resources_page):
    KitFactory(title="Kit harcèlement 0", school_levels=["college"], audiences=["parents"])
    DocumentFactory(title="Harcèlement : document 0")
    StandardPageFactory(title="Harcèlement", slug="harcelement")
    small, shown = search_queries(client, "harcèlement")
    assert shown == 2  # then 2 pages: this one and the home page

    for number in range(1, 4):
        KitFactory(
            title=f"Kit harcèlement {number}",
            school_levels=["college", "lycee"],
            audiences=["parents", "eleves"],
        )
        DocumentFactory(title=f"Harcèlement : document {number}")
    large, shown = search_queries(client, "harcèlement")

    assert shown == 8  # 4 kits, 4 documents, then the same 2 pages
    assert small == large <= SEARCH_MAX_QUERIES, (small, large)
