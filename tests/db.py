"""The test databases, and data built once for several tests that only read it.

**One migration per run.** Migrating takes a test process about 17 s of CPU, which every
pytest-xdist worker used to spend again. `DatabaseTemplate` migrates once per pytest run
(the first process that needs a database does it, the others wait for it) with Django's
own test-database creation (every migration, data migrations included, then the
post_migrate handlers and the cache table), then removes Wagtail's placeholder « Welcome »
page and its Site, as the first `ensure_home_page` of every test did (about 70 ms each:
Django collects a page's rows in every page table); each process gets its own copy:

- SQLite: the template is a file in the run's temporary folder; each process copies it
  into its own in-memory database with SQLite's backup API;
- PostgreSQL: the template is the database `test_<NAME>_template`; each process's
  database (`test_<NAME>_gw0`, ...) is made by `CREATE DATABASE ... TEMPLATE`.

The template is rebuilt by every run (nothing survives from a previous one) and deleted
at its end. Its content is also serialized once, for `serialized_rollback`. A test that
starts another process on a migrated database of its own (`tests/deploy`) gets a copy
too: `DatabaseTemplate.sqlite_copy(path)` or `postgres_copy(name)`.

**One demo site per run.** `load_demo_content` takes a process 10 to 20 s. The first
test process that needs the demo (`DatabaseTemplate.demo_site()`: `demo_site` below for
a module- or class-scoped fixture, the `demo_site` fixture of tests/browser/conftest.py)
loads it into its own test database, committed, and keeps a copy for the run: SQLite, a
file (backup API) next to the template; PostgreSQL, the database `test_<NAME>_demo` made
by `CREATE DATABASE ... TEMPLATE`; with the media files it wrote and what the command
printed. Every later use, in any process, copies it back in under a second. On exit the
process's database is the empty migrated copy again. The command's own behaviour (a
fresh database, a second run, placeholders, edited pages) is tested by tests that run it
themselves (tests/home/test_demo_content.py).

`built_once(django_db_blocker)` opens a transaction for a module- or class-scoped
fixture and rolls it back at the end of the scope; each test runs inside it in its own
savepoint, as usual with pytest-django, so what one test writes is gone for the next and
nothing leaks to other modules. Only for tests that do not need committed data (not the
browser tests: the live server's thread sees committed data only).
"""

import contextlib
import fcntl
import io
import shutil
import sqlite3
import traceback
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction
from wagtail.models import Site

from home.tree import remove_placeholder

ALIAS = "default"


