"""Periodic tasks: bootstrap in django-tasks-db, nightly jobs, outbox retention."""

from datetime import UTC, datetime, timedelta

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from relier_site import scheduling
from relier_site.models import OutboundEmail
from relier_site.tasks import daily_maintenance, outbox_sweep

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def pending(task):
    return DBTaskResult.objects.filter(task_path=task.module_path, status="READY")


def make_email(status, **dates):
    row = OutboundEmail.objects.create(
        to=["parent@example.org"], subject="Objet", body_text="t", body_html="<p>h</p>"
    )
    OutboundEmail.objects.filter(pk=row.pk).update(status=status, **dates)
    return row


@override_settings(TASKS=DB_TASKS)
def test_bootstrap_creates_one_pending_run_of_each_periodic_task():
    scheduling.bootstrap_on_post_migrate(sender=apps.get_app_config("relier_site"))
    scheduling.bootstrap_on_post_migrate(sender=apps.get_app_config("relier_site"))
    scheduling.ensure_periodic_tasks()

    assert pending(daily_maintenance).count() == 1
    assert pending(outbox_sweep).count() == 1
    run_after = pending(daily_maintenance).get().run_after.astimezone(scheduling.PARIS)
    assert (run_after.hour, run_after.minute) == (3, 30)
    assert run_after > timezone.now()


@override_settings(TASKS=DB_TASKS)
def test_a_periodic_run_schedules_exactly_one_next_run():
    daily_maintenance.call()  # as the worker does, while its own row is RUNNING
    daily_maintenance.call()
    assert pending(daily_maintenance).count() == 1
    assert pending(outbox_sweep).count() == 1  # started by the nightly run too

    outbox_sweep.call()
    sweep = pending(outbox_sweep)
    assert sweep.count() == 1


def test_bootstrap_is_a_no_op_with_the_immediate_backend():
    assert scheduling.ensure_periodic_tasks() == [None] * len(scheduling.periodic_tasks())
    assert len(scheduling.periodic_tasks()) == 3  # the offers, the nightly work, the outbox sweep
    scheduling.bootstrap_on_post_migrate(sender=apps.get_app_config("relier_site"))
    assert DBTaskResult.objects.count() == 0
    result = daily_maintenance.enqueue()  # runs at once, must not re-enqueue itself
    assert result.status == "SUCCESSFUL"
    assert DBTaskResult.objects.count() == 0


def test_next_daily_run_is_the_next_0330_in_paris():
    winter = datetime(2026, 1, 10, 1, 0, tzinfo=UTC)  # 02:00 in Paris
    assert scheduling.next_daily_run(winter) == datetime(
        2026, 1, 10, 3, 30, tzinfo=scheduling.PARIS
    )
    summer_after = datetime(2026, 7, 10, 2, 0, tzinfo=UTC)  # 04:00 in Paris
    assert scheduling.next_daily_run(summer_after) == datetime(
        2026, 7, 11, 3, 30, tzinfo=scheduling.PARIS
    )
    assert scheduling.next_daily_run(summer_after).utcoffset() == timedelta(hours=2)


@override_settings(OUTBOX_RETENTION_DAYS=90)
def test_daily_maintenance_applies_outbox_retention():
    now = timezone.now()
    old = now - timedelta(days=91)
    recent = now - timedelta(days=89)
    old_sent = make_email(OutboundEmail.Status.SENT, sent_at=old, created_at=old)
    recent_sent = make_email(OutboundEmail.Status.SENT, sent_at=recent, created_at=old)
    old_failed = make_email(OutboundEmail.Status.FAILED, last_attempt_at=old, created_at=old)
    recent_failed = make_email(OutboundEmail.Status.FAILED, last_attempt_at=recent, created_at=old)
    old_pending = make_email(
        OutboundEmail.Status.PENDING, created_at=old, next_attempt_at=now + timedelta(hours=1)
    )

    result = daily_maintenance.enqueue()

    assert result.status == "SUCCESSFUL"
    assert result.return_value["outbox_retention"] == 2
    remaining = set(OutboundEmail.objects.values_list("pk", flat=True))
    assert remaining == {recent_sent.pk, recent_failed.pk, old_pending.pk}
    assert old_sent.pk not in remaining and old_failed.pk not in remaining


def test_registered_daily_jobs_run_and_a_failing_one_does_not_stop_the_others():
    calls = []

    def broken(*, now):
        raise RuntimeError("secret personal detail")

    def counting(*, now):
        calls.append(now)
        return 3

    scheduling.register_daily_job(broken, name="test_broken")
    scheduling.register_daily_job(counting, name="test_counting")
    try:
        summary = scheduling.run_daily_jobs()
    finally:
        scheduling._daily_jobs.pop("test_broken")
        scheduling._daily_jobs.pop("test_counting")

    assert summary["test_broken"] == "error: RuntimeError"
    assert summary["test_counting"] == 3
    assert len(calls) == 1
    assert "outbox_retention" in summary


@override_settings(TASKS=DB_TASKS)
def test_old_finished_task_results_are_pruned():
    scheduling.ensure_periodic_tasks()
    old = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="relier_site.tasks.retry_due_emails",
        backend_name="default",
        run_after=timezone.now(),
        status="SUCCESSFUL",
        finished_at=timezone.now() - timedelta(days=30),
    )
    assert scheduling.prune_task_results() == 1
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()
    assert pending(daily_maintenance).count() == 1  # pending runs are kept


def test_daily_maintenance_deletes_login_attempts_past_their_cool_off():
    def attempt(username, age):
        row = AccessAttempt.objects.create(
            username=username, ip_address="192.0.2.1", user_agent="test", failures_since_start=1
        )
        AccessAttempt.objects.filter(pk=row.pk).update(attempt_time=timezone.now() - age)

    attempt("ancienne-tentative", timedelta(hours=2))  # cool-off is one hour
    attempt("tentative-recente", timedelta(minutes=10))

    summary = daily_maintenance.enqueue().return_value

    assert summary["login_attempts_retention"] == 1
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["tentative-recente"]


@override_settings(TASKS=DB_TASKS)
def test_an_app_can_enqueue_work_for_a_given_time_instead_of_the_nightly_run(monkeypatch):
    from relier_site.tasks import retry_due_emails

    reminder_time = datetime(2027, 1, 14, 9, 0, tzinfo=scheduling.PARIS)
    result = retry_due_emails.using(run_after=reminder_time).enqueue()

    queued = DBTaskResult.objects.get(id=result.id)
    assert queued.run_after == reminder_time
    # The worker takes the ready tasks: not at 08:59, at 09:00 (not at 03:30).
    monkeypatch.setattr(timezone, "now", lambda: reminder_time - timedelta(minutes=1))
    assert not DBTaskResult.objects.ready().filter(id=result.id).exists()
    monkeypatch.setattr(timezone, "now", lambda: reminder_time)
    assert DBTaskResult.objects.ready().filter(id=result.id).exists()


def test_daily_maintenance_deletes_expired_sessions_and_keeps_live_ones():
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    def session(**data):
        store = SessionStore()
        store.update(data)
        store.create()
        return store.session_key

    expired = session(confirmation="RLR-EXPIRED")
    live = session(confirmation="RLR-LIVE")
    Session.objects.filter(session_key=expired).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )

    summary = daily_maintenance.enqueue().return_value  # as the worker runs it

    assert "session_retention" in summary
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert SessionStore(session_key=live)["confirmation"] == "RLR-LIVE"
