"""The trust pages of the demo site: /association/, the legal pages, the footer links to
them and the « Faire un don » link. What these pages say about the configuration
(publisher, host, retention periods, cookies, page tree) follows the settings.

The demo is loaded once for the module; each test runs in its own savepoint inside it.
"""

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page, Site

from home.demo import trust
from home.models import FooterLinks, LegalPage, SiteSettings, StandardPage
from relier_site import roles
from tests.db import demo_site as demo_copy
from tests.factories import StaffFactory
from tests.home.test_demo_content import main_of, text_of
from tests.html import streamed_body

pytestmark = [
    pytest.mark.one_database,
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-legal"),
]

LEGAL_URLS = ["/mentions-legales/", "/confidentialite/", "/accessibilite/", "/plan-du-site/"]


@pytest.fixture(scope="module", autouse=True)
def demo_site(django_db_setup, django_db_blocker, database_template):
    with demo_copy(django_db_blocker, database_template) as output:
        yield output


def footer_of(response):
    page = text_of(response)
    return page[page.index("<footer") : page.index("</footer>")]


def site_settings():
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


# --- Footer ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/programmes/", "/recherche/?q=kit", *LEGAL_URLS])
def test_every_page_links_to_the_trust_pages_from_its_footer(client, url):
    footer = footer_of(client.get(url))
    for label, path in trust.FOOTER_LINKS:
        assert f'<a href="{path}">{label}</a>' in footer, (url, label)


def test_footer_links_follow_what_communication_sets(client):
    footer_links = FooterLinks.for_site(Site.objects.get(is_default_site=True))
    privacy = Page.objects.get(slug="confidentialite")
    footer_links.links = [
        ("link", {"label": "Vos données", "page": privacy, "url": ""}),
        ("link", {"label": "Notre blog", "page": None, "url": "https://blog.example.org/"}),
    ]
    footer_links.save()

    footer = footer_of(client.get("/"))

    assert '<a href="/confidentialite/">Vos données</a>' in footer
    assert '<a href="https://blog.example.org/">Notre blog</a>' in footer
    assert "Mentions légales" not in footer

    privacy.unpublish()
    assert "Vos données" not in footer_of(client.get("/"))  # no link to a page gone


def test_communication_edits_the_footer_links_and_the_legal_pages(client):
    client.force_login(StaffFactory(username="camille-communication", role=roles.COMMUNICATION))
    site = Site.objects.get(is_default_site=True)

    response = client.get(f"/admin/settings/home/footerlinks/{site.pk}/")
    assert response.status_code == 200
    assert "Liens du pied de page" in response.content.decode()
    for url in LEGAL_URLS:
        page = Page.objects.get(url_path__endswith=url).specific
        assert type(page) is LegalPage
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, url
    # The site settings (legal notice fields included) stay with Administration.
    assert client.get(f"/admin/settings/home/sitesettings/{site.pk}/").status_code in (302, 403)


# --- Faire un don -----------------------------------------------------------------------


def test_the_donation_link_shows_only_when_the_setting_is_filled(client):
    assert "Faire un don" not in text_of(client.get("/"))

    settings_row = site_settings()
    settings_row.donation_url = "https://dons.example.org/centres-relier"
    settings_row.save()

    footer = footer_of(client.get("/association/"))
    assert 'href="https://dons.example.org/centres-relier"' in footer
    assert "Faire un don</a>" in footer


# --- L'association ----------------------------------------------------------------------


def test_the_association_page_names_the_boards_and_team_of_the_documents(client):
    main = main_of(client.get("/association/"))

    for heading in ("Notre mission", "Notre histoire", "Le conseil d'administration"):
        assert heading in main
    for name in (
        "Sabine Parnigi-Delefosse",
        "Stéphanie Bascou",
        "Eric Wuillai",
        "Stéphane Bonnegrant",
        "Liliane Pelletier",
        "Muriel Epstein",
        "Julien Masson",
        "Daniel Jasmin",
        "Françoise Jasmin",
    ):
        assert name in main, name
    assert "lauréat 2021 de la Fondation pour l'enfance" in main
    assert "368 413 euros" in main and "119 447 euros" in main


