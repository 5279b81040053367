"""Every cookie a visitor can receive, on the whole demo site, with the production cookie
names: none outlives the browser session (no Expires, no Max-Age, but for a deletion),
a page read without a form to send sets none, and only the two cookies that the privacy
policy names ever appear.

The walk is not a hand-written list: it starts from the home page, the page tree and the
plain URLs (feeds, sitemap, robots.txt, search, visitor login) and follows every link of
the site it meets (a few of each route with a number in it). Then every form to post that
it met is sent, as a browser would (GET first, CSRF checks on), once with only its hidden
fields (an invalid answer) and once with a valid answer where the test knows one
(referral forms, event registration, visitor login, page password, cancellation). The
links of the emails those answers produced (cancellation) and the referrer's follow-up
link are walked the same way.
"""

import re
from collections import Counter
from datetime import datetime
from email.utils import parsedate_to_datetime
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client, override_settings
from wagtail.models import Page, PageViewRestriction

from events.models import Session
from referrals.followup import followup_url
from referrals.models import Kind, Referral
from relier_site import roles
from relier_site.models import OutboundEmail
from tests.db import demo_site as demo_copy
from tests.events.helpers import register_form
from tests.factories import STAFF_PASSWORD, StaffFactory
from tests.referrals.conftest import FORM_PATHS, VALID_DATA

pytestmark = [
    pytest.mark.one_database,
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-cookies"),
]

PRODUCTION_COOKIES = {
    "SESSION_COOKIE_NAME": "__Host-sessionid",
    "CSRF_COOKIE_NAME": "__Host-csrftoken",
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}
PLAIN_URLS = [
    "/",
    "/sitemap.xml",
    "/robots.txt",
    "/agenda/calendrier.ics",
    "/recherche/",
    "/recherche/?q=harc%C3%A8lement",
    "/guide/?territoire=93",
    "/guide/export/structures.json",
    "/guide/export/services.json",
    "/_util/login/",
    "/page-qui-n-existe-pas/",
]
PAGE_PASSWORD = "mot-de-passe-de-la-page"
LINK = re.compile(r'(?:href|src|action)="([^"]+)"')
EMAIL_LINK = re.compile(r"https?://[^/\s\"<]+(/[^\s\"<]*)")
SAME_ROUTE = 3  # URLs walked per route that differs only by numbers or query string


class PostForms(HTMLParser):
    """The forms to post of a page: [(action, {hidden field: value})]."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = (attrs.get("method") or "").lower() == "post"
            if self.inside:
                self.forms.append((attrs.get("action") or "", {}))
        elif tag == "input" and attrs.get("type") == "hidden" and self.inside:
            self.forms[-1][1][attrs.get("name")] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def post_forms(html):
    parser = PostForms()
    parser.feed(html)
    return parser.forms


def local_path(url, base="/"):
    parts = urlsplit(unescape(url))
    if parts.netloc and parts.netloc not in (
        "testserver",
        urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc,
    ):
        return None
    path = parts.path if parts.path.startswith("/") else (base if not parts.path else None)
    if path is None or path.startswith(("/static/", "/admin/", "/media/")):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def text_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace")


class CookieLog:
    """Every Set-Cookie received during the walk: [(request, Morsel)]."""

    def __init__(self):
        self.received = []

    def visit(self, client, method, path, data=None):
        """One request, following the site's redirects; the last response and its text."""
        for _hop in range(5):
            response = client.get(path) if method == "GET" else client.post(path, data or {})
            for morsel in response.cookies.values():
                self.received.append((f"{method} {path} → {response.status_code}", morsel))
            if response.status_code not in (301, 302, 303, 307, 308):
                return response, text_of(response)
            path = local_path(response["Location"], base=path)
            method = "GET"
            if path is None:
                return response, ""
        raise AssertionError(f"too many redirects from {path}")


def lasts_beyond_the_browser_session(morsel):
    if morsel["max-age"] not in ("", None):
        return int(morsel["max-age"]) > 0
    if morsel["expires"]:
        return parsedate_to_datetime(morsel["expires"]) > datetime(2000, 1, 1).astimezone()
    return False


def route_of(path):
    return re.sub(r"\d+", "N", path.split("?")[0]) + ("?" if "?" in path else "")


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, database_template):
    with demo_copy(django_db_blocker, database_template):
        yield


@pytest.fixture(scope="module", autouse=True)
def production_cookies():
    with override_settings(**PRODUCTION_COOKIES):
        yield


def protect_a_page():
    page = Page.objects.get(slug="association")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PAGE_PASSWORD
    )
    return page.url


