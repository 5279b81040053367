"""Demo content of the referrals app: /orienter-un-jeune/, /etre-contacte/ and
/demander-une-intervention/ are the forms, the home page, the programme pages and
/francetravail/ link to them (with their programme preselected); a second run changes
nothing."""

import re

import pytest

from home.models import StandardPage
from referrals.models import Kind, RoutingRule
from tests.db import demo_site as demo_copy
from tests.html import visible_text

# The group keeps the module on one xdist worker, so the demo is loaded once.
pytestmark = [
    pytest.mark.one_database,
    pytest.mark.django_db,
    pytest.mark.xdist_group("referrals-demo"),
]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, database_template):
    with demo_copy(django_db_blocker, database_template) as output:
        yield output


@pytest.fixture
def demo_loaded(demo_site, db):
    return demo_site


def test_a_fresh_install_has_the_three_forms(client, demo_loaded):
    for path, kind in (
        ("/orienter-un-jeune/", Kind.ORIENTATION),
        ("/etre-contacte/", Kind.CONTACT),
        ("/demander-une-intervention/", Kind.INTERVENTION),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.context["page"].specific.kind == kind
        assert 'name="submission_token"' in response.content.decode()
    assert not StandardPage.objects.filter(slug__in=["orienter-un-jeune", "etre-contacte"]).exists()
    assert RoutingRule.objects.filter(group__name="Accompagnement").count() == 1


def test_programme_pages_and_the_france_travail_space_preselect_their_programme(
    client, demo_loaded
):
    html = client.get("/programmes/relier-vers-lemploi/").content.decode()
    assert 'href="/orienter-un-jeune/?programme=relier-vers-lemploi"' in html
    html = client.get("/francetravail/").content.decode()
    assert 'href="/orienter-un-jeune/?programme=relier-vers-lemploi"' in html
    html = client.get("/programmes/stop-cyberviolences/").content.decode()
    assert 'href="/demander-une-intervention/?programme=stop-cyberviolences"' in html
    html = client.get("/ressources/").content.decode()
    assert 'href="/demander-une-intervention/"' in html

    form = client.get("/orienter-un-jeune/?programme=relier-vers-lemploi").content.decode()
    assert re.search(r'value="relier-vers-lemploi"[^>]*checked', form)


def test_the_home_page_and_the_entry_pages_link_to_the_forms(client, demo_loaded):
    assert 'href="/etre-contacte/"' in client.get("/").content.decode()
    professionals = client.get("/professionnels/").content.decode()
    assert 'href="/orienter-un-jeune/"' in professionals
    schools = client.get("/etablissements-scolaires/").content.decode()
    assert 'href="/demander-une-intervention/"' in schools


def test_the_form_page_shows_its_texts(client, demo_loaded):
    text = visible_text(client.get("/etre-contacte/").content.decode())
    assert "Tu n'es pas seul" in text.replace("\u202f", " ").replace("\u00a0", " ")
