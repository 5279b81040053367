"""Wagtail's visitor pages for private content (login, page password, document password),
the 400 page and the proxy's pages (400, 413, 414, 502): French, helplines, a working
quick exit, zero axe-core violations at phone and desktop widths."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, Site

from home.models import SiteSettings
from tests.browser.conftest import assert_no_axe_violations, assert_pages_accessible
from tests.factories import DocumentFactory, StandardPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.both_widths,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HELPLINE_NUMBERS = ("3018", "119", "3114", "112")


@pytest.fixture
def private_content(home_page):
    team = StandardPageFactory(title="Espace de l'équipe", slug="equipe", parent=home_page)
    PageViewRestriction.objects.create(page=team, restriction_type=PageViewRestriction.LOGIN)
    partners = StandardPageFactory(title="Partenaires", slug="partenaires", parent=home_page)
    PageViewRestriction.objects.create(
        page=partners, restriction_type=PageViewRestriction.PASSWORD, password="secret-2026"
    )
    collection = Collection.get_first_root_node().add_child(name="Conventions")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="secret-2026",
    )
    document = DocumentFactory(title="Convention", collection=collection)
    return {"login": "/equipe/", "page-password": "/partenaires/", "document": document.url}


def assert_french_and_safe(page, title):
    assert page.locator("h1").inner_text() == title
    text = page.locator("body").inner_text()
    for number in HELPLINE_NUMBERS:
        assert number in text
    assert page.get_by_role("link", name="Quitter le site").count() == 1


def assert_french_safe_and_accessible(page, title):
    assert_french_and_safe(page, title)
    assert_no_axe_violations(page)


def assert_pages_french_safe_and_accessible(page, pages):
    """`pages`: {title: path}, each answering 200."""
    assert_pages_accessible(
        page,
        {title: (path, 200) for title, path in pages.items()},
        lambda title: assert_french_and_safe(page, title),
    )


def test_every_private_content_page_is_french_safe_and_accessible(page, private_content):
    assert_pages_french_safe_and_accessible(
        page,
        {
            "Connexion": private_content["login"],
            "Mot de passe demandé": private_content["page-password"],
        },
    )
    # The document's password page has the page's title: a second scan.
    assert_pages_french_safe_and_accessible(
        page, {"Mot de passe demandé": private_content["document"]}
    )


def test_a_wrong_password_message_is_accessible(page, private_content):
    page.goto(private_content["page-password"])
    page.get_by_label("Mot de passe").fill("pas le bon")
    page.get_by_role("button", name="Continuer").click()
    page.get_by_text("Le mot de passe est incorrect").wait_for()
    assert_french_safe_and_accessible(page, "Mot de passe demandé")


def test_the_quick_exit_leaves_the_login_page(page, live_server, private_content):
    # Other hosts are unreachable here: the neutral target is a URL of the live server.
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = live_server.url + "/robots.txt"
    settings.save()
    page.goto(private_content["login"])
    page.get_by_role("link", name="Quitter le site").click()
    page.wait_for_url(settings.quick_exit_url)
    assert "Sitemap:" in page.content()


def test_the_400_page_is_french_safe_and_accessible(page, home_page, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    response = page.goto("/recherche/?" + "&".join(f"c{n}=1" for n in range(10)))
    assert response.status == 400
    assert_french_safe_and_accessible(page, "Votre demande n'a pas pu être traitée")


def test_the_proxys_pages_are_french_safe_and_accessible(page, home_page):
    assert_pages_french_safe_and_accessible(
        page,
        {
            "Votre demande n'a pas pu être traitée": "/static/erreurs/400.html",
            "Ce que vous avez envoyé est trop volumineux": "/static/erreurs/413.html",
            "Cette adresse est trop longue": "/static/erreurs/414.html",
            "Le site est momentanément indisponible": "/static/erreurs/502.html",
        },
    )


def test_too_many_passwords_message_is_accessible(page, private_content, settings):
    settings.VIEW_PASSWORD_FAILURES_PER_ADDRESS = 1
    page.goto(private_content["page-password"])
    page.get_by_label("Mot de passe").fill("pas le bon")
    page.get_by_role("button", name="Continuer").click()
    page.get_by_text("Trop d'essais. Réessayez dans une heure.").wait_for()
    assert_french_safe_and_accessible(page, "Mot de passe demandé")
