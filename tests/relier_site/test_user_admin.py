"""Account management: the Administration role cannot create or take over superusers."""

import pytest
from django.contrib.auth.models import User

from relier_site import roles
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administration_client(client):
    client.force_login(StaffFactory(username="admin-asso", role=roles.ADMINISTRATION))
    return client


def new_user_data(**extra):
    return {
        "username": "nouvelle-psy",
        "email": "psy@example.org",
        "first_name": "Nouvelle",
        "last_name": "Psy",
        "password1": "un-mot-de-passe-tres-solide-84",
        "password2": "un-mot-de-passe-tres-solide-84",
        "is_active": "on",
        **extra,
    }


def test_administration_creates_an_ordinary_account(administration_client):
    response = administration_client.post("/admin/users/new/", new_user_data())
    assert response.status_code == 302
    assert User.objects.filter(username="nouvelle-psy", is_superuser=False).exists()


def test_administration_cannot_create_a_superuser(administration_client):
    response = administration_client.post("/admin/users/new/", new_user_data(is_superuser="on"))
    assert response.status_code == 403
    assert "Seul un superutilisateur" in response.content.decode()
    assert not User.objects.filter(username="nouvelle-psy").exists()


def test_administration_cannot_edit_a_superuser(administration_client):
    boss = StaffFactory(username="presidence", superuser=True)
    response = administration_client.get(f"/admin/users/edit/{boss.pk}/")
    assert response.status_code == 403


def test_a_superuser_can_grant_superuser(admin_client):
    response = admin_client.post("/admin/users/new/", new_user_data(is_superuser="on"))
    assert response.status_code == 302
    assert User.objects.get(username="nouvelle-psy").is_superuser
