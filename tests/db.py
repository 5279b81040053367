"""Data built once for several tests that only read it.

`built_once(django_db_blocker)` opens a transaction for a module- or class-scoped
fixture and rolls it back at the end of the scope; each test runs inside it in its own
savepoint, as usual with pytest-django, so what one test writes is gone for the next and
nothing leaks to other modules. Only for tests that do not need committed data (not the
browser tests: the live server's thread sees committed data only).
"""

import contextlib

from django.db import transaction
from wagtail.models import Site


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
