"""One write path: in a domain app, `services.py` is the only code that changes state or
sends mail. The modules that once wrote beside it (retention, the staff digest, the
public views that counted rate limits) are read with `ast`: they call no write, and the
nightly jobs they used to hold are services functions."""

import ast
from pathlib import Path

import pytest

from relier_site import scheduling

pytestmark = pytest.mark.one_database

ROOT = Path(__file__).resolve().parent.parent
# Calls that store, delete, send or count (ORM, outbox, rate-limit counters).
WRITES = {
    "save",
    "delete",
    "update",
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "select_for_update",
    "atomic",
    "send_templated_mail",
    "purge",
    "cancel_pending",
    "record",
    "hit",
}
READ_ONLY_MODULES = [
    "events/retention.py",
    "events/digest.py",
    "events/views.py",
    "referrals/retention.py",
    "referrals/views.py",
]


def write_calls(path):
    tree = ast.parse((ROOT / path).read_text(), filename=path)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in WRITES:
                found.append(f"{path}:{node.lineno} {name}()")
        if isinstance(node, ast.Name) and node.id == "OutboundEmail":
            found.append(f"{path}:{node.lineno} OutboundEmail (the outbox table)")
    return found


@pytest.mark.parametrize("path", READ_ONLY_MODULES)
def test_only_services_write(path):
    assert write_calls(path) == []


@pytest.mark.parametrize(
    "job", ["referral_retention", "events_registration_retention", "events_staff_digest"]
)
def test_the_nightly_jobs_are_services(job):
    function = scheduling.daily_jobs()[job]
    assert function.__module__.endswith(".services")


COUNTING = {"record", "hit", "allowed", "address_key", "contact_key"}


@pytest.mark.parametrize("app", ["events", "referrals"])
def test_public_forms_count_their_limits_one_way_through_submission_limit(app):
    """The views check a SubmissionLimit and hand it to the service (`limits=`), which
    records it in its transaction: no module of the app counts with the raw counters."""
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("ratelimit"):
                found += [
                    f"{path.relative_to(ROOT)}:{node.lineno} {alias.name}"
                    for alias in node.names
                    if alias.name in COUNTING
                ]
    assert found == []
