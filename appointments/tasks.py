"""Background tasks of the permanences (Django's tasks API, run by `manage.py db_worker`).

- `expire_offers()`: every OFFER_SWEEP_INTERVAL, the slots held for someone on the
  waiting list whose hold is over are passed on (services.expire_offers). It enqueues
  its next run first (relier_site.scheduling.register_periodic_task keeps one waiting),
  so an offer ends at most OFFER_SWEEP_INTERVAL after its hold; until then the slot
  engine already treats an expired hold as free, and the person can no longer accept
  it.
"""

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from relier_site import scheduling

from . import services

OFFER_SWEEP_INTERVAL = timedelta(minutes=10)


def next_offer_sweep(now=None):
    return (now or timezone.now()) + OFFER_SWEEP_INTERVAL


@task
def expire_offers():
    """Periodic: schedules its next run, then expires the offers past their hold."""
    scheduling.schedule_next(expire_offers)
    return services.expire_offers()


scheduling.register_periodic_task(expire_offers, next_offer_sweep)