def test_the_association_page_offers_the_activity_report_and_no_impact_report(client):
    main = main_of(client.get("/association/"))
    assert "Rapport d'activité 2024 : l'essentiel" in main
    assert "bilan d'impact" not in main.lower()  # the documents do not give its content

    href = main.split("Rapport d'activité 2024 : l'essentiel")[0].rsplit('href="', 1)[1]
    response = client.get(href.split('"')[0])
    assert response.status_code == 200
    data = streamed_body(response)
    assert data.startswith(b"%PDF")


# --- Mentions légales -------------------------------------------------------------------


def test_the_legal_notice_shows_what_the_documents_give_and_leaves_out_the_rest(client):
    main = main_of(client.get("/mentions-legales/"))

    assert "Éditeur du site" in main and "Les Centres Relier" in main
    assert "5 rue Alphonse Baudin<br>75011 Paris" in main
    assert "contact@centresrelier.org" in main
    # The documents name no publication director and no host: nothing is shown for them.
    assert "Directeur ou directrice de la publication" not in main
    assert "Hébergeur" not in main
    assert "À compléter" not in main


def test_editors_see_what_is_left_to_fill_in_the_preview_only(client):
    client.force_login(StaffFactory(username="camille-communication", role=roles.COMMUNICATION))
    page = LegalPage.objects.get(slug="mentions-legales")
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    main = main_of(response)
    assert (
        "À compléter : le nom et la fonction du directeur ou de la directrice de la "
        "publication (Paramètres › Réglages du site, rubrique « Mentions légales »). Ce "
        "rappel n'apparaît que dans l'aperçu." in main
    )
    assert "À compléter : le nom, l'adresse et le contact de l'hébergeur" in main
    # The same person on the public page: no reminder.
    assert "À compléter" not in main_of(client.get("/mentions-legales/"))


def test_the_legal_notice_shows_the_publisher_director_and_host_of_the_settings(client):
    row = site_settings()
    row.postal_address = "5 rue Exemple\n75011 Paris"
    row.registration_number = "W000000000"
    row.publication_director = "Prénom Nom, co-présidente"
    row.host_name = "Hébergeur Exemple"
    row.host_address = "1 avenue Exemple, 59100 Roubaix"
    row.host_contact = "01 23 45 67 89"
    row.save()

    main = main_of(client.get("/mentions-legales/"))

    assert "À compléter" not in main
    for value in (
        "W000000000",
        "5 rue Exemple<br>75011 Paris",
        "Prénom Nom, co-présidente",
        "Hébergeur Exemple",
        "1 avenue Exemple, 59100 Roubaix",
        "01 23 45 67 89",
    ):
        assert value in main, value


# --- Politique de confidentialité -------------------------------------------------------


def test_the_privacy_policy_covers_each_form_its_basis_rights_and_the_cnil(client):
    main = main_of(client.get("/confidentialite/"))

    for form in (
        "Orienter un jeune (professionnels)",
        "Être contacté (jeunes et familles)",
        "Demander une intervention (établissements et partenaires)",
        "S'inscrire à un groupe, une séance, un atelier ou un webinaire",
        "Comptes de l'équipe",
    ):
        assert form in main, form
    assert main.count("Base légale") == 5
    assert 'Écrivez-nous à <a href="mailto:contact@centresrelier.org">' in main
    assert "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07" in main


def retention_of(client, data_start):
    main = main_of(client.get("/confidentialite/"))
    row = main[main.index(data_start) :]
    return row[: row.index("</tr>")]


def test_the_privacy_policy_gives_the_retention_periods_as_configured(client):
    assert not hasattr(settings, "REFERRALS_RETENTION_MONTHS") or (
        settings.REFERRALS_RETENTION_MONTHS == 24
    )
    assert "<td>24 mois après le dernier échange" in retention_of(client, "Demandes d'orientation")
    assert "<td>12 mois après la séance" in retention_of(client, "Inscriptions aux groupes")
    assert f"<td>{settings.OUTBOX_RETENTION_DAYS} jours après l'envoi" in retention_of(
        client, "Courriels envoyés par le site"
    )

    with override_settings(
        REFERRALS_RETENTION_MONTHS=36,
        EVENTS_RETENTION_MONTHS=6,
        OUTBOX_RETENTION_DAYS=30,
        AXES_COOLOFF_TIME=2,
        TASK_RESULT_RETENTION_DAYS=7,
    ):
        assert "<td>36 mois après" in retention_of(client, "Demandes d'orientation")
        assert "<td>6 mois après la séance" in retention_of(client, "Inscriptions aux groupes")
        assert "<td>30 jours après" in retention_of(client, "Courriels envoyés par le site")
        assert "<td>2 heures (la durée du blocage)" in retention_of(client, "Tentatives de")
        assert "<td>7 jours, puis supprimé" in retention_of(client, "Journal des tâches")


