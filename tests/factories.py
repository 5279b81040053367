"""Factories for the tests: staff members, pages, images, documents, raw StreamField data,
and a page using every body block.

Built on factory_boy and wagtail-factories. Images are real PNG files (Pillow), documents
are small real text files, so renditions, file sizes and download links behave as on the
site.
"""

import json
import uuid

import factory
import wagtail_factories
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import RequestFactory
from factory.django import DjangoModelFactory
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from events.apps import FRANCE_TRAVAIL_DATES
from home.blocks import BodyBlock
from home.models import ImpactFigure, StandardPage
from home.tree import ensure_home_page
from relier_site.forms import PublicForm, SubmissionLimit

STAFF_PASSWORD = "mot-de-passe-solide-42"


class StaffFactory(DjangoModelFactory):
    """A staff account, signed in with `STAFF_PASSWORD` unless `password=` says otherwise.

    `role` is one of the groups the migrations create (`relier_site.roles.COMMUNICATION`,
    `ACCOMPAGNEMENT`, `ADMINISTRATION`); an unknown name fails (Group.DoesNotExist).
    `superuser=True` makes a superuser (no role needed). Without either, the account has
    no permission at all. No email address unless given.
    """

    username = factory.Sequence(lambda n: f"personne-{n}")
    email = ""  # pass one to test what is sent to staff (Wagtail's workflow notifications)
    password = factory.django.Password(STAFF_PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)

    @factory.post_generation
    def role(self, create, name, **kwargs):
        if name:
            self.groups.add(Group.objects.get(name=name))


def stream(*blocks):
    """Raw StreamField JSON from (block_type, value) pairs, as the editor would store it."""
    return json.dumps([stream_block(name, value) for name, value in blocks])


def stream_block(block_type, value):
    """One raw StreamField child: its type, value and a fresh id."""
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def list_item(value):
    """One raw ListBlock item (ListBlock values are stored as a list of these)."""
    return stream_block("item", value)


def root_collection():
    return Collection.get_first_root_node()


class StandardPageFactory(wagtail_factories.PageFactory):
    """A live StandardPage; without `parent`, a child of the site's HomePage."""

    title = factory.Sequence(lambda n: f"Page de test {n}")
    intro = "Une page créée pour les tests."
    parent = factory.LazyFunction(ensure_home_page)

    class Meta:
        model = StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    """A Wagtail image holding a real (small) PNG, in the root collection."""

    title = factory.Sequence(lambda n: f"Image de test {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttribute(
        lambda obj: get_test_image_file(filename="image-test.png", colour="#1d5c63", size=(64, 48))
    )


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A Wagtail document holding a small real text file, in the root collection."""

    title = factory.Sequence(lambda n: f"Document de test {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttribute(
        lambda obj: ContentFile(
            "Guide des parents : repérer les signes du harcèlement.\n".encode(),
            name="guide-parents.txt",
        )
    )


# Visible text of each block of `every_block_body`, so tests can check that every block
# template renders. Keys are the BodyBlock child names.
EVERY_BLOCK_TEXT = {
    "heading": "Comment nous accompagnons les jeunes",
    "paragraph": "Chaque jeune est reçu par une psychologue formée au harcèlement.",
    "image": "Un atelier de groupe au centre de Paris",
    "quote": "Ici, on m'a enfin écoutée.",
    "key_figures": "jeunes accompagnés en 2024",
    "call_to_action": "Orienter un jeune vers nous",
    "accordion": "Combien coûte l'accompagnement\u00a0?",
    "document_list": "Guide des parents",
    "helplines": "Besoin d'aide maintenant\u00a0?",
    "app_section": "Toutes les dates pour France Travail",  # events: the next dates
}
IMAGE_ALT_TEXT = "Des jeunes assis en cercle avec une animatrice"


def every_block_body(*, image, document, link_page):
    """Raw StreamField data using every child block of home.blocks.BodyBlock once."""
    t = EVERY_BLOCK_TEXT
    raw = [
        ("heading", {"text": t["heading"], "level": "h2"}),
        ("paragraph", f"<p>{t['paragraph']}</p>"),
        (
            "image",
            {
                "image": {"image": image.pk, "alt_text": IMAGE_ALT_TEXT, "decorative": False},
                "caption": t["image"],
            },
        ),
        ("quote", {"quote": t["quote"], "author": "Léa, 15 ans", "context": "Témoignage"}),
        (
            "key_figures",
            {
                "title": "Nos chiffres clés",
                "figures": [
                    list_item(
                        ImpactFigure.objects.create(
                            value="1 586", label=t["key_figures"], source="Bilan 2024"
                        ).pk
                    ),
                    list_item(
                        ImpactFigure.objects.create(value="12", label="centres en France").pk
                    ),
                ],
            },
        ),
        (
            "call_to_action",
            {
                "title": t["call_to_action"],
                "text": "Vous êtes professionnel et un jeune a besoin d'aide\u00a0?",
                "link": {"label": "Remplir le formulaire", "page": link_page.pk, "url": ""},
            },
        ),
        (
            "accordion",
            {
                "title": "Questions fréquentes",
                "items": [
                    list_item(
                        {
                            "question": t["accordion"],
                            "answer": "<p>L'accompagnement est gratuit pour les familles.</p>",
                        }
                    )
                ],
            },
        ),
        (
            "document_list",
            {
                "title": "À télécharger",
                "documents": [
                    list_item({"document": document.pk, "description": "Quatre pages, à imprimer."})
                ],
            },
        ),
        ("helplines", {"title": t["helplines"]}),
        ("app_section", {"section": FRANCE_TRAVAIL_DATES}),
    ]
    missing = set(BodyBlock.base_blocks) - {name for name, _ in raw}
    assert not missing, f"every_block_body lacks these BodyBlock children: {sorted(missing)}"
    return stream(*raw)


def make_every_block_page(parent=None, **fields):
    """A live StandardPage whose body uses every BodyBlock (see EVERY_BLOCK_TEXT)."""
    home = ensure_home_page()
    parent = parent or home
    image = ImageFactory(title="Atelier de groupe")
    document = DocumentFactory(title=EVERY_BLOCK_TEXT["document_list"])
    link_page = StandardPageFactory(parent=home, title="Orienter un jeune", slug="orienter")
    fields.setdefault("title", "Tous les blocs")
    fields.setdefault("slug", "tous-les-blocs")
    page = StandardPageFactory(
        parent=parent,
        body=every_block_body(image=image, document=document, link_page=link_page),
        **fields,
    )
    return page


class _ContactForm(PublicForm):
    email = forms.EmailField(required=False)
    contact_fields = ("email",)


def submission_limit(name, *, address="192.0.2.1", email="", per_address=2, per_contact=2):
    """A real `SubmissionLimit` of one valid submission, as a public view builds it: from
    a request of client `address` and a form whose contact is `email`; window 60 s."""
    request = RequestFactory().post("/", REMOTE_ADDR=address)
    form = _ContactForm({"email": email})
    assert form.is_valid(), form.errors
    return SubmissionLimit(
        name, request, form, per_address=per_address, per_contact=per_contact, window=60
    )
