"""Import (CSV and XLSX, command and admin view) and export of the guide: every row is
validated before anything is written, errors are reported in French line by line,
re-importing updates instead of duplicating; the public JSON export is valid
data·inclusion (checked with the package's own pydantic models)."""

import csv
import io
import json

import pytest
from data_inclusion.schema.v1 import Service as DataInclusionService
from data_inclusion.schema.v1 import Structure as DataInclusionStructure
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from guide import services
from guide.exports import COLUMN_NAMES
from guide.models import Structure
from guide.services import import_structures
from tests.guide.conftest import make_structure

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

HEADER = [
    "id",
    "nom",
    "description",
    "zone_eligibilite",
    "date_maj",
    "relier_themes",
    "telephone",
    "relier_publics",
    "relier_modes",
    "relier_age_min",
    "relier_age_max",
    "relier_24h_24",
]
ROWS = [
    [
        "ecoute-93",
        "Point écoute de Bobigny",
        "Des psychologues reçoivent les jeunes sans rendez-vous.",
        "93",
        "2026-05-04",
        "ecoute,harcelement-scolaire",
        "01 23 45 67 89",
        "adolescents",
        "presentiel,telephone",
        "11",
        "18",
        "non",
    ],
    [
        "ligne-nationale",
        "Ligne nationale d'écoute",
        "Une ligne d'écoute nationale, gratuite.",
        "france",
        "2026-01-10",
        "ecoute",
        "3018",
        "",
        "telephone,chat",
        "",
        "",
        "oui",
    ],
    [
        "reunion-cyber",
        "Aide cyberviolences La Réunion",
        "Accompagnement des jeunes victimes de cyberviolences.",
        "974",
        "2025-11-20",
        "cyberviolences",
        "0262 12 34 56",
        "adolescents,parents",
        "visio",
        "",
        "",
        "non",
    ],
]


def csv_bytes(rows, header=HEADER, delimiter=",", encoding="utf-8"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_import(data, filename="guide.csv"):
    return import_structures(io.BytesIO(data), filename)


def messages(report):
    return [str(error) for error in report.errors]


def test_a_valid_csv_creates_every_structure_with_its_relations(db):
    report = run_import(csv_bytes(ROWS))
    assert report.ok, messages(report)
    assert (report.rows, report.created, report.updated) == (3, 3, 0)
    assert report.summary() == (
        "Import terminé : 3 lignes lues, 3 structures créées, 0 mise à jour."
    )
    local = Structure.objects.get(source_id="ecoute-93")
    assert local.live
    assert local.phone == "+33123456789"
    assert local.scope == Structure.Scope.DEPARTEMENT
    assert [d.code for d in local.departements.all()] == ["93"]
    assert sorted(t.slug for t in local.themes.all()) == ["ecoute", "harcelement-scolaire"]
    assert [a.slug for a in local.audiences.all()] == ["adolescents"]
    assert (local.in_person, local.by_phone, local.by_chat, local.age_min, local.age_max) == (
        True,
        True,
        False,
        11,
        18,
    )
    national = Structure.objects.get(source_id="ligne-nationale")
    assert national.scope == Structure.Scope.NATIONAL
    assert national.always_open
    assert Structure.objects.get(source_id="reunion-cyber").phone == "+262262123456"


def test_imported_structures_are_found_by_the_search(client, guide_page):
    run_import(csv_bytes(ROWS))
    response = client.get("/guide/", {"territoire": "93200"})
    names = [s.name for s in response.context["results"].structures]
    assert names == ["Point écoute de Bobigny", "Ligne nationale d'écoute"]
    response = client.get("/guide/", {"q": "Bobigny"})
    assert [s.name for s in response.context["results"].structures] == ["Point écoute de Bobigny"]


def test_a_valid_xlsx_file_imports_like_the_csv(db):
    report = run_import(xlsx_bytes(ROWS), "guide.xlsx")
    assert report.ok, messages(report)
    assert Structure.objects.count() == 3
    assert Structure.objects.get(source_id="ecoute-93").age_min == 11


def test_a_semicolon_csv_from_a_french_spreadsheet_is_read(db):
    report = run_import(csv_bytes(ROWS, delimiter=";"))
    assert report.ok, messages(report)
    assert Structure.objects.count() == 3


def test_reimporting_updates_instead_of_duplicating(db):
    run_import(csv_bytes(ROWS))
    changed = [list(row) for row in ROWS]
    changed[0][1] = "Point écoute de Bobigny (nouveau nom)"
    changed[0][5] = "sante-mentale"
    report = run_import(csv_bytes(changed))
    assert report.ok, messages(report)
    assert (report.created, report.updated) == (0, 3)
    assert Structure.objects.count() == 3
    structure = Structure.objects.get(source_id="ecoute-93")
    assert structure.name == "Point écoute de Bobigny (nouveau nom)"
    assert [t.slug for t in structure.themes.all()] == ["sante-mentale"]
    assert structure.themes.through.objects.filter(structure=structure).count() == 1


def test_reimporting_a_structure_edited_in_the_admin_shows_the_imported_values(db):
    run_import(csv_bytes(ROWS))
    structure = Structure.objects.get(source_id="ecoute-93")
    structure.name = "Nom choisi dans l'administration"
    structure.save_revision().publish()
    report = run_import(csv_bytes(ROWS))
    assert report.ok, messages(report)
    structure.refresh_from_db()
    assert structure.name == "Point écoute de Bobigny"
    assert structure.get_latest_revision_as_object().name == "Point écoute de Bobigny"
    assert structure.revisions.count() == 1  # the history is kept


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (
            "telephone",
            "01 23",
            "ligne 3, colonne « telephone » : Ce numéro de téléphone n'est pas valide",
        ),
        (
            "relier_themes",
            "jardinage",
            "ligne 3, colonne « relier_themes » : thème inconnu « jardinage »",
        ),
        ("relier_themes", "", "ligne 3, colonne « relier_themes » : indiquez au moins un thème."),
        (
            "zone_eligibilite",
            "99",
            "ligne 3, colonne « zone_eligibilite » : départements inconnus : 99.",
        ),
        (
            "date_maj",
            "04/05/2026",
            "ligne 3, colonne « date_maj » : indiquez une date au format AAAA-MM-JJ",
        ),
        ("date_maj", "2999-01-01", "la date de vérification ne peut pas être dans le futur."),
        (
            "relier_age_min",
            "douze",
            "ligne 3, colonne « relier_age_min » : indiquez un âge en chiffres",
        ),
        ("relier_24h_24", "peut-être", "écrivez « oui » ou « non »"),
        ("id", "Point Écoute", "l'identifiant ne doit contenir que des lettres minuscules"),
        ("nom", "", "ligne 3, colonne « nom » : Ce champ ne peut pas être vide."),
    ],
)
def test_a_file_with_an_error_writes_nothing_and_reports_the_line(db, column, value, message):
    rows = [list(row) for row in ROWS]
    rows[1][HEADER.index(column)] = value
    report = run_import(csv_bytes(rows))
    assert not report.ok
    assert any(message in text for text in messages(report)), messages(report)
    assert report.summary().startswith("Aucune structure n'a été enregistrée")
    assert Structure.objects.count() == 0


