import pytest

pytestmark = pytest.mark.django_db


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
