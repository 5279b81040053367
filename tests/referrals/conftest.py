"""Fixtures of the referral tests: the three public form pages and valid submissions."""

import re

import pytest

from home.tree import ensure_home_page
from referrals.models import Kind, ReferralFormPage
from tests.db import built_once

FORM_PATHS = {
    Kind.ORIENTATION: "/orienter-un-jeune/",
    Kind.CONTACT: "/etre-contacte/",
    Kind.INTERVENTION: "/demander-une-intervention/",
}


def make_form_page(home_page, kind):
    slug = FORM_PATHS[kind].strip("/")
    titles = {
        Kind.ORIENTATION: "Orienter un jeune",
        Kind.CONTACT: "Être contacté",
        Kind.INTERVENTION: "Demander une intervention",
    }
    page = ReferralFormPage(title=titles[kind], slug=slug, kind=kind, show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture(scope="module")
def form_pages_once(django_db_blocker):
    """The three form pages, built once per test module (each test rolls back its own
    writes)."""
    with built_once(django_db_blocker):
        home = ensure_home_page()
        yield {kind: make_form_page(home, kind) for kind in FORM_PATHS}


@pytest.fixture
def form_pages(form_pages_once, db):
    return form_pages_once


def orientation_data(**overrides):
    data = {
        "referrer_name": "Nadia Conseillère",
        "referrer_role": "Conseillère France Travail",
        "organisation_type": "france-travail",
        "organisation_name": "France Travail Île-de-France",
        "agency": "Agence de Bobigny",
        "referrer_email": "nadia.conseillere@francetravail.example",
        "referrer_phone": "01 48 12 34 56",
        "first_name": "Sami",
        "age": "19",
        "postcode": "93000",
        "phone": "06 12 34 56 78",
        "email": "sami.jeune@example.org",
        "contact_preference": "telephone",
        "contact_times": "En semaine après 17 h",
        "programme": "relier-vers-lemploi",
        "programme_format": "groupes",
        "concerns": ["harcelement-scolaire", "isolement"],
        "message": "Il souhaite reprendre confiance avant ses entretiens.",
        "urgent": "non",
        "consent_confirmed": "on",
    }
    return data | overrides


def contact_data(**overrides):
    data = {
        "requester": "parent",
        "first_name": "Claire",
        "age": "13",
        "departement": "974",
        "postcode": "97400",
        "phone": "0692 12 34 56",
        "email": "claire.parent@example.org",
        "contact_preference": "telephone",
        "contact_times": "Le mercredi après-midi",
        "concerns": ["cyberviolences"],
        "message": "Ma fille reçoit des messages blessants.",
        "urgent": "non",
    }
    return data | overrides


def intervention_data(**overrides):
    data = {
        "organisation_type": "etablissement-scolaire",
        "organisation_name": "Collège Jean-Moulin",
        "postcode": "69003",
        "referrer_name": "Paul Cpe",
        "referrer_role": "CPE",
        "referrer_email": "paul.cpe@college.example",
        "referrer_phone": "",
        "intervention_type": "seance-information",
        "programme": "stop-cyberviolences",
        "audience": "Élèves de 4e",
        "audience_size": "60",
        "preferred_period": "Avant les vacances de février",
        "message": "Deux classes concernées.",
    }
    return data | overrides


VALID_DATA = {
    Kind.ORIENTATION: orientation_data,
    Kind.CONTACT: contact_data,
    Kind.INTERVENTION: intervention_data,
}

TOKEN_RE = re.compile(r'name="submission_token" value="([^"]+)"')


def token_of(response):
    match = TOKEN_RE.search(response.content.decode())
    assert match, "the form has no submission token"
    return match.group(1)


def submit(client, kind, **overrides):
    """GET the form page, then POST it with valid data (and `overrides`), as a browser."""
    page = client.get(FORM_PATHS[kind])
    assert page.status_code == 200
    data = VALID_DATA[kind](**overrides)
    data.setdefault("submission_token", token_of(page))
    return client.post(FORM_PATHS[kind], data)
