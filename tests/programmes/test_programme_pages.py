"""Programme pages, the programme index and the home page as a visitor receives them:
content, actions, partners, kits, status, and the SEO tags (description, canonical URL,
Open Graph, Organization structured data)."""

import json
import re

import pytest
from wagtail.models import Collection, CollectionViewRestriction, Site

from home.models import SiteSettings
from programmes.models import Kit, Partner
from tests.factories import ImageFactory, StandardPageFactory, list_item, stream
from tests.html import visible_text
from tests.programmes.factories import (
    ImpactFigureFactory,
    KitFactory,
    PartnerFactory,
    ProgrammePageFactory,
    action,
    pdf_document,
    service,
)

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

PROMISE = "Se reconstruire après le harcèlement, avec d'autres jeunes qui ont vécu la même chose."


@pytest.fixture
def action_pages(home_page):
    return {
        "orienter": StandardPageFactory(
            parent=home_page, title="Orienter un jeune", slug="orienter-un-jeune"
        ),
        "contact": StandardPageFactory(
            parent=home_page, title="Être contacté", slug="etre-contacte"
        ),
    }


@pytest.fixture
def programme(programme_index_page, resources_page, action_pages):
    partners = [
        PartnerFactory(
            name="Fondation Horizon",
            kind=Partner.Kind.PATRON,
            url="https://fondation-horizon.example.org/",
            with_logo=True,
        ),
        PartnerFactory(name="Université de Lutèce", kind=Partner.Kind.SCIENTIFIC, url=""),
    ]
    figure = ImpactFigureFactory(value="291", label="jeunes accompagnés", period="2023-2024")
    page = ProgrammePageFactory(
        title="Se reconstruire ensemble",
        slug="se-reconstruire-ensemble",
        promise=PROMISE,
        intro="Des groupes de parole animés par des psychologues.",
        age_min=11,
        age_max=18,
        audiences=["jeunes", "parents"],
        partners=partners,
        services=stream(
            service(
                "Groupes d'échanges hebdomadaires anonymes",
                "Un groupe de huit jeunes au plus, toujours le même.",
                "chaque semaine, en ligne",
            ),
            service("Question Psy", "Une psychologue répond aux parents."),
        ),
        actions=stream(
            action("Orienter un jeune", page=action_pages["orienter"]),
            action("Être contacté", page=action_pages["contact"]),
            action("S'inscrire au webinaire", url="https://webinaire.example.org/inscription"),
        ),
        body=stream(("key_figures", {"title": "En chiffres", "figures": [list_item(figure.pk)]})),
    )
    KitFactory(
        title="Kit des parents pour mobiliser l'école",
        programme=page,
        audiences=["parents"],
        school_levels=["college"],
        format=Kit.Format.GUIDE,
    )
    return page


def test_programme_page_shows_its_content_actions_partners_and_kits(client, programme):
    other = ProgrammePageFactory(title="STOP Cyberviolences", slug="stop-cyberviolences")
    KitFactory(title="Modules STOP Cyberviolences", programme=other)
    private = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    KitFactory(
        title="Kit interne non publié",
        programme=programme,
        document=pdf_document("Document interne", private),
    )

    response = client.get("/programmes/se-reconstruire-ensemble/")
    assert response.status_code == 200
    html = response.content.decode()
    text = visible_text(response)
    assert html.count("<h1") == 1
    for expected in (
        "Se reconstruire ensemble",
        PROMISE,
        "Pour qui Jeunes, Parents",
        "Âge de 11 à 18 ans",
        "Ce que nous proposons",
        "Groupes d'échanges hebdomadaires anonymes",
        "chaque semaine, en ligne",
        "Un groupe de huit jeunes au plus",
        "Question Psy",
        "Des groupes de parole animés par des psychologues.",
        "291 jeunes accompagnés 2023-2024",  # the key-figures block
        "Avec nos partenaires",
        "Université de Lutèce",
        "Partenaire scientifique",
        "Mécène",
        "Documents à télécharger",
        "Kit des parents pour mobiliser l'école",
    ):
        assert expected in text, expected
    assert "En développement" not in text

    # Actions link to the chosen pages and URL.
    assert re.search(
        r'<a class="btn btn-primary" href="/orienter-un-jeune/">Orienter un jeune</a>', html
    )
    assert 'href="/etre-contacte/">Être contacté</a>' in html
    assert (
        'href="https://webinaire.example.org/inscription">S&#x27;inscrire au webinaire</a>' in html
    )

    # Partners: the logo's text alternative is the partner's name, with its link.
    assert (
        '<a class="partner-tile" href="https://fondation-horizon.example.org/" rel="noopener">'
        in html
    )
    assert re.search(r'<img alt="Fondation Horizon"[^>]*class="partner-logo"', html)

    # Kits: this programme's published ones, downloaded through /ressources/.
    kit = Kit.objects.get(title="Kit des parents pour mobiliser l'école")
    assert f'href="/ressources/telecharger/{kit.pk}/"' in html
    assert "Modules STOP Cyberviolences" not in text
    assert "Kit interne non publié" not in text


def test_a_programme_in_development_shows_the_badge(client, programme_index_page):
    ProgrammePageFactory(
        title="Monster Messenger", slug="monster-messenger", status="en_developpement"
    )
    response = client.get("/programmes/monster-messenger/")
    assert response.status_code == 200
    assert "Monster Messenger En développement" in visible_text(response)
    index = client.get("/programmes/")
    assert "Monster Messenger En développement" in visible_text(index)


