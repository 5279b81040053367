"""Wagtail's search index and reference index are kept up to date where a test reads
them, and nowhere else.

Every saved page, snippet, document or image updates both indexes (Wagtail's signal
handlers). Most tests never read them, yet the updates were about a third of the CPU of
a test that builds pages (tests/events: 79 s of CPU with them, 52 s without). So a test
updates them only when it may read them: its module mentions searching
(`SEARCH_WORDS`: a search, /recherche/, the `q` parameter, the index tables or
`update_index`) or object usage (`REFERENCE_WORDS`). `pytest_collection_modifyitems`
marks those tests `search_index` / `reference_index` (a test may also carry the marker
itself); the autouse fixture `indexes_updated_only_where_read` (tests/conftest.py)
switches the updates off for the others. The test of this switch is
tests/test_indexes.py.

Data built once for several tests (the demo site, `built_once` fixtures) is always
indexed: they are built with the indexes on (`indexes_updated`).
"""

import contextlib
import re

from django.conf import settings

SEARCH_WORDS = re.compile(r"search|recherche|IndexEntry|update_index|\bq=|[\"']q[\"']")
REFERENCE_WORDS = re.compile(r"ReferenceIndex|reference_index|usage|[Uu]tilisation")

_sources = {}


def mark_index_readers(items):
    """Mark `search_index` / `reference_index` the tests whose module mentions them."""
    import pytest

    for item in items:
        path = item.path
        if path not in _sources:
            _sources[path] = path.read_text(encoding="utf-8") if path.suffix == ".py" else ""
        source = _sources[path]
        if SEARCH_WORDS.search(source):
            item.add_marker(pytest.mark.search_index)
        if REFERENCE_WORDS.search(source):
            item.add_marker(pytest.mark.reference_index)


def _search_backend():
    return settings.WAGTAILSEARCH_BACKENDS["default"]


def _reference_switch():
    from wagtail.signal_handlers import reference_index_auto_update_disabled

    return reference_index_auto_update_disabled


@contextlib.contextmanager
def indexes(*, search, references):
    """Save with the search index (`search`) and the reference index (`references`)
    updated or not, in this thread; restores what was before."""
    backend = _search_backend()
    switch = _reference_switch()
    had_auto_update = "AUTO_UPDATE" in backend
    auto_update = backend.get("AUTO_UPDATE")
    disabled = getattr(switch, "value", False)
    backend["AUTO_UPDATE"] = search
    switch.value = not references
    try:
        yield
    finally:
        if had_auto_update:
            backend["AUTO_UPDATE"] = auto_update
        else:
            backend.pop("AUTO_UPDATE", None)
        switch.value = disabled


def indexes_updated():
    """Both indexes updated, as on the site (for data shared by several tests)."""
    return indexes(search=True, references=True)
