"""The psychologists' permanences: what staff offer (types of permanence, weekly opening
ranges, absences) and the appointments people book in them.

Times: an opening range is typed in the wall-clock time of its zone (Paris or La
Réunion, relier_site.timezones); an appointment's `start` and `end` are aware datetimes
(stored in UTC) with the zone in which it is shown. The free slots are computed, never
stored (appointments.slots). An appointment holds personal data
(`contains_personal_data`); the offer holds none.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.timezone import now
from wagtail.fields import RichTextField

from home.vocabulary import AgeBand
from relier_site import roles, timezones
from relier_site.history import HistoryEntry

# Psychologists are the staff accounts of the Accompagnement role.
PSYCHOLOGISTS = {"groups__name": roles.ACCOMPAGNEMENT, "is_active": True}


def new_nonce():
    """The random part of a signed link (appointments.links): replacing it voids every
    link already sent."""
    return secrets.token_hex(16)


def new_feed_token():
    return secrets.token_urlsafe(32)


class Weekday(models.IntegerChoices):
    """Python's numbering (`date.weekday()`): Monday is 0."""

    MONDAY = 0, "Lundi"
    TUESDAY = 1, "Mardi"
    WEDNESDAY = 2, "Mercredi"
    THURSDAY = 3, "Jeudi"
    FRIDAY = 4, "Vendredi"
    SATURDAY = 5, "Samedi"
    SUNDAY = 6, "Dimanche"


class AppointmentType(models.Model):
    """A kind of permanence people book (« Permanence téléphonique pour les parents »)."""

    class Audience(models.TextChoices):
        YOUTH = "jeunes", "Jeunes"
        PARENTS = "parents", "Parents"
        PROFESSIONALS = "professionnels", "Professionnels"

    class Mode(models.TextChoices):
        PHONE = "telephone", "Par téléphone"
        VIDEO = "visio", "En visio"
        ON_SITE = "sur-place", "Sur place"

    name = models.CharField("Nom", max_length=120)
    audience = models.CharField("Public", max_length=20, choices=Audience.choices)
    mode = models.CharField("Mode", max_length=12, choices=Mode.choices)
    place = models.CharField(
        "Lieu",
        max_length=200,
        blank=True,
        help_text="Pour une permanence sur place : le nom et l'adresse du lieu.",
    )
    duration = models.PositiveSmallIntegerField("Durée (minutes)", default=45)
    buffer = models.PositiveSmallIntegerField(
        "Battement après chaque rendez-vous (minutes)", default=15
    )
    minimum_notice_hours = models.PositiveSmallIntegerField(
        "Délai minimum avant un rendez-vous (heures)",
        default=12,
        help_text="Un créneau plus proche que ce délai n'est pas proposé.",
    )
    booking_window_days = models.PositiveSmallIntegerField(
        "Réservation possible jusqu'à (jours à l'avance)", default=28
    )
    may_choose_psychologist = models.BooleanField(
        "La personne peut choisir sa ou son psychologue", default=False
    )
    intro = RichTextField(
        "Texte affiché avant la réservation",
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
    )
    is_active = models.BooleanField(
        "Proposée",
        default=True,
        help_text="Une permanence non proposée ne prend aucun rendez-vous.",
    )

    contains_personal_data = False

    class Meta:
        verbose_name = "Type de permanence"
        verbose_name_plural = "Types de permanence"
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration__gt=0), name="appointments_type_duration_positive"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.mode == self.Mode.ON_SITE and not self.place.strip():
            errors["place"] = "Indiquez le lieu d'une permanence sur place."
        if self.duration is not None and self.duration < 1:
            errors["duration"] = (
                f"Une permanence dure au moins 1 minute (vous avez saisi {self.duration})."
            )
        if errors:
            raise ValidationError(errors)


