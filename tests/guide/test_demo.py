"""Demo content of the guide: /guide/ is the guide page, in the main menu between the
agenda and the resources, with the real national services and clearly marked examples
for Île-de-France and La Réunion; the old placeholder page is replaced in place; a
second run changes nothing."""

import pytest
from wagtail.models import Page

from guide import demo
from guide.models import GuideIndexPage, Structure
from home.demo.registry import DemoContext
from home.models import StandardPage
from tests.db import demo_site as demo_copy
from tests.home.test_demo_content import menu_links
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

REAL_NUMBERS = {"3018", "119", "3114", "+33800235236", "17", "112", "114"}


@pytest.fixture(scope="class")
def demo_site(django_db_setup, django_db_blocker, database_template):
    with demo_copy(django_db_blocker, database_template) as output:
        yield output


@pytest.fixture
def demo_loaded(demo_site, db):
    """What `load_demo_content` printed; the demo is loaded once for the class."""
    return demo_site


def context_for(home):
    return DemoContext(home=home)


@pytest.mark.xdist_group("guide-demo")  # one xdist worker: the demo is loaded once
class TestGuideDemo:
    def test_the_demo_builds_the_guide_with_real_national_services(self, client, demo_loaded):
        assert "Attention" not in demo_loaded
        page = Page.objects.get(slug="guide").specific
        assert type(page) is GuideIndexPage
        assert page.live and page.show_in_menus
        assert menu_links(client)[3] == "/guide/"
        national = Structure.objects.filter(scope=Structure.Scope.NATIONAL, live=True)
        assert {s.phone for s in national} == REAL_NUMBERS
        assert not national.filter(is_example=True).exists()
        assert national.get(phone="3018").name.startswith("3018")
        assert "e-Enfance" in national.get(phone="3018").description
        assert national.get(phone="+33800235236").name == "Fil Santé Jeunes"
        text = visible_text(client.get("/guide/", {"territoire": "97400"}))
        assert "Exemple : permanence psychologique à La Réunion" in text
        assert "Exemple fictif" in text
        assert "Appeler le 0 800 23 52 36" in text

    def test_demo_examples_are_marked_and_invent_no_contact(self, demo_loaded):
        examples = Structure.objects.filter(is_example=True)
        assert examples.count() == len(demo.EXAMPLES)
        for structure in examples:
            assert structure.name.startswith("Exemple")
            assert "Cette fiche est un exemple" in structure.description
            assert (structure.phone, structure.address, structure.email, structure.website) == (
                "",
                "",
                "",
                "",
            )
        covered = {code for s in examples for code in s.covered_departement_codes()}
        assert "974" in covered and "93" in covered and "75" in covered

    def test_every_demo_structure_is_published_with_a_revision(self, demo_loaded):
        for structure in Structure.objects.all():
            assert structure.live
            assert structure.live_revision is not None
            assert structure.full_clean() is None


def test_the_placeholder_page_is_replaced_in_place(home_page):
    for slug, title in (
        ("agenda", "Agenda"),
        ("guide", "Le guide arrive bientôt"),
        ("ressources", "Ressources"),
    ):
        home_page.add_child(
            instance=StandardPage(title=title, slug=slug, show_in_menus=True)
        ).save_revision().publish()
    context = context_for(home_page)

    demo.load(context)

    children = list(home_page.get_children().order_by("path"))
    assert [c.slug for c in children] == ["agenda", "guide", "ressources"]
    guide = children[1].specific
    assert type(guide) is GuideIndexPage
    assert guide.show_in_menus and guide.live
    assert not StandardPage.objects.filter(slug="guide").exists()
    assert context.result.created == ["/guide/"]
    assert context.result.warnings == []

    again = context_for(home_page)
    demo.load(again)
    assert again.result.created == [] and again.result.existing == ["/guide/"]
    assert GuideIndexPage.objects.count() == 1
