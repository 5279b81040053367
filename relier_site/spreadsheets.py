"""The one writer of the CSV and XLSX files the site exports (referrals, events, guide).

- Every text cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or
  CR) gets a leading apostrophe (`neutralise`); an import removes it again (`restore`).
- CSV: UTF-8 with a byte-order mark (Excel then reads the accents right), `;` between
  cells as French spreadsheets expect (the guide's data·inclusion exchange file asks
  for `,`), dates as « 08/12/2026 14:30 » in the site's time zone.
- XLSX (openpyxl): one sheet, dates as real dates (local time, shown 08/12/2026 14:30).
- `response`: the file as a download (Content-Type, Content-Disposition).
Wagtail's SpreadsheetExportMixin drives the export of a listing (the referrals inbox's
« Télécharger CSV / XLSX »); it hands its rows to this writer.
"""

import csv
import datetime
import io

from django.utils import timezone

from .http import attachment

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DATE_FORMAT = "%d/%m/%Y %H:%M"
XLSX_DATE_FORMAT = "DD/MM/YYYY HH:MM"


def neutralise(value):
    """The cell text, made inert for spreadsheets (« '+33123456789 »)."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def restore(text):
    """Undo `neutralise` on an imported cell."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def _local(value):
    """A datetime as naive local wall-clock time (spreadsheets have no time zones)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return _local(value).strftime(DATE_FORMAT)
    return neutralise(value)


def _xlsx_cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return _local(value)
    return neutralise(value)


def to_csv(headings, rows, *, delimiter=";"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow([_csv_cell(h) for h in headings])
    writer.writerows([_csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(headings, rows, *, title):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.append([_xlsx_cell(h) for h in headings])
    for row in rows:
        cells = []
        for value in map(_xlsx_cell, row):
            if isinstance(value, datetime.datetime):
                value = WriteOnlyCell(sheet, value=value)
                value.number_format = XLSX_DATE_FORMAT
            cells.append(value)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write(file_format, headings, rows, *, title, delimiter=";"):
    """The file's bytes: `file_format` is "csv" or "xlsx"; `title` names the XLSX sheet."""
    if file_format == "xlsx":
        return to_xlsx(headings, rows, title=title)
    return to_csv(headings, rows, delimiter=delimiter)


def response(file_format, headings, rows, *, filename, title, delimiter=";"):
    """The spreadsheet as a download named `filename`.csv or .xlsx."""
    content = write(file_format, headings, rows, title=title, delimiter=delimiter)
    return attachment(content, f"{filename}.{file_format}", CONTENT_TYPES[file_format])
