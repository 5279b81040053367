"""Staff side of the guide: Communication and Administration edit (drafts, revisions,
preview), import and export the structures; Accompagnement and anonymous visitors
cannot. The freshness report lists the entries not verified for GUIDE_FRESHNESS_MONTHS."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from guide.models import Structure, Theme
from tests.guide.conftest import make_structure
from tests.guide.test_import_export import ROWS, csv_bytes
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

LIST_URL = reverse("wagtailsnippets_guide_structure:list")
ADD_URL = reverse("wagtailsnippets_guide_structure:add")
IMPORT_URL = reverse("guide_admin:import")
FRESHNESS_URL = reverse("guide_admin:freshness")
EXPORT_CSV_URL = reverse("guide_admin:export", args=["csv"])


def structure_form(**overrides):
    data = {
        "name": "Point écoute de Montreuil",
        "source_id": "point-ecoute-montreuil",
        "description": "Des psychologues écoutent les jeunes.",
        "themes": [str(Theme.objects.get(slug="ecoute").pk)],
        "scope": "departement",
        "departements": ["93"],
        "phone": "01 48 00 00 00",
        "last_verified": "2026-06-01",
        "is_free": "on",
    }
    return data | overrides


@pytest.mark.parametrize("user_fixture", ["communication_user", "administration_user"])
def test_editors_create_a_draft_then_publish_a_structure(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.post(ADD_URL, structure_form())
    assert response.status_code == 302, visible_text(response)[:2000]
    structure = Structure.objects.get(source_id="point-ecoute-montreuil")
    assert not structure.live
    assert structure.phone == "+33148000000"
    assert [d.code for d in structure.departements.all()] == ["93"]
    edit_url = reverse("wagtailsnippets_guide_structure:edit", args=[structure.pk])
    response = client.post(edit_url, structure_form(**{"action-publish": "publish"}))
    assert response.status_code == 302
    structure.refresh_from_db()
    assert structure.live
    assert structure.revisions.count() == 2


def test_the_admin_form_refuses_a_bad_phone_in_french(client, communication_user):
    client.force_login(communication_user)
    response = client.post(ADD_URL, structure_form(phone="01 23"))
    assert response.status_code == 200
    assert "Ce numéro de téléphone n'est pas valide" in visible_text(response)
    assert not Structure.objects.exists()


def test_editors_preview_a_structure(client, communication_user, guide_page):
    client.force_login(communication_user)
    preview_url = reverse("wagtailsnippets_guide_structure:preview_on_add")
    response = client.post(preview_url, structure_form())
    assert response.json()["is_valid"]
    response = client.get(preview_url)
    assert response.status_code == 200
    assert "Point écoute de Montreuil" in visible_text(response)
    assert "Couvre la Seine-Saint-Denis" in visible_text(response)


@pytest.mark.parametrize("user_fixture", ["communication_user", "administration_user"])
def test_editors_import_and_export_through_the_admin(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    page = client.get(IMPORT_URL)
    assert page.status_code == 200
    assert "relier_themes" in visible_text(page)
    upload = SimpleUploadedFile("guide.csv", csv_bytes(ROWS), content_type="text/csv")
    response = client.post(IMPORT_URL, {"file": upload})
    assert "Import terminé : 3 lignes lues, 3 structures créées" in visible_text(response)
    assert Structure.objects.count() == 3
    export = client.get(EXPORT_CSV_URL)
    assert export.status_code == 200
    assert "attachment" in export["Content-Disposition"]
    assert "ecoute-93" in export.content.decode("utf-8-sig")


def test_an_admin_import_with_errors_shows_the_report_and_writes_nothing(
    client, communication_user
):
    client.force_login(communication_user)
    rows = [list(row) for row in ROWS]
    rows[2][5] = "jardinage"
    upload = SimpleUploadedFile("guide.csv", csv_bytes(rows), content_type="text/csv")
    text = visible_text(client.post(IMPORT_URL, {"file": upload}))
    assert "Aucune structure n'a été enregistrée : 1 erreur à corriger." in text
    assert "ligne 4, colonne « relier_themes » : thème inconnu « jardinage »" in text
    assert not Structure.objects.exists()


def test_accompagnement_cannot_edit_import_or_export(client, accompagnement_user):
    make_structure("ecoute-93", departements=["93"])
    client.force_login(accompagnement_user)
    for url in (LIST_URL, ADD_URL, IMPORT_URL, EXPORT_CSV_URL, FRESHNESS_URL):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    upload = SimpleUploadedFile("guide.csv", csv_bytes(ROWS), content_type="text/csv")
    assert client.post(IMPORT_URL, {"file": upload}).status_code in (302, 403)
    assert client.post(ADD_URL, structure_form()).status_code in (302, 403)
    assert Structure.objects.count() == 1
    assert not accompagnement_user.has_perm("guide.change_structure")
    assert not accompagnement_user.has_perm("guide.import_structure")


def test_anonymous_visitors_cannot_reach_the_admin_views(client):
    for url in (LIST_URL, ADD_URL, IMPORT_URL, EXPORT_CSV_URL, FRESHNESS_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    upload = SimpleUploadedFile("guide.csv", csv_bytes(ROWS), content_type="text/csv")
    assert client.post(IMPORT_URL, {"file": upload}).status_code == 302
    assert not Structure.objects.exists()


def test_the_roles_hold_the_guide_permissions(communication_user, administration_user):
    for user in (communication_user, administration_user):
        for permission in ("add", "change", "delete", "publish", "import"):
            assert user.has_perm(f"guide.{permission}_structure"), (user, permission)


def test_the_freshness_report_lists_entries_older_than_the_setting(
    client, communication_user, settings
):
    today = datetime.date.today()
    make_structure(
        "ancienne", name="Fiche ancienne", last_verified=today - datetime.timedelta(days=400)
    )
    make_structure(
        "recente", name="Fiche récente", last_verified=today - datetime.timedelta(days=45)
    )
    make_structure(
        "brouillon-ancien",
        name="Brouillon ancien",
        live=False,
        last_verified=datetime.date(2020, 1, 1),
    )
    client.force_login(communication_user)
    text = visible_text(client.get(FRESHNESS_URL))
    assert "pas été vérifiées depuis 12 mois" in text
    assert "Fiche ancienne" in text
    assert "Brouillon ancien" in text
    assert text.index("Brouillon ancien") < text.index("Fiche ancienne")
    assert "Fiche récente" not in text
    settings.GUIDE_FRESHNESS_MONTHS = 1
    text = visible_text(client.get(FRESHNESS_URL))
    assert "Fiche récente" in text
    assert "pas été vérifiées depuis 1 mois" in text


def test_the_guide_menu_offers_import_and_the_report_to_editors(client, communication_user):
    client.force_login(communication_user)
    html = client.get("/admin/").content.decode()
    assert IMPORT_URL in html
    assert FRESHNESS_URL in html
