import shutil

import pytest
from django.test import override_settings

from home.tree import ensure_home_page


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploaded files (images, documents, renditions) go to a temporary folder of this test
    process (one per xdist worker), removed at the end of the session."""
    path = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(path)):
        yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def home_page(db):
    """The site's HomePage, root of the default site (as `load_demo_content` makes it)."""
    return ensure_home_page(intro="Aider les jeunes victimes de harcèlement à se reconstruire.")