@pytest.mark.parametrize(
    ("age_min", "age_max", "expected"),
    [(11, 18, "de 11 à 18 ans"), (16, None, "à partir de 16 ans"), (None, 25, "jusqu'à 25 ans")],
)
def test_age_range_is_written_in_words(client, programme_index_page, age_min, age_max, expected):
    ProgrammePageFactory(slug="un-programme", age_min=age_min, age_max=age_max)
    assert f"Âge {expected}" in visible_text(client.get("/programmes/un-programme/"))


def test_a_programme_without_age_nor_audience_shows_no_empty_list(client, programme_index_page):
    ProgrammePageFactory(slug="un-programme")
    response = client.get("/programmes/un-programme/")
    assert "programme-facts" not in response.content.decode()
    assert "Pour qui" not in visible_text(response)


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return match.group(1) if match else None


def test_programme_meta_description_falls_back_to_the_promise(client, programme):
    html = client.get("/programmes/se-reconstruire-ensemble/").content.decode()
    promise = PROMISE.replace("'", "&#x27;")
    assert meta(html, "name", "description") == promise
    assert meta(html, "property", "og:description") == promise
    assert meta(html, "property", "og:title") == "Se reconstruire ensemble"
    assert (
        meta(html, "property", "og:url") == "http://localhost/programmes/se-reconstruire-ensemble/"
    )
    assert meta(html, "property", "og:locale") == "fr_FR"
    assert meta(html, "property", "og:site_name") == "Les Centres Relier"
    assert (
        '<link rel="canonical" href="http://localhost/programmes/se-reconstruire-ensemble/">'
        in html
    )
    assert "<title>Se reconstruire ensemble | Les Centres Relier</title>" in html


def test_the_editors_description_and_seo_title_win_over_the_defaults(client, programme):
    programme.search_description = "Des groupes gratuits pour les 11-18 ans."
    programme.seo_title = "Groupes de parole pour jeunes harcelés"
    programme.save()
    html = client.get("/programmes/se-reconstruire-ensemble/").content.decode()
    assert meta(html, "name", "description") == "Des groupes gratuits pour les 11-18 ans."
    assert meta(html, "property", "og:title") == "Groupes de parole pour jeunes harcelés"
    assert "<title>Groupes de parole pour jeunes harcelés | Les Centres Relier</title>" in html


def test_canonical_url_ignores_the_query_string(client, programme):
    html = client.get("/programmes/se-reconstruire-ensemble/?utm_source=flyer").content.decode()
    assert (
        '<link rel="canonical" href="http://localhost/programmes/se-reconstruire-ensemble/">'
        in html
    )


def test_programme_index_lists_live_programmes_in_tree_order(client, programme):
    ProgrammePageFactory(
        title="STOP Cyberviolences", slug="stop-cyberviolences", promise="Prévenir."
    )
    ProgrammePageFactory(title="Brouillon secret", slug="brouillon", live=False)
    response = client.get("/programmes/")
    assert response.status_code == 200
    text = visible_text(response)
    assert text.index("Se reconstruire ensemble") < text.index("STOP Cyberviolences")
    assert PROMISE in text
    assert "Pour : jeunes, parents" in text
    assert "Brouillon secret" not in text
    html = response.content.decode()
    assert 'href="/programmes/se-reconstruire-ensemble/"' in html
    assert 'href="/programmes/stop-cyberviolences/"' in html
    assert html.count("<h1") == 1


def organization_json_ld(html):
    scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_home_page_shows_programmes_partners_and_organization_data(client, programme):
    response = client.get("/")
    assert response.status_code == 200
    text = visible_text(response)
    assert "Nos programmes Se reconstruire ensemble" in text
    assert "Ils nous soutiennent" in text
    assert "Fondation Horizon" in response.content.decode()
    assert "Université de Lutèce" in text
    assert "Prochains rendez-vous" in text

    data = organization_json_ld(response.content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Les Centres Relier"
    assert data["url"] == "http://localhost/"


def test_organization_data_stays_valid_json_with_markup_in_the_settings(client, home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Relier </script><script>alert(1)</script> & « amis »"
    settings.contact_email = "contact@relier.example.org"
    settings.linkedin_url = "https://www.linkedin.com/company/relier"
    settings.save()
    html = client.get("/").content.decode()
    assert "</script><script>alert(1)" not in html
    data = organization_json_ld(html)
    assert data["name"] == "Relier </script><script>alert(1)</script> & « amis »"
    assert data["email"] == "contact@relier.example.org"
    assert data["sameAs"] == ["https://www.linkedin.com/company/relier"]


def test_pages_other_than_home_carry_no_organization_data(client, programme):
    html = client.get("/programmes/se-reconstruire-ensemble/").content.decode()
    assert "application/ld+json" not in html


def test_partner_logos_have_an_alt_text_everywhere(client, programme):
    ImageFactory()  # an image that is nobody's logo
    for path in ("/", "/programmes/se-reconstruire-ensemble/"):
        html = client.get(path).content.decode()
        images = re.findall(r"<img\b[^>]*>", html)
        logos = [image for image in images if "partner-logo" in image]
        assert logos, path
        for image in logos:
            assert re.search(r'\balt="[^"]+"', image), (path, image)
        # Any other image is a decorative illustration, with an empty text alternative.
        for image in set(images) - set(logos):
            assert "illustrations/" in image and 'alt=""' in image, (path, image)
