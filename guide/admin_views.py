"""Staff views of the guide in Wagtail's admin: import, export, freshness report."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from relier_site import spreadsheets
from relier_site.views import staff_permission_required

from . import exports, selectors
from .conf import conf
from .exports import COLUMNS
from .forms import ImportForm
from .models import freshness_limit
from .services import import_structures

IMPORT_PERMISSION = "guide.import_structure"


@staff_permission_required(IMPORT_PERMISSION, personal_data=False)
def import_view(request):
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


@staff_permission_required(IMPORT_PERMISSION, personal_data=False)
def export_view(request, file_format):
    if file_format not in spreadsheets.CONTENT_TYPES:
        raise Http404
    stamp = timezone.localdate().isoformat()
    return exports.export_response(file_format, f"guide-structures-{stamp}")


@staff_permission_required("guide.change_structure", personal_data=False)
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
