"""Cells of the CSV and XLSX files the site exports: a cell a spreadsheet would run as a
formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, and an import
removes it again. Every export of every app goes through `neutralise`."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The cell text, made inert for spreadsheets (« '+33123456789 »)."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def restore(text):
    """Undo `neutralise` on an imported cell."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
