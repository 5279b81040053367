"""StreamField blocks shared by every page type of the site."""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .app_sections import app_section, app_section_choices

logger = logging.getLogger(__name__)

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Texte du titre", max_length=120)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Titre de section (niveau 2)"), ("h3", "Sous-titre (niveau 3)")],
        default="h2",
        help_text="Le titre principal de la page (niveau 1) est le titre de la page.",
    )

    class Meta:
        icon = "title"
        label = "Titre"
        template = "blocks/heading.html"


class AltTextImageBlock(ImageBlock):
    """Wagtail's ImageBlock, with the alt text also required when saving a draft.

    Wagtail defers that check to publishing; editors must hear about it at once.
    """

    def clean(self, value):
        value = super().clean(value)
        if value and not value.contextual_alt_text and not value.decorative:
            raise StructBlockValidationError(
                block_errors={
                    # Wagtail's own message (translated by its French catalogue), so
                    # drafts and publication say the same thing.
                    "alt_text": ValidationError(
                        gettext("Please add some alt text for your image or mark it as decorative")
                    )
                }
            )
        return value


class CaptionedImageBlock(blocks.StructBlock):
    image = AltTextImageBlock(label="Image")
    caption = blocks.CharBlock(label="Légende", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citation ou témoignage")
    author = blocks.CharBlock(
        label="Auteur",
        required=False,
        max_length=120,
        help_text="Prénom ou qualité (« Une maman », « Léa, 15 ans »). "
        "Jamais de nom complet d'un jeune.",
    )
    context = blocks.CharBlock(label="Contexte", required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = "Citation / témoignage"
        template = "blocks/quote.html"


class KeyFiguresBlock(blocks.StructBlock):
    """Key figures chosen among the « Chiffres clés » snippets, so one figure is
    updated in one place wherever it appears."""

    title = blocks.CharBlock(label="Titre", required=False, max_length=120)
    figures = blocks.ListBlock(
        SnippetChooserBlock("home.ImpactFigure", label="Chiffre clé"),
        label="Chiffres",
        min_num=1,
    )

    class Meta:
        icon = "pick"
        label = "Chiffres clés"
        template = "blocks/key_figures.html"


class LinkTargetBlock(blocks.StructBlock):
    """An internal page or an external URL, with a label."""

    label = blocks.CharBlock(label="Texte du lien", max_length=80)
    page = blocks.PageChooserBlock(label="Page du site", required=False)
    url = blocks.URLBlock(label="ou adresse externe", required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError("Choisissez une page ou une adresse.")}
            )
        return value

    class Meta:
        icon = "link"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=120)
    text = blocks.TextBlock(label="Texte", required=False)
    link = LinkTargetBlock(label="Lien")

    class Meta:
        icon = "arrow-right"
        label = "Appel à l'action"
        template = "blocks/call_to_action.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Question ou intitulé", max_length=200)
    answer = blocks.RichTextBlock(label="Réponse", features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label="Questions", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Questions fréquentes (accordéon)"
        template = "blocks/accordion.html"


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    description = blocks.CharBlock(label="Description courte", required=False, max_length=200)


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", required=False, max_length=120)
    documents = blocks.ListBlock(DocumentItemBlock(), label="Documents", min_num=1)

    class Meta:
        icon = "doc-full"
        label = "Liste de documents"
        template = "blocks/document_list.html"


class HelplinesBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label="Titre", max_length=120, default="Besoin d'aide maintenant ?", required=False
    )

    class Meta:
        icon = "help"
        label = "Numéros d'aide"
        help_text = "Affiche les numéros d'aide définis dans les réglages du site."
        template = "blocks/helplines.html"


class AppSectionBlock(blocks.StructBlock):
    """A section that a domain app provides (see `home.app_sections`), e.g. the next
    France Travail dates of the events app."""

    section = blocks.ChoiceBlock(
        choices=app_section_choices,
        label="Section",
        help_text="Le contenu de la section est tenu à jour par le site (par exemple les "
        "prochaines dates de l'agenda) : il n'y a rien d'autre à saisir.",
    )

    class Meta:
        icon = "calendar-alt"
        label = "Section fournie par une application"
        template = "blocks/app_section.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        section = app_section(value.get("section"))
        if section is None:
            logger.warning(
                "Section d'application inconnue, rien n'est affiché : %s", value.get("section")
            )
        context["section_template"] = section.template if section else None
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label="Texte", features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    document_list = DocumentListBlock()
    helplines = HelplinesBlock()
    app_section = AppSectionBlock()

    class Meta:
        block_counts = {}


class LegalBodyBlock(BodyBlock):
    """The body of a legal page: the shared blocks, plus blocks that show what the site
    settings and the configuration say, so these pages stay true when they change."""

    publisher = blocks.StaticBlock(
        label="Éditeur, publication et hébergeur",
        admin_text="Affiche l'éditeur (nom, adresse, contact), le directeur ou la directrice "
        "de la publication et l'hébergeur, tels qu'ils sont saisis dans les réglages du "
        "site.",
        icon="home",
        template="blocks/legal_publisher.html",
    )
    privacy_contact = blocks.StaticBlock(
        label="Contact pour les données personnelles",
        admin_text="Affiche l'adresse « Contact pour les données personnelles » des réglages "
        "du site et l'adresse postale.",
        icon="mail",
        template="blocks/legal_privacy_contact.html",
    )
    retention_periods = blocks.StaticBlock(
        label="Durées de conservation",
        admin_text="Affiche le tableau des durées de conservation telles que le site les "
        "applique (réglages du serveur).",
        icon="time",
        template="blocks/legal_retention_periods.html",
    )
    cookies = blocks.StaticBlock(
        label="Cookies",
        admin_text="Affiche la liste des cookies que le site peut déposer, avec leur nom et "
        "leur durée.",
        icon="lock",
        template="blocks/legal_cookies.html",
    )
    site_map = blocks.StaticBlock(
        label="Plan du site",
        admin_text="Affiche l'arborescence des pages publiées, à jour à chaque visite.",
        icon="list-ul",
        template="blocks/legal_site_map.html",
    )
