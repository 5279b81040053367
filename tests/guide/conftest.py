"""Fixtures of the guide tests: the /guide/ page, structures and staff members."""

import datetime

import pytest

from guide.models import Audience, Departement, GuideIndexPage, Structure, Theme
from relier_site import roles
from tests.factories import StaffFactory

VERIFIED = datetime.date(2026, 6, 1)


@pytest.fixture
def guide_page(home_page):
    page = GuideIndexPage(title="Maux d'enfants, mode d'emploi", slug="guide", show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_structure(source_id, *, themes=("ecoute",), audiences=(), departements=(), **fields):
    """A live Structure, saved with its relations (no revision: like an import)."""
    defaults = {
        "name": f"Structure {source_id}",
        "description": "Une structure qui écoute les jeunes et leurs familles.",
        "scope": Structure.Scope.DEPARTEMENT,
        "last_verified": VERIFIED,
        "live": True,
    }
    structure = Structure(
        source_id=source_id,
        themes=list(Theme.objects.filter(slug__in=themes)),
        audiences=list(Audience.objects.filter(slug__in=audiences)),
        departements=list(Departement.objects.filter(code__in=departements)),
        **(defaults | fields),
    )
    structure.full_clean()  # as the admin form does: the phone is stored in E.164
    structure.save()  # parental many-to-many relations are written on save
    return structure


@pytest.fixture
def national_helpline(db):
    return make_structure(
        "3018-e-enfance",
        name="3018, le numéro contre le harcèlement",
        scope=Structure.Scope.NATIONAL,
        phone="3018",
        themes=("harcelement-scolaire", "cyberviolences"),
        audiences=("adolescents", "parents"),
    )


@pytest.fixture
def communication_user(db):
    return StaffFactory(username="camille-communication", role=roles.COMMUNICATION)


@pytest.fixture
def administration_user(db):
    return StaffFactory(username="alex-administration", role=roles.ADMINISTRATION)


@pytest.fixture
def accompagnement_user(db):
    return StaffFactory(username="sacha-accompagnement", role=roles.ACCOMPAGNEMENT)
