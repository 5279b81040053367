"""The guide « Maux d'enfants, mode d'emploi »: structures that help young people in
distress and their families, by territory. Public structures only: no personal data."""

from dateutil.relativedelta import relativedelta
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from home.lookups import LookupValue
from home.models import BasePage
from relier_site import phones

from . import territories
from .conf import conf
from .reference import MODES


class Theme(LookupValue):
    class Meta(LookupValue.Meta):
        verbose_name = "Thème du guide"
        verbose_name_plural = "Thèmes du guide"


class Audience(LookupValue):
    class Meta(LookupValue.Meta):
        verbose_name = "Public du guide"
        verbose_name_plural = "Publics du guide"


class Departement(models.Model):
    """A French département (reference data of guide.territories, loaded by migration)."""

    code = models.CharField("Code", max_length=3, primary_key=True)
    name = models.CharField("Nom", max_length=60)
    region_code = models.CharField("Région", max_length=2)

    class Meta:
        verbose_name = "Département"
        verbose_name_plural = "Départements"
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def reference(self):
        return territories.DEPARTEMENTS[self.code]


REGION_CHOICES = sorted(
    ((r.code, r.name) for r in territories.REGIONS.values()), key=lambda c: c[1]
)


def freshness_limit(today=None):
    """Entries verified before this date are stale (GUIDE_FRESHNESS_MONTHS months ago)."""
    today = today or timezone.localdate()
    return today - relativedelta(months=conf.FRESHNESS_MONTHS)


