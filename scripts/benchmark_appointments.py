"""Concurrent bookings of the permanences on the site as deployed (issue 17, point 12):
REQUESTS people book free slots at the same moment over real HTTP, several of them the
same slot; no slot may ever hold two appointments.

    python3 -m uv run --frozen bash scripts/with-postgres.sh \\
        python scripts/benchmark_appointments.py [--workers 4] [--requests 200] [--per-slot 4]

What it does:

1. a new, empty database in the PostgreSQL cluster of DATABASE_URL (the one of
   scripts/with-postgres.sh), production settings, `migrate`, `collectstatic`, then
   the demo content (`load_demo_content`: two psychologists' permanences for four
   weeks, appointments.demo);
2. gunicorn started as the README deploys it (`gunicorn -c gunicorn.conf.py
   relier_site.wsgi`, --workers processes), behind nginx with the README's rules when
   nginx is installed (scripts/deployed_site.py, as for tests/deploy);
3. the free slots of the demo's types are read once; REQUESTS clients each take one
   (PER_SLOT clients per slot, so that some lose the race), open its booking form
   from their own loopback address (their own CSRF cookie, token and submission key:
   benchmark_events.Client), then all of them post it at once (a barrier releases the
   threads together).

Prints booked (303 to the confirmation), refused (the form again with « Ce créneau vient
d'être pris »), errors (anything else), the double bookings counted in the database
(two active appointments of one psychologist that overlap, buffers included: must be
0) and the latency (median, p95, max). Exits with status 1 on a double booking, an
error, or booked + refused != REQUESTS. Timings are printed, never asserted.
"""

import argparse
import html
import statistics
import sys
from urllib.parse import urlencode

from benchmark_events import Client, loopback, p95, post_at_once, setup_django
from deployed_site import benchmark_site

DATABASE = "relier_benchmark_appointments"
BOOKED = 303  # the form redirects (See Other) to the confirmation page
SLOT_TAKEN = "vient d'être pris"  # appointments.services.SLOT_TAKEN, shown on the form


def fail(message):
    print(f"benchmark_appointments: {message}", file=sys.stderr)
    sys.exit(2)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes (4)")
    parser.add_argument("--requests", type=int, default=200, help="bookings at once (200)")
    parser.add_argument("--per-slot", type=int, default=4, help="clients posting the same slot (4)")
    args = parser.parse_args(argv)
    if args.workers < 2:
        parser.error("--workers: at least 2 (the point is a multi-worker server)")
    if args.requests < 1 or args.per_slot < 1:
        parser.error("--requests and --per-slot: at least 1")
    return args


# --- What the site needs (Django, in this process, on the deployed site's database) --------


def build_site(env):
    """Migrate, collect the static files, load the demo; return the free slots of the
    demo's types, soonest first, as (type pk, slot value)."""
    setup_django(env)
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import connections
    from django.utils import timezone

    from appointments.models import AppointmentType
    from appointments.slots import free_slots

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo_content", verbosity=0)
    now = timezone.now()
    found = []
    for appointment_type in AppointmentType.objects.filter(is_active=True):
        until = now + timedelta(days=appointment_type.booking_window_days)
        found += [
            (slot.start, appointment_type.pk, slot_value(slot))
            for slot in free_slots(appointment_type, now, until, now=now)
        ]
    connections.close_all()  # this process only reads from now on
    return [(type_pk, value) for _start, type_pk, value in sorted(found)]


def slot_value(slot):
    """How the booking form names a slot (appointments.forms.slot_value): « <psychologist
    id>-<start, Unix seconds> »."""
    return f"{slot.psychologist_id}-{int(slot.start.timestamp())}"


def booking_form(type_pk, value):
    """The address of the booking form of one slot, as the slot list links it:
    /permanences/<type>/reserver/?creneau=<slot value>."""
    from django.urls import reverse

    return f"{reverse('appointments:book', args=[type_pk])}?{urlencode({'creneau': value})}"


def person_fields(number, value):
    """The booking form filled in by person `number` for the slot `value`."""
    return {
        "urgent": "non",
        "creneau": value,
        "first_name": f"Personne{number}",
        "age_band": "15-17",
        "email": f"personne.{number}@example.org",
        "phone": "",
        "call_preference": "numero-masque",
        "reason": "",
    }


def double_bookings():
    """Pairs of active appointments of one psychologist that overlap (the later one
    starting before the end of the earlier one plus its buffer), from the database."""
    from datetime import timedelta

    from appointments.models import Appointment

    active = Appointment.objects.exclude(status=Appointment.Status.CANCELLED).order_by(
        "psychologist_id", "start"
    )
    rows = list(active.values_list("psychologist_id", "start", "end", "type__buffer"))
    return sum(
        1
        for earlier, later in zip(rows, rows[1:], strict=False)
        if earlier[0] == later[0] and later[1] < earlier[2] + timedelta(minutes=earlier[3])
    )


def booked_count():
    from appointments.models import Appointment

    return Appointment.objects.exclude(status=Appointment.Status.CANCELLED).count()


# --- The run -------------------------------------------------------------------------------


def run(args, site):
    slots, through_proxy = site.prepared, site.nginx is not None
    wanted = -(-args.requests // args.per_slot)  # ceiling
    if len(slots) < wanted:
        fail(f"the demo offers {len(slots)} free slots, {wanted} are needed")
    targets = [slots[n // args.per_slot] for n in range(args.requests)]
    paths = [booking_form(*target) for target in targets]
    clients = [Client(site.port, loopback(1, n), through_proxy) for n in range(args.requests)]
    for client, path in zip(clients, paths, strict=True):
        client.open_form(path)

    answers, wall = post_at_once(clients, paths, lambda n: person_fields(n, targets[n][1]))
    results = [
        (
            "booked"
            if status == BOOKED
            else "refused"
            if SLOT_TAKEN in html.unescape(body)
            else "error",
            status,
            seconds,
        )
        for status, body, seconds in answers
    ]
    site.gunicorn.check()

    counts = {name: sum(1 for r in results if r[0] == name) for name in ("booked", "refused")}
    errors = args.requests - counts["booked"] - counts["refused"]
    latencies = sorted(seconds for _, _, seconds in results)
    doubles, stored = double_bookings(), booked_count()
    print(
        f"{args.requests} bookings at once on {wanted} slots ({args.per_slot} per slot); "
        f"gunicorn {args.workers} workers, production settings, PostgreSQL, "
        f"{'through nginx (README rules)' if through_proxy else 'no nginx'}"
    )
    print(
        f"booked {counts['booked']} (appointments in the database: {stored}), "
        f"refused {counts['refused']} (slot taken), errors {errors} "
        f"(HTTP {', '.join(sorted({str(r[1]) for r in results}))}), "
        f"double bookings {doubles}"
    )
    print(
        f"all answered in {wall:.2f} s; per request median {statistics.median(latencies):.2f} s, "
        f"p95 {p95(latencies):.2f} s, "
        f"max {latencies[-1]:.2f} s"
    )
    good = not doubles and not errors and counts["booked"] == stored
    print("OK" if good else "FAILED")
    return 0 if good else 1


def main(argv=None):
    args = parse_args(argv)
    with benchmark_site(
        "benchmark_appointments", DATABASE, workers=args.workers, prepare=build_site
    ) as site:
        return run(args, site)


if __name__ == "__main__":
    sys.exit(main())
