"""The agenda: event pages (under the AgendaPage at /agenda/), their sessions and the
registrations to each session.

A session's `start` and `end` are aware datetimes (stored in UTC); `timezone` is the
zone in which the session happens (its wall-clock time is shown in that zone). A
registration holds personal data (`contains_personal_data`); a session holds none (its
video link is private: staff and the registrants' reminder only).
"""

import secrets
import uuid

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.search import index

from home.lookups import LookupValue
from home.models import BasePage
from home.vocabulary import AgeBand, Programme
from relier_site import timezones
from relier_site.history import HistoryEntry

# The programmes of the shared vocabulary (home.vocabulary), by their pages' slugs.
PROGRAMME_CHOICES = Programme.choices


class Audience(LookupValue):
    """Who an event is for (jeunes, parents, professionnels, France Travail)."""

    class Meta(LookupValue.Meta):
        verbose_name = "Public de l'agenda"
        verbose_name_plural = "Publics de l'agenda"


class AgendaPage(BasePage):
    """/agenda/: the upcoming sessions of every event, with filters."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    template = "events/agenda_page.html"

    class Meta:
        verbose_name = "Agenda"
        verbose_name_plural = "Agendas"

    def get_context(self, request, *args, **kwargs):
        from .views import agenda_context

        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_context(self, request))
        return context


class EventPage(BasePage):
    """A recurring event (a webinar, a workshop, a discussion group…); its dates are its
    sessions."""

    class Kind(models.TextChoices):
        WEBINAR = "webinaire", "Webinaire"
        WORKSHOP = "atelier", "Atelier"
        GROUP = "groupe", "Groupe d'échanges"
        QUESTION_PSY = "question-psy", "Question Psy"
        IN_DEPTH = "approfondissement", "Séance approfondie"
        INFORMATION = "information", "Séance d'information"
        CAFE = "cafe-parents", "Café parents"

    class Format(models.TextChoices):
        ONLINE = "visio", "En visio"
        IN_PERSON = "presentiel", "En présentiel"
        AGENCY = "agence", "En agence France Travail"

    class Profile(models.TextChoices):
        PROFESSIONAL = "professionnel", "Professionnels (nom, structure, agence, courriel)"
        YOUTH = "jeune", "Jeunes (pseudonyme, âge, courriel ou téléphone)"
        PARENT = "parent", "Parents (prénom, courriel)"

    kind = models.CharField("Type", max_length=20, choices=Kind.choices)
    audiences = ParentalManyToManyField(Audience, verbose_name="Publics", related_name="events")
    programme = models.CharField("Programme", max_length=60, choices=PROGRAMME_CHOICES, blank=True)
    format = models.CharField("Format", max_length=12, choices=Format.choices)
    place = models.CharField(
        "Lieu",
        max_length=200,
        blank=True,
        help_text="Pour une séance en présentiel ou en agence : l'adresse, ou « dans votre "
        "agence France Travail ». Le lien de la visio se saisit dans chaque séance.",
    )
    default_capacity = models.PositiveSmallIntegerField(
        "Nombre de places par défaut",
        default=20,
        help_text="Proposé à la création des séances ; chaque séance a le sien.",
    )
    registration_profile = models.CharField(
        "Qui peut s'inscrire",
        max_length=15,
        choices=Profile.choices,
        help_text="Détermine les champs du formulaire d'inscription.",
    )
    youth_group = models.BooleanField(
        "Groupe de jeunes",
        default=False,
        help_text="Anonyme : un pseudonyme suffit. Le lien de la visio n'est envoyé que "
        "dans le rappel, jamais dans une invitation d'agenda.",
    )

    parent_page_types = ["events.AgendaPage"]
    subpage_types = []
    template = "events/event_page.html"

    search_fields = [*BasePage.search_fields, index.FilterField("kind")]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("programme"),
                FieldPanel("format"),
                FieldPanel("place"),
                FieldPanel("default_capacity"),
                FieldPanel("registration_profile"),
                FieldPanel("youth_group"),
            ],
            heading="L'évènement",
        ),
        HelpPanel(
            "Les dates se gèrent dans le menu « Séances » : une date ou une série en une "
            "fois (par exemple « toutes les 2 semaines le mardi à 14 h jusqu'en juin »)."
        ),
    ]

    class Meta:
        verbose_name = "Évènement de l'agenda"
        verbose_name_plural = "Évènements de l'agenda"

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = selectors.upcoming_sessions(event=self)
        return context


class SessionQuerySet(models.QuerySet):
    def published(self):
        """Sessions a visitor may see: published, of a live public event page."""
        return self.filter(
            is_published=True, event__live=True, event__in=EventPage.objects.live().public()
        )

    def upcoming(self, now=None):
        return self.filter(end__gt=now or timezone.now())


def _new_uid():
    return f"{uuid.uuid4()}@centres-relier.fr"


class Session(models.Model):
    """One date of an event."""

    class Status(models.TextChoices):
        SCHEDULED = "programmee", "Programmée"
        CANCELLED = "annulee", "Annulée"

    event = models.ForeignKey(
        EventPage, verbose_name="Évènement", on_delete=models.CASCADE, related_name="sessions"
    )
    start = models.DateTimeField("Début")
    end = models.DateTimeField("Fin")
    timezone = models.CharField(
        "Fuseau horaire", max_length=40, choices=timezones.CHOICES, default=timezones.PARIS.key
    )
    capacity = models.PositiveSmallIntegerField("Nombre de places")
    status = models.CharField(
        "État", max_length=12, choices=Status.choices, default=Status.SCHEDULED
    )
    is_published = models.BooleanField(
        "Publiée", default=True, help_text="Une séance non publiée n'apparaît pas dans l'agenda."
    )
    video_link = models.URLField(
        "Lien de la visio",
        blank=True,
        help_text="Privé : envoyé aux personnes inscrites dans le rappel, jamais affiché "
        "sur le site ni mis dans une invitation d'agenda.",
    )
    sequence = models.PositiveIntegerField("Version (agenda)", default=0, editable=False)
    uid = models.CharField(max_length=100, unique=True, default=_new_uid, editable=False)
    series = models.UUIDField("Série", null=True, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    contains_personal_data = False

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = "Séance"
        verbose_name_plural = "Séances"
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["is_published", "status", "start"])]

    def __str__(self):
        return f"{self.event.title} — {self.local_start:%d/%m/%Y %H:%M}"

    @property
    def zone(self):
        return timezones.zone(self.timezone)

    @property
    def local_start(self):
        return timezones.local(self.start, self.zone)

    @property
    def local_end(self):
        return timezones.local(self.end, self.zone)

    @property
    def timezone_label(self):
        """« heure de La Réunion » when not Paris; empty for Paris."""
        return "" if self.timezone == timezones.PARIS.key else timezones.label(self.timezone)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def is_past(self, now=None):
        return self.start <= (now or timezone.now())

    @property
    def shows_place_count(self):
        """The exact number of free places is public for professionals' sessions only:
        for a youth group or a parents' session, reading it before and after typing
        someone's address into the form would tell whether that person was registered."""
        return self.event.registration_profile == EventPage.Profile.PROFESSIONAL

    @property
    def places_left(self):
        """Free places (0 when full or over); uses the `confirmed_count` annotation of
        the selectors when present."""
        confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.registrations.filter(status=Registration.Status.CONFIRMED).count()
        waiting = getattr(self, "waiting_count", None)
        if waiting is None:
            waiting = self.registrations.filter(status=Registration.Status.WAITLISTED).count()
        return 0 if waiting else max(0, self.capacity - confirmed)