class Structure(DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, ClusterableModel):
    """A structure of the guide with what it offers young people and families."""

    class Scope(models.TextChoices):
        NATIONAL = "national", "Nationale"
        REGION = "region", "Une région"
        DEPARTEMENT = "departement", "Un ou plusieurs départements"
        COMMUNE = "commune", "Une commune"

    source_id = models.SlugField(
        "Identifiant",
        max_length=100,
        unique=True,
        help_text="Identifiant stable de la fiche, repris par l'import et l'export "
        "(lettres minuscules, chiffres et tirets). Ne le changez pas après une exportation.",
    )
    name = models.CharField("Nom", max_length=150)
    description = models.TextField(
        "Description", max_length=2000, help_text="Ce que la structure propose, en 2 à 5 phrases."
    )
    themes = ParentalManyToManyField(Theme, verbose_name="Thèmes", related_name="structures")
    audiences = ParentalManyToManyField(
        Audience, verbose_name="Publics", blank=True, related_name="structures"
    )
    age_min = models.PositiveSmallIntegerField(
        "Âge minimum", null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_max = models.PositiveSmallIntegerField(
        "Âge maximum", null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    in_person = models.BooleanField("Sur place", default=False)
    by_phone = models.BooleanField("Par téléphone", default=False)
    by_chat = models.BooleanField("Par tchat", default=False)
    by_video = models.BooleanField("En visio", default=False)
    is_free = models.BooleanField("Gratuit", default=True)
    fees_details = models.CharField("Précisions sur les frais", max_length=200, blank=True)
    is_anonymous = models.BooleanField("Anonyme", default=False)
    opening_hours = models.CharField(
        "Horaires",
        max_length=200,
        blank=True,
        help_text="Par exemple « du lundi au vendredi, de 9 h à 18 h ».",
    )
    always_open = models.BooleanField("Ouvert 24 h/24, 7 j/7", default=False)
    scope = models.CharField(
        "Territoire couvert", max_length=20, choices=Scope.choices, default=Scope.DEPARTEMENT
    )
    region = models.CharField(
        "Région couverte",
        max_length=2,
        choices=REGION_CHOICES,
        blank=True,
        help_text="Si la structure couvre une région.",
    )
    departements = ParentalManyToManyField(
        Departement,
        verbose_name="Départements couverts",
        blank=True,
        related_name="structures",
        help_text="Si la structure couvre un ou plusieurs départements.",
    )
    address = models.CharField("Adresse", max_length=200, blank=True)
    postcode = models.CharField("Code postal", max_length=5, blank=True)
    commune = models.CharField("Commune", max_length=100, blank=True)
    code_insee = models.CharField(
        "Code commune (INSEE)",
        max_length=5,
        blank=True,
        help_text="Obligatoire si la structure ne couvre qu'une commune (par exemple 93008).",
    )
    phone = models.CharField(
        "Téléphone",
        max_length=20,
        blank=True,
        help_text="Numéro français, international ou court (3018) ; "
        "enregistré au format international.",
    )
    email = models.EmailField("Adresse électronique", blank=True)
    website = models.URLField("Site internet", blank=True)
    last_verified = models.DateField(
        "Dernière vérification", help_text="Date à laquelle ces informations ont été vérifiées."
    )
    verification_source = models.CharField(
        "Source de la vérification",
        max_length=200,
        blank=True,
        help_text="Par exemple « site officiel » ou « appel à la structure ».",
    )
    is_example = models.BooleanField(
        "Exemple fictif",
        default=False,
        help_text="Fiche de démonstration : le site l'affiche clairement comme un exemple.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("source_id"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
            ],
            heading="Pour qui, sur quoi",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(field) for field, *_ in MODES]),
                FieldRowPanel(
                    [FieldPanel("is_free"), FieldPanel("is_anonymous"), FieldPanel("always_open")]
                ),
                FieldPanel("fees_details"),
                FieldPanel("opening_hours"),
            ],
            heading="Comment",
        ),
        MultiFieldPanel(
            [
                FieldPanel("scope"),
                FieldPanel("region"),
                FieldPanel("departements", widget=forms.CheckboxSelectMultiple),
                FieldPanel("code_insee"),
            ],
            heading="Territoire",
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("commune")]),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading="Coordonnées",
        ),
        MultiFieldPanel(
            [
                FieldPanel("last_verified"),
                FieldPanel("verification_source"),
                FieldPanel("is_example"),
            ],
            heading="Vérification",
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("description"),
        index.SearchField("commune"),
        index.AutocompleteField("name"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = "Structure du guide"
        verbose_name_plural = "Structures du guide"
        ordering = ["name"]
        permissions = [("import_structure", "Peut importer et exporter les structures du guide")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        try:
            self.phone = phones.normalise(self.phone, short_numbers=True)
        except ValidationError as error:
            errors["phone"] = error.messages
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors["age_max"] = "L'âge maximum doit être supérieur ou égal à l'âge minimum."
        if self.postcode and not (len(self.postcode) == 5 and self.postcode.isdigit()):
            errors["postcode"] = "Un code postal s'écrit avec 5 chiffres."
        if self.last_verified and self.last_verified > timezone.localdate():
            errors["last_verified"] = "La date de vérification ne peut pas être dans le futur."
        if self.scope == self.Scope.REGION and not self.region:
            errors["region"] = "Choisissez la région couverte."
        if self.scope == self.Scope.COMMUNE and not territories.departement_for_insee_code(
            self.code_insee
        ):
            errors["code_insee"] = (
                "Indiquez le code INSEE de la commune couverte (par exemple 93008)."
            )
        if errors:
            raise ValidationError(errors)

    # --- What visitors read -------------------------------------------------------

    @property
    def phone_display(self):
        return phones.display(self.phone)

    @property
    def phone_href(self):
        return phones.tel_uri(self.phone)

    @property
    def modes(self):
        return [label for field, label, _value, _mode in MODES if getattr(self, field)]

    @property
    def age_range(self):
        if self.age_min is not None and self.age_max is not None:
            return f"de {self.age_min} à {self.age_max} ans"
        if self.age_min is not None:
            return f"à partir de {self.age_min} ans"
        if self.age_max is not None:
            return f"jusqu'à {self.age_max} ans"
        return ""

    def covered_departement_codes(self):
        """Codes of the départements the structure covers ([] when national)."""
        if self.scope == self.Scope.NATIONAL:
            return []
        if self.scope == self.Scope.REGION:
            return [d.code for d in territories.departements_of_region(self.region)]
        if self.scope == self.Scope.COMMUNE:
            departement = territories.departement_for_insee_code(self.code_insee)
            return [departement.code] if departement else []
        return sorted(d.code for d in self.departements.all())

    def coverage_label(self):
        """« Service national », « Couvre la Seine-Saint-Denis », « Couvre l'Île-de-France »…"""
        if self.scope == self.Scope.NATIONAL:
            return "Service national"
        if self.scope == self.Scope.REGION and self.region in territories.REGIONS:
            return f"Couvre {territories.REGIONS[self.region].with_article}"
        if self.scope == self.Scope.COMMUNE:
            return f"Couvre la commune de {self.commune}" if self.commune else "Couvre une commune"
        names = [territories.DEPARTEMENTS[c].with_article for c in self.covered_departement_codes()]
        if not names:
            return ""
        if len(names) == 1:
            return f"Couvre {names[0]}"
        return f"Couvre {', '.join(names[:-1])} et {names[-1]}"

    def match_reason(self, departement=None):
        """Why a search result matches the visitor's territory (a Departement or None)."""
        if self.scope == self.Scope.NATIONAL:
            return "Service national, joignable partout en France"
        if departement is None:
            return self.coverage_label()
        if self.scope == self.Scope.REGION:
            return f"Couvre {departement.region.with_article}, dont {departement.with_article}"
        if self.scope == self.Scope.COMMUNE:
            return f"Couvre la commune de {self.commune} ({departement.with_article})"
        return f"Couvre {departement.with_article}"

    # --- Preview ------------------------------------------------------------------

    def get_preview_template(self, request, mode_name):
        return "guide/structure_page.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context |= {"structure": self, "page": GuideIndexPage.objects.live().first()}
        return context


class GuideIndexPage(RoutablePageMixin, BasePage):
    """/guide/: search, structure pages and the printable booklet (the public exports
    are plain URLs, see guide/urls.py)."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "guide/guide_index_page.html"

    class Meta:
        verbose_name = "Guide « Maux d'enfants, mode d'emploi »"
        verbose_name_plural = "Guides « Maux d'enfants, mode d'emploi »"

    @path("")
    def search_view(self, request):
        from .views import search

        return search(self, request)

    @path("structures/<slug:source_id>/", name="structure")
    def structure_view(self, request, source_id):
        from .views import structure_detail

        return structure_detail(self, request, source_id)

    @path("imprimer/", name="print")
    def print_view(self, request):
        from .views import booklet

        return booklet(self, request)
