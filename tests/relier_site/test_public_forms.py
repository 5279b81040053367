"""One base for every public form (relier_site.forms): a form that sends something is a
`PublicForm` and renders the one hidden honeypot; a GET filter or search is a
`FilterForm`; the flood limits of a submission are counted and refused by
`SubmissionLimit` only. (The layout itself: tests/home/test_forms.py; what a visitor
sees on a flood: tests/relier_site/test_ratelimit_forms.py.)"""

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest
from django import forms
from django.template import Context, Template

from events.forms import RegistrationForm
from events.models import EventPage
from referrals.forms import FORMS
from relier_site.forms import HONEYPOT, FilterForm, PublicForm

pytestmark = pytest.mark.one_database

ROOT = Path(__file__).resolve().parent.parent.parent
# Every module holding the forms of visitors (staff forms live in admin_forms.py).
PUBLIC_FORM_MODULES = [
    "events.forms",
    "guide.forms",
    "home.search_forms",
    "programmes.forms",
    "referrals.forms",
]
# Forms of those modules that are not public pages' forms, and why.
NOT_PUBLIC = {
    "guide.forms.ImportForm": "the staff import of the guide (admin)",
    "events.forms.CancelForm": "a hidden confirmation, behind a signed link's session grant",
}
HIDDEN_HONEYPOT = re.compile(
    r'<div\s+hidden="">\s*<div id="div_id_site_web"[^>]*>.*?'
    r'<input type="text" name="site_web" tabindex="-1" autocomplete="off"',
    re.S,
)


def visitor_forms():
    found = []
    for module_name in PUBLIC_FORM_MODULES:
        module = importlib.import_module(module_name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            name = f"{cls.__module__}.{cls.__qualname__}"
            if (
                cls.__module__ == module_name
                and issubclass(cls, forms.BaseForm)
                and name not in NOT_PUBLIC
            ):
                found.append(cls)
    return found


def render(form):
    return Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": form}))


def test_every_visitor_form_derives_from_the_one_public_base():
    found = visitor_forms()
    assert {cls.__name__ for cls in found} >= {
        "AgendaFilterForm",
        "RegistrationForm",
        "GuideSearchForm",
        "SearchForm",
        "ResourceFilterForm",
        "ProgrammeChoiceForm",
        "OrientationForm",
        "ContactForm",
        "InterventionForm",
    }
    assert [cls.__name__ for cls in found if not issubclass(cls, PublicForm)] == []


@pytest.mark.parametrize("kind", sorted(FORMS))
def test_each_referral_form_renders_the_hidden_honeypot_last(kind):
    html = render(FORMS[kind]())
    assert HIDDEN_HONEYPOT.search(html)
    assert html.index('name="site_web"') > html.index('name="submission_token"')


@pytest.mark.parametrize("profile", EventPage.Profile.values)
def test_each_registration_form_renders_the_hidden_honeypot(profile):
    html = render(RegistrationForm(profile=profile))
    assert HIDDEN_HONEYPOT.search(html)
    assert "d-none" not in html


def test_a_filled_honeypot_even_with_spaces_is_spam_on_every_sending_form():
    for form_class in FORMS.values():
        assert form_class({HONEYPOT: " "}).is_spam()
        assert not form_class({}).is_spam()
    registration = RegistrationForm({HONEYPOT: " "}, profile=EventPage.Profile.PARENT)
    assert registration.is_spam()


def test_a_filter_form_has_no_honeypot():
    assert HONEYPOT not in FilterForm.base_fields
    for cls in visitor_forms():
        if issubclass(cls, FilterForm):
            assert HONEYPOT not in cls.base_fields, cls


def project_sources():
    for path in sorted(ROOT.glob("*/**/*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {"tests", "scripts", ".venv"} or "migrations" in parts:
            continue
        yield path.relative_to(ROOT).as_posix(), path.read_text()


def test_the_honeypot_and_the_flood_answer_are_written_once():
    """No form defines its own honeypot, and no view builds flood keys or the flood answer
    itself: relier_site.forms does, with relier_site.ratelimit underneath."""
    honeypots = [
        name for name, source in project_sources() if re.search(r"\bsite_web = forms\.", source)
    ]
    assert honeypots == ["relier_site/forms.py"]
    flood_parts = {"FLOOD_MESSAGE", "address_key", "contact_key"}
    users = []
    for name, source in project_sources():
        for node in ast.walk(ast.parse(source)):
            if (
                isinstance(node, ast.ImportFrom)
                and (node.module or "").endswith("ratelimit")
                and flood_parts & {alias.name for alias in node.names}
            ):
                users.append(name)
    assert users == ["relier_site/forms.py"]
