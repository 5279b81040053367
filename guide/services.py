"""Writes of the guide: importing a CSV or XLSX file of structures.

Every row is read and validated before anything is written; the writes happen in one
transaction, and only when no row has an error. A row's `id` column is the structure's
stable `source_id`: importing the same file again updates the structures it names.
Rows are streamed and capped at MAX_ROWS, so a huge or broken file is reported quickly.
"""

import csv
import datetime
import io
import itertools
import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.search.backends import get_search_backend

from relier_site.spreadsheets import restore

from . import territories
from .exports import COLUMN_NAMES, LIST_SEPARATOR, REQUIRED_COLUMNS
from .models import Audience, Structure, Theme
from .reference import AUDIENCE_LABELS, MODE_FIELDS, THEME_LABELS

logger = logging.getLogger(__name__)

MAX_ROWS = 10_000
MAX_REPORTED_ERRORS = 200
MAX_CELL_LENGTH = 5_000

# model field -> column, for the error messages of Structure.full_clean()
FIELD_COLUMNS = {
    "source_id": "id",
    "name": "nom",
    "description": "description",
    "phone": "telephone",
    "email": "courriel",
    "website": "site_web",
    "address": "adresse",
    "postcode": "code_postal",
    "commune": "commune",
    "code_insee": "code_insee",
    "fees_details": "frais_precisions",
    "last_verified": "date_maj",
    "age_min": "relier_age_min",
    "age_max": "relier_age_max",
    "opening_hours": "relier_horaires",
    "region": "relier_region",
    "verification_source": "relier_source",
}


@dataclass
class RowError:
    line: int  # line in the file, the header being line 1
    column: str
    message: str

    def __str__(self):
        where = f"ligne {self.line}" if self.line else "fichier"
        column = f", colonne « {self.column} »" if self.column else ""
        return f"{where}{column} : {self.message}"


@dataclass
class ImportReport:
    errors: list = field(default_factory=list)
    error_count: int = 0
    warnings: list = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0

    @property
    def ok(self):
        return self.error_count == 0

    def add_error(self, line, column, message):
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(line, column, message))

    def summary(self):
        if not self.ok:
            shown = len(self.errors)
            more = f" (les {shown} premières sont listées)" if self.error_count > shown else ""
            return (
                f"Aucune structure n'a été enregistrée : {self.error_count} erreur"
                f"{'s' if self.error_count > 1 else ''} à corriger{more}."
            )
        return (
            f"Import terminé : {self.rows} ligne{'s' if self.rows > 1 else ''} lue"
            f"{'s' if self.rows > 1 else ''}, {self.created} structure"
            f"{'s' if self.created > 1 else ''} créée{'s' if self.created > 1 else ''}, "
            f"{self.updated} mise{'s' if self.updated > 1 else ''} à jour."
        )


class FileError(Exception):
    """The file cannot be read at all (format, encoding, header)."""


# --- Reading ------------------------------------------------------------------------


def _csv_rows(handle):
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="strict", newline="")
    try:
        try:
            first_line = text.readline()
        except UnicodeDecodeError:
            raise FileError(_ENCODING_MESSAGE) from None
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        # itertools.chain, not a generator with `yield from text`: closing such a
        # generator would close `text`, and with it the caller's file.
        reader = csv.reader(itertools.chain([first_line], text), delimiter=delimiter)
        try:
            yield from reader
        except UnicodeDecodeError:
            raise FileError(_ENCODING_MESSAGE) from None
        except csv.Error as error:
            raise FileError(
                f"Le fichier CSV est mal formé (ligne {reader.line_num}) : {error}."
            ) from None
    finally:
        text.detach()  # the caller opened the binary file and closes it


_ENCODING_MESSAGE = (
    "Le fichier n'est pas encodé en UTF-8. Dans votre tableur, enregistrez-le au format "
    "« CSV UTF-8 », ou au format XLSX."
)


def _xlsx_rows(handle):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise FileError(
            "Ce fichier n'est pas un classeur XLSX lisible. Enregistrez-le au format XLSX "
            "(Excel, LibreOffice) ou CSV UTF-8."
        ) from None
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield ["" if value is None else _cell_text(value) for value in values]
    finally:
        workbook.close()