class Registration(models.Model):
    """A person's registration to a session (or their place on its waiting list)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmee", "Confirmée"
        WAITLISTED = "attente", "Liste d'attente"
        CANCELLED = "annulee", "Annulée"

    # PROTECT: a session (or an event page) with registrations is never deleted, whatever
    # the path; the admin cancels it instead (services.withdraw_sessions).
    session = models.ForeignKey(
        Session, verbose_name="Séance", on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField("État", max_length=12, choices=Status.choices)
    profile = models.CharField(
        "Formulaire", max_length=15, choices=EventPage.Profile.choices, editable=False
    )
    name = models.CharField("Nom, prénom ou pseudonyme", max_length=120, blank=True)
    organisation = models.CharField("Structure", max_length=150, blank=True)
    agency = models.CharField("Agence", max_length=150, blank=True)
    email = models.EmailField("Courriel", blank=True)
    phone = models.CharField("Téléphone", max_length=20, blank=True)
    age = models.PositiveSmallIntegerField("Âge", null=True, blank=True)
    # Kept when the registration is anonymised (events.retention), instead of the age.
    age_band = models.CharField(
        "Tranche d'âge", max_length=20, choices=AgeBand.choices, blank=True, editable=False
    )
    attended = models.BooleanField("Présence", null=True, blank=True)
    # Signed self-cancellation links carry the pk and this nonce (no personal data);
    # clearing it (cancellation, anonymisation) voids every link sent.
    cancel_nonce = models.CharField(max_length=32, default="", blank=True, editable=False)
    # The hidden value of the form that created it: a double submission finds it.
    submission_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    ics_uid = models.CharField(max_length=120, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField("Inscription", default=timezone.now, db_index=True)
    promoted_at = models.DateTimeField("Sortie de la liste d'attente", null=True, blank=True)
    cancelled_at = models.DateTimeField("Annulation", null=True, blank=True)
    anonymised_at = models.DateTimeField("Anonymisation", null=True, blank=True)

    contains_personal_data = True
    # relier_site.personal_data: blanked by services.anonymise_expired (the age becomes
    # its band first).
    personal_fields = ("name", "organisation", "agency", "email", "phone", "age")
    non_personal_fields = (
        "status",
        "profile",
        "age_band",
        "cancel_nonce",
        "submission_key",
        "ics_uid",
    )

    class Meta:
        verbose_name = "Inscription"
        verbose_name_plural = "Inscriptions"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=~Q(status="annulee") & ~Q(email=""),
                name="events_one_active_registration_per_email",
            ),
            models.UniqueConstraint(
                fields=["session", "phone"],
                condition=~Q(status="annulee") & ~Q(phone=""),
                name="events_one_active_registration_per_phone",
            ),
        ]

    def __str__(self):
        return f"Inscription n° {self.pk}"

    def save(self, *args, **kwargs):
        if not self.ics_uid:
            self.ics_uid = f"{uuid.uuid4()}@centres-relier.fr"
        if (
            not self.cancel_nonce
            and self.status != self.Status.CANCELLED
            and not self.anonymised_at
        ):
            self.cancel_nonce = secrets.token_hex(16)
        super().save(*args, **kwargs)

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED

    @property
    def contact_email(self):
        return self.email


class RegistrationEvent(HistoryEntry):
    """One entry of a registration's history: who did what, and when
    (relier_site.history, as for the requests of the referrals app)."""

    class Action(models.TextChoices):
        CREATED = "created", "Inscription"
        STATUS = "status", "Changement d'état"
        ATTENDANCE = "attendance", "Présence"
        ANONYMISED = "anonymised", "Anonymisée"

    registration = models.ForeignKey(
        Registration,
        verbose_name="Inscription",
        on_delete=models.CASCADE,
        related_name="history",
    )
    subject_field = "registration"
    action = models.CharField("Action", max_length=20, choices=Action.choices)
    from_status = models.CharField(
        "État avant", max_length=20, choices=Registration.Status.choices, blank=True
    )
    to_status = models.CharField(
        "État après", max_length=20, choices=Registration.Status.choices, blank=True
    )

    class Meta(HistoryEntry.Meta):
        verbose_name = "Événement d'une inscription"
        verbose_name_plural = "Historique des inscriptions"

    def __str__(self):
        return f"Inscription n° {self.registration_id} : {self.get_action_display()}"

    @property
    def subject_label(self):
        return f"n° {self.registration_id}"
