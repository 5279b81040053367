"""The site's time zones, in one place: Paris (the site's TIME_ZONE, the nightly work,
most sessions) and La Réunion (sessions held there). A session stores its zone's name
(`ZoneInfo.key`); people read « heure de Paris » / « heure de La Réunion »."""

from zoneinfo import ZoneInfo

from django.utils.formats import date_format

PARIS = ZoneInfo("Europe/Paris")
REUNION = ZoneInfo("Indian/Reunion")

# Choices of a zone field (the stored value is the zone's name).
CHOICES = [(PARIS.key, "Heure de Paris"), (REUNION.key, "Heure de La Réunion")]
LABELS = {PARIS.key: "heure de Paris", REUNION.key: "heure de La Réunion"}


def zone(name):
    """The ZoneInfo of a stored zone name."""
    return ZoneInfo(name)


def local(value, tz=PARIS):
    """The aware datetime `value` as wall-clock time in `tz` (a ZoneInfo or a zone name)."""
    return value.astimezone(zone(tz) if isinstance(tz, str) else tz)


NBSP = "\u00a0"


def french_time(value):
    """14:00 → « 14 h », 14:30 → « 14 h 30 » (non-breaking spaces)."""
    if value.minute:
        return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"
    return f"{value.hour}{NBSP}h"


def label(name):
    """« heure de La Réunion » for a stored zone name (the name itself if unknown)."""
    return LABELS.get(name, name)


def when_text(item):
    """« mardi 8 décembre 2026, de 14 h à 15 h 30 » for anything with `local_start`,
    `local_end` and `timezone_label` (LocalTimes, an agenda session), with « (heure de
    La Réunion) » when not Paris."""
    start, end = item.local_start, item.local_end
    text = f"{date_format(start, 'l j F Y')}, de {french_time(start)} à {french_time(end)}"
    if item.timezone_label:
        text += f" ({item.timezone_label})"
    return text


def moment_text(moment, zone_name):
    """« mardi 9 juin 2026 à 18 h » for the aware datetime `moment` in the zone
    `zone_name`, with « (heure de La Réunion) » when not Paris."""
    value = local(moment, zone_name)
    text = f"{date_format(value, 'l j F Y')} à {french_time(value)}"
    if zone_name != PARIS.key:
        text += f" ({label(zone_name)})"
    return text


def start_text(item):
    """« mardi 9 juin à 17 h » for the same kind of object, with « (heure de La
    Réunion) » when not Paris: a slot to choose."""
    text = f"{date_format(item.local_start, 'l j F')} à {french_time(item.local_start)}"
    return f"{text} ({item.timezone_label})" if item.timezone_label else text


class LocalTimes:
    """What an object with aware `start` and `end` and a stored zone name `timezone`
    shows people: its times in its zone, and « heure de La Réunion » when not Paris."""

    @property
    def local_start(self):
        return local(self.start, self.timezone)

    @property
    def local_end(self):
        return local(self.end, self.timezone)

    @property
    def timezone_label(self):
        """« heure de La Réunion » when not Paris; empty for Paris."""
        return "" if self.timezone == PARIS.key else label(self.timezone)

    @property
    def local_when(self):
        """When it is, in words and in its zone (`when_text`)."""
        return when_text(self)
