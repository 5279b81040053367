"""Read access to the guide for views and for other apps.

Other apps (programme pages, the contact form) use only `structures_for_departement`:

    from guide.selectors import structures_for_departement
    structures = structures_for_departement("93")  # list of Structure, local first

It never raises for an unknown code (it returns the national services only).
"""

from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from wagtail.search.backends import get_search_backend

from . import territories
from .models import Departement, Structure

RESULTS_PER_PAGE = 20
# A free-text search keeps at most this many matches before the other filters apply.
TEXT_SEARCH_MAX_MATCHES = 5000


def live_structures():
    return Structure.objects.filter(live=True)


def _with_relations(queryset):
    return queryset.prefetch_related(
        "themes",
        "audiences",
        Prefetch("departements", queryset=Departement.objects.order_by("code")),
    )


def _structure_ids(through, **lookups):
    """Ids of the structures linked by `through` rows matching `lookups`, as a subquery
    (an IN subquery lets PostgreSQL plan a semi-join, unlike a correlated EXISTS)."""
    return through.objects.filter(**lookups).values("structure_id")


def covering(queryset, departement):
    """Structures of `queryset` covering `departement` (a territories.Departement),
    local ones first (`is_national` = 0), then the national ones."""
    local = Q(
        scope=Structure.Scope.DEPARTEMENT,
        pk__in=_structure_ids(Structure.departements.through, departement_id=departement.code),
    ) | Q(scope=Structure.Scope.REGION, region=departement.region_code)
    prefix = departement.code
    local |= Q(scope=Structure.Scope.COMMUNE, code_insee__startswith=prefix)
    return queryset.filter(local | Q(scope=Structure.Scope.NATIONAL))


def structures_for_departement(code):
    """Live structures covering the département `code` ("93", "2A", "974"): those of the
    territory first, then the national services; each with its themes, audiences and
    départements prefetched. An unknown code gives the national services only."""
    departement = territories.DEPARTEMENTS.get(str(code).upper())
    queryset = live_structures()
    if departement is None:
        queryset = queryset.filter(scope=Structure.Scope.NATIONAL)
    else:
        queryset = covering(queryset, departement)
    return list(_with_relations(_ranked(queryset)))


def national_helplines():
    """The national services that can be called: shown with every search, even a failed one."""
    return list(
        live_structures()
        .filter(scope=Structure.Scope.NATIONAL)
        .exclude(phone="")
        .order_by("-always_open", "name")
    )


def _ranked(queryset):
    return queryset.annotate(
        is_national=Case(
            When(scope=Structure.Scope.NATIONAL, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    ).order_by("is_national", "name", "pk")


@dataclass
class SearchResults:
    departement: territories.Departement | None
    total: int
    page_number: int
    page_count: int
    structures: list = field(default_factory=list)


def search_structures(*, departement=None, theme="", audience="", age=None, query="", page=1):
    """Search the live structures. Arguments come validated from GuideSearchForm.

    A fixed number of SQL queries whatever the size of the guide: one count, one page of
    results, one per prefetched relation (and one for the text search when `query`)."""
    queryset = live_structures()
    if query:
        backend = get_search_backend()
        # Results are ordered by territory below, so no relevance score is computed.
        matches = backend.search(
            query, live_structures().only("pk"), operator="and", order_by_relevance=False
        )[:TEXT_SEARCH_MAX_MATCHES]
        queryset = queryset.filter(pk__in=[match.pk for match in matches])
    if departement is not None:
        queryset = covering(queryset, departement)
    if theme:
        queryset = queryset.filter(
            pk__in=_structure_ids(Structure.themes.through, theme__slug=theme)
        )
    if audience:
        queryset = queryset.filter(
            pk__in=_structure_ids(Structure.audiences.through, audience__slug=audience)
        )
    if age is not None:
        queryset = queryset.filter(
            Q(age_min__isnull=True) | Q(age_min__lte=age),
            Q(age_max__isnull=True) | Q(age_max__gte=age),
        )
    total = queryset.count()
    page_count = max(1, -(-total // RESULTS_PER_PAGE))
    page = min(max(1, page), page_count)
    start = (page - 1) * RESULTS_PER_PAGE
    structures = (
        list(_with_relations(_ranked(queryset))[start : start + RESULTS_PER_PAGE]) if total else []
    )
    return SearchResults(departement, total, page, page_count, structures)


def booklet_structures(departement):
    """Every live structure of one département's booklet, local first, then national."""
    return list(_with_relations(_ranked(covering(live_structures(), departement))))


def stale_structures(limit_date):
    """Structures (live or draft) last verified before `limit_date`, oldest first."""
    return Structure.objects.filter(last_verified__lt=limit_date).order_by("last_verified", "name")


def departement_choices():
    """(code, « Seine-Saint-Denis (93) ») of every département, in code order, for the
    forms of other apps."""
    return [(d.code, d.label) for d in territories.DEPARTEMENTS.values()]


def departement_for_postcode(postcode):
    """The code of the département of a 5-digit French postcode ("93200" → "93",
    "20090" → "2A", "97400" → "974"); a French message for visitors when it has none
    (ValueError)."""
    try:
        return territories.departement_for_postcode(postcode).code
    except territories.TerritoryError as error:
        raise ValueError(str(error)) from None
