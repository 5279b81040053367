"""Staff views of the guide in Wagtail's admin: import, export, freshness report."""

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from . import exports, selectors
from .conf import conf
from .exports import COLUMNS
from .forms import ImportForm
from .models import freshness_limit
from .services import import_structures

IMPORT_PERMISSION = "guide.import_structure"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def import_view(request):
    _require(request, IMPORT_PERMISSION)
    report = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report = import_structures(upload.file, upload.name)
            if report.ok:
                form = ImportForm()
    else:
        form = ImportForm()
    return TemplateResponse(
        request,
        "guide/admin/import.html",
        {
            "form": form,
            "report": report,
            "columns": COLUMNS,
            "page_title": "Importer ou exporter les structures du guide",
            "header_title": "Importer ou exporter",
        },
    )


def export_view(request, file_format):
    _require(request, IMPORT_PERMISSION)
    if file_format not in ("csv", "xlsx"):
        raise Http404
    stamp = timezone.localdate().isoformat()
    if file_format == "xlsx":
        response = HttpResponse(
            exports.export_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(exports.export_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="guide-structures-{stamp}.{file_format}"'
    )
    return response


@permission_required("guide.change_structure", raise_exception=True)
def freshness_report(request):
    limit = freshness_limit()
    structures = list(selectors.stale_structures(limit)[:1000])
    return TemplateResponse(
        request,
        "guide/admin/freshness_report.html",
        {
            "structures": structures,
            "limit": limit,
            "months": conf.FRESHNESS_MONTHS,
            "page_title": "Fiches du guide à vérifier",
            "header_title": "Fiches du guide à vérifier",
        },
    )