class OpeningRange(models.Model):
    """A psychologist's weekly range (« mardi 17 h–20 h, jusqu'en juin »), in the
    wall-clock time of its zone."""

    psychologist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Psychologue",
        on_delete=models.CASCADE,
        related_name="opening_ranges",
        limit_choices_to=PSYCHOLOGISTS,
    )
    weekday = models.PositiveSmallIntegerField("Jour", choices=Weekday.choices)
    start_time = models.TimeField("Début")
    end_time = models.TimeField("Fin")
    timezone = models.CharField(
        "Fuseau horaire", max_length=40, choices=timezones.CHOICES, default=timezones.PARIS.key
    )
    valid_from = models.DateField("À partir du")
    valid_until = models.DateField("Jusqu'au (inclus)", null=True, blank=True)
    types = models.ManyToManyField(
        AppointmentType, verbose_name="Types de permanence", related_name="opening_ranges"
    )
    daily_cap = models.PositiveSmallIntegerField(
        "Rendez-vous par jour au plus",
        null=True,
        blank=True,
        help_text="Compte tous les rendez-vous de la ou du psychologue ce jour-là ; vide : "
        "pas de limite.",
    )

    contains_personal_data = False

    class Meta:
        verbose_name = "Plage de permanence"
        verbose_name_plural = "Plages de permanence"
        ordering = ["psychologist", "weekday", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="appointments_range_ends_after_start",
            ),
        ]

    def __str__(self):
        zone = timezones.label(self.timezone)
        zone = "" if self.timezone == timezones.PARIS.key else f" ({zone})"
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}{zone}"

    def clean(self):
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = (
                f"La fin ({self.end_time:%H:%M}) doit être après le début "
                f"({self.start_time:%H:%M})."
            )
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            errors["valid_until"] = (
                f"Le {self.valid_until:%d/%m/%Y} est avant la date de début "
                f"({self.valid_from:%d/%m/%Y}) : choisissez une date qui la suit."
            )
        if errors:
            raise ValidationError(errors)


class Absence(models.Model):
    """A time a psychologist takes no appointment (holidays, training)."""

    psychologist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Psychologue",
        on_delete=models.CASCADE,
        related_name="absences",
        limit_choices_to=PSYCHOLOGISTS,
    )
    start = models.DateTimeField("Début")
    end = models.DateTimeField("Fin")

    contains_personal_data = False

    class Meta:
        verbose_name = "Absence"
        verbose_name_plural = "Absences"
        ordering = ["start", "pk"]

    def __str__(self):
        start, end = timezones.local(self.start), timezones.local(self.end)
        return f"Absence du {start:%d/%m/%Y %H:%M} au {end:%d/%m/%Y %H:%M}"

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            start, end = timezones.local(self.start), timezones.local(self.end)
            raise ValidationError(
                {
                    "end": f"La fin ({end:%d/%m/%Y %H:%M}) doit être après le début "
                    f"({start:%d/%m/%Y %H:%M})."
                }
            )


