"""Background tasks of the shared plumbing (Django's tasks API, run by `manage.py db_worker`).

- `deliver_outbound_email(outbox_id)`: send one outbox row (see relier_site.mail.delivery).
- `retry_due_emails()`: return stale "sending" rows to pending, then send every pending
  row whose next attempt is due.
- `outbox_sweep()`: `retry_due_emails` every few minutes (re-enqueues itself).
- `send_password_reset_emails(user_ids)`: the admin password-reset emails.
- `daily_maintenance()`: the daily jobs (retention...) and the sweep, every night at
  03:30 Paris time (re-enqueues itself). See relier_site.scheduling.

Importing this module (the app's ``ready()`` does) registers `enqueue_delivery` with the
outbox and the two periodic tasks with the scheduler: this module imports the mail
delivery and the scheduling, never the other way round.
"""

from django.tasks import task

from . import password_reset_emails, scheduling
from .mail import delivery


@task
def deliver_outbound_email(outbox_id):
    """Send one outbox row if it is still pending and due; return its status."""
    return delivery.deliver(outbox_id)


@task
def retry_due_emails():
    """Send the pending outbox rows whose next attempt is due; return how many were sent."""
    return delivery.retry_due()


@task
def outbox_sweep():
    """Periodic retry sweep: schedules its next run first, then sends what is due."""
    scheduling.schedule_next(outbox_sweep)
    return delivery.retry_due()


@task
def daily_maintenance():
    """Nightly run: schedules the next night first, then runs the registered daily jobs
    and the retry sweep. Returns a summary {job name: result or error class}."""
    scheduling.schedule_next(daily_maintenance)
    scheduling.ensure_periodic_tasks()
    summary = scheduling.run_daily_jobs()
    summary["retry_due_emails"] = delivery.retry_due()
    return summary


@task
def send_password_reset_emails(user_ids):
    """Queue the admin password-reset email of these accounts (see
    relier_site.password_reset_emails); return how many were queued."""
    return password_reset_emails.send_reset_emails(user_ids)


@delivery.register_delivery_enqueuer
def enqueue_delivery(outbox_id, run_after=None):
    """Queue `deliver_outbound_email(outbox_id)`, for `run_after` if given. A backend that
    cannot defer gets nothing for later: the periodic sweep (retry_due_emails) sends it."""
    task = deliver_outbound_email
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=run_after)
    task.enqueue(outbox_id)


scheduling.register_periodic_task(daily_maintenance, scheduling.next_daily_run)
scheduling.register_periodic_task(outbox_sweep, scheduling.next_sweep_run)
