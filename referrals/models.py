"""Requests received from the public forms (orientation by a professional, contact asked
by a family or a young person, intervention asked by a school or a partner), their
history, and the rules that say who is notified. Personal data: see README « Demandes
d'orientation et de contact » for who sees it and how long it is kept."""

import re
import secrets
from http import HTTPMethod

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from guide.selectors import departement_choices
from home import vocabulary
from home.models import BasePage
from home.vocabulary import AgeBand
from relier_site.history import HistoryEntry

from .conf import conf

# Letters and digits that cannot be confused when read aloud or copied (no 0/O, 1/I/L).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "RL"


def new_reference():
    """« RL-7K3M-9QX2 »: random (about 40 bits), not derived from anything personal."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{REFERENCE_PREFIX}-{chars[:4]}-{chars[4:]}"


class Kind(models.TextChoices):
    ORIENTATION = "orientation", "Orientation par un professionnel"
    CONTACT = "contact", "Demande de contact"
    INTERVENTION = "intervention", "Demande d'intervention"


class Status(models.TextChoices):
    NEW = "nouvelle", "Nouvelle"
    TAKEN_ON = "prise_en_charge", "Prise en charge"
    CONTACT_MADE = "contact_etabli", "Contact établi"
    REFERRED_ON = "orientee", "Orientée"
    IN_SUPPORT = "accompagnement", "Accompagnement en cours"
    CLOSED = "cloturee", "Clôturée"
    REFUSED = "refusee", "Refusée"


OPEN_STATUSES = (
    Status.NEW,
    Status.TAKEN_ON,
    Status.CONTACT_MADE,
    Status.REFERRED_ON,
    Status.IN_SUPPORT,
)
CLOSED_STATUSES = (Status.CLOSED, Status.REFUSED)


# The programmes of the shared vocabulary, and « not sure » (a form's answer).
Programme = vocabulary.with_extra("Programme", [("NOT_SURE", "pas-sur", "Je ne sais pas encore")])


class ProgrammeFormat(models.TextChoices):
    """What is proposed within Relier vers l'emploi."""

    GROUPS = "groupes", "Groupes d'échanges hebdomadaires"
    WORKSHOPS = "ateliers", "Ateliers « La relation aux autres en entreprise »"
    BOTH = "les-deux", "Les deux"


class Concern(models.TextChoices):
    SCHOOL_BULLYING = "harcelement-scolaire", "Harcèlement scolaire"
    CYBERVIOLENCE = "cyberviolences", "Cyberviolences"
    DISCRIMINATION = "discrimination", "Discrimination"
    WORKPLACE_BULLYING = "intimidation-travail", "Intimidation au travail"
    ISOLATION = "isolement", "Isolement"
    OTHER = "autre", "Autre"


class Requester(models.TextChoices):
    PARENT = "parent", "Un parent"
    YOUNG_PERSON = "jeune", "Le jeune lui-même ou elle-même"
    RELATIVE = "proche", "Un proche (famille, ami)"
    PROFESSIONAL = "professionnel", "Un professionnel"


class ContactPreference(models.TextChoices):
    PHONE = "telephone", "Par téléphone"
    SMS = "sms", "Par SMS"
    EMAIL = "email", "Par courriel"


class OrganisationType(models.TextChoices):
    FRANCE_TRAVAIL = "france-travail", "France Travail"
    MISSION_LOCALE = "mission-locale", "Mission locale"
    SCHOOL = "etablissement-scolaire", "Établissement scolaire"
    ASSOCIATION = "association", "Association"
    LOCAL_AUTHORITY = "collectivite", "Collectivité territoriale"
    HEALTH_OR_SOCIAL = "sante-social", "Structure médicale ou sociale"
    COMPANY = "entreprise", "Entreprise"
    OTHER = "autre", "Autre"


