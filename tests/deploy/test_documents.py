"""Documents are always served through Wagtail's view (privacy checks, download
counter); the proxy rules of the README never serve MEDIA_ROOT's documents."""

import re

import pytest
from django.conf import settings
from wagtail.models import Collection, CollectionViewRestriction

from scripts.deployed_site import nginx_conf, nginx_snippet
from tests.factories import DocumentFactory, ImageFactory

pytestmark = pytest.mark.both_databases


def private_document():
    private = Collection.get_first_root_node().add_child(name="Équipe")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return DocumentFactory(title="Compte rendu d'équipe", collection=private)


@pytest.mark.django_db
def test_a_document_url_points_to_wagtails_view_never_into_media(home_page):
    for document in (DocumentFactory(), private_document()):
        assert document.url == f"/documents/{document.pk}/{document.filename}"
        assert not document.url.startswith(settings.MEDIA_URL)


@pytest.mark.django_db
def test_a_private_collection_document_is_refused_to_an_anonymous_visitor(client, home_page):
    document = private_document()
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/?next=/documents/")
    assert not response.get("Content-Disposition")


def test_the_proxy_rules_never_serve_the_documents_folder():
    snippet = nginx_snippet()
    locations = re.findall(r"location\s+(\S+)\s*\{", snippet)
    media = [loc for loc in locations if loc.startswith(settings.MEDIA_URL)]
    # Only image renditions are public; no rule for /media/ itself or its documents.
    assert media == [f"{settings.MEDIA_URL}images/"]
    assert "alias /srv/relier/media/images/;" in snippet
    assert "documents" not in "".join(media)


def test_the_proxy_answers_a_too_long_address_with_the_french_page():
    snippet = nginx_snippet()
    assert "error_page 414 /static/erreurs/414.html;" in snippet
    assert "large_client_header_buffers 4 8k;" in snippet


@pytest.mark.django_db
def test_image_renditions_live_under_the_public_images_folder(home_page):
    rendition = ImageFactory().get_rendition("width-100")
    assert rendition.url.startswith(f"{settings.MEDIA_URL}images/")


def test_the_local_nginx_conf_keeps_the_readme_rules_on_local_addresses(tmp_path):
    conf = nginx_conf(
        tmp_path, 8443, 8001, tmp_path / "media", tmp_path / "static", host="localhost"
    )
    assert "listen 127.0.0.1:8443;" in conf
    assert "server_name localhost;" in conf
    assert f"alias {tmp_path}/media/images/;" in conf
    assert f"alias {tmp_path}/static/erreurs/;" in conf
    assert "proxy_pass http://127.0.0.1:8001;" in conf
    # Nothing of the production server is left: no TLS, no /srv, no port 8000.
    assert "listen 443" not in conf
    assert "/srv/" not in conf
    assert ":8000" not in conf
    assert "error_page 414 /static/erreurs/414.html;" in conf
