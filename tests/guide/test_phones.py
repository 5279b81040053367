"""Phone numbers: validated with phonenumbers, stored in E.164, shown French style."""

import pytest
from django.core.exceptions import ValidationError

from guide.phones import display_phone, normalize_phone, tel_uri

pytestmark = pytest.mark.one_database


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("01 23 45 67 89", "+33123456789", "01 23 45 67 89"),
        ("0123456789", "+33123456789", "01 23 45 67 89"),
        ("+33 1 23 45 67 89", "+33123456789", "01 23 45 67 89"),
        ("0 800 235 236", "+33800235236", "0 800 23 52 36"),
        ("0262 12 34 56", "+262262123456", "0262 12 34 56"),
        ("+262 262 12 34 56", "+262262123456", "0262 12 34 56"),
        ("3018", "3018", "3018"),
        ("119", "119", "119"),
        ("17", "17", "17"),
        ("", "", ""),
    ],
)
def test_phones_are_stored_in_e164_and_shown_french_style(typed, stored, shown):
    assert normalize_phone(typed) == stored
    assert display_phone(stored) == shown


@pytest.mark.parametrize("typed", ["12", "01 23", "0123456789012", "abc", "99999"])
def test_invalid_phones_are_refused_in_french(typed):
    with pytest.raises(ValidationError) as error:
        normalize_phone(typed)
    assert "n'est pas valide" in error.value.messages[0]


def test_click_to_call_links():
    assert tel_uri("+33800235236") == "tel:+33800235236"
    assert tel_uri("3018") == "tel:3018"
