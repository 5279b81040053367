"""Account management: the Administration role cannot create or take over superusers."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from relier_site import roles
from tests.factories import StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


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


# --- Bulk actions of the user listing ------------------------------------------------------


def bulk_url(action, *users):
    url = reverse("wagtail_bulk_action", args=["auth", "user", action])
    return url + "?" + "&".join(f"id={user.pk}" for user in users)


@pytest.fixture
def boss():
    return StaffFactory(username="presidence", superuser=True)


@pytest.fixture
def colleague():
    return StaffFactory(username="collegue")


def test_administration_cannot_deactivate_a_superuser_in_bulk(
    administration_client, boss, colleague
):
    response = administration_client.post(
        bulk_url("set_active_state", boss, colleague), {"mark_as_active": "False"}
    )
    assert response.status_code == 403
    assert "Seul un superutilisateur" in response.content.decode()
    boss.refresh_from_db()
    colleague.refresh_from_db()
    assert boss.is_active
    assert colleague.is_active  # the whole action is refused


def test_administration_cannot_give_a_superuser_a_role_in_bulk(administration_client, boss):
    group = Group.objects.get(name=roles.COMMUNICATION)
    response = administration_client.post(bulk_url("assign_role", boss), {"role": group.pk})
    assert response.status_code == 403
    assert not boss.groups.exists()


def test_administration_cannot_delete_a_superuser(administration_client, boss):
    # Wagtail itself leaves superusers out of a non-superuser's deletions.
    administration_client.post(bulk_url("delete", boss))
    assert User.objects.filter(pk=boss.pk).exists()
    response = administration_client.post(reverse("wagtailusers_users:delete", args=[boss.pk]))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")  # refused, back to the dashboard
    assert User.objects.filter(pk=boss.pk).exists()


def test_administration_still_manages_ordinary_accounts_in_bulk(administration_client, colleague):
    response = administration_client.post(
        bulk_url("set_active_state", colleague), {"mark_as_active": "False"}
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert not colleague.is_active
    group = Group.objects.get(name=roles.ACCOMPAGNEMENT)
    response = administration_client.post(bulk_url("assign_role", colleague), {"role": group.pk})
    assert response.status_code == 302
    assert list(colleague.groups.all()) == [group]
    response = administration_client.post(bulk_url("delete", colleague))
    assert response.status_code == 302
    assert not User.objects.filter(pk=colleague.pk).exists()


def test_a_superuser_can_deactivate_a_superuser_in_bulk(admin_client):
    other = StaffFactory(username="tresorerie", superuser=True)
    response = admin_client.post(bulk_url("set_active_state", other), {"mark_as_active": "False"})
    assert response.status_code == 302
    other.refresh_from_db()
    assert not other.is_active
