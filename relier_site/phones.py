"""Phone numbers typed by people, read with `phonenumbers`: French numbers (mainland
first, then the overseas départements') or international ones (starting with +), in
their E.164 form (+33123456789). Each app adds its own rules (short numbers, messages).
"""

import phonenumbers

# National numbers are tried as metropolitan first, then as overseas départements'.
NATIONAL_REGIONS = ("FR", "RE", "GP", "MQ", "GF", "YT")


def to_e164(text):
    """The E.164 form of the valid number `text`, or None."""
    compact = "".join(ch for ch in text if ch.isdigit() or ch == "+")
    regions = (None,) if compact.startswith("+") else NATIONAL_REGIONS
    for region in regions:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None