def _cell_text(value):
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_rows(handle, filename):
    suffix = Path(filename).suffix.lower()
    if suffix == ".csv":
        return _csv_rows(handle)
    if suffix == ".xlsx":
        return _xlsx_rows(handle)
    raise FileError("Choisissez un fichier .csv ou .xlsx.")


# --- Validating ---------------------------------------------------------------------


def _split(value):
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def _yes_no(value, line, column, report):
    text = value.strip().lower()
    if text in ("", "non", "faux", "false", "0", "n"):
        return False
    if text in ("oui", "vrai", "true", "1", "o"):
        return True
    report.add_error(line, column, f"écrivez « oui » ou « non » (et non « {value[:40]} »).")
    return False


def _age(value, line, column, report):
    text = value.strip()
    if not text:
        return None
    if not text.isdigit() or int(text) > 120:
        report.add_error(
            line, column, f"indiquez un âge en chiffres, de 0 à 120 (et non « {text[:20]} »)."
        )
        return None
    return int(text)


def _date(value, line, report):
    text = value.strip()
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        report.add_error(
            line, "date_maj", f"indiquez une date au format AAAA-MM-JJ (et non « {text[:20]} »)."
        )
        return None
    if day > timezone.localdate():
        report.add_error(
            line, "date_maj", "la date de vérification ne peut pas être dans le futur."
        )
        return None
    return day


def _coverage(row, line, report):
    """(scope, region, departement codes, code_insee) from zone_eligibilite/relier_region."""
    region = row.get("relier_region", "").strip()
    zone = [code.upper() for code in _split(row.get("zone_eligibilite", ""))]
    if region:
        if region not in territories.REGIONS:
            report.add_error(
                line, "relier_region", f"« {region[:20]} » n'est pas un code de région."
            )
        return Structure.Scope.REGION, region, [], ""
    if not zone:
        report.add_error(
            line, "zone_eligibilite", "indiquez « france » ou des codes de départements."
        )
        return Structure.Scope.NATIONAL, "", [], ""
    if zone == ["FRANCE"] or zone == ["99100"]:
        return Structure.Scope.NATIONAL, "", [], ""
    if len(zone) == 1 and len(zone[0]) == 5:
        if territories.departement_for_insee_code(zone[0]) is None:
            report.add_error(
                line, "zone_eligibilite", f"« {zone[0]} » n'est pas un code commune INSEE connu."
            )
        return Structure.Scope.COMMUNE, "", [], zone[0]
    unknown = [code for code in zone if code not in territories.DEPARTEMENTS]
    if unknown:
        report.add_error(
            line,
            "zone_eligibilite",
            "départements inconnus : " + ", ".join(code[:10] for code in unknown[:5]) + ".",
        )
    return Structure.Scope.DEPARTEMENT, "", [c for c in zone if c in territories.DEPARTEMENTS], ""


@dataclass
class ValidRow:
    line: int
    fields: dict
    themes: list
    audiences: list
    departements: list


