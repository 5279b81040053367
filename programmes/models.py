"""Programmes of the association, their partners, and the kits schools download."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.models import document_served
from wagtail.fields import StreamField
from wagtail.models import CollectionViewRestriction, Orderable
from wagtail.search import index

from home.blocks import LinkTargetBlock
from home.lookups import LookupValue
from home.models import BasePage, SnippetPreviewMixin


class Audience(LookupValue):
    """Who a programme is for (jeunes, parents, équipes éducatives…)."""

    class Meta(LookupValue.Meta):
        verbose_name = "Public d'un programme"
        verbose_name_plural = "Publics des programmes"


class KitAudience(LookupValue):
    """Who a kit is for (élèves, équipes pédagogiques, parents)."""

    class Meta(LookupValue.Meta):
        verbose_name = "Public d'un kit"
        verbose_name_plural = "Publics des kits"


class SchoolLevel(LookupValue):
    class Meta(LookupValue.Meta):
        verbose_name = "Niveau scolaire"
        verbose_name_plural = "Niveaux scolaires"


class Partner(SnippetPreviewMixin, index.Indexed, Orderable):
    """A partner of the association, shown on programme pages and in partner strips."""

    class Kind(models.TextChoices):
        PATRON = "mecene", "Mécène"
        ACTION = "action", "Partenaire d'action"
        INSTITUTIONAL = "institutionnel", "Partenaire institutionnel"
        SCIENTIFIC = "scientifique", "Partenaire scientifique"
        OPERATOR = "operateur", "Opérateur"

    name = models.CharField("Nom", max_length=120)
    kind = models.CharField("Type de partenariat", max_length=20, choices=Kind.choices)
    url = models.URLField("Site internet", blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le nom du partenaire sert de texte alternatif au logo.",
    )
    description = models.CharField(
        "Présentation courte", max_length=240, blank=True, help_text="Une phrase, facultative."
    )

    preview_template = "programmes/previews/partner.html"
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("url"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(Orderable.Meta):
        verbose_name = "Partenaire"
        verbose_name_plural = "Partenaires"

    def __str__(self):
        return self.name


class ServiceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Service", max_length=120)
    description = blocks.TextBlock(label="Description", required=False)
    rhythm = blocks.CharBlock(
        label="Fréquence ou format",
        max_length=120,
        required=False,
        help_text="Par exemple « chaque semaine, en ligne » ou « tous les 15 jours ».",
    )

    class Meta:
        icon = "list-ul"
        label = "Service"


class ProgrammeIndexPage(BasePage):
    """The /programmes/ page: lists the live programme pages below it."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    template = "programmes/programme_index_page.html"

    class Meta:
        verbose_name = "Liste des programmes"
        verbose_name_plural = "Listes des programmes"

    def get_context(self, request, *args, **kwargs):
        from .selectors import programme_teasers

        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = programme_teasers(parent=self)
        return context


