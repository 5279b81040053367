"""Kit downloads from /ressources/: the file is served and counted per document and month,
with no personal data; deleted, missing or private documents give a 404 that names
nothing."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction

from programmes.models import DocumentDownloadCount
from programmes.services import record_download
from tests.html import streamed_body, visible_text
from tests.programmes.factories import PDF_BYTES, KitFactory, pdf_document

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def download_links(response):
    return re.findall(r'href="(/ressources/telecharger/\d+/)"', response.text)


def download(client, url):
    response = client.get(url)
    if response.status_code == 200:
        # Reading the whole stream closes the file (the test client closes it at the end).
        return response, b"".join(response.streaming_content)
    return response, response.content


def assert_not_found_without_trace(response, *secrets):
    assert response.status_code == 404
    text = response.content.decode()
    assert "Page introuvable" in visible_text(response)
    for secret in secrets:
        assert secret not in text
        assert secret.lower() not in text.lower()


def test_download_serves_the_file_and_counts_each_download(client, resources_page):
    kit = KitFactory(title="Kit des parents", document=pdf_document("Kit parents 2024"))
    listing = client.get("/ressources/")
    assert download_links(listing) == [f"/ressources/telecharger/{kit.pk}/"]
    url = download_links(listing)[0]
    assert not DocumentDownloadCount.objects.filter(document=kit.document).exists()

    response, body = download(client, url)
    assert response.status_code == 200
    assert body == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    row = DocumentDownloadCount.objects.get(document=kit.document)
    assert row.count == 1
    assert row.month.day == 1
    assert row.month == timezone.localdate().replace(day=1)

    response, body = download(client, url)
    assert response.status_code == 200
    assert body == PDF_BYTES
    assert DocumentDownloadCount.objects.get(document=kit.document).count == 2
    assert DocumentDownloadCount.objects.count() == 1


def test_download_sets_no_cookie(client, resources_page):
    kit = KitFactory()
    response, _body = download(client, f"/ressources/telecharger/{kit.pk}/")
    assert response.status_code == 200
    assert not response.cookies
    assert not client.cookies


def test_the_download_counter_stores_only_document_month_and_count():
    fields = {field.name for field in DocumentDownloadCount._meta.concrete_fields}
    assert fields == {"id", "document", "month", "count"}


def test_counts_are_kept_per_document_and_per_month():
    paris = datetime.timezone(datetime.timedelta(hours=1))
    guide, poster = pdf_document("Guide"), pdf_document("Affiche")
    record_download(guide, when=datetime.datetime(2025, 3, 2, 10, tzinfo=paris))
    record_download(guide, when=datetime.datetime(2025, 3, 31, 20, tzinfo=paris))
    record_download(guide, when=datetime.datetime(2025, 4, 1, 9, tzinfo=paris))
    record_download(poster, when=datetime.datetime(2025, 3, 15, 9, tzinfo=paris))
    rows = {
        (row.document.title, row.month.isoformat(), row.count)
        for row in DocumentDownloadCount.objects.select_related("document")
    }
    assert rows == {
        ("Guide", "2025-03-01", 2),
        ("Guide", "2025-04-01", 1),
        ("Affiche", "2025-03-01", 1),
    }


def test_a_kit_whose_document_was_deleted_gives_a_404_without_its_title(client, resources_page):
    kit = KitFactory(title="Kit supprimé", document=pdf_document("Rapport confidentiel Zéphyr"))
    kit.document.delete()
    response, _ = download(client, f"/ressources/telecharger/{kit.pk}/")
    assert_not_found_without_trace(response, "Rapport confidentiel Zéphyr", "Kit supprimé")
    assert "Kit supprimé" not in visible_text(client.get("/ressources/"))
    assert not DocumentDownloadCount.objects.exists()


def test_a_kit_whose_file_is_missing_gives_a_404_without_its_title(client, resources_page):
    kit = KitFactory(title="Kit égaré", document=pdf_document("Fichier égaré Zéphyr"))
    kit.document.file.storage.delete(kit.document.file.name)
    response, _ = download(client, f"/ressources/telecharger/{kit.pk}/")
    assert_not_found_without_trace(response, "Fichier égaré Zéphyr", "Kit égaré")
    assert not DocumentDownloadCount.objects.exists()


@pytest.mark.parametrize("restriction_type", ["login", "password"])
def test_a_document_in_a_private_collection_is_not_served_nor_listed(
    client, resources_page, restriction_type
):
    private = Collection.get_first_root_node().add_child(name="Interne")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=restriction_type, password="secret-interne"
    )
    if restriction_type == "login":
        restriction.password = ""
        restriction.save()
    # A sub-collection of the private one is private too.
    inner = private.add_child(name="Interne — archives")
    public_kit = KitFactory(title="Kit public des parents")
    private_kit = KitFactory(
        title="Kit interne", document=pdf_document("Compte rendu interne Zéphyr", private)
    )
    archived_kit = KitFactory(
        title="Kit archivé", document=pdf_document("Archives internes Zéphyr", inner)
    )

    for kit, document_title in (
        (private_kit, "Compte rendu interne Zéphyr"),
        (archived_kit, "Archives internes Zéphyr"),
    ):
        response, _ = download(client, f"/ressources/telecharger/{kit.pk}/")
        assert_not_found_without_trace(response, document_title, kit.title)

    listing = client.get("/ressources/")
    text = visible_text(listing)
    assert "Kit public des parents" in text
    assert "Kit interne" not in text
    assert "Kit archivé" not in text
    assert download_links(listing) == [f"/ressources/telecharger/{public_kit.pk}/"]
    assert "1 ressource" in text
    assert not DocumentDownloadCount.objects.exists()


@pytest.mark.parametrize("kit_id", ["999999", "0"])
def test_an_unknown_kit_gives_a_404(client, resources_page, kit_id):
    KitFactory()
    response, _ = download(client, f"/ressources/telecharger/{kit_id}/")
    assert response.status_code == 404
    assert not DocumentDownloadCount.objects.exists()


def test_a_non_numeric_kit_id_gives_a_404(client, resources_page):
    response = client.get("/ressources/telecharger/abc/")
    assert response.status_code == 404


def count_of(document):
    row = DocumentDownloadCount.objects.filter(document=document).first()
    return row.count if row else 0


def test_documents_linked_from_pages_are_counted_too(client):
    document = pdf_document("Affiche des numéros d'aide")
    response, body = download(client, document.url)
    assert response.status_code == 200
    assert body == PDF_BYTES
    assert count_of(document) == 1


def test_a_private_document_refused_by_wagtail_is_not_counted(client):
    private = Collection.get_first_root_node().add_child(name="Réservé")
    CollectionViewRestriction.objects.create(
        collection=private,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="secret-equipe",
    )
    document = pdf_document("Note d'équipe", private)
    response = client.get(document.url)
    assert response.status_code == 200  # Wagtail's password form, not the file
    assert PDF_BYTES not in response.content
    assert count_of(document) == 0


BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
ROBOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)",
    "python-requests/2.32.3",
    "curl/8.5.0",
    "Wget/1.21.4",
]


def test_a_head_request_is_answered_but_not_counted(client, resources_page):
    kit = KitFactory(title="Kit des parents", document=pdf_document("Kit parents 2024"))
    document = pdf_document("Affiche des numéros d'aide")

    for url in (f"/ressources/telecharger/{kit.pk}/", document.url):
        response = client.head(url, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200
        assert streamed_body(response) == b""  # read to the end: the file is closed

    assert not DocumentDownloadCount.objects.exists()


@pytest.mark.parametrize("user_agent", ROBOTS)
def test_a_robot_download_is_served_but_not_counted(client, resources_page, user_agent):
    kit = KitFactory(title="Kit des parents", document=pdf_document("Kit parents 2024"))
    document = pdf_document("Affiche des numéros d'aide")

    response, body = download_as(client, f"/ressources/telecharger/{kit.pk}/", user_agent)
    assert response.status_code == 200 and body == PDF_BYTES
    response, body = download_as(client, document.url, user_agent)
    assert response.status_code == 200 and body == PDF_BYTES

    assert not DocumentDownloadCount.objects.exists()


def test_a_browser_download_is_counted(client, resources_page):
    kit = KitFactory(title="Kit des parents", document=pdf_document("Kit parents 2024"))

    response, _body = download_as(client, f"/ressources/telecharger/{kit.pk}/", BROWSER)

    assert response.status_code == 200
    assert count_of(kit.document) == 1


def download_as(client, url, user_agent):
    response = client.get(url, HTTP_USER_AGENT=user_agent)
    return response, streamed_body(response)


def test_robots_txt_keeps_crawlers_out_of_downloads(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    for rule in (
        "Disallow: /ressources/telecharger/",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /recherche/",
    ):
        assert rule in lines
    assert "Disallow: /ressources/" not in lines  # the listing itself stays indexed