class Appointment(timezones.LocalTimes, models.Model):
    """A person's appointment with a psychologist, in one slot of a permanence."""

    class Status(models.TextChoices):
        CONFIRMED = "confirme", "Confirmé"
        CANCELLED = "annule", "Annulé"

    class Outcome(models.TextChoices):
        SEEN = "vu", "Vu"
        NO_SHOW = "absent", "Absent·e"
        EXCUSED = "excuse", "Excusé·e"
        CANCELLED_BY_TEAM = "annule-equipe", "Annulé par l'équipe"

    class CallPreference(models.TextChoices):
        NUMBER_SHOWN = "numero-affiche", "Avec le numéro affiché"
        NUMBER_HIDDEN = "numero-masque", "En numéro masqué"

    # PROTECT: an appointment's type and psychologist outlive it (retention anonymises).
    type = models.ForeignKey(
        AppointmentType,
        verbose_name="Type de permanence",
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    psychologist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Psychologue",
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    start = models.DateTimeField("Début", db_index=True)
    end = models.DateTimeField("Fin")
    timezone = models.CharField(
        "Fuseau horaire", max_length=40, choices=timezones.CHOICES, default=timezones.PARIS.key
    )
    status = models.CharField("État", max_length=12, choices=Status.choices)
    outcome = models.CharField("Suite", max_length=15, choices=Outcome.choices, blank=True)
    first_name = models.CharField("Prénom ou pseudonyme", max_length=80, blank=True)
    age_band = models.CharField("Tranche d'âge", max_length=20, choices=AgeBand.choices, blank=True)
    # E.164, as relier_site.phones stores it.
    phone = models.CharField("Téléphone", max_length=20, blank=True)
    email = models.EmailField("Courriel", blank=True)
    call_preference = models.CharField(
        "Appel", max_length=15, choices=CallPreference.choices, blank=True
    )
    reason = models.TextField("Motif", blank=True)
    # A young person under 15 booking alone names a trusted adult (as on the contact form).
    trusted_adult_name = models.CharField("Adulte de confiance", max_length=100, blank=True)
    trusted_adult_phone = models.CharField(
        "Téléphone de l'adulte de confiance", max_length=20, blank=True
    )
    urgent = models.BooleanField("Urgence signalée", default=False)
    # The person asked for their reminders by SMS too (appointments.sms).
    reminder_by_sms = models.BooleanField("Rappels par SMS", default=False)
    # Booked by the professional who referred the young person (README « Un rendez-vous
    # pris par la personne qui oriente »): the referral's number, a plain integer (the
    # referrals app is another domain app: no foreign key across them).
    referral_id = models.PositiveIntegerField("Demande d'orientation", null=True, blank=True)
    booked_by_referrer = models.BooleanField("Pris par la personne qui oriente", default=False)
    # Signed links to move or cancel carry the pk and this nonce, never personal data.
    manage_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    # The calendar files' SEQUENCE: raised on each move or cancellation (RFC 5546).
    sequence = models.PositiveSmallIntegerField(default=0, editable=False)
    # The hidden value of the form that created it: a double submission finds it.
    submission_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField("Réservation", default=now, db_index=True)
    cancelled_at = models.DateTimeField("Annulation", null=True, blank=True)
    anonymised_at = models.DateTimeField("Anonymisation", null=True, blank=True)

    contains_personal_data = True
    # relier_site.personal_data: what retention and erasure will blank.
    personal_fields = (
        "first_name",
        "phone",
        "email",
        "reason",
        "trusted_adult_name",
        "trusted_adult_phone",
    )
    non_personal_fields = (
        "timezone",
        "status",
        "outcome",
        "age_band",
        "call_preference",
        "submission_key",
        "reminder_by_sms",
        "manage_nonce",
        "sequence",
    )

    class Meta:
        verbose_name = "Rendez-vous"
        verbose_name_plural = "Rendez-vous"
        ordering = ["start", "pk"]
        constraints = [
            # Two people never hold the same slot; a cancelled one frees it at once.
            models.UniqueConstraint(
                fields=["psychologist", "start"],
                condition=~Q(status="annule"),
                name="appointments_one_active_per_psychologist_start",
            ),
            # A referral lands on one appointment at most (a cancelled one frees it).
            models.UniqueConstraint(
                fields=["referral_id"],
                condition=~Q(status="annule") & Q(referral_id__isnull=False),
                name="appointments_one_active_per_referral",
            ),
        ]

    def __str__(self):
        return f"Rendez-vous n° {self.pk}"

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED


class AppointmentEvent(HistoryEntry):
    """One entry of an appointment's history (relier_site.history)."""

    class Action(models.TextChoices):
        CREATED = "created", "Réservation"
        STATUS = "status", "Changement d'état"
        MOVED = "moved", "Déplacement"
        OUTCOME = "outcome", "Suite du rendez-vous"
        ANONYMISED = "anonymised", "Anonymisé"
        ERASED = "erased", "Effacé à la demande de la personne"
        EXPORTED = "exported", "Données transmises à la personne"

    appointment = models.ForeignKey(
        Appointment, verbose_name="Rendez-vous", on_delete=models.CASCADE, related_name="history"
    )
    subject_field = "appointment"
    action = models.CharField("Action", max_length=20, choices=Action.choices)
    from_status = models.CharField(
        "État avant", max_length=20, choices=Appointment.Status.choices, blank=True
    )
    to_status = models.CharField(
        "État après", max_length=20, choices=Appointment.Status.choices, blank=True
    )

    class Meta(HistoryEntry.Meta):
        verbose_name = "Événement d'un rendez-vous"
        verbose_name_plural = "Historique des rendez-vous"

    def __str__(self):
        return f"Rendez-vous n° {self.appointment_id} : {self.get_action_display()}"


class AgendaFeed(models.Model):
    """A psychologist's private calendar subscription (`webcal://`): its token is the
    only key; deleting the row (or giving a new token) revokes every copy of the link.
    The feed's events carry a reference and the mode, never a name, phone or email."""

    psychologist = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="Psychologue",
        on_delete=models.CASCADE,
        related_name="agenda_feed",
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    created_at = models.DateTimeField("Créé le", default=now)

    class Meta:
        verbose_name = "Abonnement à l'agenda"
        verbose_name_plural = "Abonnements à l'agenda"

    def __str__(self):
        return f"Abonnement à l'agenda de {self.psychologist}"


class WaitingRequest(models.Model):
    """A person who found no slot that suits them and asked to be told of an earlier or
    freed one, for a type of permanence and some days of the week (none: any day)."""

    class Status(models.TextChoices):
        WAITING = "attente", "En attente"
        OFFERED = "propose", "Créneau proposé"
        BOOKED = "reserve", "Rendez-vous pris"
        WITHDRAWN = "retire", "Retirée par la personne"
        CLOSED = "close", "Close"

    type = models.ForeignKey(
        AppointmentType,
        verbose_name="Type de permanence",
        on_delete=models.PROTECT,
        related_name="waiting_requests",
    )
    # Weekday numbers (Weekday); empty: any day.
    weekdays = models.JSONField("Jours qui conviennent", default=list, blank=True)
    status = models.CharField(
        "État", max_length=10, choices=Status.choices, default=Status.WAITING, db_index=True
    )
    offers_made = models.PositiveSmallIntegerField("Créneaux proposés", default=0)
    first_name = models.CharField("Prénom ou pseudonyme", max_length=80, blank=True)
    age_band = models.CharField("Tranche d'âge", max_length=20, choices=AgeBand.choices, blank=True)
    phone = models.CharField("Téléphone", max_length=20, blank=True)  # E.164
    email = models.EmailField("Courriel", blank=True)
    call_preference = models.CharField(
        "Appel", max_length=15, choices=Appointment.CallPreference.choices, blank=True
    )
    reminder_by_sms = models.BooleanField("Messages par SMS", default=False)
    manage_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    submission_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField("Demande", default=now, db_index=True)
    # Set by every change (services): retention counts from it (appointments.retention).
    changed_at = models.DateTimeField("Dernier changement", default=now, db_index=True)
    anonymised_at = models.DateTimeField("Anonymisation", null=True, blank=True)

    contains_personal_data = True
    personal_fields = ("first_name", "phone", "email")
    non_personal_fields = (
        "weekdays",
        "status",
        "offers_made",
        "age_band",
        "call_preference",
        "reminder_by_sms",
        "manage_nonce",
        "submission_key",
    )

    class Meta:
        verbose_name = "Demande de créneau"
        verbose_name_plural = "Demandes de créneau"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Demande de créneau n° {self.pk}"


class SlotOffer(models.Model):
    """A freed slot offered to one waiting person, held for them until `expires_at`
    (the slot engine does not offer it to anyone else while the offer is open)."""

    class Status(models.TextChoices):
        OPEN = "ouverte", "En attente de réponse"
        ACCEPTED = "acceptee", "Acceptée"
        DECLINED = "refusee", "Refusée"
        EXPIRED = "expiree", "Expirée"

    request = models.ForeignKey(
        WaitingRequest, verbose_name="Demande", on_delete=models.CASCADE, related_name="offers"
    )
    psychologist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Psychologue",
        on_delete=models.PROTECT,
        related_name="slot_offers",
    )
    start = models.DateTimeField("Début", db_index=True)
    end = models.DateTimeField("Fin")
    timezone = models.CharField(
        "Fuseau horaire", max_length=40, choices=timezones.CHOICES, default=timezones.PARIS.key
    )
    status = models.CharField(
        "État", max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    expires_at = models.DateTimeField("Réservé jusqu'au")
    appointment = models.OneToOneField(
        Appointment,
        verbose_name="Rendez-vous pris",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offer",
    )
    created_at = models.DateTimeField("Proposé le", default=now)

    class Meta:
        verbose_name = "Créneau proposé"
        verbose_name_plural = "Créneaux proposés"
        ordering = ["created_at", "pk"]
        constraints = [
            # One slot is held for one person at a time.
            models.UniqueConstraint(
                fields=["psychologist", "start"],
                condition=Q(status="ouverte"),
                name="appointments_one_open_offer_per_slot",
            ),
        ]

    def __str__(self):
        return f"Créneau proposé n° {self.pk}"
