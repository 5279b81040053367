"""The switch of Wagtail's indexes in the tests (tests/indexes.py): off unless a test may
read them, on for the data shared by several tests."""

from pathlib import Path

import pytest
from wagtail.models import Page, ReferenceIndex

from tests.indexes import indexes, indexes_updated, mark_index_readers
from tests.programmes.factories import KitFactory, ProgrammePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


def found(word):
    return {page.pk for page in Page.objects.live().search(word)}


def references_to(page):
    return ReferenceIndex.get_references_to(page).count()


def test_saves_update_the_indexes_only_when_switched_on(home_page):
    with indexes(search=False, references=False):
        programme = ProgrammePageFactory(title="Programme zéphyr")
        KitFactory(title="Kit muet", programme=programme)
    assert found("zéphyr") == set()
    assert references_to(programme) == 0

    with indexes_updated():
        listed = ProgrammePageFactory(title="Programme zéphyr bis", slug="zephyr-bis")
        KitFactory(title="Kit entendu", programme=listed)
    assert found("zéphyr") == {listed.pk}
    assert references_to(listed) == 1


def test_the_switch_gives_back_what_was_there(settings):
    from wagtail.signal_handlers import reference_index_auto_update_disabled

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    before = (dict(backend), getattr(reference_index_auto_update_disabled, "value", False))
    with indexes(search=False, references=False):
        assert backend["AUTO_UPDATE"] is False
        assert reference_index_auto_update_disabled.value is True
    assert (dict(backend), reference_index_auto_update_disabled.value) == before


class Item:
    def __init__(self, path):
        self.path = path
        self.markers = set()

    def add_marker(self, marker):
        self.markers.add(marker.name)


@pytest.mark.parametrize(
    ("source", "markers"),
    [
        ('client.get("/recherche/", {"q": "harcèlement"})', {"search_index"}),
        ('client.get("/guide/?q=ecoute")', {"search_index"}),
        ("Kit.objects.search('kit')", {"search_index"}),
        ("ReferenceIndex.get_references_to(page)", {"reference_index"}),
        ('assert "Utilisation" in page', {"reference_index"}),
        ('client.get("/agenda/")', set()),
    ],
)
def test_a_module_that_mentions_searching_or_usage_gets_the_marker(tmp_path, source, markers):
    module = tmp_path / "test_module.py"
    module.write_text(source, encoding="utf-8")
    item = Item(Path(module))
    mark_index_readers([item])
    assert item.markers == markers
