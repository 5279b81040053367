"""One way to build an absolute address of the site: relier_site.links.absolute_url
(WAGTAILADMIN_BASE_URL). No other module reads that setting, the default Site's root
URL or the request's host to build a link; Wagtail's own `get_full_url` (the page's
Site, which `migrate` sets to the same address) is the one other tool, for a page."""

from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.one_database

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("relier_site", "home", "programmes", "referrals", "events", "guide")
# links.py builds them; sites.py applies the address to Wagtail's default Site.
ALLOWED = {"relier_site/links.py", "relier_site/sites.py"}
BUILDERS = ("settings.WAGTAILADMIN_BASE_URL", ".root_url", "build_absolute_uri(")


def test_only_relier_site_links_builds_absolute_addresses():
    found = [
        f"{path.relative_to(ROOT)}: {word}"
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "settings" not in path.parts and str(path.relative_to(ROOT)) not in ALLOWED
        for word in BUILDERS
        if word in path.read_text()
    ]
    assert found == []
