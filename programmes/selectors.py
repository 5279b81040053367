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


FILTERS = ("public", "niveau", "format", "programme")


def published_kit_list():
    """Every kit a visitor may download, with what the filters and the listing read."""
    kits = Kit.objects.published().select_related("document", "programme")
    return list(kits.prefetch_related("audiences", "school_levels").order_by("title"))


def _kit_values(kit, live_programmes):
    """The filter values of a kit: {filter: set of slugs}."""
    programme = kit.programme.slug if kit.programme_id in live_programmes else None
    return {
        "public": {audience.slug for audience in kit.audiences.all()},
        "niveau": {level.slug for level in kit.school_levels.all()},
        "format": {kit.format},
        "programme": {programme} if programme else set(),
    }


def _matches(values, active, *, ignore=None):
    return all(value in values[name] for name, value in active.items() if name != ignore)


def kit_filter_choices(kits=None, requested=None):
    """The options of each /ressources/ filter with how many kits each one gives:
    {filter: [(slug, label, count)]}, in the order of the lists.

    `requested`: the filters a visitor sent ({filter: value}); unknown values are
    ignored. A count takes the other chosen filters into account: « Collège (1) » once
    « Parents » is chosen is what choosing « Collège » would then list. An option that
    would list nothing is left out, unless it is the one chosen (a visitor must see,
    and can change, what is applied). `kits`: the published kits
    (`published_kit_list()`, read again when not given).
    """
    requested = requested or {}
    kits = published_kit_list() if kits is None else kits
    programmes = list(
        ProgrammePage.objects.live().public().order_by("path").values_list("pk", "slug", "title")
    )
    live_programmes = {pk for pk, _slug, _title in programmes}
    values = [_kit_values(kit, live_programmes) for kit in kits]
    options = {
        "public": list(KitAudience.objects.values_list("slug", "name")),
        "niveau": list(SchoolLevel.objects.values_list("slug", "name")),
        "format": list(Kit.Format.choices),
        "programme": [(slug, title) for _pk, slug, title in programmes],
    }
    active = {
        name: requested[name]
        for name, pairs in options.items()
        if requested.get(name) in {slug for slug, _label in pairs}
    }
    choices = {}
    for name, pairs in options.items():
        candidates = [kit for kit in values if _matches(kit, active, ignore=name)]
        choices[name] = [
            (slug, label, count)
            for slug, label in pairs
            if (count := sum(1 for kit in candidates if slug in kit[name]))
            or active.get(name) == slug
        ]
    return choices


def filter_kits(kits, **active):
    """The kits of `kits` (published_kit_list()) that match every active filter."""
    live_programmes = {kit.programme_id for kit in kits if kit.programme_id and kit.programme.live}
    return [kit for kit in kits if _matches(_kit_values(kit, live_programmes), active)]


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
