"""manage.py send_test_email ADDRESS: check the SMTP settings after a deploy."""

import time

from django.core.management.base import CommandError
from django.utils import timezone

from relier_site.mail import delivery, outbox
from relier_site.management.base import OperatorCommand
from relier_site.models import OutboundEmail

# How long to wait for a worker that took the message first, before reporting.
WAIT_FOR_WORKER_SECONDS = 60


class Command(OperatorCommand):
    help = (
        "Envoie le « Courriel de test » à ADDRESS par la file d'envoi (outbox) et essaie "
        "de le remettre tout de suite, pour vérifier la configuration SMTP."
    )

    def add_arguments(self, parser):
        parser.add_argument("address", help="Adresse électronique du destinataire.")

    def handle(self, *args, address, **options):
        try:
            row = outbox.send_templated_mail(
                "emails/test_message", {"requested_at": timezone.now()}, [address]
            )
        except ValueError as exc:
            raise CommandError(f"adresse invalide : {address}") from exc
        # Deliver now, in this process, so the operator sees the SMTP outcome. If a worker
        # claimed it first, it is not sent twice: wait for the worker's outcome instead.
        status = delivery.deliver(row.pk)
        deadline = time.monotonic() + WAIT_FOR_WORKER_SECONDS
        while status == OutboundEmail.Status.SENDING and time.monotonic() < deadline:
            time.sleep(0.5)
            status = OutboundEmail.objects.filter(pk=row.pk).values_list("status", flat=True).get()
        row.refresh_from_db()
        if row.status == OutboundEmail.Status.SENT:
            self.stdout.write(self.style.SUCCESS(f"{row} envoyé à {address}."))
            return
        if row.status == OutboundEmail.Status.SENDING:
            self.stdout.write(f"{row} en cours d'envoi par le worker (db_worker).")
            return
        if row.status == OutboundEmail.Status.PENDING and not row.attempts:
            self.stdout.write(f"{row} en file d'attente : le worker (db_worker) l'enverra.")
            return
        when = (
            f" Nouvel essai prévu le {timezone.localtime(row.next_attempt_at):%d/%m/%Y à %H:%M}."
            if row.next_attempt_at
            else ""
        )
        raise CommandError(f"{row} non envoyé (tentative {row.attempts}) : {row.last_error}.{when}")
