"""One place names the site's time zones: relier_site.timezones (Paris, La Réunion, their
French words, `local`). No other module of the site builds a ZoneInfo."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings

from events.models import Session
from relier_site import timezones

pytestmark = pytest.mark.one_database

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("relier_site", "home", "programmes", "referrals", "events", "guide")


def test_no_module_but_relier_site_timezones_builds_a_zone():
    builders = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
        and path != ROOT / "relier_site" / "timezones.py"
        and ("ZoneInfo" in path.read_text() or "zoneinfo" in path.read_text())
    ]
    assert builders == []


def test_sessions_choose_among_the_site_zones_in_french():
    field = Session._meta.get_field("timezone")
    assert field.choices == [
        ("Europe/Paris", "Heure de Paris"),
        ("Indian/Reunion", "Heure de La Réunion"),
    ]
    assert field.default == "Europe/Paris" == settings.TIME_ZONE
    assert timezones.label("Indian/Reunion") == "heure de La Réunion"


def test_local_gives_the_wall_clock_time_of_a_zone():
    noon_utc = datetime(2026, 12, 8, 12, 0, tzinfo=UTC)
    assert timezones.local(noon_utc).strftime("%H:%M") == "13:00"
    assert timezones.local(noon_utc, timezones.REUNION).strftime("%H:%M") == "16:00"
    assert timezones.local(noon_utc, "Indian/Reunion").strftime("%H:%M") == "16:00"
