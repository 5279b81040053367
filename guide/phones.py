"""Phone numbers of the guide: validated with `phonenumbers`, stored in E.164
(+33123456789), shown the French way (01 23 45 67 89), dialled through `tel:` links.

French short numbers (3018, 119, 17…) have no E.164 form: they are stored as their
digits, which is also what a phone dials.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from phonenumbers import shortnumberinfo

from relier_site.phones import NATIONAL_REGIONS, to_e164

INVALID_MESSAGE = (
    "Ce numéro de téléphone n'est pas valide : indiquez un numéro français à 10 chiffres "
    "(01 23 45 67 89), un numéro international (+262 262 12 34 56) ou un numéro court "
    "(3018, 119)."
)


def normalize_phone(raw):
    """The stored form of `raw` ("" when empty); ValidationError in French if invalid."""
    text = (raw or "").strip()
    if not text:
        return ""
    compact = "".join(ch for ch in text if ch.isdigit() or ch == "+")
    if compact.isdigit() and len(compact) <= 6:
        number = phonenumbers.parse(compact, "FR")
        if shortnumberinfo.is_valid_short_number_for_region(number, "FR"):
            return compact
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
    stored = to_e164(text)
    if stored is None:
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
    return stored


def display_phone(stored):
    """« 01 23 45 67 89 », « 0 800 23 52 36 », « 3018 »; the number as dialled in France."""
    if not stored or not stored.startswith("+"):
        return stored or ""
    number = phonenumbers.parse(stored)
    if phonenumbers.region_code_for_number(number) in NATIONAL_REGIONS:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def tel_uri(stored):
    return f"tel:{stored}" if stored else ""
