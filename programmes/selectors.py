"""Read queries of the programmes app, shared by its pages, its template tags and the
other apps.

These functions (and the template tags of `programmes_tags`, which call them) are the
documented entry points of the app: other apps never query programmes models directly.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.search.backends import get_search_backend

from .models import Kit, KitAudience, Partner, ProgrammePage, ResourcesPage, SchoolLevel

PARTNER_LOGO_FILTER = "max-240x120|format-webp"


def programme_teasers(parent=None):
    """Live programme pages with their audiences, for listings (home, index)."""
    pages = ProgrammePage.objects.live().public().order_by("path")
    if parent is not None:
        pages = pages.child_of(parent)
    return list(pages.prefetch_related("audiences"))


def partners_strip(partners=None):
    """Partners (all, or those of a queryset) with their logo renditions prefetched, in
    editors' order."""
    queryset = Partner.objects.all() if partners is None else partners
    logos = get_image_model().objects.prefetch_renditions(PARTNER_LOGO_FILTER)
    return list(queryset.prefetch_related(Prefetch("logo", queryset=logos)).order_by("sort_order"))


def kit_filter_choices():
    """The values a visitor can filter the kits by, as (slug, label) pairs per filter."""
    return {
        "public": list(KitAudience.objects.values_list("slug", "name")),
        "niveau": list(SchoolLevel.objects.values_list("slug", "name")),
        "format": list(Kit.Format.choices),
        "programme": list(
            ProgrammePage.objects.live().public().order_by("path").values_list("slug", "title")
        ),
    }


def published_kits(*, public="", niveau="", format="", programme=""):  # noqa: A002
    """Kits a visitor may download, narrowed by the filters given (slugs; "" = all)."""
    kits = Kit.objects.published().select_related("document", "programme")
    if public:
        kits = kits.filter(audiences__slug=public)
    if niveau:
        kits = kits.filter(school_levels__slug=niveau)
    if format:
        kits = kits.filter(format=format)
    if programme:
        kits = kits.filter(programme__slug=programme)
    return list(kits.prefetch_related("audiences", "school_levels").distinct())


def programme_kits(programme):
    """Published kits of a programme page (none for a page not saved yet: a preview)."""
    if not programme.pk:
        return []
    kits = Kit.objects.published().filter(programme=programme)
    return list(kits.select_related("document").prefetch_related("audiences", "school_levels"))


def kit_download_base():
    """URL prefix of kit downloads ("/ressources/telecharger/"), or "" without the page."""
    page = ResourcesPage.objects.live().public().first()
    return page.url + "telecharger/" if page else ""


def published_kit(kit_id):
    """The published kit `kit_id` with its document, or None."""
    return Kit.objects.published().select_related("document").filter(pk=kit_id).first()


def search_kits(query):
    """Published kits matching `query` (title, summary, format, audiences, school
    levels), the best first, as site-search downloads (home.search_results)."""
    from home.search_results import MAX_DOWNLOADS, Download

    ids = [kit.pk for kit in get_search_backend().search(query, Kit)[:MAX_DOWNLOADS]]
    if not ids:
        return []
    kits = Kit.objects.published().filter(pk__in=ids).select_related("document")
    by_id = {kit.pk: kit for kit in kits}
    base = kit_download_base()
    return [
        Download(
            title=kit.title,
            kind=f"Kit · {kit.get_format_display()}",
            url=f"{base}{kit.pk}/" if base else kit.document.url,
            description=kit.summary,
            extension=kit.document.file_extension.upper(),
            size=kit.document.file_size,
            document_id=kit.document_id,
        )
        for kit in (by_id[pk] for pk in ids if pk in by_id)
    ]
