"""Periodic work: the nightly maintenance run and the outbox retry sweep.

Public API for the apps::

    # in MyAppConfig.ready()
    from relier_site.scheduling import register_daily_job

    register_daily_job(apply_referral_retention, name="referral_retention")

A daily job is a callable taking one keyword argument, ``now`` (an aware datetime), and
returning something JSON-serialisable (typically the number of rows it changed). Every
night at 03:30 (Europe/Paris) the ``relier_site.tasks.daily_maintenance`` task runs all
registered jobs (one failing job does not stop the others; its exception class is
logged, never its message), then the outbox retry sweep. Built-in jobs: outbox retention
(OUTBOX_RETENTION_DAYS, default 90), pruning of finished task results
(TASK_RESULT_RETENTION_DAYS, default 14), of failed login attempts past their
cool-off (AXES_COOLOFF_TIME), of the rate limiter's finished windows and of expired
sessions (SESSION_COOKIE_AGE after their last change).

Work for a given time (a reminder at 09:00 the day before a session) does not wait for
the nightly run: enqueue it for that time, ``my_task.using(run_after=when).enqueue(...)``
(django-tasks-db runs it once ``when`` has come), or, for an email,
``send_templated_mail(..., not_before=when)``, which does the same and falls back on the
5-minute outbox sweep when the task backend cannot defer.

How the periodic tasks stay alive: each run of ``daily_maintenance`` and of
``outbox_sweep`` (every 5 minutes) first enqueues its own next run with
``.using(run_after=...)``. ``ensure_periodic_tasks()`` makes sure exactly one pending
(READY) instance of each exists in django-tasks-db's table; it runs after every
``manage.py migrate`` (post_migrate signal) and at each nightly run, and is idempotent.
The periodic tasks are those given to ``register_periodic_task``: relier_site.tasks
registers both when it is imported; this module never imports the tasks.
With a backend that cannot defer tasks (the ImmediateBackend of the tests) or that is not
django-tasks-db, scheduling is a no-op: nothing is enqueued, so nothing recurses.
"""

import logging
from datetime import datetime, time, timedelta
from importlib import import_module

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.signals import post_migrate
from django.utils import timezone

from .mail.delivery import purge_outbox
from .ratelimit import purge_expired as prune_rate_limit_counters
from .timezones import PARIS

logger = logging.getLogger(__name__)

DAILY_RUN_TIME = time(3, 30)
SWEEP_INTERVAL = timedelta(minutes=5)

_daily_jobs = {}


def register_daily_job(func, *, name=None):
    """Run `func(now=...)` every night. Registering the same name twice keeps the last."""
    _daily_jobs[name or f"{func.__module__}.{func.__qualname__}"] = func
    return func


def daily_jobs():
    """The registered daily jobs, {name: callable}, in registration order."""
    return dict(_daily_jobs)


def run_daily_jobs(*, now=None):
    """Run every daily job; return {name: result, or "error: ExceptionClass"}."""
    now = now or timezone.now()
    summary = {}
    for name, job in daily_jobs().items():
        try:
            summary[name] = job(now=now)
        except Exception as exc:  # one failing job must not stop the others
            summary[name] = f"error: {type(exc).__name__}"
            logger.error("Daily job %s failed: %s", name, type(exc).__name__)
    return summary


def next_daily_run(now=None):
    """The next 03:30 in Paris strictly after `now`."""
    local_now = (now or timezone.now()).astimezone(PARIS)
    candidate = datetime.combine(local_now.date(), DAILY_RUN_TIME, tzinfo=PARIS)
    if candidate <= local_now:
        candidate = datetime.combine(
            local_now.date() + timedelta(days=1), DAILY_RUN_TIME, tzinfo=PARIS
        )
    return candidate


def next_sweep_run(now=None):
    return (now or timezone.now()) + SWEEP_INTERVAL


_periodic_tasks = {}  # task name -> (task, function giving its next run after `now`)


def register_periodic_task(task, next_run):
    """Keep `task` alive: `schedule_next(task)` queues it for `next_run(now)`, and
    `ensure_periodic_tasks()` makes sure one instance waits. relier_site.tasks registers
    its periodic tasks when it is imported (this module never imports the tasks)."""
    _periodic_tasks[task.name] = (task, next_run)
    return task


def periodic_tasks():
    """The registered periodic tasks, in registration order."""
    return [task for task, _next_run in _periodic_tasks.values()]


def _uses_database_backend(task=None):
    """True when `task`'s backend (default: the default backend) is django-tasks-db."""
    if task is not None:
        backend = task.get_backend()
    else:
        from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    if not backend.supports_defer:
        return False
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(backend, DatabaseBackend)


def pending_count(task):
    """How many READY (not yet started) instances of `task` wait in the database."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=task.module_path,
        status="READY",
        backend_name=task.backend,
    ).count()


def schedule_next(task, *, now=None):
    """Enqueue the next run of periodic `task` unless one is already pending."""
    if not _uses_database_backend(task):
        return None
    if pending_count(task):
        return None
    _task, next_run = _periodic_tasks[task.name]
    run_after = next_run(now)
    return task.using(run_after=run_after).enqueue()


def ensure_periodic_tasks(*, now=None):
    """Make sure one pending instance of each periodic task exists (idempotent)."""
    return [schedule_next(task, now=now) for task in periodic_tasks()]


def _tasks_table_exists(using):
    from django_tasks_db.models import DBTaskResult

    with connections[using].cursor() as cursor:
        tables = connections[using].introspection.table_names(cursor)
    return DBTaskResult._meta.db_table in tables


def bootstrap_on_post_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate handler: start the periodic tasks on a new install."""
    if getattr(sender, "name", None) != "relier_site" or using != DEFAULT_DB_ALIAS:
        return
    if not _uses_database_backend() or not _tasks_table_exists(using):
        return
    ensure_periodic_tasks()


post_migrate.connect(bootstrap_on_post_migrate, dispatch_uid="relier_site.periodic_tasks")


# --- Built-in daily jobs ---------------------------------------------------------------


def prune_task_results(*, now=None):
    """Delete finished task results (they may hold tracebacks) after a while."""
    if not _uses_database_backend():
        return 0
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    days = getattr(settings, "TASK_RESULT_RETENTION_DAYS", 14)
    old = DBTaskResult.objects.finished().filter(finished_at__lt=now - timedelta(days=days))
    return old.delete()[0]


def prune_login_attempts(*, now=None):
    """Delete failed staff login attempts (username, IP address) once their cool-off is
    over: they no longer lock anything, and axes only cleans them at the next login."""
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt

    now = now or timezone.now()
    return AccessAttempt.objects.filter(attempt_time__lt=now - get_cool_off()).delete()[0]


def purge_expired_sessions(*, now=None):
    """Delete expired sessions (a sent form's confirmation, a page password, a staff
    login): Django never deletes them itself. Through the session engine's own
    ``clear_expired()`` (which counts nothing), so it works with the database and the
    cache engines alike; `now` is not used, the engine compares with the current time."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


register_daily_job(purge_outbox, name="outbox_retention")
register_daily_job(prune_login_attempts, name="login_attempts_retention")
register_daily_job(prune_task_results, name="task_results_retention")
register_daily_job(prune_rate_limit_counters, name="rate_limit_retention")
register_daily_job(purge_expired_sessions, name="session_retention")