def crawl(log, start, *, signed_links=False):
    """GET every page reachable from `start` with a fresh client (a visitor without
    cookies). Returns {path: page text} of the pages that hold a form to post.
    `signed_links`: `start` holds emailed links, which keep what they open in the
    session (relier_site.signed_links) before leading to an address without the token."""
    seen, queue, per_route, with_forms = set(), list(start), Counter(), {}
    while queue:
        path = queue.pop(0)
        if path in seen or per_route[route_of(path)] >= SAME_ROUTE:
            continue
        seen.add(path)
        per_route[route_of(path)] += 1
        before = len(log.received)
        response, text = log.visit(Client(), "GET", path)
        assert response.status_code < 500, path
        set_here = [morsel.key for _request, morsel in log.received[before:]]
        if signed_links and path in start:
            assert set(set_here) <= {settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME}
            if post_forms(text):
                with_forms[path] = text
        elif post_forms(text):
            with_forms[path] = text
            assert set(set_here) <= {settings.CSRF_COOKIE_NAME}, (path, set_here)
        else:
            assert not set_here, f"{path} has no form to send but sets {set_here}"
        if response.get("Content-Type", "").startswith(("text/html", "application/xml")):
            for link in LINK.findall(text):
                target = local_path(link, base=path)
                if target and target not in seen:
                    queue.append(target)
    return seen, with_forms


def valid_answer(path):
    """A valid answer to the form of `path`, or None when the test knows none."""
    for kind, form_path in FORM_PATHS.items():
        if path.split("?")[0] == form_path:
            data = VALID_DATA[kind]()
            if kind == Kind.ORIENTATION:
                data["programme"] = path.partition("programme=")[2] or data["programme"]
            return data
    if match := re.fullmatch(r"/agenda/inscription/(\d+)/", path):
        return register_form(Session.objects.get(pk=match[1]).event.registration_profile)
    if path.startswith("/_util/login/"):
        user = StaffFactory(role=roles.ACCOMPAGNEMENT)
        return {"username": user.username, "password": STAFF_PASSWORD}
    if path.startswith("/_util/authenticate_with_password/"):
        return {"password": PAGE_PASSWORD}
    if path.startswith("/agenda/annulation/"):
        return {}  # confirming is the answer
    return None


def send_forms(log, pages):
    """Post each form of `pages` as a browser would: invalid, then valid when known."""
    for path, text in pages.items():
        for action, _hidden in post_forms(text):
            target = local_path(action, base=path) if action else path
            valid = valid_answer(target)
            for answer in [{}] if not valid else [{}, valid]:
                client = Client(enforce_csrf_checks=True)
                _response, page = log.visit(client, "GET", path)
                fresh = next((h for a, h in post_forms(page) if a == action), None)
                if fresh is None:  # gone once answered (a cancelled registration)
                    continue
                response, _text = log.visit(client, "POST", target, {**answer, **fresh})
                assert response.status_code < 500, target
                assert response.status_code != 403, f"{target}: CSRF refused the form"


def test_no_cookie_outlives_the_browser_session_on_any_public_url_or_form(demo_site, settings):
    settings.REFERRALS_LIMIT_PER_ADDRESS = 100_000
    settings.EVENTS_REGISTRATION_LIMIT_PER_ADDRESS = 100_000
    protected = protect_a_page()
    log = CookieLog()

    walked, pages = crawl(log, [*PLAIN_URLS, protected])
    send_forms(log, pages)
    mailed = {
        path
        for body in OutboundEmail.objects.values_list("body_text", flat=True)
        for url in EMAIL_LINK.findall(body)
        if (path := local_path(url)) and not path.startswith("/admin/") and path not in walked
    }
    # The referrer's follow-up link, mailed once the team takes a request in charge.
    mailed.add(urlsplit(followup_url(Referral.objects.first())).path)
    _walked, mailed_pages = crawl(log, sorted(mailed), signed_links=True)
    send_forms(log, mailed_pages)

    names = Counter(morsel.key for _request, morsel in log.received)
    assert set(names) == {settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME}, names
    lasting = [
        f"{request}: {morsel.OutputString()}"
        for request, morsel in log.received
        if lasts_beyond_the_browser_session(morsel)
    ]
    assert not lasting, "\n".join(lasting)
    # The walk reached what it is meant to reach.
    assert any(path.startswith("/agenda/inscription/") for path in pages)
    assert any(path.startswith("/agenda/annulation/") for path in mailed_pages)
    assert any(path.startswith("/suivi/") for path in mailed)
    assert protected in pages
    assert set(FORM_PATHS.values()) <= set(pages)
