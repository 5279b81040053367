"""The mail plumbing after its split (issue 21): modules whose imports point one way, and
outbox rows linked to the row they concern (content type and primary key), not by a
hand-built `subject_key` string."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from events.models import Registration
from referrals.models import Referral
from relier_site.mail.outbox import (
    cancel_pending,
    emails_about,
    purge,
    reason_for,
    reason_stored,
    send_templated_mail,
)
from relier_site.models import OutboundEmail

ROOT = Path(__file__).resolve().parents[2]
PLUMBING = ("relier_site.mail", "relier_site.tasks", "relier_site.scheduling")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def platform_modules():
    return {
        module_name(path): path
        for path in (ROOT / "relier_site").rglob("*.py")
        if "migrations" not in path.parts
    }


def imports_of(name, path, known):
    """Modules of `known` that `name` imports, at module level or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
                # Importing a submodule runs its packages' __init__ first.
                parent = target.rpartition(".")[0]
                while parent in known and parent != name:
                    found.add(parent)
                    parent = parent.rpartition(".")[0]
    return found


def import_graph():
    modules = platform_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph.get(node, ()):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_reader_sees_a_lazy_import_cycle():
    graph = {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert cycles(graph) == [{"a", "b"}]
    source = Path(ROOT / "relier_site" / "tasks.py")
    assert "relier_site.mail.delivery" in imports_of(
        "relier_site.tasks", source, platform_modules()
    )


def test_mail_tasks_and_scheduling_import_each_other_one_way_only():
    graph = import_graph()
    assert {"relier_site.mail.rendering", "relier_site.mail.outbox"} <= set(graph)
    tangled = [c for c in cycles(graph) if any(m.startswith(PLUMBING) for m in c)]
    assert tangled == []
    for name, targets in graph.items():
        if name.startswith("relier_site.mail"):
            assert not targets & {"relier_site.tasks", "relier_site.scheduling"}, name


def test_no_subject_key_string_is_left_in_the_code():
    """Outside the migrations that convert them, no code builds or reads subject keys."""
    left = [
        path.relative_to(ROOT).as_posix()
        for folder in ("relier_site", "home", "events", "referrals", "programmes", "guide")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts and "subject_key" in path.read_text(encoding="utf-8")
    ]
    assert left == []


def send(about, reason=None, **kwargs):
    return send_templated_mail(
        "emails/test_message",
        {},
        ["parent@example.org"],
        about=about,
        reason_key=reason_for(about, reason) if reason else None,
        not_before=timezone.now() + timedelta(days=1),
        **kwargs,
    )


@pytest.mark.django_db
@pytest.mark.both_databases
def test_a_mail_is_linked_to_its_row_and_only_that_row_is_reached():
    registration, referral = Registration(pk=7), Referral(pk=7)
    about_registration = send(registration, "reminder")
    about_referral = send(referral, "confirmation")

    assert about_registration.about_reference() == "registration:7"
    assert about_registration.reason_key == "registration:7:reminder"
    assert list(emails_about(referral)) == [about_referral]
    assert reason_stored("registration:7:reminder")
    assert send(registration, "reminder") == about_registration  # one row per reason
    assert OutboundEmail.objects.count() == 2

    assert cancel_pending(registration) == 1
    about_referral.refresh_from_db()
    assert about_referral.status == OutboundEmail.Status.PENDING
    assert purge(registration, Referral(pk=8)) == 1
    assert list(OutboundEmail.objects.all()) == [about_referral]
    assert purge() == 0 and not emails_about().exists()
    with pytest.raises(ValueError):
        cancel_pending(Referral())  # an unsaved row: no mail can be about it


@pytest.mark.django_db
@pytest.mark.both_databases
def test_two_mails_for_one_reason_give_one_row_at_the_database():
    from django.db import IntegrityError, transaction

    send(Registration(pk=3), "confirmation")
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboundEmail.objects.create(
            to=["x@example.org"],
            subject="s",
            body_text="t",
            body_html="h",
            reason_key="registration:3:confirmation",
        )


BEFORE = [("relier_site", "0004_peer_review_task")]
AFTER = [("relier_site", "0005_outbox_about")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.both_databases
def test_the_migration_links_existing_rows_to_their_subject_and_back():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    user_app, user_model = settings.AUTH_USER_MODEL.lower().split(".")
    keys = {
        "referral:42": ("referrals", "referral", 42),
        "registration:7": ("events", "registration", 7),
        "user:3": (user_app, user_model, 3),
        "events:staff-digest:session:5": ("events", "session", 5),
        "events:to-call:session:6": ("events", "session", 6),
        "": None,
        "autre-chose": None,
    }
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model("relier_site", "OutboundEmail")
        for n, key in enumerate(keys):
            reason = f"events:to-call:session:6:{n}" if "to-call" in key else f"r:{n}"
            old.objects.create(
                to=["a@example.org"],
                subject="s",
                body_text="t",
                body_html="h",
                subject_key=key,
                reason_key=reason,
            )

        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        rows = executor.loader.project_state(AFTER).apps.get_model("relier_site", "OutboundEmail")
        linked = {
            row.reason_key: (
                (row.about_type.app_label, row.about_type.model, row.about_id)
                if row.about_type_id
                else None
            )
            for row in rows.objects.select_related("about_type")
        }
        expected = {}
        for n, (key, target) in enumerate(keys.items()):
            reason = f"events:to-call:session:6:{n}" if "to-call" in key else f"r:{n}"
            expected[reason] = target
        assert linked == expected

        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE)
        back = executor.loader.project_state(BEFORE).apps.get_model("relier_site", "OutboundEmail")
        assert sorted(back.objects.values_list("subject_key", flat=True)) == sorted(
            key if keys[key] else "" for key in keys
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)
