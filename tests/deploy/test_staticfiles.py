"""collectstatic finds every static file once (no folder listed twice)."""

from collections import Counter

import pytest
from django.contrib.staticfiles.finders import get_finders

pytestmark = pytest.mark.one_database


def test_each_static_file_is_found_once():
    paths = Counter(path for finder in get_finders() for path, _storage in finder.list([]))
    duplicates = sorted(path for path, count in paths.items() if count > 1)
    assert duplicates == []
    assert paths["css/relier.css"] == 1
