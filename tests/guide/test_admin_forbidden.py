"""Staff without a right on the guide (Accompagnement) get the French 403 page on every
guide admin URL, as on the other apps' admin pages, not a redirect to the dashboard.

The URLs are read from the URL configuration: every admin route of the guide (its
snippets, import, export, freshness report, the chooser's « create »), filled in with a
real structure and revision. Wagtail's chooser itself (list, results, chosen) stays open
to every staff member, as for every snippet: it shows what /guide/ publishes anyway.
"""

import pytest

from guide.models import Structure
from relier_site import roles
from tests.admin_urls import assert_french_403, walk
from tests.factories import StaffFactory
from tests.guide.conftest import make_structure

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

GUIDE_ROUTES = ("admin/guide/", "admin/snippets/guide/", "admin/snippets/choose/guide/")
OPEN_CHOOSER = "admin/snippets/choose/guide/structure/"


def guide_admin_urls(structure, revision):
    values = {
        "<int:pk>": str(structure.pk),
        "<str:pk>": str(structure.pk),
        "<int:revision_id>": str(revision.pk),
        "<str:file_format>": "csv",
    }
    urls = []
    for route in walk():
        if not route.startswith(GUIDE_ROUTES):
            continue
        if route.startswith(OPEN_CHOOSER) and not route.endswith("/create/"):
            continue
        if "compare" in route:  # the one regex route: history/<pk>/revisions/compare/a...b/
            urls.append(
                f"/admin/snippets/guide/structure/history/{structure.pk}/revisions/compare/"
                f"earliest...{revision.pk}/"
            )
            continue
        for parameter, value in values.items():
            route = route.replace(parameter, value)
        assert "<" not in route, f"{route}: teach this test to fill it in"
        urls.append(f"/{route}")
    return urls


def test_accompagnement_gets_the_french_403_page_on_every_guide_admin_url(client, home_page):
    structure = make_structure("ecoute-93", departements=("93",))
    revision = structure.save_revision()
    client.force_login(StaffFactory(role=roles.ACCOMPAGNEMENT))

    urls = guide_admin_urls(structure, revision)
    assert len(urls) >= 20
    for url in urls:
        assert_french_403(client, url)
    assert Structure.objects.get().name == structure.name  # nothing changed


def test_communication_still_opens_the_guide_admin(client, home_page):
    structure = make_structure("ecoute-93", departements=("93",))
    client.force_login(StaffFactory(role=roles.COMMUNICATION))
    assert client.get("/admin/snippets/guide/structure/").status_code == 200
    assert client.get(f"/admin/snippets/guide/structure/edit/{structure.pk}/").status_code == 200
    assert client.get("/admin/guide/a-verifier/").status_code == 200
