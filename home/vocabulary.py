"""The site's shared vocabulary: values that several apps store and show the same way.

`Programme`: the association's programmes, by the slug of their page below
/programmes/ (plain values, no foreign key into the programmes app), with their French
names. Referrals (what a request is about, routing rules, statistics, exports) and the
agenda (an event's programme, its filter, attendance figures) store these values.

`AgeBand`: the one scale of ages kept once a person's exact age is erased (a referral
when it is stored, a registration when it is anonymised), so that statistics of both
apps count the same bands. `age_band_for(age)` in Python, `age_band_case("age")` in the
database.

`month_label(year, month)`: « juin 2026 », how the statistics of every app name a
month (never dependent on the active language).
"""

from django.db import models
from django.db.models import Case, Value, When


class Programme(models.TextChoices):
    RELIER_VERS_LEMPLOI = "relier-vers-lemploi", "Relier vers l'emploi"
    SE_RECONSTRUIRE_ENSEMBLE = "se-reconstruire-ensemble", "Se reconstruire ensemble"
    STOP_CYBERVIOLENCES = "stop-cyberviolences", "STOP Cyberviolences"
    MONSTER_MOODS = "monster-moods", "Monster Moods"
    MONSTER_MESSENGER = "monster-messenger", "Monster Messenger"


def with_extra(enum_name, extra):
    """`Programme` plus extra answers of one form (`extra`: [(NAME, value, label)]), as
    a TextChoices of its own: the programmes keep their values, names and order."""
    members = [(member.name, (member.value, member.label)) for member in Programme]
    members += [(name, (value, label)) for name, value, label in extra]
    return models.TextChoices(enum_name, members)


class AgeBand(models.TextChoices):
    UNDER_11 = "3-10", "3 à 10 ans"
    AGED_11_TO_14 = "11-14", "11 à 14 ans"
    AGED_15_TO_17 = "15-17", "15 à 17 ans"
    AGED_18_TO_25 = "18-25", "18 à 25 ans"
    OVER_25 = "26-30", "26 à 30 ans"


# (highest age of the band, band); older than the last: OVER_25.
AGE_BAND_LIMITS = [
    (10, AgeBand.UNDER_11),
    (14, AgeBand.AGED_11_TO_14),
    (17, AgeBand.AGED_15_TO_17),
    (25, AgeBand.AGED_18_TO_25),
]


# Under this age, a young person asking alone is asked for a trusted adult (the contact
# form, a booked permanence): the bands below it.
TRUSTED_ADULT_AGE = 15
BANDS_UNDER_TRUSTED_ADULT_AGE = (AgeBand.UNDER_11, AgeBand.AGED_11_TO_14)
# What a young person under TRUSTED_ADULT_AGE doing it alone is told when the trusted
# adult is missing (the contact form, the booking of a permanence;
# templates/forms/trusted_adult_intro.html says why first).
TRUSTED_ADULT_NAME_NEEDED = (
    "Comme tu as moins de 15 ans, nous avons besoin du nom d'un adulte de confiance : "
    "nous le contacterons avec toi. Tu peux aussi appeler le 3018 ou le 119, "
    "gratuitement et sans donner ton nom."
)
TRUSTED_ADULT_PHONE_NEEDED = "Indique le téléphone de cet adulte de confiance."


def age_band_for(age):
    """The band of an age in years; "" without an age."""
    if age is None:
        return ""
    return next((band for highest, band in AGE_BAND_LIMITS if age <= highest), AgeBand.OVER_25)


def age_band_case(field, default):
    """The same, computed by the database from the integer column `field`; `default`
    (an expression or a column) where the age is empty."""
    return Case(
        *(
            When(**{f"{field}__lte": highest}, then=Value(band))
            for highest, band in AGE_BAND_LIMITS
        ),
        When(**{f"{field}__isnull": False}, then=Value(AgeBand.OVER_25)),
        default=default,
    )


MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def month_label(year, month):
    """« juin 2026 »."""
    return f"{MONTHS[month - 1]} {year}"
