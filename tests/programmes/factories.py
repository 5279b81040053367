"""Factories for the programmes app: index and programme pages, partners, kits, the
resources page, and impact figures.

Pages are live children of their parent (the ProgrammeIndexPage and ResourcesPage are
children of the site's HomePage). Many-to-many fields take slugs (audiences, school
levels: the values created by the data migration) or objects (partners).
"""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory

from home.models import ImpactFigure
from home.tree import ensure_home_page
from programmes.models import (
    Audience,
    Kit,
    KitAudience,
    Partner,
    ProgrammeIndexPage,
    ProgrammePage,
    ResourcesPage,
    SchoolLevel,
)
from tests.factories import DocumentFactory, ImageFactory, root_collection, stream

# A tiny but real PDF (one empty page), so downloads serve real bytes.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def action(label, *, page=None, url=""):
    return ("action", {"label": label, "page": page.pk if page else None, "url": url})


def service(name, description="", rhythm=""):
    return ("service", {"name": name, "description": description, "rhythm": rhythm})


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nos programmes"
    slug = "programmes"
    intro = "Les programmes des Centres Relier, pour les jeunes et ceux qui les entourent."
    parent = factory.LazyFunction(ensure_home_page)

    class Meta:
        model = ProgrammeIndexPage


class ResourcesPageFactory(wagtail_factories.PageFactory):
    title = "Ressources"
    slug = "ressources"
    intro = "Des kits et des documents pour les écoles et les parents."
    parent = factory.LazyFunction(ensure_home_page)

    class Meta:
        model = ResourcesPage


def programme_index():
    """The site's ProgrammeIndexPage (max_count = 1), created when missing."""
    return ProgrammeIndexPage.objects.first() or ProgrammeIndexPageFactory()


class PartnerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partenaire {n}")
    kind = Partner.Kind.ACTION
    url = factory.Sequence(lambda n: f"https://partenaire-{n}.example.org/")
    description = "Soutient l'accompagnement des jeunes."
    sort_order = factory.Sequence(int)

    class Meta:
        model = Partner

    class Params:
        with_logo = factory.Trait(
            logo=factory.SubFactory(ImageFactory, title=factory.Sequence(lambda n: f"Logo {n}"))
        )


class ProgrammePageFactory(wagtail_factories.PageFactory):
    """A live programme page below the ProgrammeIndexPage, with one external action."""

    title = factory.Sequence(lambda n: f"Programme {n}")
    promise = "Aider les jeunes victimes de harcèlement à reprendre confiance."
    intro = "Un accompagnement gratuit, en petits groupes."
    parent = factory.LazyFunction(programme_index)
    actions = factory.LazyFunction(
        lambda: stream(action("Orienter un jeune", url="https://relier.example.org/orienter/"))
    )

    class Meta:
        model = ProgrammePage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(self, create, slugs, **kwargs):
        if slugs:
            self.audiences.set(Audience.objects.filter(slug__in=slugs))
            if create:
                self.save()

    @factory.post_generation
    def partners(self, create, partners, **kwargs):
        if partners:
            self.partners.set(partners)
            if create:
                self.save()


def pdf_document(title, collection=None):
    return DocumentFactory(
        title=title,
        collection=collection or root_collection(),
        file=ContentFile(PDF_BYTES, name="kit.pdf"),
    )


class KitFactory(DjangoModelFactory):
    """A kit with a small real PDF document in the root collection."""

    title = factory.Sequence(lambda n: f"Kit de test {n}")
    summary = "Un kit pour parler du harcèlement en classe, avec des fiches à imprimer."
    format = Kit.Format.GUIDE
    document = factory.LazyAttribute(lambda o: pdf_document(f"Document du {o.title}"))

    class Meta:
        model = Kit
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(self, create, slugs, **kwargs):
        if slugs:
            self.audiences.set(KitAudience.objects.filter(slug__in=slugs))
            if create:
                self.save()

    @factory.post_generation
    def school_levels(self, create, slugs, **kwargs):
        if slugs:
            self.school_levels.set(SchoolLevel.objects.filter(slug__in=slugs))
            if create:
                self.save()


class ImpactFigureFactory(DjangoModelFactory):
    value = "291"
    label = factory.Sequence(lambda n: f"jeunes accompagnés (chiffre {n})")
    period = "2023-2024"
    source = "Rapport d'activité 2024"

    class Meta:
        model = ImpactFigure
