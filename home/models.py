from http import HTTPMethod

from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PreviewableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from relier_site.review import ReviewedPageMixin

from .blocks import BodyBlock, LegalBodyBlock, LinkTargetBlock
from .helplines import DEFAULT_HELPLINES, DEFAULT_QUICK_EXIT_URL
from .seo import json_ld


class BasePage(ReviewedPageMixin, Page):
    """Fields and behaviour every content page of the site shares (review before
    publishing under a workflow: see relier_site.review)."""

    intro = models.TextField(
        "Chapeau",
        blank=True,
        max_length=500,
        help_text="Une ou deux phrases affichées sous le titre et reprises par les moteurs "
        "de recherche quand la description n'est pas remplie.",
    )
    body = StreamField(BodyBlock(), verbose_name="Contenu", blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    # Pages are read, not written: PUT, DELETE, PATCH and POST answer 405 (a page type
    # with a form adds POST).
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro


# The home page's « Vous êtes… » entries: (slug of a page below the home page, label,
# icon of the sprite). An entry whose page is missing or not live is left out.
HOME_ENTRIES = [
    ("jeunes", "Je suis jeune", "person-raised-hand"),
    ("parents", "Je suis parent", "people"),
    ("professionnels", "Je suis professionnel·le", "briefcase"),
    ("etablissements-scolaires", "Je suis un établissement scolaire", "backpack"),
]


class HomePage(BasePage):
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = "Page d'accueil"
        verbose_name_plural = "Pages d'accueil"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organization_json_ld"] = self.organization_json_ld(
            SiteSettings.for_request(request), request
        )
        context["entries"] = self.entries(request)
        return context

    def entries(self, request):
        """The « Vous êtes… » entries whose page is live and public, in their order."""
        pages = {
            page.slug: page
            for page in self.get_children()
            .live()
            .public()
            .filter(slug__in=[slug for slug, _label, _icon in HOME_ENTRIES])
        }
        return [
            {"label": label, "icon": icon, "url": pages[slug].get_url(request)}
            for slug, label, icon in HOME_ENTRIES
            if slug in pages
        ]

    def organization_json_ld(self, site_settings, request):
        """schema.org `Organization` of the association, for search engines."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": site_settings.organisation_name,
            "url": self.get_full_url(request),
            "description": self.get_meta_description(),
        }
        if site_settings.contact_email:
            data["email"] = site_settings.contact_email
        if site_settings.contact_phone:
            data["telephone"] = site_settings.contact_phone
        same_as = [url for _label, url in site_settings.social_links]
        if same_as:
            data["sameAs"] = same_as
        return json_ld(data)


class StandardPage(BasePage):
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "Page standard"
        verbose_name_plural = "Pages standard"


class LegalPage(BasePage):
    """A legal or trust page (mentions légales, confidentialité, accessibilité, plan du
    site): editable text, plus blocks that show the site settings and the configuration
    (retention periods, cookies, page tree) as they are, so the page stays true."""

    body = StreamField(LegalBodyBlock(), verbose_name="Contenu", blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "Page d'information légale"
        verbose_name_plural = "Pages d'information légale"


class HelplineBlock(blocks.StructBlock):
    number = blocks.CharBlock(label="Numéro", max_length=20)
    name = blocks.CharBlock(label="Intitulé", max_length=80)
    short_name = blocks.CharBlock(
        label="Intitulé court",
        max_length=40,
        required=False,
        help_text="Affiché à côté du numéro dans le bandeau en haut de chaque page "
        "(« (cyber)harcèlement »). À défaut, l'intitulé.",
    )
    hours = blocks.CharBlock(label="Horaires", max_length=80, required=False)
    description = blocks.CharBlock(label="Précision", max_length=200, required=False)


def default_helplines():
    return [("helpline", dict(helpline)) for helpline in DEFAULT_HELPLINES]


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details, helplines, quick exit and links shown on every page."""

    organisation_name = models.CharField(
        "Nom de l'association", max_length=120, default="Les Centres Relier"
    )
    contact_email = models.EmailField("Adresse électronique de contact", blank=True)
    contact_phone = models.CharField("Téléphone de contact", max_length=30, blank=True)
    postal_address = models.TextField("Adresse postale", blank=True)
    privacy_contact = models.EmailField(
        "Contact pour les données personnelles",
        blank=True,
        help_text="Adresse donnée dans les mentions d'information des formulaires.",
    )
    helplines = StreamField(
        [("helpline", HelplineBlock(label="Numéro d'aide"))],
        verbose_name="Numéros d'aide",
        default=default_helplines,
        help_text="Affichés en haut et en bas de chaque page, dans l'ordre choisi ici.",
    )
    quick_exit_url = models.URLField(
        "Adresse de sortie rapide",
        default=DEFAULT_QUICK_EXIT_URL,
        help_text="Site neutre ouvert par le bouton « Quitter le site » (et par trois "
        "appuis sur Maj).",
    )
    donation_url = models.URLField(
        "Lien pour faire un don",
        blank=True,
        help_text="Rempli, il ajoute le lien « Faire un don » en bas de chaque page ; vide, "
        "le lien n'apparaît pas.",
    )
    registration_number = models.CharField(
        "Numéro RNA ou SIRET de l'association",
        max_length=40,
        blank=True,
        help_text="Affiché dans les mentions légales.",
    )
    publication_director = models.CharField(
        "Directeur ou directrice de la publication",
        max_length=120,
        blank=True,
        help_text="Nom et fonction, affichés dans les mentions légales (en général la "
        "personne qui représente l'association). Tant qu'il est vide, les mentions "
        "légales publiées n'en disent rien et l'aperçu rappelle qu'il reste à le remplir.",
    )
    host_name = models.CharField(
        "Hébergeur du site",
        max_length=120,
        blank=True,
        help_text="Nom ou raison sociale, affiché dans les mentions légales.",
    )
    host_address = models.TextField("Adresse de l'hébergeur", blank=True)
    host_contact = models.CharField("Téléphone ou site de l'hébergeur", max_length=200, blank=True)
    linkedin_url = models.URLField("LinkedIn", blank=True)
    instagram_url = models.URLField("Instagram", blank=True)
    facebook_url = models.URLField("Facebook", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
                FieldPanel("privacy_contact"),
            ],
            heading="Coordonnées",
        ),
        FieldPanel("helplines"),
        FieldPanel("quick_exit_url"),
        FieldPanel("donation_url"),
        MultiFieldPanel(
            [
                FieldPanel("registration_number"),
                FieldPanel("publication_director"),
                FieldPanel("host_name"),
                FieldPanel("host_address"),
                FieldPanel("host_contact"),
            ],
            heading="Mentions légales",
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
            ],
            heading="Réseaux sociaux",
        ),
    ]

    class Meta:
        verbose_name = "Réglages du site"

    def clean(self):
        super().clean()
        if not self.helplines:
            raise ValidationError({"helplines": "Indiquez au moins un numéro d'aide."})

    @property
    def social_links(self):
        links = [
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]

    @property
    def helpline_list(self):
        """The helplines as dicts; the shipped defaults when none are set."""
        lines = [dict(block.value) for block in self.helplines]
        return lines or [dict(h) for h in DEFAULT_HELPLINES]


