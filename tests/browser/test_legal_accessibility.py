"""Zero axe-core violations (WCAG 2.1 A and AA) on /association/ and the legal pages
(tables of retention periods and cookies, the site map, the publisher's facts with the
settings the demo leaves empty) with the footer links and the « Faire un don » link, at
phone width, in Chromium."""

import pytest
from wagtail.models import Site

from home.demo import content
from home.demo.build import load_trust_pages
from home.demo.registry import DemoContext
from home.models import SiteSettings
from tests.browser.conftest import assert_pages_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# name: (path, text the visitor must see in <main>)
PAGES = {
    "association": ("/association/", "Le conseil d'administration"),
    "mentions-legales": ("/mentions-legales/", "5 rue Alphonse Baudin"),
    "confidentialite": ("/confidentialite/", "Durée de conservation"),
    "accessibilite": ("/accessibilite/", "partiellement conforme"),
    "plan-du-site": ("/plan-du-site/", "Politique de confidentialité"),
}


@pytest.fixture
def trust_site(home_page, snapshot):
    def build():
        load_trust_pages(DemoContext(home=home_page))
        SiteSettings.objects.update_or_create(
            site=Site.objects.get(is_default_site=True),
            defaults={**content.SITE_SETTINGS, "donation_url": "https://dons.example.org/"},
        )

    snapshot("trust-pages", build)


def test_every_trust_page_has_no_accessibility_violation(page, trust_site):
    def shows_its_text_and_footer(name):
        assert PAGES[name][1] in page.locator("main").inner_text()
        footer = page.locator("footer")
        assert footer.get_by_role("link", name="Mentions légales").is_visible()
        assert footer.get_by_role("link", name="Faire un don").is_visible()
        assert "compléter" not in page.locator("main").inner_text().lower()

    pages = {name: (path, 200) for name, (path, _text) in PAGES.items()}
    assert_pages_accessible(page, pages, shows_its_text_and_footer)