class DatabaseTemplate:
    """The migrated database of one pytest run, copied for each process that needs one.

    `folder` is shared by every process of the run (the xdist workers' common temporary
    folder): it holds the lock, the SQLite template and the serialized content.
    """

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        if set(settings.DATABASES) != {ALIAS}:
            raise NotImplementedError("DatabaseTemplate copies the default database only")
        self.vendor = connections[ALIAS].vendor
        if self.vendor not in ("sqlite", "postgresql"):
            raise NotImplementedError(f"no template for {self.vendor}")
        # Read before the test database replaces NAME in the settings.
        self.postgres_name = f"test_{self.connection.settings_dict['NAME']}_template"
        self.sqlite_path = self.folder / "template.sqlite3"
        self.serialized_path = self.folder / "template.json"
        self.ready_path = self.folder / "ready"
        self.postgres_demo_name = f"test_{self.connection.settings_dict['NAME']}_demo"
        self.demo_sqlite_path = self.folder / "demo.sqlite3"
        self.demo_media = self.folder / "demo-media"
        self.demo_output = self.folder / "demo.txt"
        self.demo_error = self.folder / "demo-error"
        self.error_path = self.folder / "error"

    @property
    def connection(self):
        """This thread's connection (the browser tests' thread gets new ones once
        Playwright runs)."""
        return connections[ALIAS]

    @contextlib.contextmanager
    def _lock(self):
        with (self.folder / "lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def setup_test_database(self, serialized):
        """Give this process its test database (as Django's `create_test_db` does): the
        first process of the run migrates it and keeps the template, the others copy the
        template. `serialized`: keep the content for serialized_rollback. Returns the
        name to restore at the end."""
        connection = self.connection
        creation = connection.creation
        old_name = connection.settings_dict["NAME"]
        with self._lock():
            if self.error_path.exists():
                raise RuntimeError(
                    "The test database template could not be built:\n" + self.error_path.read_text()
                )
            built_here = not self.ready_path.exists()
            if built_here:
                try:
                    self._build(serialized)
                except BaseException:
                    self.error_path.write_text(traceback.format_exc())
                    raise
                self.ready_path.touch()
        test_name = creation._get_test_db_name()
        if self.vendor == "postgresql":
            self.postgres_copy(test_name)
        if self.vendor == "postgresql" or not built_here:
            connection.close()
            settings.DATABASES[ALIAS]["NAME"] = test_name
            connection.settings_dict["NAME"] = test_name
        if self.vendor == "sqlite" and not built_here:
            connection.ensure_connection()
            with contextlib.closing(sqlite3.connect(self.sqlite_path)) as template:
                template.backup(connection.connection)
        if serialized:
            if not self.serialized_path.exists():  # the builder did not need it
                self.serialized_path.write_text(creation.serialize_db_to_string())
            connection._test_serialized_contents = self.serialized_path.read_text()
        connection.ensure_connection()
        return old_name

    def _build(self, serialized):
        """SQLite: this process's own test database (in memory, the fastest to migrate),
        saved to the template file. PostgreSQL: the template database."""
        connection = self.connection
        creation = connection.creation
        if self.vendor == "sqlite":
            creation.create_test_db(verbosity=0, autoclobber=True)
            remove_placeholder()
            with contextlib.closing(sqlite3.connect(self.sqlite_path)) as template:
                connection.connection.backup(template)
            if serialized:
                self.serialized_path.write_text(creation.serialize_db_to_string())
            return
        old_name = connection.settings_dict["NAME"]
        test_settings = connection.settings_dict["TEST"]
        old_test_name = test_settings.get("NAME")
        test_settings["NAME"] = self.postgres_name
        try:
            # Drops a template left by an interrupted run, creates and migrates it.
            creation.create_test_db(verbosity=0, autoclobber=True)
            remove_placeholder()
            if serialized:
                self.serialized_path.write_text(creation.serialize_db_to_string())
        finally:
            # Closes the connection (a template must have none) and restores NAME;
            # keepdb: the template stays, for the copies.
            creation.destroy_test_db(old_name, verbosity=0, keepdb=True)
            test_settings["NAME"] = old_test_name

    def _ensure_built(self):
        with self._lock():
            if not self.ready_path.exists():
                raise RuntimeError("No test database template yet: use django_db_setup first")

    def teardown_test_database(self, old_name):
        self.connection.creation.destroy_test_db(old_name, verbosity=0)

    def sqlite_copy(self, path):
        """A migrated SQLite database at `path` (a new file)."""
        self._ensure_built()
        with (
            contextlib.closing(sqlite3.connect(self.sqlite_path)) as template,
            contextlib.closing(sqlite3.connect(path)) as copy,
        ):
            template.backup(copy)

    def postgres_copy(self, name):
        """A migrated PostgreSQL database `name` in the test cluster (replaced if it
        exists)."""
        self._ensure_built()
        quote = self.connection.ops.quote_name
        with self._lock(), self.connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")
            cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(self.postgres_name)}")

    @contextlib.contextmanager
    def demo_site(self):
        """This process's test database holds the demo site, committed, until exit; yields
        what `load_demo_content` printed. Not inside a transaction (a test's or
        `built_once`'s): the copy replaces the whole database."""
        self._ensure_built()
        media = Path(settings.MEDIA_ROOT)
        with self._lock():
            if self.demo_error.exists():
                raise RuntimeError(
                    "The demo site could not be built:\n" + self.demo_error.read_text()
                )
            if self.demo_output.exists():
                self._copy_demo_in()
            else:
                try:
                    self._build_demo()
                except BaseException:
                    self.demo_error.write_text(traceback.format_exc())
                    raise
            shutil.copytree(self.demo_media, media, dirs_exist_ok=True)
        self._forget_cached_rows()
        try:
            yield self.demo_output.read_text()
        finally:
            self._copy_empty_in()
            for path in sorted(self.demo_media.rglob("*"), reverse=True):
                target = media / path.relative_to(self.demo_media)
                if target.is_file():
                    target.unlink()
            self._forget_cached_rows()

    def _build_demo(self):
        from django.core.management import call_command

        media = Path(settings.MEDIA_ROOT)
        before = {path for path in media.rglob("*") if path.is_file()}
        from tests.indexes import indexes_updated

        out = io.StringIO()
        with indexes_updated():  # the copy is read by search tests too
            call_command("load_demo_content", stdout=out, stderr=out)
        connection = self.connection
        if self.vendor == "sqlite":
            with contextlib.closing(sqlite3.connect(self.demo_sqlite_path)) as copy:
                connection.connection.backup(copy)
        else:
            quote = connection.ops.quote_name
            source = connection.settings_dict["NAME"]
            connection.close()  # a template database must have no session
            with connection.creation._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(self.postgres_demo_name)}")
                cursor.execute(
                    f"CREATE DATABASE {quote(self.postgres_demo_name)} TEMPLATE {quote(source)}"
                )
        self.demo_media.mkdir(exist_ok=True)
        for path in media.rglob("*"):
            if path.is_file() and path not in before:
                target = self.demo_media / path.relative_to(media)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
        self.demo_output.write_text(out.getvalue())

    def _copy_demo_in(self):
        connection = self.connection
        if self.vendor == "sqlite":
            connection.ensure_connection()
            with contextlib.closing(sqlite3.connect(self.demo_sqlite_path)) as demo:
                demo.backup(connection.connection)
        else:
            self._recreate_from(self.postgres_demo_name)

    def _copy_empty_in(self):
        if self.vendor == "sqlite":
            self.connection.ensure_connection()
            with contextlib.closing(sqlite3.connect(self.sqlite_path)) as template:
                template.backup(self.connection.connection)
        else:
            with self._lock():
                self._recreate_from(self.postgres_name)

    def _recreate_from(self, template):
        """PostgreSQL: this process's database, replaced by a copy of `template` (the
        caller holds the lock)."""
        connection = self.connection
        quote = connection.ops.quote_name
        name = connection.settings_dict["NAME"]
        connection.close()
        with connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")
            cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(template)}")
        connection.ensure_connection()

    @staticmethod
    def _forget_cached_rows():
        """Wagtail caches the site's root paths, Django's cache pages and settings: none
        may outlive the rows they were read from."""
        from django.core.cache import cache

        Site.clear_site_root_paths_cache()
        cache.clear()

    def remove(self):
        """Delete the templates (by the process that owns the run, at its end)."""
        if self.vendor == "postgresql" and self.ready_path.exists():
            quote = self.connection.ops.quote_name
            with self.connection.creation._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(self.postgres_name)}")
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(self.postgres_demo_name)}")
        self.sqlite_path.unlink(missing_ok=True)
        self.demo_sqlite_path.unlink(missing_ok=True)
        shutil.rmtree(self.demo_media, ignore_errors=True)


@contextlib.contextmanager
def built_once(django_db_blocker):
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                try:
                    yield
                finally:
                    transaction.set_rollback(True)
        finally:
            # Wagtail caches the site's root paths; they must not outlive the rows.
            Site.clear_site_root_paths_cache()


@contextlib.contextmanager
def demo_site(django_db_blocker, database_template):
    """For a module- or class-scoped fixture: the demo site in this process's test
    database for the scope (DatabaseTemplate.demo_site); yields what `load_demo_content`
    printed. Each test runs in its own transaction on top of it, as usual."""
    with django_db_blocker.unblock():
        context = database_template.demo_site()
        output = context.__enter__()
    try:
        yield output
    finally:
        with django_db_blocker.unblock():
            context.__exit__(None, None, None)
