"""Files staff download: the filtered inbox (CSV, XLSX), the anonymous statistics (CSV)
and everything kept about one person (right of access, JSON). CSV and XLSX are written
by relier_site.spreadsheets (`;`, BOM, neutralised cells, real dates in XLSX)."""

import json

from django.utils import timezone

from relier_site import spreadsheets

from .models import Concern


def _staff(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def _concerns(referral):
    labels = dict(Concern.choices)
    return ", ".join(labels.get(code, code) for code in referral.concerns or [])


INBOX_COLUMNS = (
    ("Référence", lambda r: r.reference),
    ("Reçue le", lambda r: r.created_at),
    ("Type", lambda r: r.get_kind_display()),
    ("Statut", lambda r: r.get_status_display()),
    ("Urgente", lambda r: "oui" if r.urgent else "non"),
    ("Programme", lambda r: r.get_programme_display()),
    ("Département", lambda r: r.departement),
    ("Âge", lambda r: r.age),
    ("Tranche d'âge", lambda r: r.get_age_band_display()),
    ("Qui fait la demande", lambda r: r.get_requester_display()),
    ("Prénom ou pseudonyme", lambda r: r.first_name),
    ("Téléphone", lambda r: r.phone),
    ("Courriel", lambda r: r.email),
    ("Code postal", lambda r: r.postcode),
    ("Ce que le jeune a vécu", _concerns),
    ("Message", lambda r: r.message),
    ("Professionnel", lambda r: r.referrer_name),
    ("Type de structure", lambda r: r.get_organisation_type_display()),
    ("Structure", lambda r: r.organisation_name),
    ("Courriel professionnel", lambda r: r.referrer_email),
    ("Suivie par", lambda r: _staff(r.assigned_to)),
    ("Premier contact", lambda r: r.first_contact_at),
    ("Clôturée le", lambda r: r.closed_at),
    ("Motif", lambda r: r.status_reason),
    (
        "Doublon possible de",
        lambda r: r.possible_duplicate_of.reference if r.possible_duplicate_of_id else "",
    ),
)
INBOX_HEADINGS = [heading for heading, _value in INBOX_COLUMNS]


def inbox_rows(referrals):
    for referral in referrals:
        yield [value(referral) for _heading, value in INBOX_COLUMNS]


def inbox_response(referrals, file_format, filename):
    return spreadsheets.response(
        file_format, INBOX_HEADINGS, inbox_rows(referrals), filename=filename, title="demandes"
    )


def statistics_response(stats, filename):
    """The statistics page as one CSV: section, value, count."""
    rows = []
    for table in stats.tables:
        rows += [[table.title, label, count] for label, count in table.rows]
    median = stats.median_days_to_first_contact
    rows.append(["Délai médian avant le premier contact (jours)", "", median])
    return spreadsheets.response(
        "csv", ["Tableau", "Valeur", "Nombre"], rows, filename=filename, title="statistiques"
    )


# Everything stored about the person of one request, by section: the detail page shows
# them, the right of access export (JSON) lists them all with their French labels.
PERSON_SECTIONS = (
    (
        "La demande",
        (
            "kind",
            "status",
            "status_reason",
            "urgent",
            "created_at",
            "last_activity_at",
            "first_contact_at",
            "closed_at",
            "anonymised_at",
        ),
    ),
    (
        "La personne",
        (
            "requester",
            "first_name",
            "age",
            "age_band",
            "postcode",
            "departement",
            "phone",
            "email",
            "contact_preference",
            "contact_times",
            "consent_confirmed",
            "trusted_adult_name",
            "trusted_adult_phone",
        ),
    ),
    ("Ce qui est demandé", ("programme", "programme_format", "concerns", "message")),
    (
        "Le professionnel ou la structure",
        (
            "referrer_name",
            "referrer_role",
            "organisation_type",
            "organisation_name",
            "agency",
            "referrer_email",
            "referrer_phone",
        ),
    ),
    (
        "L'intervention",
        ("intervention_type", "audience", "audience_size", "preferred_period"),
    ),
)
PERSON_FIELDS = ("reference",) + tuple(name for _title, names in PERSON_SECTIONS for name in names)


def _json_value(referral, name):
    if name == "concerns":
        return referral.concern_labels()
    value = getattr(referral, name)
    display = getattr(referral, f"get_{name}_display", None)
    if display is not None and value:
        return display()
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).isoformat()
    return value


def person_json(referral):
    """The right of access file: every field of the request, then its history."""
    meta = referral._meta
    data = {
        "demande": {
            str(meta.get_field(name).verbose_name): _json_value(referral, name)
            for name in PERSON_FIELDS
        },
        "historique": [
            {
                "le": timezone.localtime(event.at).isoformat(),
                "par": _staff(event.actor) or "le site ou le système",
                "action": event.get_action_display(),
                "statut_avant": event.get_from_status_display(),
                "statut_apres": event.get_to_status_display(),
                "note": event.note,
            }
            for event in referral.events.select_related("actor").order_by("at", "pk")
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
