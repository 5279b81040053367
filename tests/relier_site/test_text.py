"""relier_site.text: what a visitor sends becomes clean text before the site uses it."""

import pytest
from django import forms

from relier_site.text import CleanCharField, clean_text

pytestmark = pytest.mark.one_database


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("harc\x00èlement", "harcèlement"),
        ("a\x01b\x1fc\x7fd\x85e\x9f", "abcde"),
        ("  deux   mots\t\n ici ", "deux mots ici"),
        ("e\u0301cole", "école"),  # decomposed accent: NFC
        ("\ud800seul", "seul"),  # lone surrogate
        ("\u202egnp.exe", "gnp.exe"),  # right-to-left override
        ("مرحبا بكم", "مرحبا بكم"),  # right-to-left script kept
        ("👩‍👧 famille", "👩‍👧 famille"),  # emoji with a zero-width joiner kept
        (None, ""),
        (42, "42"),
    ],
)
def test_clean_text_removes_control_characters_and_normalises(value, expected):
    assert clean_text(value) == expected


def test_clean_text_cuts_at_max_length_after_cleaning():
    assert clean_text("\x00" * 50 + "abc def", 5) == "abc d"
    assert clean_text("abc    def", 4) == "abc"  # no trailing space after the cut
    assert len(clean_text("é" * 10_000, 200)) == 200


def test_clean_text_multiline_keeps_line_breaks():
    assert clean_text("Bonjour,\r\n\r\n\r\n\r\nmerci  \x00!\rÀ bientôt", multiline=True) == (
        "Bonjour,\n\nmerci !\nÀ bientôt"
    )


class Form(forms.Form):
    query = CleanCharField(max_length=10, required=False)
    name = CleanCharField(max_length=10, truncate=False)


def test_clean_char_field_cleans_cuts_query_strings_and_refuses_long_names():
    form = Form({"query": "\x00trop long pour tenir", "name": "Ca\x00mille"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"query": "trop long", "name": "Camille"}
    form = Form({"query": "", "name": "Un prénom bien trop long"})
    assert not form.is_valid()
    assert list(form.errors) == ["name"]


def test_clean_char_field_with_only_control_characters_is_empty():
    form = Form({"query": "\x00\x01", "name": "\x00"})
    assert not form.is_valid()
    assert form.errors["name"] == ["Champ requis."]
    assert form.cleaned_data["query"] == ""
