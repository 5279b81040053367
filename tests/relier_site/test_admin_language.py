import re

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from relier_site import roles
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


def test_admin_login_page_is_in_french(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="fr"' in html
    assert "S'identifier" in html
    assert "Sign in" not in html


def test_admin_dashboard_is_in_french_for_a_staff_user(admin_client, home_page):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Tableau de bord" in response.content.decode()


def field_label(html, field_id):
    match = re.search(rf'<label[^>]*for="{field_id}"[^>]*>(.*?)</label>', html, re.S)
    assert match, f"no label for {field_id}"
    return visible_text(match.group(1)).rstrip("*").strip()


def test_admin_login_labels_are_in_french(client):
    html = client.get("/admin/login/").content.decode()
    assert field_label(html, "id_username") == "Identifiant"
    assert field_label(html, "id_password") == "Mot de passe"
    assert 'placeholder="Votre identifiant"' in html
    assert 'placeholder="Votre mot de passe"' in html
    assert "Password" not in visible_text(html)


def test_a_wrong_password_is_explained_in_french(client, home_page):
    User.objects.create_user(username="camille", password="mot-de-passe-solide-42")
    response = client.post("/admin/login/", {"username": "camille", "password": "faux"})
    assert response.status_code == 200
    assert "Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez." in (
        visible_text(response)
    )


def test_admin_pages_show_no_gravatar_avatar(client, home_page):
    # A staff member with an email address: Wagtail would ask Gravatar for their avatar.
    user = User.objects.create_user(
        username="camille", email="camille@example.org", password="mot-de-passe-solide-42"
    )
    user.groups.add(Group.objects.get(name=roles.COMMUNICATION))
    client.force_login(user)
    for url in ("/admin/", "/admin/account/", reverse("wagtailadmin_explore", args=[home_page.pk])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "gravatar" not in response.content.decode().lower(), url
