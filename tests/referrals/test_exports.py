"""Exports of the filtered inbox (CSV and XLSX, formula cells neutralised, logged without
personal data) and the anonymous statistics page and its CSV."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from referrals import services
from tests.referrals.triage_helpers import handler, paris, store

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

INDEX = reverse("referrals_referral:index")
FORMULAS = {
    "first_name": '=HYPERLINK("http://x")',
    "message": "+33 1 23 45 67 89",
    "contact_times": "@SUM(A1)",
    "referrer_name": "-2+3",
}


def read(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    text = read(response).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def staff(client, home_page):
    user = handler()
    client.force_login(user)
    return user


def test_csv_export_has_the_filtered_rows_with_formulas_neutralised(client, staff):
    wanted = store(**FORMULAS)
    store("contact")
    response = client.get(f"{INDEX}?kind=orientation&export=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header[:4] == ["Référence", "Reçue le", "Type", "Statut"]
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Référence"] == wanted.reference
    assert row["Prénom ou pseudonyme"] == '\'=HYPERLINK("http://x")'
    assert row["Message"] == "'+33 1 23 45 67 89"
    assert row["Professionnel"] == "'-2+3"
    assert row["Téléphone"] == "'+33612345678"


def test_xlsx_export_neutralises_formula_cells(client, staff):
    wanted = store(**FORMULAS)
    response = client.get(f"{INDEX}?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(read(response))).active
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    row = dict(zip(header, rows[0], strict=True))
    assert row["Référence"] == wanted.reference
    assert row["Prénom ou pseudonyme"] == '\'=HYPERLINK("http://x")'
    assert row["Message"] == "'+33 1 23 45 67 89"
    for line in sheet.iter_rows():
        for cell in line:
            assert cell.data_type != "f"


def test_an_export_is_logged_on_each_exported_request_without_personal_data(client, staff):
    exported = store()
    other = store("contact")
    client.get(f"{INDEX}?kind=orientation&export=csv")
    event = exported.events.get(action="export")
    assert event.actor == staff
    assert event.note == "Export CSV de la liste"
    assert not other.events.filter(action="export").exists()
    exported.refresh_from_db()
    assert exported.last_activity_at == exported.created_at  # an export is not activity


def test_the_statistics_count_by_month_kind_programme_and_more(client, staff):
    first = store(created_at=paris(2025, 3, 10, 9, 0))
    store("contact", created_at=paris(2025, 4, 2, 9, 0))
    services.assign(first, staff, actor=staff, now=paris(2025, 3, 10, 10, 0))
    services.change_status(first, "contact_etabli", actor=staff, now=paris(2025, 3, 12, 9, 0))
    response = client.get(reverse("referrals_admin:statistics"), {"year": "2025"})
    html = response.content.decode()
    assert "<strong>2 demandes</strong> en 2025" in html
    assert "<td>mars 2025</td><td>1</td>" in html
    assert "<td>avril 2025</td><td>1</td>" in html
    assert "<td>Orientation par un professionnel</td><td>1</td>" in html
    assert "<td>Relier vers l&#x27;emploi</td><td>1</td>" in html
    assert "<td>France Travail</td><td>1</td>" in html
    assert "<td>974</td><td>1</td>" in html
    assert "<td>18 à 25 ans</td><td>1</td>" in html
    assert "<td>11 à 14 ans</td><td>1</td>" in html
    assert "<td>Contact établi</td><td>1</td>" in html
    assert "2,0 jours" in html or "2.0 jours" in html
    assert "Sami" not in html and "Claire" not in html


def test_the_statistics_csv(client, staff):
    store(created_at=paris(2025, 3, 10, 9, 0))
    response = client.get(reverse("referrals_admin:statistics_csv"), {"year": "2025"})
    assert response.status_code == 200
    assert 'filename="statistiques-demandes-2025.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["Tableau", "Valeur", "Nombre"]
    assert ["Par mois de réception", "mars 2025", "1"] in rows
    assert ["Par département", "93", "1"] in rows


def test_an_unknown_year_shows_every_year(client, staff):
    store(created_at=paris(2024, 1, 10, 9, 0))
    store(created_at=paris(2025, 1, 10, 9, 0) + timedelta(days=1))
    html = client.get(reverse("referrals_admin:statistics"), {"year": "abc"}).content.decode()
    assert "<strong>2 demandes</strong>." in html