class ProgrammePage(BasePage):
    class Status(models.TextChoices):
        OFFERED = "propose", "Proposé"
        IN_DEVELOPMENT = "en_developpement", "En développement"

    promise = models.CharField(
        "Promesse en une ligne",
        max_length=160,
        help_text="Ce que le programme apporte, en une phrase. Sert de description pour "
        "les moteurs de recherche si celle-ci est vide.",
    )
    status = models.CharField(
        "Statut",
        max_length=20,
        choices=Status.choices,
        default=Status.OFFERED,
        help_text="« Proposé » : le programme accueille des jeunes dès aujourd'hui. "
        "« En développement » : le programme se prépare ; sa page et sa carte (page "
        "d'accueil, liste des programmes) portent le badge « En développement », pour "
        "que les visiteurs sachent qu'il n'accueille pas encore de jeunes.",
    )
    audiences = ParentalManyToManyField(
        Audience, verbose_name="Publics", blank=True, related_name="programmes"
    )
    age_min = models.PositiveSmallIntegerField("Âge minimum", null=True, blank=True)
    age_max = models.PositiveSmallIntegerField("Âge maximum", null=True, blank=True)
    services = StreamField(
        [("service", ServiceBlock())], verbose_name="Services proposés", blank=True
    )
    partners = ParentalManyToManyField(
        Partner, verbose_name="Partenaires", blank=True, related_name="programmes"
    )
    # The summary box at the top of the page (« En bref »): what a visitor asks first.
    schedule = models.CharField(
        "Quand",
        max_length=200,
        blank=True,
        help_text="Par exemple « chaque semaine, en ligne » ou « toute l'année scolaire ».",
    )
    duration = models.CharField(
        "Combien de temps",
        max_length=200,
        blank=True,
        help_text="Par exemple « 4 modules de 45 minutes ».",
    )
    cost = models.CharField(
        "Combien ça coûte",
        max_length=200,
        blank=True,
        help_text="Par exemple « Gratuit pour les familles ». Laissez vide si vous ne "
        "savez pas : la ligne n'est alors pas affichée.",
    )
    how_to_join = models.CharField(
        "Comment s'inscrire",
        max_length=300,
        blank=True,
        help_text="La prochaine étape, en une phrase ; les boutons d'action suivent.",
    )
    icon = models.CharField(
        "Pictogramme",
        max_length=30,
        choices=[
            ("chat-heart", "Bulle et cœur (écoute, parole)"),
            ("briefcase", "Mallette (emploi)"),
            ("shield-check", "Bouclier (prévention)"),
            ("people", "Personnes (groupe)"),
            ("heart", "Cœur"),
        ],
        default="people",
        help_text="Affiché sur la carte du programme (accueil, liste des programmes).",
    )
    actions = StreamField(
        [("action", LinkTargetBlock(label="Action"))],
        verbose_name="Appels à l'action",
        min_num=1,
        help_text="Au moins un lien vers le bon formulaire ou l'agenda "
        "(orienter un jeune, être contacté, s'inscrire).",
    )

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []
    template = "programmes/programme_page.html"

    content_panels = [
        *BasePage.content_panels[:1],
        FieldPanel("promise"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
            ],
            heading="Pour qui",
        ),
        MultiFieldPanel(
            [
                FieldPanel("schedule"),
                FieldPanel("duration"),
                FieldPanel("cost"),
                FieldPanel("how_to_join"),
            ],
            heading="En bref (encadré en haut de la page)",
        ),
        FieldPanel("icon"),
        FieldPanel("intro"),
        FieldPanel("services"),
        FieldPanel("actions"),
        FieldPanel("body"),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("promise")]

    class Meta:
        verbose_name = "Programme"
        verbose_name_plural = "Programmes"

    def clean(self):
        super().clean()
        if self.age_min and self.age_max and self.age_min > self.age_max:
            raise ValidationError(
                {"age_max": "L'âge maximum doit être supérieur ou égal à l'âge minimum."}
            )

    def get_meta_description(self):
        return self.search_description or self.promise or self.intro

    @property
    def age_range(self):
        if self.age_min and self.age_max:
            return f"de {self.age_min} à {self.age_max} ans"
        if self.age_min:
            return f"à partir de {self.age_min} ans"
        if self.age_max:
            return f"jusqu'à {self.age_max} ans"
        return ""

    def get_context(self, request, *args, **kwargs):
        from .selectors import kit_download_base, partners_strip, programme_kits

        context = super().get_context(request, *args, **kwargs)
        context["partner_list"] = partners_strip(self.partners.all())
        context["audience_list"] = list(self.audiences.all())
        context["kits"] = programme_kits(self)
        if context["kits"]:
            context["download_base"] = kit_download_base()
        return context


class KitQuerySet(models.QuerySet):
    def published(self):
        """Kits whose document exists and is not in a restricted collection."""
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        kits = self.filter(document__isnull=False)
        for collection_path in restricted:
            kits = kits.exclude(document__collection__path__startswith=collection_path)
        return kits


