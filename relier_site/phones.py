"""Phone numbers typed by people, read with `phonenumbers`, in one place: French numbers
(mainland first, then the overseas départements': La Réunion +262, Guadeloupe,
Martinique, Guyane, Mayotte) or international ones (starting with + or 00), always
stored in their E.164 form (+33612345678), so the same number typed two ways is the
same stored text (duplicate and flood checks compare them). The guide also accepts
French short numbers (3018, 119), stored as their digits, which is what a phone dials.

- `PhoneField`: the form field of every public form (type="tel", French error).
- `normalise`: what a form or an import stores.
- `display`, `tel_uri`: how a stored number is shown « 06 12 34 56 78 » and dialled.

Hand-written on top of `phonenumbers` rather than django-phonenumber-field: the stored
value stays a plain string (the unique constraints and look-ups compare text), the
guide needs short numbers that have no E.164 form, and national numbers are tried
against several French regions, not one default region.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.forms import TextInput
from phonenumbers import shortnumberinfo

from .text import CleanCharField

# National numbers are tried as metropolitan first, then as overseas départements'.
NATIONAL_REGIONS = ("FR", "RE", "GP", "MQ", "GF", "YT")
MAX_LENGTH = 30
MESSAGE = (
    "Ce numéro de téléphone n'est pas valide : indiquez un numéro français à 10 chiffres "
    "commençant par 0 (outre-mer compris), ou un numéro international commençant par +."
)
MESSAGE_WITH_SHORT_NUMBERS = (
    "Ce numéro de téléphone n'est pas valide : indiquez un numéro français à 10 chiffres "
    "(01 23 45 67 89), un numéro international (+262 262 12 34 56) ou un numéro court "
    "(3018, 119)."
)
HELP_TEXT = "10 chiffres, ou + et l'indicatif du pays."


def to_e164(text):
    """The E.164 form of the valid number `text`, or None."""
    compact = "".join(ch for ch in text if ch.isdigit() or ch == "+")
    if compact.startswith("00"):
        text = compact = "+" + compact[2:]
    regions = (None,) if compact.startswith("+") else NATIONAL_REGIONS
    for region in regions:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def _short_number(compact):
    if not (compact.isdigit() and len(compact) <= 6):
        return None
    number = phonenumbers.parse(compact, "FR")
    return compact if shortnumberinfo.is_valid_short_number_for_region(number, "FR") else None


def normalise(raw, *, short_numbers=False, message=None):
    """The stored form of `raw`: E.164, the digits of a French short number when
    `short_numbers`, "" when empty; ValidationError in French (code invalid_phone)."""
    text = (raw or "").strip()
    if not text:
        return ""
    compact = "".join(ch for ch in text if ch.isdigit() or ch == "+")
    stored = (_short_number(compact) if short_numbers else None) or to_e164(text)
    if stored is None:
        default = MESSAGE_WITH_SHORT_NUMBERS if short_numbers else MESSAGE
        raise ValidationError(message or default, code="invalid_phone")
    return stored


def display(stored):
    """« 01 23 45 67 89 », « 0262 12 34 56 », « 3018 », « +32 2 123 45 67 »: the number
    as dialled in France."""
    if not stored or not stored.startswith("+"):
        return stored or ""
    number = phonenumbers.parse(stored)
    if phonenumbers.region_code_for_number(number) in NATIONAL_REGIONS:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def tel_uri(stored):
    return f"tel:{stored}" if stored else ""


class PhoneField(CleanCharField):
    """A phone number of a public form: cleaned to E.164 ("" when left empty)."""

    def __init__(self, *, message=MESSAGE, help_text=HELP_TEXT, required=False, **kwargs):
        self.message = message
        kwargs.setdefault("widget", TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
        super().__init__(
            max_length=MAX_LENGTH,
            required=required,
            truncate=False,
            help_text=help_text,
            error_messages={"max_length": message} | kwargs.pop("error_messages", {}),
            **kwargs,
        )

    def clean(self, value):
        return normalise(super().clean(value), message=self.message)
