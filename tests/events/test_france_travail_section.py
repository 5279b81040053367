"""The next France Travail dates are a block an editor places in a page body
(« Section fournie par une application » → « Prochaines dates France Travail »): shown
where it is placed, on no other page; offered in the Wagtail editor to Communication;
added by a data migration to the /francetravail/ page of an existing site."""

import importlib
import json
import logging

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from events.apps import FRANCE_TRAVAIL_DATES
from home.models import StandardPage
from relier_site import roles
from tests.factories import StaffFactory, StandardPageFactory, stream_block
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

LABEL = "Prochaines dates France Travail"
HEADING = "Prochaines dates : webinaires, ateliers et groupes d'échanges"
SECTION = {"section": FRANCE_TRAVAIL_DATES}
migration = importlib.import_module("events.migrations.0006_france_travail_dates_block")


def paragraph(text):
    return stream_block("paragraph", f"<p>{text}</p>")


def test_a_page_with_the_block_shows_the_next_france_travail_dates(client, home_page, events):
    StandardPageFactory(
        parent=home_page,
        title="Espace France Travail",
        slug="espace-conseillers",
        body=json.dumps([paragraph("Bienvenue."), stream_block("app_section", SECTION)]),
    )
    response = client.get("/espace-conseillers/")
    text = visible_text(response)
    assert HEADING in text and "Webinaire pour les conseillers" in text
    assert "Café parents" not in text  # not for France Travail
    assert text.index("Bienvenue.") < text.index(HEADING)  # where the editor placed it
    assert "/agenda/inscription/" in response.content.decode()
    assert 'href="/agenda/?public=france-travail"' in response.content.decode()


def test_a_page_without_the_block_shows_no_dates_whatever_its_slug(client, home_page, events):
    StandardPageFactory(parent=home_page, title="Espace France Travail", slug="francetravail")
    text = visible_text(client.get("/francetravail/"))
    assert "Espace France Travail" in text
    assert "Prochaines dates" not in text and "Webinaire pour les conseillers" not in text


def test_a_section_no_app_registers_shows_nothing_and_logs_only_its_key(
    client, home_page, events, caplog
):
    StandardPageFactory(
        parent=home_page,
        title="Ancienne page",
        slug="ancienne",
        body=json.dumps(
            [paragraph("Avant."), stream_block("app_section", {"section": "removed.app"})]
        ),
    )
    with caplog.at_level(logging.WARNING, logger="home.blocks"):
        response = client.get("/ancienne/")
    assert response.status_code == 200
    assert "Avant." in visible_text(response)
    assert "Prochaines dates" not in visible_text(response)
    assert [r.getMessage() for r in caplog.records if r.name == "home.blocks"] == [
        "Section d'application inconnue, rien n'est affiché : removed.app"
    ]


def test_communication_adds_the_block_in_the_wagtail_editor(client, home_page, events):
    client.force_login(StaffFactory(username="camille-communication", role=roles.COMMUNICATION))
    page = StandardPageFactory(parent=home_page, title="Nos ateliers", slug="nos-ateliers")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.get(edit_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Section fournie par une application" in html
    assert LABEL in html and FRANCE_TRAVAIL_DATES in html

    form = nested_form_data(
        {
            "title": "Nos ateliers",
            "slug": "nos-ateliers",
            "intro": page.intro,
            "body": streamfield([("app_section", SECTION)]),
            "seo_title": "",
            "search_description": "",
        }
    )
    response = client.post(edit_url, {**form, "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert [(block.block_type, dict(block.value)) for block in page.body] == [
        ("app_section", SECTION)
    ]
    client.logout()
    assert "Webinaire pour les conseillers" in visible_text(client.get("/nos-ateliers/"))


def test_the_editor_refuses_a_section_that_is_not_registered(client, home_page):
    client.force_login(StaffFactory(username="camille-communication", role=roles.COMMUNICATION))
    page = StandardPageFactory(parent=home_page, title="Nos ateliers", slug="nos-ateliers")
    form = nested_form_data(
        {
            "title": "Nos ateliers",
            "slug": "nos-ateliers",
            "intro": page.intro,
            "body": streamfield([("app_section", {"section": "removed.app"})]),
            "seo_title": "",
            "search_description": "",
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {**form, "action-publish": "1"}
    )
    assert response.status_code == 200  # the form again
    page.refresh_from_db()
    assert list(page.body) == []


def sections_of(body):
    return [block for block in body if block["type"] == "app_section"]


def test_the_migration_appends_the_block_to_the_old_france_travail_page(client, home_page, events):
    """A site of an earlier version: /francetravail/ without the block, with a draft
    newer than its live version; another page is left alone."""
    page = StandardPageFactory(
        parent=home_page,
        title="Espace France Travail",
        slug="francetravail",
        body=json.dumps([paragraph("Les groupes et les ateliers.")]),
    )
    page.save_revision().publish()
    page.body = json.dumps([paragraph("Les groupes et les ateliers (brouillon).")])
    page.save_revision()
    other = StandardPageFactory(parent=home_page, title="Autre", slug="autre")

    migration.add_the_dates_block(django_apps, None)

    page.refresh_from_db()
    live = list(page.body.raw_data)
    assert [block["type"] for block in live] == ["paragraph", "app_section"]
    assert live[-1]["value"] == SECTION
    draft = json.loads(page.latest_revision.content["body"])
    assert [block["type"] for block in draft] == ["paragraph", "app_section"]
    assert draft[0]["value"] == "<p>Les groupes et les ateliers (brouillon).</p>"
    assert draft[-1]["value"] == SECTION
    assert list(StandardPage.objects.get(pk=other.pk).body.raw_data) == []
    text = visible_text(client.get("/francetravail/"))
    assert "Les groupes et les ateliers." in text and HEADING in text
    assert text.index("Les groupes et les ateliers.") < text.index(HEADING)

    migration.add_the_dates_block(django_apps, None)  # a page that has it keeps one

    page.refresh_from_db()
    assert len(sections_of(page.body.raw_data)) == 1
    assert len(sections_of(json.loads(page.latest_revision.content["body"]))) == 1


def test_the_migration_does_nothing_on_a_site_without_the_page(home_page):
    migration.add_the_dates_block(django_apps, None)
    assert not StandardPage.objects.filter(slug="francetravail").exists()