class Kit(SnippetPreviewMixin, index.Indexed, ClusterableModel):
    """A document schools or parents download, described for the resources listing."""

    class Format(models.TextChoices):
        GUIDE = "guide", "Guide"
        SHEET = "fiche", "Fiche pratique"
        PRESENTATION = "presentation", "Présentation"
        MODULE = "module", "Module de prévention"
        POSTER = "affiche", "Affiche"

    title = models.CharField("Titre", max_length=160)
    summary = models.TextField(
        "Résumé",
        max_length=600,
        help_text="Ce que contient le kit et à qui il sert, avant "
        "le téléchargement (2 à 4 phrases).",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Document",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    format = models.CharField("Format", max_length=20, choices=Format.choices)
    audiences = ParentalManyToManyField(KitAudience, verbose_name="Publics", blank=True)
    school_levels = ParentalManyToManyField(
        SchoolLevel, verbose_name="Niveaux scolaires", blank=True
    )
    programme = models.ForeignKey(
        ProgrammePage,
        verbose_name="Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kits",
    )
    created_at = models.DateTimeField("Ajouté le", auto_now_add=True)

    objects = KitQuerySet.as_manager()

    preview_template = "programmes/previews/kit.html"
    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("format"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("school_levels", widget=forms.CheckboxSelectMultiple),
        FieldPanel("programme"),
    ]
    # The site search finds a kit by its words, its format (« fiche »), its audiences
    # (« parents ») and its school levels (« collège »).
    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.SearchField("get_format_display"),
        index.SearchField("search_kind"),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("school_levels", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "Kit ou ressource"
        verbose_name_plural = "Kits et ressources"
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The search index is updated on post_save, before ClusterableModel.save commits
        # the audiences and school levels: index again once they are saved.
        index.insert_or_update_object(self)

    def search_kind(self):
        """What a kit is, so that searching « kit » finds every kit."""
        return self._meta.verbose_name


class DocumentDownloadCount(models.Model):
    """How many times a document was downloaded in a month. No IP, cookie or user agent."""

    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="downloadcounts"
    )
    month = models.DateField("Mois", help_text="Premier jour du mois.")
    count = models.PositiveIntegerField("Téléchargements", default=0)

    class Meta:
        verbose_name = "Téléchargements d'un document par mois"
        verbose_name_plural = "Téléchargements des documents par mois"
        constraints = [
            models.UniqueConstraint(fields=["document", "month"], name="one_count_per_month")
        ]

    def __str__(self):
        return f"{self.document_id} {self.month:%Y-%m} : {self.count}"


class ResourcesPage(RoutablePageMixin, BasePage):
    """/ressources/: kits with filters that work without JavaScript, and their downloads."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "programmes/resources_page.html"

    class Meta:
        verbose_name = "Page des ressources"
        verbose_name_plural = "Pages des ressources"

    @path("")
    def listing(self, request):
        from .forms import ResourceFilterForm
        from .selectors import filter_kits, published_kit_list

        kits = published_kit_list()
        form = ResourceFilterForm(request.GET, kits=kits)
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "kits": filter_kits(kits, **form.selected()),
                "filters_applied": bool(form.selected()),
                "download_base": self.url + "telecharger/",
            },
        )

    @path("telecharger/<int:kit_id>/", name="download")
    def download(self, request, kit_id):
        """Serve the kit's file (counted like every served document, see apps.py).

        A missing kit, document or file, or a private document: a plain 404.
        """
        from .selectors import published_kit

        kit = published_kit(kit_id)
        if kit is None or not kit.document.file:
            raise Http404
        document = kit.document
        try:
            handle = document.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        document_served.send(sender=type(document), instance=document, request=request)
        return FileResponse(
            handle,
            as_attachment=document.file_extension.lower() != "pdf",
            filename=document.filename,
            content_type=document.content_type,
        )
