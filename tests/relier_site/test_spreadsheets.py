"""One writer of CSV and XLSX files: relier_site.spreadsheets. Every export of the
staff's admin writes CSV with a byte-order mark and `;` (the guide's data·inclusion
exchange file keeps `,`, through the same writer), XLSX with real dates; no other
module writes CSV or XLSX, and relier_site.http.attachment alone makes a download."""

import io
from datetime import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.events.staff_helpers import make_event, make_registration, make_session
from tests.referrals.triage_helpers import handler, store

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("relier_site", "home", "programmes", "referrals", "events", "guide")
BOM = "\ufeff".encode()


@pytest.fixture
def exports(client, home_page):
    """The admin URLs of every CSV export, with something to export."""
    client.force_login(handler())
    store()
    session = make_session(make_event(home_page))
    make_registration(session, name="Camille Martin")
    return session, [
        reverse("referrals_referral:index") + "?export=csv",
        reverse("referrals_admin:statistics_csv"),
        reverse("events_staff:export", args=[session.pk, "csv"]),
    ]


def test_every_admin_csv_export_has_a_bom_and_semicolons(client, exports):
    _session, urls = exports
    for url in urls:
        response = client.get(url)
        assert response["Content-Type"] == "text/csv; charset=utf-8", url
        assert response["Content-Disposition"].startswith('attachment; filename="'), url
        assert response.content.startswith(BOM), url
        header = response.content.decode("utf-8-sig").splitlines()[0]
        assert ";" in header and "," not in header, url


def test_xlsx_exports_hold_real_dates(client, exports):
    session, _urls = exports
    response = client.get(reverse("events_staff:export", args=[session.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, row = list(sheet.iter_rows(values_only=True))[:2]
    registered = row[header.index("Inscription")]
    assert isinstance(registered, datetime)
    registration = session.registrations.get()
    local = timezone.localtime(registration.created_at)
    assert registered.strftime("%d/%m/%Y %H:%M") == local.strftime("%d/%m/%Y %H:%M")


def test_no_other_module_writes_csv_or_xlsx():
    writers = [
        f"{path.relative_to(ROOT)}: {word}"
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if path != ROOT / "relier_site" / "spreadsheets.py"
        for word in ("csv.writer", "csv.DictWriter", "Workbook(", '["Content-Disposition"]')
        if word in path.read_text()
    ]
    assert writers == ['relier_site/http.py: ["Content-Disposition"]']
