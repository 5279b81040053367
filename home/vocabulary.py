"""The site's shared vocabulary: values that several apps store and show the same way.

`Programme`: the association's programmes, by the slug of their page below
/programmes/ (plain values, no foreign key into the programmes app), with their French
names. Referrals (what a request is about, routing rules, statistics, exports) and the
agenda (an event's programme, its filter, attendance figures) store these values.
"""

from django.db import models


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
