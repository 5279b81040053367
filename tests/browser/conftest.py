"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Every test module here is marked `browser` and uses
`pytest.mark.django_db(transaction=True, serialized_rollback=True)`: the live server runs
in another thread, so data must be committed; `serialized_rollback` restores what the
migrations create (Wagtail's root page, locale, collection, groups) after each flush.

The demo site is loaded once per run and copied for each test (`demo_site`, tests/db.py).
Building another test's data is done once per process:
`snapshot(name, build)` runs `build` the first time, copies the committed database (SQLite's
backup API) and the media files' folder, and restores that copy for the next tests that ask
for the same name. Each test still starts from its own copy, so what one test writes is
gone for the next.

The `page` fixture runs each test at 390 px (phone), and also at 1280 px (desktop) when
the test is marked `both_widths` (pytest_generate_tests below). When a
test ends it fails the test if the page made any request to another host than the live
server, logged a Content-Security-Policy violation, or raised a JavaScript error.

Without Chromium or Playwright the tests are skipped with a message; with CI=true they
fail instead, so CI can never pass without running them.
"""

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from tests.indexes import indexes_updated

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# WCAG 2.1 A/AA, and 2.2 AA's target size (2.5.8: 24 px), which Lighthouse checks too.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Schemes that never reach the network.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}


def in_ci():
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def missing_tool(message):
    """Skip outside CI; fail in CI (a CI run without browser tests proves nothing)."""
    if in_ci():
        pytest.fail(f"{message} (CI=true: browser tests are required)", pytrace=False)
    pytest.skip(f"{message}: browser tests skipped")


@pytest.fixture(scope="session")
def browser(django_db_setup):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_tool("Playwright is not installed (uv sync installs the dev group)")
    if not (os.path.isfile(CHROMIUM) or shutil.which(CHROMIUM)):
        missing_tool(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")

    # Playwright's sync API keeps an asyncio loop in this thread; Django would then
    # refuse database access from the test code. Allowed for the browser tests only
    # (they run last: pytest-django orders transactional tests after the others).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    serialized = serialized_db_contents()
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            restore_serialized_db_contents(serialized)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def serialized_db_contents():
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def restore_serialized_db_contents(serialized):
    """Hand the migrations' data, serialized at database setup, to the new connections.

    Django keeps database connections per thread, and separately for code running
    while an asyncio loop is running. Once Playwright has started, the test thread
    counts as such, so it gets new connection objects (to the same test database)
    that lack the data `serialized_rollback` restores after each flush.
    """
    from django.db import connections

    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents


_snapshots = {}  # name -> (database copy, media folder, what build returned)


@pytest.fixture
def snapshot(tmp_path_factory, settings):
    """`snapshot(name, build)`: the database and media as `build()` leaves them, built
    once per process (SQLite) and restored for each test; returns what `build` returned
    (built objects keep their primary keys in every copy). On PostgreSQL (browser tests
    run on SQLite in `make test`) `build` simply runs for each test."""
    from django.core.cache import cache
    from django.db import connection
    from wagtail.models import Site

    def use(name, build):
        if connection.vendor != "sqlite":
            return build()
        connection.ensure_connection()
        if name not in _snapshots:
            media = tmp_path_factory.mktemp(f"snapshot-media-{name}")
            settings.MEDIA_ROOT = str(media)
            with indexes_updated():  # the copy may be read by a search test
                built = build()
            copy = tmp_path_factory.mktemp(f"snapshot-db-{name}") / "database.sqlite3"
            with contextlib.closing(sqlite3.connect(copy)) as target:
                connection.connection.backup(target)
            _snapshots[name] = (copy, media, built)
            return built
        copy, media, built = _snapshots[name]
        settings.MEDIA_ROOT = str(media)
        with contextlib.closing(sqlite3.connect(copy)) as source:
            source.backup(connection.connection)
        Site.clear_site_root_paths_cache()
        cache.clear()
        return built

    return use


@pytest.fixture
def demo_site(db, database_template):
    """The demo site, committed for the live server: a copy of the run's one load
    (tests/db.py, DatabaseTemplate.demo_site)."""
    with database_template.demo_site() as output:
        yield output


WIDTHS = {"390": PHONE, "1280": DESKTOP}


def pytest_generate_tests(metafunc):
    """The `viewport` of a browser test: 390 px, or 390 and 1280 px for a test marked
    `both_widths` (where the layout changes what a person can do: quick exit, menu, home
    page, forms; and the public pages created or changed lately); a test's own
    `parametrize("viewport", …, indirect=True)` wins."""
    if "viewport" not in metafunc.fixturenames:
        return
    for mark in metafunc.definition.iter_markers("parametrize"):
        if "viewport" in str(mark.args[0]):
            return
    ids = ["390", "1280"] if metafunc.definition.get_closest_marker("both_widths") else ["390"]
    metafunc.parametrize("viewport", [WIDTHS[i] for i in ids], ids=ids, indirect=True)


@pytest.fixture
def viewport(request):
    return request.param


@dataclass
class PageGuard:
    """Records what a page does that the site forbids."""

    allowed_origin: str
    requests: list = field(default_factory=list)
    csp_messages: list = field(default_factory=list)
    js_errors: list = field(default_factory=list)

    def attach(self, context, page):
        context.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.js_errors.append(str(error)))

    def _on_console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_messages.append(message.text)

    def foreign_requests(self):
        allowed = urlsplit(self.allowed_origin)
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES
            and (urlsplit(url).scheme, urlsplit(url).netloc) != (allowed.scheme, allowed.netloc)
        ]

    def problems(self):
        problems = []
        if foreign := self.foreign_requests():
            problems.append("Requests to another host than the site:\n  " + "\n  ".join(foreign))
        if self.csp_messages:
            problems.append(
                "Content-Security-Policy violations:\n  " + "\n  ".join(self.csp_messages)
            )
        if self.js_errors:
            problems.append("JavaScript errors:\n  " + "\n  ".join(self.js_errors))
        return problems


def open_page(browser, live_server, viewport):
    """A new browser context and page on the live server, with its PageGuard."""
    context = browser.new_context(
        viewport=viewport,
        base_url=live_server.url,
        locale="fr-FR",
        timezone_id="Europe/Paris",
        service_workers="block",
        # In-page links jump instead of scrolling smoothly (Bootstrap's smooth scroll
        # honours this preference): what a test measures after a click is where the
        # page stops, never a frame of the way there.
        reduced_motion="reduce",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    guard = PageGuard(allowed_origin=live_server.url)
    guard.attach(context, page)
    return context, page, guard


@pytest.fixture
def page_and_guard(browser, live_server, viewport):
    context, page, guard = open_page(browser, live_server, viewport)
    yield page, guard
    # Let pending console events arrive; the page may be closed or navigating away.
    with contextlib.suppress(Exception):
        page.evaluate("0")
    context.close()
    if problems := guard.problems():
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def page(page_and_guard):
    """A Playwright page at 390 px (and at 1280 px for a test marked `both_widths`),
    checked for foreign requests and CSP."""
    return page_and_guard[0]


# True once the page has not scrolled for two frames (a guard: the contexts ask for
# reduced motion, so in-page links jump). A fresh-clone run once reported target-size on
# the field an error-summary link leads to: the jump had left it under the sticky header
# on a phone, a real defect (WCAG 2.4.11) that `scroll-padding-top` now prevents and
# tests/browser/test_public_form.py checks from the foot of the page.
SCROLL_SETTLED = """() => new Promise(resolve => {
    const y = window.scrollY;
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY === y)));
})"""


def axe_violations(page, context=None):
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_function(SCROLL_SETTLED)

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, context=context, options=options).response["violations"]


def format_violations(violations):
    lines = [f"{len(violations)} accessibility violation(s) (axe-core, WCAG 2.1 A/AA and 2.2 AA):"]
    for violation in violations:
        lines.append(f"- {violation['id']} [{violation['impact']}]: {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node['html'][:200]}")
    return "\n".join(lines)


def assert_no_axe_violations(page, context=None):
    """Run axe-core on the current page; fail listing each violation and its nodes."""
    violations = axe_violations(page, context)
    if violations:
        report = format_violations(violations)
        print(report)
        pytest.fail(f"{page.url}\n{report}", pytrace=False)


def assert_pages_accessible(page, pages, check=None):
    """Several pages in one browser context (a test that only scans pages): for each
    `name: (path, status)`, the page answers `status`, `check(name)` passes and axe-core
    finds no violation. Every page is visited before the test fails, listing each page's
    problems."""
    problems = []
    for name, (path, status) in pages.items():
        try:
            response = page.goto(path)
            assert response.status == status, f"HTTP {response.status}, expected {status}"
            if check:
                check(name)
        except AssertionError as error:
            problems.append(f"{name} ({path}): {error}")
            continue
        if violations := axe_violations(page):
            problems.append(f"{name} ({path}):\n{format_violations(violations)}")
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


def sign_in_to_admin(page, username, password=None):
    """Sign in through the admin's login form and wait for the dashboard."""
    from tests.factories import STAFF_PASSWORD

    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password or STAFF_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