def test_a_duplicated_id_is_reported(db):
    report = run_import(csv_bytes([ROWS[0], ROWS[0]]))
    assert "ligne 3, colonne « id » : l'identifiant « ecoute-93 » figure déjà ligne 2." in messages(
        report
    )
    assert Structure.objects.count() == 0


def test_a_missing_column_is_reported_and_nothing_is_written(db):
    header = [name for name in HEADER if name != "relier_themes"]
    rows = [
        [value for name, value in zip(HEADER, row, strict=True) if name != "relier_themes"]
        for row in ROWS
    ]
    report = run_import(csv_bytes(rows, header=header))
    assert messages(report) == [
        "fichier : Colonnes obligatoires manquantes : « relier_themes ». La première ligne "
        "doit nommer les colonnes (voir le modèle à télécharger)."
    ]
    assert Structure.objects.count() == 0


def test_a_file_in_the_wrong_encoding_is_reported(db):
    report = run_import(csv_bytes(ROWS, encoding="latin-1"))
    assert not report.ok
    assert "n'est pas encodé en UTF-8" in messages(report)[0]
    assert Structure.objects.count() == 0


def test_a_file_that_is_not_a_spreadsheet_is_reported(db):
    report = run_import(b"PK\x03\x04 pas vraiment un classeur", "guide.xlsx")
    assert "n'est pas un classeur XLSX lisible" in messages(report)[0]
    report = run_import(b"%PDF-1.4", "guide.pdf")
    assert messages(report) == ["fichier : Choisissez un fichier .csv ou .xlsx."]


def test_an_empty_file_is_reported(db):
    assert "Le fichier est vide" in messages(run_import(b""))[0]
    assert "ne contient aucune structure" in messages(run_import(csv_bytes([])))[0]


def test_50000_rows_are_refused_at_the_cap_without_reading_the_rest(db, monkeypatch):
    rows = [
        [f"s-{n}", f"Structure {n}", "Une structure.", "93", "2026-01-01", "ecoute"]
        for n in range(50_000)
    ]
    data = csv_bytes(rows, header=HEADER[:6])
    read = []
    original = services.validate_row

    def counting(row, line, report):
        read.append(line)
        return original(row, line, report)

    monkeypatch.setattr(services, "validate_row", counting)
    report = run_import(data)
    assert not report.ok
    assert "Le fichier compte plus de 10\u202f000 lignes : découpez-le" in messages(report)[-1]
    assert len(read) == services.MAX_ROWS
    assert Structure.objects.count() == 0


