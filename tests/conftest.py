import shutil

import pytest
from django.test import override_settings

from home.tree import ensure_home_page
from tests.db import DatabaseTemplate
from tests.indexes import indexes, mark_index_readers


def is_xdist_worker(config):
    return hasattr(config, "workerinput")


def run_folder(config):
    """A folder shared by every process of this pytest run: the base temporary folder of
    the run (an xdist worker's own one is inside it)."""
    base = config._tmp_path_factory.getbasetemp()
    return base.parent if is_xdist_worker(config) else base


DATABASE_MARKERS = ("both_databases", "one_database")


def uses_database(item):
    fixtures = getattr(item, "fixturenames", ())
    return item.get_closest_marker("django_db") is not None or any(
        name in fixtures for name in ("db", "transactional_db", "django_db_setup")
    )


def check_database_markers(items):
    """Every test that touches the database says where it runs (README « Tests »):
    `both_databases` (SQLite and PostgreSQL) or `one_database` (SQLite only). A test
    without either is a collection error, so a new test cannot silently skip PostgreSQL.
    Browser tests run on SQLite (the live server's database is an SQLite copy)."""
    unmarked = [
        item.nodeid
        for item in items
        if uses_database(item)
        and item.get_closest_marker("browser") is None
        and not any(item.get_closest_marker(name) for name in DATABASE_MARKERS)
    ]
    if unmarked:
        raise pytest.UsageError(
            "Tests touching the database without `both_databases` or `one_database` "
            "(README « Tests »):\n  " + "\n  ".join(unmarked)
        )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Database markers checked (check_database_markers); then `--dist loadgroup` again
    sends the tests of one `xdist_group` to one worker.

    pytest-xdist 3.8 marks them by appending `@group` to `item._nodeid`, which pytest 9.2
    no longer reads (node ids are `item._id`): the groups were silently ignored and, for
    instance, the deployed site (tests/deploy/test_gunicorn.py) was built on every
    worker. pytest-dev/pytest-xdist#1386; remove once a release fixes it.
    """
    check_database_markers(items)
    mark_index_readers(items)
    if not getattr(config.option, "loadgroup", False):
        return
    from _pytest.nodeid import coerce_node_id

    for item in items:
        names = {
            str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
            for mark in item.iter_markers("xdist_group")
        }
        suffix = "@" + "_".join(sorted(names))
        if names and not item.nodeid.endswith(suffix):
            item._id = coerce_node_id(item.nodeid + suffix)


@pytest.fixture(scope="session")
def database_template(request):
    """The run's migrated database, copied for each test process (tests/db.py)."""
    return DatabaseTemplate(run_folder(request.config) / "db-template")


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_modify_db_settings,
    database_template,
):
    """pytest-django's test database of this process, a copy of the run's template instead
    of a migration of its own."""
    from pytest_django.fixtures import _get_databases_for_setup

    _aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        old_name = database_template.setup_test_database(serialized=bool(serialized_aliases))
    yield
    with django_db_blocker.unblock():
        database_template.teardown_test_database(old_name)


def pytest_sessionfinish(session):
    """The process that owns the run (the xdist controller, or the only process) deletes
    the template once every test process has finished."""
    if is_xdist_worker(session.config):
        return
    from pytest_django.plugin import blocking_manager_key

    template = DatabaseTemplate(run_folder(session.config) / "db-template")
    with session.config.stash[blocking_manager_key].unblock():
        template.remove()


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploaded files (images, documents, renditions) go to a temporary folder of this test
    process (one per xdist worker), removed at the end of the session."""
    path = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(path)):
        yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(autouse=True)
def indexes_updated_only_where_read(request):
    """Wagtail's search and reference indexes are updated by the saves of a test marked
    `search_index` / `reference_index` only (tests/indexes.py)."""
    with indexes(
        search=request.node.get_closest_marker("search_index") is not None,
        references=request.node.get_closest_marker("reference_index") is not None,
    ):
        yield


@pytest.fixture
def wagtail_placeholder(db):
    """Wagtail's « Welcome » page and default Site, as its initial migration makes them on
    a fresh install (the test databases are copied without them: tests/db.py)."""
    from wagtail.models import Page, Site

    from relier_site.sites import apply_public_url

    welcome = Page.get_first_root_node().add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home")
    )
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)
    apply_public_url()
    return welcome


@pytest.fixture
def home_page(db):
    """The site's HomePage, root of the default site (as `load_demo_content` makes it)."""
    return ensure_home_page(intro="Aider les jeunes victimes de harcèlement à se reconstruire.")
