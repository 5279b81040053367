import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


def test_home_page_shows_helplines_and_quick_exit(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    for number in ("3018", "119", "3114", "0800235236", "112"):  # Fil Santé Jeunes too
        assert f'href="tel:{number}"' in html
    assert "data-quick-exit" in html
    assert 'href="#contenu"' in html
    assert html.count("<h1") == 1
