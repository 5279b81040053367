"""Retention of the permanences' personal data, and what the rights of the person
cover: the policy. The services apply it: `services.anonymise_expired` (the nightly
job « appointments_retention »), `services.erase` (right to erasure, a staff action)
and `person_data` (right of access).

- An appointment is anonymised APPOINTMENTS_RETENTION_MONTHS months (12) after it took
  place (its start; a cancelled one likewise): its personal fields
  (Appointment.personal_fields: first name or pseudonym, phone, email, reason) and the
  notes of its history are blanked, its links die (new nonce), its emails leave the
  outbox. What the statistics count stays: type, psychologist, dates, status, outcome,
  age band, urgency.
- A waiting request is anonymised APPOINTMENTS_WAITING_RETENTION_MONTHS months (3)
  after its last change (`changed_at`: asked, offered, answered, withdrawn): a request
  still waiting after three months without any slot is closed, since the person has
  surely found help elsewhere; they can ask again. Its personal fields
  (WaitingRequest.personal_fields) are blanked, its links die, its emails leave the
  outbox; its offers (no personal data) stay for the statistics.
- Erasure does the same at once for one appointment or one waiting request (and, for
  a request, for the appointment booked from one of its offers), and is logged with
  ids and the staff member only.
"""

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from relier_site.personal_data import personal_fields

from .conf import conf
from .models import Appointment, WaitingRequest

CHUNK = 500


def appointments_limit(now=None):
    """Appointments that started before this moment are anonymised."""
    return (now or timezone.now()) - relativedelta(months=conf.RETENTION_MONTHS)


def waiting_limit(now=None):
    """Waiting requests not changed since this moment are anonymised."""
    return (now or timezone.now()) - relativedelta(months=conf.WAITING_RETENTION_MONTHS)


def due_appointments(now=None):
    return Appointment.objects.filter(anonymised_at__isnull=True, start__lt=appointments_limit(now))


def due_waiting_requests(now=None):
    return WaitingRequest.objects.filter(
        anonymised_at__isnull=True, changed_at__lt=waiting_limit(now)
    )


# --- Right of access ---------------------------------------------------------------------

APPOINTMENT_FIELDS = (
    *personal_fields(Appointment),
    "age_band",
    "call_preference",
    "reminder_by_sms",
    "urgent",
    "status",
    "outcome",
    "start",
    "end",
    "timezone",
    "created_at",
    "cancelled_at",
)
WAITING_FIELDS = (
    *personal_fields(WaitingRequest),
    "age_band",
    "call_preference",
    "reminder_by_sms",
    "weekdays",
    "status",
    "offers_made",
    "created_at",
    "changed_at",
)


def _value(row, name):
    value = getattr(row, name)
    return value.isoformat() if hasattr(value, "isoformat") else value


def person_data(row):
    """Right of access: everything kept about the person of an appointment or a waiting
    request (a dict ready for JSON): its own fields with their French labels, its type
    of permanence, and for a request the slots offered to it."""
    if isinstance(row, Appointment):
        names, what = APPOINTMENT_FIELDS, "Rendez-vous"
    else:
        names, what = WAITING_FIELDS, "Demande de créneau"
    data = {
        "Quoi": f"{what} n° {row.pk}",
        "Type de permanence": str(row.type),
        **{str(row._meta.get_field(name).verbose_name): _value(row, name) for name in names},
    }
    if isinstance(row, WaitingRequest):
        data["Créneaux proposés"] = [
            {
                "Début": offer.start.isoformat(),
                "Fin": offer.end.isoformat(),
                "État": offer.get_status_display(),
                "Réservé jusqu'au": offer.expires_at.isoformat(),
            }
            for offer in row.offers.order_by("created_at", "pk")
        ]
    else:
        data["Historique"] = [
            {
                "Quand": entry.at.isoformat(),
                "Action": entry.get_action_display(),
                "Note": entry.note,
            }
            for entry in row.history.order_by("at", "pk")
        ]
    return data
