import pytest

from home.tree import ensure_home_page


@pytest.fixture
def home_page(db):
    """The site's HomePage, root of the default site (as `load_demo_content` makes it)."""
    return ensure_home_page(intro="Aider les jeunes victimes de harcèlement à se reconstruire.")
