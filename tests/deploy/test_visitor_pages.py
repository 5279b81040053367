"""Wagtail's own pages for private content (login, page password, document password)
are in French, in the site's layout, with the helplines and the quick exit."""

import re

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import DocumentFactory, StandardPageFactory
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

HELPLINE_NUMBERS = ("3018", "119", "3114", "112")


def password_page(home_page):
    page = StandardPageFactory(title="Espace des partenaires", parent=home_page)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="partenaires-2026"
    )
    return page


def password_document():
    collection = Collection.get_first_root_node().add_child(name="Partenaires")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="partenaires-2026",
    )
    return DocumentFactory(title="Convention de partenariat", collection=collection)


def login_page(home_page):
    page = StandardPageFactory(title="Espace de l'équipe", parent=home_page)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def assert_safety_shell(response, title):
    assert response.status_code == 200
    html = response.content.decode()
    text = visible_text(html)
    assert f"<h1>{title}</h1>" in html
    assert "Quitter le site" in text
    assert "data-quick-exit" in html
    assert "js/quick-exit.js" in html
    for number in HELPLINE_NUMBERS:
        assert f'href="tel:{number}"' in html
    assert '<meta name="robots" content="noindex">' in html
    for english in ("Log in", "Password required", "Continue", "You need a password"):
        assert not re.search(rf"\b{english}\b", text)


def test_the_login_page_for_restricted_content_has_the_safety_shell(client, home_page):
    page = login_page(home_page)
    response = client.get(page.url, follow=True)
    assert response.redirect_chain[0][0].startswith("/_util/login/?next=")
    assert_safety_shell(response, "Connexion")
    assert "Se connecter" in visible_text(response)


def test_a_wrong_login_says_so_in_french(client, home_page):
    response = client.post("/_util/login/", {"username": "personne", "password": "faux"})
    assert_safety_shell(response, "Connexion")
    assert "L'identifiant ou le mot de passe est incorrect" in visible_text(response)


def test_the_password_page_of_a_page_has_the_safety_shell(client, home_page):
    page = password_page(home_page)
    response = client.get(page.url)
    assert_safety_shell(response, "Mot de passe demandé")
    text = visible_text(response)
    assert "Cette page est protégée par un mot de passe" in text
    # The protected page's own content and canonical link are not shown.
    assert "Une page créée pour les tests." not in text
    assert 'rel="canonical"' not in response.content.decode()


def test_a_wrong_page_password_says_so_and_a_right_one_opens_the_page(client, home_page):
    page = password_page(home_page)
    form_page = client.get(page.url).content.decode()
    action = form_page.split('action="', 1)[1].split('"', 1)[0]
    assert action.startswith("/_util/authenticate_with_password/")
    response = client.post(action, {"password": "faux", "return_url": page.url})
    assert_safety_shell(response, "Mot de passe demandé")
    assert "Le mot de passe est incorrect" in visible_text(response)
    response = client.post(action, {"password": "partenaires-2026", "return_url": page.url})
    assert response.status_code == 302
    assert "Espace des partenaires" in visible_text(client.get(page.url))


def test_the_password_page_of_a_document_has_the_safety_shell(client, home_page):
    document = password_document()
    response = client.get(document.url)
    assert_safety_shell(response, "Mot de passe demandé")
    assert "Ce document est protégé par un mot de passe" in visible_text(response)
    assert 'action="/documents/authenticate_with_password/' in response.content.decode()