class InterventionType(models.TextChoices):
    INFORMATION_SESSION = "seance-information", "Séance d'information"
    PREVENTION_FORUM = "forum-prevention", "Forum de prévention"
    PARENT_AWARENESS = "sensibilisation-parents", "Sensibilisation des parents"
    FRANCE_TRAVAIL_WORKSHOP = "atelier-france-travail", "Atelier en agence France Travail"
    OTHER = "autre", "Autre"


class ReferralQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        """Still « Nouvelle » after REFERRALS_REMINDER_WORKING_DAYS French working days
        (referrals.calendar): what the inbox shows as overdue and the reminder job sends."""
        from .calendar import overdue_cutoff, start_of_day

        today = today or timezone.localdate()
        cutoff = overdue_cutoff(today, conf.REMINDER_WORKING_DAYS)
        return self.filter(status=Status.NEW, created_at__lt=start_of_day(cutoff))


class Referral(models.Model):
    """One request received from a public form, of any kind."""

    contains_personal_data = True
    # relier_site.personal_data: every field that says who the person or the referrer
    # is, or what the young person went through; blanked by anonymisation and erasure
    # (referrals.retention). The others stay for the statistics.
    personal_fields = (
        "first_name",
        "phone",
        "email",
        "postcode",
        "contact_times",
        "contact_preference",
        "message",
        "status_reason",
        "concerns",
        "age",
        "trusted_adult_name",
        "trusted_adult_phone",
        "referrer_name",
        "referrer_role",
        "organisation_name",
        "agency",
        "referrer_email",
        "referrer_phone",
        "audience",
        "audience_size",
        "preferred_period",
        "possible_duplicate_of",
        "assigned_to",
    )
    non_personal_fields = (
        "reference",
        "kind",
        "status",
        "programme",
        "programme_format",
        "departement",
        "age_band",
        "requester",
        "organisation_type",
        "intervention_type",
        "submission_token",
    )

    MESSAGE_MAX_LENGTH = 1000

    reference = models.CharField(
        "Référence", max_length=16, unique=True, default=new_reference, editable=False
    )
    kind = models.CharField("Type de demande", max_length=20, choices=Kind.choices)
    status = models.CharField(
        "Statut", max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    status_reason = models.TextField("Motif", blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Suivie par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_referrals",
    )
    urgent = models.BooleanField("Urgente", default=False, db_index=True)
    possible_duplicate_of = models.ForeignKey(
        "self",
        verbose_name="Doublon possible de",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="possible_duplicates",
    )

    # What the request is about.
    programme = models.CharField("Programme", max_length=40, choices=Programme.choices, blank=True)
    programme_format = models.CharField(
        "Format proposé", max_length=20, choices=ProgrammeFormat.choices, blank=True
    )
    departement = models.CharField("Département", max_length=3, blank=True)
    age = models.PositiveSmallIntegerField("Âge du jeune", null=True, blank=True)
    age_band = models.CharField("Tranche d'âge", max_length=8, choices=AgeBand.choices, blank=True)
    concerns = models.JSONField("Ce que le jeune a vécu", default=list, blank=True)
    message = models.TextField("Message", max_length=MESSAGE_MAX_LENGTH, blank=True)

    # The young person or the person asking to be contacted.
    requester = models.CharField(
        "Qui fait la demande", max_length=20, choices=Requester.choices, blank=True
    )
    first_name = models.CharField("Prénom ou pseudonyme", max_length=100, blank=True)
    phone = models.CharField("Téléphone", max_length=20, blank=True)
    email = models.EmailField("Adresse électronique", max_length=254, blank=True)
    postcode = models.CharField("Code postal", max_length=5, blank=True)
    contact_preference = models.CharField(
        "Moyen de contact préféré", max_length=20, choices=ContactPreference.choices, blank=True
    )
    contact_times = models.CharField("Moments pour être contacté", max_length=200, blank=True)
    consent_confirmed = models.BooleanField("Accord du jeune pour être contacté", default=False)
    trusted_adult_name = models.CharField("Adulte de confiance", max_length=100, blank=True)
    trusted_adult_phone = models.CharField(
        "Téléphone de l'adulte de confiance", max_length=20, blank=True
    )

    # The referrer (orientation) or the organisation asking (intervention).
    referrer_name = models.CharField("Nom du professionnel", max_length=150, blank=True)
    referrer_role = models.CharField("Fonction", max_length=150, blank=True)
    organisation_type = models.CharField(
        "Type de structure", max_length=30, choices=OrganisationType.choices, blank=True
    )
    organisation_name = models.CharField("Structure", max_length=200, blank=True)
    agency = models.CharField("Agence France Travail", max_length=200, blank=True)
    referrer_email = models.EmailField("Courriel professionnel", max_length=254, blank=True)
    referrer_phone = models.CharField("Téléphone professionnel", max_length=20, blank=True)

    # Intervention.
    intervention_type = models.CharField(
        "Type d'intervention", max_length=30, choices=InterventionType.choices, blank=True
    )
    audience = models.CharField("Public concerné", max_length=200, blank=True)
    audience_size = models.PositiveIntegerField("Nombre de participants", null=True, blank=True)
    preferred_period = models.CharField("Période souhaitée", max_length=200, blank=True)

    submission_token = models.CharField("Jeton d'envoi", max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("Reçue le", default=timezone.now, db_index=True)
    last_activity_at = models.DateTimeField("Dernière activité", default=timezone.now)
    first_contact_at = models.DateTimeField("Premier contact", null=True, blank=True)
    closed_at = models.DateTimeField("Clôturée le", null=True, blank=True)
    anonymised_at = models.DateTimeField("Anonymisée le", null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = "Demande"
        verbose_name_plural = "Demandes"
        ordering = ["-urgent", "-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="referral_status_created")]

    def __str__(self):
        return f"{self.reference} ({self.get_kind_display()})"

    def concern_labels(self):
        labels = dict(Concern.choices)
        return [labels.get(code, code) for code in self.concerns or []]


class ReferralEvent(HistoryEntry):
    """One entry of a request's history: who did what, and when (relier_site.history)."""

    class Action(models.TextChoices):
        CREATED = "created", "Reçue"
        ASSIGNED = "assigned", "Attribuée"
        STATUS = "status", "Changement de statut"
        NOTE = "note", "Note"
        REMINDER = "reminder", "Relance"
        DUPLICATE = "duplicate", "Doublon possible"
        EXPORT = "export", "Export"
        ACCESS_EXPORT = "access_export", "Export des données d'une personne"
        ANONYMISED = "anonymised", "Anonymisée"
        ERASED = "erased", "Effacée"

    referral = models.ForeignKey(
        Referral, verbose_name="Demande", on_delete=models.CASCADE, related_name="events"
    )
    subject_field = "referral"
    action = models.CharField("Action", max_length=20, choices=Action.choices)
    from_status = models.CharField(
        "Statut avant", max_length=20, choices=Status.choices, blank=True
    )
    to_status = models.CharField("Statut après", max_length=20, choices=Status.choices, blank=True)

    class Meta(HistoryEntry.Meta):
        verbose_name = "Événement d'une demande"
        verbose_name_plural = "Historique des demandes"

    def __str__(self):
        return f"{self.referral.reference} : {self.get_action_display()}"


# Between the codes or the addresses of a routing rule: commas, semicolons, spaces, lines.
LIST_SEPARATORS = re.compile(r"[\s,;]+")


class RoutingRuleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class RoutingRule(models.Model):
    """Who is notified of a new request: by kind, programme and département (a blank
    criterion matches everything)."""

    kind = models.CharField(
        "Type de demande",
        max_length=20,
        choices=Kind.choices,
        blank=True,
        help_text="Laissez vide pour tous les types.",
    )
    programme = models.CharField(
        "Programme",
        max_length=40,
        choices=Programme.choices,
        blank=True,
        help_text="Laissez vide pour tous les programmes.",
    )
    departements = models.CharField(
        "Départements",
        max_length=500,
        blank=True,
        help_text="Codes séparés par des virgules (par exemple « 93, 94, 974 ») ; "
        "laissez vide pour toute la France.",
    )
    group = models.ForeignKey(
        "auth.Group",
        verbose_name="Groupe prévenu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    emails = models.TextField(
        "Adresses prévenues",
        blank=True,
        help_text="Une adresse par ligne (ou séparées par des virgules).",
    )
    active = models.BooleanField("Active", default=True)

    objects = RoutingRuleQuerySet.as_manager()

    class Meta:
        verbose_name = "Règle d'acheminement"
        verbose_name_plural = "Règles d'acheminement"
        ordering = ["kind", "programme", "departements", "pk"]

    def __str__(self):
        parts = [
            self.get_kind_display() or "Toutes les demandes",
            self.get_programme_display() or "tous les programmes",
            self.departements or "toute la France",
        ]
        return " · ".join(parts)

    def departement_codes(self):
        """The codes of `departements`, upper case ("2a; 93 94" → ["2A", "93", "94"])."""
        return [code.upper() for code in LIST_SEPARATORS.split(self.departements) if code]

    def email_list(self):
        return [address for address in LIST_SEPARATORS.split(self.emails) if address]

    def clean(self):
        """Every address valid, every code a French département (the guide's list), with
        a French message naming the faulty value; the codes are stored as « 93, 2A »."""
        errors = {}
        known = {code for code, _label in departement_choices()}
        codes = self.departement_codes()
        unknown = [code for code in codes if code not in known]
        if unknown:
            errors["departements"] = [
                f"« {code} » n'est pas un numéro de département : indiquez des numéros "
                "comme 93, 2A ou 974, séparés par des virgules."
                for code in unknown
            ]
        else:
            self.departements = ", ".join(dict.fromkeys(codes))
        bad = []
        for address in self.email_list():
            try:
                validate_email(address)
            except ValidationError:
                bad.append(address)
        if bad:
            errors["emails"] = [
                f"L'adresse « {address} » n'est pas une adresse électronique valide : "
                "elle doit ressembler à nom@exemple.fr (une adresse par ligne)."
                for address in bad
            ]
        if errors:
            raise ValidationError(errors)

    def matches(self, *, kind, programme, departement):
        if self.kind and self.kind != kind:
            return False
        if self.programme and self.programme != programme:
            return False
        codes = self.departement_codes()
        return not codes or (departement or "").upper() in codes


class ReferralFormPage(RoutablePageMixin, BasePage):
    """A public form page (/orienter-un-jeune/, /etre-contacte/,
    /demander-une-intervention/): editors keep the texts, the kind picks the form. The
    confirmation is the sub-page « merci/ », reached after the POST by a redirect."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    template = "referrals/referral_form_page.html"
    allowed_http_methods = [*BasePage.allowed_http_methods, HTTPMethod.POST]

    kind = models.CharField(
        "Formulaire",
        max_length=20,
        choices=Kind.choices,
        unique=True,
        help_text="Le formulaire affiché sur la page. Une seule page par formulaire.",
    )
    confirmation_title = models.CharField(
        "Titre de la confirmation", max_length=150, default="Votre demande est bien arrivée"
    )
    confirmation_text = RichTextField(
        "Ce qui se passe ensuite",
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="Affiché sur la page de confirmation, sous le numéro de la demande.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("confirmation_title"), FieldPanel("confirmation_text")],
            heading="Page de confirmation",
        ),
    ]

    class Meta:
        verbose_name = "Page de formulaire de demande"
        verbose_name_plural = "Pages de formulaire de demande"

    @path("")
    def form_view(self, request):
        from .views import form_page

        return form_page(self, request)

    @path("merci/", name="confirmation")
    def confirmation_view(self, request):
        from .views import confirmation_page

        return confirmation_page(self, request)
