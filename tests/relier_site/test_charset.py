"""A form posted in another charset than UTF-8 gets the French 400 page and a line in the
log, never a 500; « UTF8 » (an alias of UTF-8) is read as UTF-8.

Every endpoint a visitor posts to is tried as a browser holding the CSRF cookie would
(the page with the form first, CSRF checks on): Django read the form in the CSRF check,
refused the charset there, then the 400 page's own CSRF check read it again (500).
"""

import logging
import re
from html import unescape
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import PageViewRestriction

from events import links
from events.models import AgendaPage, Registration
from home.tree import ensure_home_page
from referrals.models import Kind, Referral
from tests.db import built_once
from tests.events.conftest import make_event, make_session
from tests.events.helpers import register_form
from tests.factories import StandardPageFactory
from tests.referrals.conftest import FORM_PATHS, VALID_DATA, make_form_page

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

REFUSED = ["latin-1", "bogus", "utf-16"]
TITLE = "<h1>Votre demande n'a pas pu être traitée</h1>"
HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)"')


@pytest.fixture(scope="module")
def endpoints(django_db_setup, django_db_blocker):
    """{name: (page holding the form, address it posts to, a valid answer)}, built once
    for the module (each test rolls back what it writes)."""
    with built_once(django_db_blocker):
        yield build_endpoints()


def build_endpoints():
    home_page = ensure_home_page()
    for kind in Kind:
        make_form_page(home_page, kind)
    agenda = AgendaPage(title="Agenda", slug="agenda")
    home_page.add_child(instance=agenda)
    agenda.save_revision().publish()
    session = make_session(make_event(agenda))
    register = f"/agenda/inscription/{session.pk}/"
    Client().post(register, register_form())
    cancel = f"/agenda/annulation/{links.cancel_token(Registration.objects.get())}/"
    protected = StandardPageFactory(title="Page protégée", slug="page-protegee")
    restriction = PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="secret-123"
    )
    password = f"/_util/authenticate_with_password/{restriction.pk}/{protected.pk}/"
    return {
        **{kind.value: (FORM_PATHS[kind], FORM_PATHS[kind], VALID_DATA[kind]()) for kind in Kind},
        "registration": (register, register, register_form(email="autre@example.org")),
        # The emailed link lands on the token-less confirmation step, which posts.
        "cancel": (cancel, "/agenda/annulation/", {}),
        "login": ("/_util/login/", "/_util/login/", {"username": "x", "password": "y"}),
        "page_password": (protected.url, password, {"password": "secret-123", "return_url": "/"}),
        "search": ("/_util/login/", "/recherche/", {"q": "harcèlement"}),
    }


def post_in(charset, form_page, target, data):
    """GET the form (the CSRF cookie is set), then POST `data` declared in `charset`."""
    client = Client(enforce_csrf_checks=True)
    page = client.get(form_page, follow=True)
    assert page.status_code == 200
    hidden = {name: unescape(value) for name, value in HIDDEN.findall(page.content.decode())}
    hidden["csrfmiddlewaretoken"] = client.cookies[settings.CSRF_COOKIE_NAME].value
    encoding = "latin-1" if charset == "latin-1" else "utf-8"
    body = urlencode({**data, **hidden}, doseq=True, encoding=encoding)
    return client.generic(
        "POST",
        target,
        body.encode("ascii"),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )


ENDPOINTS = [
    "contact",
    "orientation",
    "intervention",
    "registration",
    "cancel",
    "login",
    "page_password",
    "search",
]


@pytest.mark.parametrize("charset", REFUSED)
@pytest.mark.parametrize("name", ENDPOINTS)
def test_another_charset_gets_the_french_400_page_and_is_logged(endpoints, name, charset, caplog):
    form_page, target, data = endpoints[name]

    with caplog.at_level(logging.WARNING, logger="relier_site.http"):
        response = post_in(charset, form_page, target, data)

    assert response.status_code == 400, name
    html = response.content.decode()
    assert TITLE in html
    assert '<html lang="fr">' in html
    assert "Quitter le site" in html
    (record,) = [r for r in caplog.records if r.name == "relier_site.http"]
    assert record.levelno == logging.WARNING
    assert repr(charset) in record.getMessage()
    assert target not in record.getMessage()  # a path may hold a token


def test_a_refused_charset_changes_nothing(endpoints):
    referrals = Referral.objects.count()
    form_page, target, data = endpoints["contact"]
    assert post_in("latin-1", form_page, target, data).status_code == 400
    form_page, target, data = endpoints["registration"]
    assert post_in("bogus", form_page, target, data).status_code == 400
    assert Referral.objects.count() == referrals
    assert Registration.objects.count() == 1  # the fixture's


@pytest.mark.parametrize("name", ENDPOINTS)
def test_utf8_spelled_without_a_dash_is_read_as_utf8(endpoints, name):
    form_page, target, data = endpoints[name]
    response = post_in("UTF8", form_page, target, data)
    assert response.status_code in (200, 302, 303), (name, response.status_code)


def test_a_form_declared_utf8_keeps_its_accents(endpoints):
    form_page, target, data = endpoints["contact"]
    data = {**data, "message": "Ma fille reçoit des messages blessants à l'école."}
    response = post_in("UTF8", form_page, target, data)
    assert response.status_code == 302
    assert Referral.objects.get().message == "Ma fille reçoit des messages blessants à l'école."