def test_errors_are_listed_up_to_a_limit_and_counted(db):
    rows = [
        [f"s-{n}", f"Structure {n}", "Une structure.", "93", "2026-01-01", "jardinage"]
        for n in range(300)
    ]
    report = run_import(csv_bytes(rows, header=HEADER[:6]))
    assert report.error_count == 300
    assert len(report.errors) == services.MAX_REPORTED_ERRORS
    assert "300 erreurs à corriger (les 200 premières sont listées)" in report.summary()


def test_the_management_command_imports_and_reports(db, tmp_path):
    path = tmp_path / "guide.csv"
    path.write_bytes(csv_bytes(ROWS))
    out = io.StringIO()
    call_command("import_guide", str(path), stdout=out)
    assert "3 structures créées" in out.getvalue()
    bad = tmp_path / "faux.csv"
    bad.write_bytes(csv_bytes([ROWS[0][:5] + ["jardinage"] + ROWS[0][6:]]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Aucune structure n'a été enregistrée"):
        call_command("import_guide", str(bad), stdout=io.StringIO(), stderr=err)
    assert "thème inconnu « jardinage »" in err.getvalue()
    assert Structure.objects.count() == 3


def test_the_csv_and_xlsx_exports_reimport_to_the_same_directory(db):
    run_import(csv_bytes(ROWS))
    from guide.exports import export

    csv_data = export("csv")
    header = csv_data.decode("utf-8-sig").splitlines()[0].split(",")
    assert header == COLUMN_NAMES
    exported = list(csv.DictReader(io.StringIO(csv_data.decode("utf-8-sig"))))
    phones = {row["id"]: row["telephone"] for row in exported}
    # Cells a spreadsheet would run as formulas are neutralised; the import restores them.
    assert phones == {
        "ecoute-93": "'+33123456789",
        "ligne-nationale": "3018",
        "reunion-cyber": "'+262262123456",
    }
    report = run_import(csv_data)
    assert report.ok, messages(report)
    assert (report.created, report.updated) == (0, 3)
    sheet = load_workbook(io.BytesIO(export("xlsx"))).worksheets[0]
    assert [cell.value for cell in sheet[1]] == COLUMN_NAMES
    assert sheet["G2"].value == "'+33123456789"  # telephone of ecoute-93
    report = run_import(export("xlsx"), "export.xlsx")
    assert report.ok, messages(report)
    assert Structure.objects.count() == 3
    assert Structure.objects.get(source_id="ecoute-93").phone == "+33123456789"


def test_the_public_exports_are_valid_data_inclusion(client, guide_page, national_helpline):
    make_structure(
        "idf-parents",
        name="Réseau des parents",
        scope=Structure.Scope.REGION,
        region="11",
        themes=["parentalite", "droits-justice"],
        audiences=["parents", "professionnels"],
        email="contact@exemple.org",
        website="https://exemple.org/",
        in_person=True,
        age_min=3,
        age_max=18,
    )
    make_structure("brouillon", live=False, departements=["93"])
    structures = client.get("/guide/export/structures.json")
    services_response = client.get("/guide/export/services.json")
    assert structures["Content-Type"] == "application/json; charset=utf-8"
    structure_rows = json.loads(structures.content)
    service_rows = json.loads(services_response.content)
    assert len(structure_rows) == len(service_rows) == 2
    parsed = [DataInclusionStructure.model_validate(row) for row in structure_rows]
    parsed_services = [DataInclusionService.model_validate(row) for row in service_rows]
    by_id = {s.id: s for s in parsed_services}
    region = by_id["centres-relier--idf-parents--accueil"]
    assert region.structure_id == "centres-relier--idf-parents"
    assert sorted(region.zone_eligibilite) == ["75", "77", "78", "91", "92", "93", "94", "95"]
    assert {t.value for t in region.thematiques} == {
        "famille--soutien-a-la-parentalite-et-a-leducation",
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
    }
    assert {m.value for m in region.mobilisable_par} == {"usagers", "professionnels"}
    national = by_id["centres-relier--3018-e-enfance--accueil"]
    assert national.zone_eligibilite == ["france"]
    assert national.telephone == "3018"
    assert {s.id for s in parsed} == {
        "centres-relier--3018-e-enfance",
        "centres-relier--idf-parents",
    }
    assert str(parsed[0].lien_source).startswith("http")
    assert "/guide/structures/" in str(parsed[0].lien_source)


def test_the_data_inclusion_links_use_the_public_address(client, guide_page, settings):
    """Through relier_site.links.absolute_url, as every other absolute link."""
    settings.WAGTAILADMIN_BASE_URL = "https://relier.example.org"
    make_structure("ecoute-93", departements=("93",))
    (row,) = client.get("/guide/export/structures.json").json()
    assert row["lien_source"] == "https://relier.example.org/guide/structures/ecoute-93/"
