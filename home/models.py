from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock
from .helplines import DEFAULT_HELPLINES


class BasePage(Page):
    """Fields and behaviour every content page of the site shares."""

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

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro


class HomePage(BasePage):
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = "Page d'accueil"
        verbose_name_plural = "Pages d'accueil"


class StandardPage(BasePage):
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "Page standard"
        verbose_name_plural = "Pages standard"


class HelplineBlock(blocks.StructBlock):
    number = blocks.CharBlock(label="Numéro", max_length=20)
    name = blocks.CharBlock(label="Intitulé", max_length=80)
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
        default="https://meteofrance.com/",
        help_text="Site neutre ouvert par le bouton « Quitter le site » (et par trois "
        "appuis sur Maj).",
    )
    donation_url = models.URLField("Lien pour faire un don", blank=True)
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
