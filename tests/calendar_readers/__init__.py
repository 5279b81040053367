"""Three independent iCalendar readers for the tests: icalendar, vobject and ical.js
(the JavaScript library of Thunderbird and many web calendars).

`read_all(ics)` parses a calendar file with each and returns {reader: [Reading, ...]}:
per VEVENT its UID, start (aware, UTC), SEQUENCE, SUMMARY and the calendar's METHOD, so a
test can assert that all three agree.

ical.js is pinned in tests/calendar_readers/package.json and package-lock.json and
installed by `make install` (`npm ci --prefix tests/calendar_readers`, when npm exists);
`read.mjs` reads the file on stdin and prints JSON. Without node or without the package,
a test using it is skipped with a message saying so, except under CI (CI=true), where it
fails: the third reader must not silently go missing.
"""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar

FOLDER = Path(__file__).resolve().parent
SCRIPT = FOLDER / "read.mjs"
PACKAGE = FOLDER / "node_modules" / "ical.js"
READERS = ("icalendar", "vobject", "ical.js")


@dataclass(frozen=True)
class Reading:
    uid: str
    start: datetime  # aware, UTC
    sequence: int
    method: str
    summary: str


def _utc(value):
    assert isinstance(value, datetime) and value.tzinfo is not None, value
    return value.astimezone(UTC)


def read_icalendar(ics):
    calendar = Calendar.from_ical(ics)
    method = str(calendar.get("METHOD", ""))
    return [
        Reading(
            str(event["UID"]),
            _utc(event.start),
            int(event.get("SEQUENCE", 0)),
            method,
            str(event.get("SUMMARY", "")),
        )
        for event in calendar.events
    ]


def read_vobject(ics):
    calendar = vobject.readOne(ics.decode("utf-8"))
    method = calendar.method.value if hasattr(calendar, "method") else ""
    return [
        Reading(
            event.uid.value,
            _utc(event.dtstart.value),
            int(event.sequence.value) if hasattr(event, "sequence") else 0,
            method,
            event.summary.value if hasattr(event, "summary") else "",
        )
        for event in calendar.vevent_list
    ]


def node_or_skip():
    """The path of node, when it and ical.js are installed; else skip the test (fail it
    under CI=true)."""
    node = shutil.which("node")
    missing = ""
    if node is None:
        missing = "node n'est pas installé"
    elif not PACKAGE.is_dir():
        missing = "ical.js n'est pas installé (npm ci --prefix tests/calendar_readers)"
    if missing:
        message = f"Troisième lecteur d'agenda indisponible : {missing}."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return node


def read_icaljs(ics):
    result = subprocess.run(  # noqa: S603 (our own script, no shell)
        [node_or_skip(), str(SCRIPT)],
        input=ics,
        capture_output=True,
        cwd=FOLDER,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    parsed = json.loads(result.stdout)
    return [
        Reading(
            event["uid"],
            datetime.fromisoformat(event["start"].replace("Z", "+00:00")).astimezone(UTC),
            int(event["sequence"]),
            parsed.get("method") or "",
            event["summary"],
        )
        for event in parsed["events"]
    ]


def read_all(ics):
    """{reader name: [Reading per VEVENT]} of the calendar file `ics` (bytes)."""
    ics = ics if isinstance(ics, bytes) else ics.encode("utf-8")
    return {
        "icalendar": read_icalendar(ics),
        "vobject": read_vobject(ics),
        "ical.js": read_icaljs(ics),
    }
