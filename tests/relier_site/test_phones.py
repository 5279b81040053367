"""Phone numbers (relier_site.phones): validated with phonenumbers, stored in E.164 by
every public form and the guide, shown French style."""

import pytest
from django.core.exceptions import ValidationError

from events.forms import RegistrationForm
from referrals.forms import ContactForm, InterventionForm, OrientationForm
from relier_site.phones import PhoneField, display, normalise, tel_uri

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
    assert normalise(typed, short_numbers=True) == stored
    assert display(stored) == shown


@pytest.mark.parametrize("typed", ["12", "01 23", "0123456789012", "abc", "99999"])
def test_invalid_phones_are_refused_in_french(typed):
    with pytest.raises(ValidationError) as error:
        normalise(typed, short_numbers=True)
    assert "n'est pas valide" in error.value.messages[0]


def test_click_to_call_links():
    assert tel_uri("+33800235236") == "tel:+33800235236"
    assert tel_uri("3018") == "tel:3018"


# --- One field, one stored form, for every public form --------------------------------


def public_phone_fields():
    forms = (RegistrationForm, OrientationForm, ContactForm, InterventionForm)
    return [
        (form.__name__, name, field)
        for form in forms
        for name, field in form.base_fields.items()
        if "phone" in name
    ]


def test_every_public_form_uses_the_one_phone_field():
    fields = public_phone_fields()
    assert {form for form, _name, _field in fields} == {
        "RegistrationForm",
        "OrientationForm",
        "ContactForm",
        "InterventionForm",
    }
    assert [name for _form, name, field in fields if not isinstance(field, PhoneField)] == []


@pytest.mark.parametrize("typed", ["06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78"])
def test_the_same_number_is_stored_identically_by_every_public_form(typed):
    stored = {(form, name): field.clean(typed) for form, name, field in public_phone_fields()}
    assert set(stored.values()) == {"+33612345678"}


def test_a_reunion_mobile_is_stored_in_e164_by_every_public_form():
    stored = {field.clean("0692 12 34 56") for _form, _name, field in public_phone_fields()}
    assert stored == {"+262692123456"}


def test_a_wrong_number_gets_the_french_message_next_to_the_field():
    for _form, _name, field in public_phone_fields():
        with pytest.raises(ValidationError) as error:
            field.clean("12 34")
        assert "Ce numéro de téléphone n'est pas valide" in error.value.messages[0]
