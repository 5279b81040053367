"""Public views of the guide, served by GuideIndexPage's routes."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import exports, selectors
from .forms import GuideSearchForm
from .models import Structure


def search(page, request):
    form = GuideSearchForm(request.GET if request.GET else None)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        results = selectors.search_structures(
            departement=data["territoire"],
            theme=data["theme"],
            audience=data["public"],
            age=data["age"],
            query=form.search_terms,
            page=data["page"],
        )
    context = {
        "form": form,
        "results": results,
        "helplines": selectors.national_helplines(),
        "query_string": _query_without_page(request),
    }
    return page.render(request, context_overrides=context)


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def structure_detail(page, request, source_id):
    structure = get_object_or_404(
        Structure.objects.filter(live=True).prefetch_related("themes", "audiences", "departements"),
        source_id=source_id,
    )
    return page.render(
        request,
        template="guide/structure_page.html",
        context_overrides={"structure": structure},
    )


def booklet(page, request):
    """The printable booklet of one département: ?territoire=93 (or a postcode)."""
    form = GuideSearchForm(request.GET if request.GET else None)
    departement = None
    if form.is_bound and form.is_valid():
        departement = form.cleaned_data["territoire"]
    if departement is None:
        raise Http404("Aucun département choisi.")
    return page.render(
        request,
        template="guide/booklet.html",
        context_overrides={
            "departement": departement,
            "structures": selectors.booklet_structures(departement),
            "printed_on": timezone.localdate(),
        },
    )


@require_safe
def export_json(request, kind):
    """The directory in data·inclusion format, for DORA and data·inclusion."""
    rows = (
        exports.data_inclusion_structures()
        if kind == "structures"
        else exports.data_inclusion_services()
    )
    response = HttpResponse(
        json.dumps(rows, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