def test_the_privacy_policy_names_the_only_cookies_the_site_can_set(client):
    main = main_of(client.get("/confidentialite/"))
    assert "aucun cookie de suivi ou de publicité" in main
    assert f"<code>{settings.CSRF_COOKIE_NAME}</code>" in main
    assert f"<code>{settings.SESSION_COOKIE_NAME}</code>" in main
    assert main.count("<code>") == 2

    # Neither cookie outlives the browser session; the server forgets a session after
    # SESSION_COOKIE_AGE (tests/test_visitor_cookies.py checks the Set-Cookie headers).
    closing = "Jusqu'à la fermeture de votre navigateur, qui l'efface alors."
    assert main.count(f'<dd class="mb-0">{closing}') == 2
    assert "Le site ne le reconnaît plus au bout de 8 heures" in main
    assert " an<" not in main and "semaine" not in main
    with override_settings(CSRF_COOKIE_NAME="__Host-csrftoken", SESSION_COOKIE_AGE=4 * 3600):
        main = main_of(client.get("/confidentialite/"))
        assert "<code>__Host-csrftoken</code>" in main
        assert "Le site ne le reconnaît plus au bout de 4 heures" in main


def test_the_public_pages_set_no_cookie_but_the_csrf_cookie_of_a_form(client):
    """What the privacy policy says: reading the site sets no cookie; a page with a form
    sets the CSRF cookie only."""
    for page in Site.objects.get(is_default_site=True).root_page.get_descendants(inclusive=True):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        if 'method="post"' in response.text:
            # A page with a form sets the CSRF cookie, as the policy says, and nothing else.
            assert list(response.cookies) == [settings.CSRF_COOKIE_NAME], page.url
        else:
            assert not response.cookies, (page.url, list(response.cookies))
    for path in ("/recherche/?q=kit", "/ressources/?public=parents", "/guide/?territoire=93"):
        assert not client.get(path).cookies, path


# --- Déclaration d'accessibilité --------------------------------------------------------


def test_the_accessibility_statement_follows_the_rgaa_model(client):
    main = main_of(client.get("/accessibilite/"))

    assert "partiellement conforme" in main
    assert "RGAA), version 4.1" in main
    for heading in (
        "État de conformité",
        "Résultats des tests",
        "Contrôles automatiques",
        "Contrôles manuels",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d'information et contact",
        "Voies de recours",
    ):
        assert f">{heading}</h" in main, heading
    assert "axe-core" in main and "390 pixels" in main and "1 280 pixels" in main
    assert f"établie le {trust.ACCESSIBILITY_STATEMENT_DATE}" in main
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07" in main


# --- Plan du site -----------------------------------------------------------------------


def test_the_site_map_lists_every_live_page_and_follows_the_tree(client):
    home = Site.objects.get(is_default_site=True).root_page
    main = main_of(client.get("/plan-du-site/"))
    for page in home.get_descendants(inclusive=True).live().public():
        title = page.title.replace("\u00a0", " ")  # as main_of reads the page
        assert f'<a href="{page.url}">{title}</a>' in main, page.url
    # Programmes are nested below their index.
    programmes = main[main.index('<a href="/programmes/">') :]
    assert programmes.index("<ul>") < programmes.index('href="/programmes/monster-moods/"')

    new = home.add_child(instance=StandardPage(title="Une page toute neuve", slug="neuve"))
    new.save_revision().publish()
    assert '<a href="/neuve/">Une page toute neuve</a>' in main_of(client.get("/plan-du-site/"))
    new.unpublish()
    assert "Une page toute neuve" not in main_of(client.get("/plan-du-site/"))
