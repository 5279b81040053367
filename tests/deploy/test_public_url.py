"""The public address (WAGTAILADMIN_BASE_URL in production) is applied to the default
Site by `migrate`: sitemap.xml, canonical links and og:url use it."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from home.tree import ensure_home_page
from relier_site.sites import apply_public_url
from tests.factories import StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def migrate():
    call_command("migrate", verbosity=0, interactive=False)


@override_settings(RELIER_PUBLIC_URL="https://www.example.org")
def test_migrate_gives_the_default_site_the_public_hostname_and_port(home_page):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
    migrate()
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("www.example.org", 443)
    assert site.site_name == "Les Centres Relier"
    assert site.root_page_id == home_page.pk
    assert site.root_url == "https://www.example.org"


@override_settings(RELIER_PUBLIC_URL="https://www.example.org")
def test_sitemap_and_canonical_links_use_the_public_address(client, home_page):
    page = StandardPageFactory(title="Qui sommes-nous", slug="association", parent=home_page)
    migrate()
    sitemap = client.get("/sitemap.xml", HTTP_HOST="www.example.org").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "https://www.example.org/" in locations
    assert "https://www.example.org/association/" in locations
    assert "localhost" not in sitemap

    html = client.get(page.url, HTTP_HOST="www.example.org").content.decode()
    assert '<link rel="canonical" href="https://www.example.org/association/">' in html
    assert '<meta property="og:url" content="https://www.example.org/association/">' in html


def test_applying_the_address_twice_changes_nothing(home_page, django_assert_num_queries):
    apply_public_url("http://relier.example.org:8080")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("relier.example.org", 8080)
    with django_assert_num_queries(1):  # read the Site, nothing written
        apply_public_url("http://relier.example.org:8080")


def test_without_a_configured_address_the_site_is_left_as_it_is(home_page):
    migrate()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("www.example.org", "doit commencer par https:// ou http://"),
        ("https://www.example.org:8443", "doit utiliser le port 443"),
    ],
)
def test_an_unusable_address_stops_with_a_french_message(home_page, url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        apply_public_url(url)


@override_settings(RELIER_PUBLIC_URL="https://www.example.org")
def test_the_site_made_for_a_new_home_page_gets_the_public_address(db):
    # Replacing Wagtail's placeholder page deletes the initial Site with it.
    home = ensure_home_page()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert (site.hostname, site.port) == ("www.example.org", 443)