def validate_row(row, line, report):
    """A ValidRow, or None (errors added to `report`)."""
    errors_before = report.error_count
    for column, value in row.items():
        if len(value) > MAX_CELL_LENGTH:
            report.add_error(line, column, f"cette cellule dépasse {MAX_CELL_LENGTH} caractères.")
            row[column] = value[:MAX_CELL_LENGTH]
    source_id = row.get("id", "").strip()
    if not source_id:
        report.add_error(line, "id", "chaque ligne doit avoir un identifiant.")
    elif len(source_id) > 100:
        report.add_error(line, "id", "l'identifiant dépasse 100 caractères.")
    elif slugify(source_id) != source_id:
        report.add_error(
            line,
            "id",
            f"« {source_id[:60]} » : l'identifiant ne doit contenir que des lettres minuscules "
            "sans accents, des chiffres et des tirets.",
        )
    themes = _split(row.get("relier_themes", ""))
    if not themes:
        report.add_error(line, "relier_themes", "indiquez au moins un thème.")
    for theme in themes:
        if theme not in THEME_LABELS:
            report.add_error(
                line,
                "relier_themes",
                f"thème inconnu « {theme[:40]} ». Thèmes possibles : {', '.join(THEME_LABELS)}.",
            )
    audiences = _split(row.get("relier_publics", ""))
    for audience in audiences:
        if audience not in AUDIENCE_LABELS:
            report.add_error(
                line,
                "relier_publics",
                f"public inconnu « {audience[:40]} ». "
                f"Publics possibles : {', '.join(AUDIENCE_LABELS)}.",
            )
    modes = _split(row.get("relier_modes", ""))
    for mode in modes:
        if mode not in MODE_FIELDS:
            report.add_error(
                line,
                "relier_modes",
                f"mode inconnu « {mode[:40]} ». Modes possibles : {', '.join(MODE_FIELDS)}.",
            )
    fees = row.get("frais", "").strip().lower()
    if fees not in ("", "gratuit", "payant"):
        report.add_error(
            line, "frais", f"écrivez « gratuit » ou « payant » (et non « {fees[:30]} »)."
        )
    scope, region, departements, code_insee = _coverage(row, line, report)
    fields = {
        "source_id": source_id,
        "name": row.get("nom", "").strip(),
        "description": row.get("description", "").strip(),
        "phone": row.get("telephone", "").strip(),
        "email": row.get("courriel", "").strip(),
        "website": row.get("site_web", "").strip(),
        "address": row.get("adresse", "").strip(),
        "postcode": row.get("code_postal", "").strip(),
        "commune": row.get("commune", "").strip(),
        "code_insee": code_insee or row.get("code_insee", "").strip().upper(),
        "is_free": fees != "payant",
        "fees_details": row.get("frais_precisions", "").strip(),
        "opening_hours": row.get("relier_horaires", "").strip(),
        "verification_source": row.get("relier_source", "").strip(),
        "age_min": _age(row.get("relier_age_min", ""), line, "relier_age_min", report),
        "age_max": _age(row.get("relier_age_max", ""), line, "relier_age_max", report),
        "is_anonymous": _yes_no(row.get("relier_anonyme", ""), line, "relier_anonyme", report),
        "always_open": _yes_no(row.get("relier_24h_24", ""), line, "relier_24h_24", report),
        "is_example": _yes_no(row.get("relier_exemple", ""), line, "relier_exemple", report),
        "scope": scope,
        "region": region,
        "last_verified": _date(row.get("date_maj", ""), line, report),
        **{field: value in modes for value, field in MODE_FIELDS.items()},
    }
    structure = Structure(**fields)
    try:
        structure.full_clean(
            exclude=["last_verified", "source_id", "code_insee"], validate_unique=False
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                report.add_error(line, FIELD_COLUMNS.get(name, ""), message)
    if report.error_count > errors_before:
        return None
    fields["phone"] = structure.phone  # normalised to E.164 by Structure.clean()
    return ValidRow(line, fields, themes, audiences, departements)


def validate_file(handle, filename):
    """(report, valid rows). Reads at most MAX_ROWS data rows."""
    report = ImportReport()
    valid = []
    seen = {}
    rows = None
    try:
        rows = read_rows(handle, filename)
        header = next(rows, None)
        if not header or not any(cell.strip() for cell in header):
            raise FileError("Le fichier est vide : la première ligne doit nommer les colonnes.")
        names = [cell.strip().lower() for cell in header]
        missing = [name for name in REQUIRED_COLUMNS if name not in names]
        if missing:
            raise FileError(
                "Colonnes obligatoires manquantes : "
                + ", ".join(f"« {name} »" for name in missing)
                + ". La première ligne doit nommer les colonnes (voir le modèle à télécharger)."
            )
        unknown = [name for name in names if name and name not in COLUMN_NAMES]
        if unknown:
            report.warnings.append(
                "Colonnes ignorées : "
                + ", ".join(f"« {name[:40]} »" for name in unknown[:10])
                + "."
            )
        for line, cells in enumerate(rows, start=2):
            if not any(str(cell).strip() for cell in cells):
                continue
            if report.rows >= MAX_ROWS:
                raise FileError(
                    f"Le fichier compte plus de {MAX_ROWS:,} lignes".replace(",", "\u202f")
                    + " : découpez-le en plusieurs fichiers. Rien n'a été enregistré."
                )
            report.rows += 1
            row = {
                name: restore(str(cell)) for name, cell in zip(names, cells, strict=False) if name
            }
            checked = validate_row(row, line, report)
            if checked is None:
                continue
            source_id = checked.fields["source_id"]
            if source_id in seen:
                report.add_error(
                    line,
                    "id",
                    f"l'identifiant « {source_id} » figure déjà ligne {seen[source_id]}.",
                )
                continue
            seen[source_id] = line
            valid.append(checked)
    except FileError as error:
        report.add_error(0, "", str(error))
    finally:
        if rows is not None:
            rows.close()  # a file not read to its end is let go now, not at garbage collection
    if report.rows == 0 and report.ok:
        report.add_error(0, "", "Le fichier ne contient aucune structure.")
    return report, valid


# --- Writing ------------------------------------------------------------------------


def _chunks(items, size=500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def _write(valid, report):
    theme_ids = dict(Theme.objects.values_list("slug", "pk"))
    audience_ids = dict(Audience.objects.values_list("slug", "pk"))
    existing = {}
    for chunk in _chunks([row.fields["source_id"] for row in valid]):
        existing |= {s.source_id: s for s in Structure.objects.filter(source_id__in=chunk)}
    now = timezone.now()
    to_create, to_update = [], []
    for row in valid:
        structure = existing.get(row.fields["source_id"])
        if structure is None:
            structure = Structure(
                live=True, first_published_at=now, last_published_at=now, **row.fields
            )
            to_create.append(structure)
        else:
            for name, value in row.fields.items():
                setattr(structure, name, value)
            to_update.append(structure)
    Structure.objects.bulk_create(to_create, batch_size=500)
    # The imported values become the current version: an editor opening the structure
    # sees them, not an older revision (the history keeps the earlier revisions).
    for structure in to_update:
        structure.latest_revision = None
        structure.has_unpublished_changes = False
    update_fields = [*valid[0].fields, "latest_revision", "has_unpublished_changes"]
    Structure.objects.bulk_update(to_update, update_fields, batch_size=500)
    by_source = {s.source_id: s for s in to_create + to_update}
    if to_create and to_create[0].pk is None:  # databases that do not return ids
        by_source = dict(
            Structure.objects.filter(source_id__in=list(by_source)).values_list("source_id", "pk")
        )
        ids = by_source
    else:
        ids = {source_id: s.pk for source_id, s in by_source.items()}
    all_ids = list(ids.values())
    relations = [
        (Structure.themes.through, "theme_id", lambda row: [theme_ids[t] for t in row.themes]),
        (
            Structure.audiences.through,
            "audience_id",
            lambda row: [audience_ids[a] for a in row.audiences],
        ),
        (Structure.departements.through, "departement_id", lambda row: row.departements),
    ]
    for through, column, values_of in relations:
        for chunk in _chunks(all_ids):
            through.objects.filter(structure_id__in=chunk).delete()
        through.objects.bulk_create(
            [
                through(structure_id=ids[row.fields["source_id"]], **{column: value})
                for row in valid
                for value in dict.fromkeys(values_of(row))
            ],
            batch_size=1000,
        )
    report.created, report.updated = len(to_create), len(to_update)
    # The search index (Wagtail's database backend) is updated in the same transaction.
    backend = get_search_backend()
    for chunk in _chunks(all_ids):
        backend.add_bulk(Structure, list(Structure.objects.filter(pk__in=chunk)))


def import_structures(handle, filename):
    """Validate the whole file, then write it all (or nothing). Returns an ImportReport."""
    report, valid = validate_file(handle, filename)
    if report.ok:
        _write(valid, report)
        logger.info(
            "Guide import: %s rows, %s created, %s updated",
            report.rows,
            report.created,
            report.updated,
        )
    else:
        logger.info("Guide import refused: %s errors", report.error_count)
    return report