@register_setting(icon="link")
class FooterLinks(BaseSiteSetting):
    """The links at the bottom of every page (legal pages, site map…), in this order.
    Communication edits them (Paramètres › Liens du pied de page)."""

    links = StreamField(
        [("link", LinkTargetBlock(label="Lien"))],
        verbose_name="Liens",
        blank=True,
        help_text="Par exemple : Mentions légales, Confidentialité, Accessibilité, Plan du "
        "site. Une page dépubliée ou supprimée disparaît du pied de page.",
    )

    panels = [FieldPanel("links")]

    class Meta:
        verbose_name = "Liens du pied de page"

    @property
    def link_list(self):
        """(label, page, url) of each link to a live page or to an address."""
        items = []
        for block in self.links:
            page, url = block.value.get("page"), block.value.get("url")
            if page is not None and page.live:
                items.append((block.value["label"], page, ""))
            elif page is None and url:
                items.append((block.value["label"], None, url))
        return items


class SnippetPreviewMixin(PreviewableMixin):
    """Preview a snippet as visitors see it in its listing.

    `preview_template` extends "previews/snippet.html"; it gets the snippet as `object`
    and as the one-item list `preview_items`.
    """

    preview_template = None

    def get_preview_template(self, request, mode_name):
        return self.preview_template

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "preview_items": [self]}


@register_snippet
class ImpactFigure(SnippetPreviewMixin, index.Indexed, models.Model):
    """A key figure of the association (« 406 jeunes accompagnés »), reused on pages."""

    value = models.CharField("Chiffre", max_length=30, help_text="Par exemple « 1 586 ».")
    label = models.CharField("Libellé", max_length=160)
    period = models.CharField(
        "Période", max_length=60, blank=True, help_text="Par exemple « 2023-2024 »."
    )
    source = models.CharField(
        "Source", max_length=160, blank=True, help_text="Par exemple « Rapport d'activité 2024 »."
    )

    preview_template = "home/previews/impact_figure.html"
    panels = [FieldPanel("value"), FieldPanel("label"), FieldPanel("period"), FieldPanel("source")]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label")]

    class Meta:
        verbose_name = "Chiffre clé"
        verbose_name_plural = "Chiffres clés"
        ordering = ["label"]

    def __str__(self):
        return f"{self.value} {self.label}"
