"""Staff views of the requests in Wagtail's admin: the inbox, one request (details,
history, actions), the statistics, and the right of access and erasure. They only read,
check permissions and call referrals.services."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView

from appointments.selectors import appointment_for_referral
from relier_site.http import attachment
from relier_site.views import ForbiddenMixin, staff_permission_required

from . import exports, services, statistics, workflow
from .admin_forms import AssignForm, EraseForm, NoteForm, StatisticsForm
from .admin_forms import StatusForm as StatusChangeForm
from .calendar import is_overdue
from .conf import conf
from .models import Referral, Status
from .workflow import TransitionNotAllowed

VIEW = "referrals.view_referral"
HANDLE = workflow.HANDLE
# Right of access and erasure: Administration (the only role with delete_referral).
PERSON_RIGHTS = "referrals.delete_referral"


def _overdue(referral):
    return referral.status == Status.NEW and is_overdue(
        timezone.localtime(referral.created_at).date(),
        timezone.localdate(),
        conf.REMINDER_WORKING_DAYS,
    )


class FlagsColumn(Column):
    """Urgent, overdue, possible duplicate (with a link to the other request)."""

    cell_template_name = "referrals/admin/flags_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["referral"] = instance
        context["overdue"] = _overdue(instance)
        return context


class ReferralIndexView(ForbiddenMixin, IndexView):
    """The inbox: urgent first, then the oldest; filters, search, CSV/XLSX export of what
    is shown (?export=csv|xlsx, logged)."""

    page_title = "Demandes reçues"

    def user_has_permission(self, permission):
        # Requests are created by the public forms and never deleted from the list.
        return permission not in ("add", "delete") and super().user_has_permission(permission)

    def get_edit_url(self, instance):
        return None  # changes go through the actions of the detail page

    def get_inspect_url(self, instance):
        return reverse("referrals_referral:inspect", args=[instance.pk])

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("assigned_to", "possible_duplicate_of")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reference",
                label="Référence",
                get_url=lambda r: reverse("referrals_referral:inspect", args=[r.pk]),
            ),
            DateColumn("created_at", label="Reçue le", sort_key="created_at"),
            Column("kind", label="Type", accessor="get_kind_display"),
            Column("status", label="Statut", accessor="get_status_display", sort_key="status"),
            Column("programme", label="Programme", accessor="get_programme_display"),
            Column("departement", label="Département"),
            Column(
                "assigned_to",
                label="Suivie par",
                accessor=lambda r: services.staff_name(r.assigned_to) if r.assigned_to else "—",
            ),
            FlagsColumn("flags", label="Signalements"),
        ]

    def get_filename(self):
        return f"demandes-{timezone.localdate().isoformat()}"

    def as_spreadsheet(self, queryset, spreadsheet_format):
        queryset = list(queryset)
        services.log_export(
            [r.pk for r in queryset], actor=self.request.user, file_format=spreadsheet_format
        )
        return exports.inbox_response(queryset, spreadsheet_format, self.get_filename())


# --- One request ----------------------------------------------------------------------


def _display(referral, name):
    field = referral._meta.get_field(name)
    value = getattr(referral, name)
    if name == "concerns":
        return ", ".join(referral.concern_labels())
    if field.choices and value:
        return getattr(referral, f"get_{name}_display")()
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value) if value else ""
    return "" if value is None else value


def _sections(referral):
    result = []
    for title, names in exports.PERSON_SECTIONS:
        rows = []
        for name in names:
            value = _display(referral, name)
            if value in ("", [], None) or (
                name == "consent_confirmed" and referral.kind != "orientation"
            ):
                continue
            rows.append((referral._meta.get_field(name).verbose_name, value))
        if rows:
            result.append((title, rows))
    return result


def _referral(pk):
    return get_object_or_404(
        Referral.objects.select_related("assigned_to", "possible_duplicate_of"), pk=pk
    )


def _detail(request, referral, *, status=200, **forms):
    user = request.user
    can_handle = user.has_perm(HANDLE) and referral.anonymised_at is None
    context = {
        "referral": referral,
        "sections": _sections(referral),
        "events": referral.events.select_related("actor").order_by("at", "pk"),
        "duplicates": referral.possible_duplicates.order_by("created_at"),
        "overdue": _overdue(referral),
        "appointment": appointment_for_referral(referral.pk),
        "can_handle": can_handle,
        "can_use_person_rights": user.has_perm(PERSON_RIGHTS) and referral.anonymised_at is None,
        "page_title": f"Demande {referral.reference}",
        "header_title": f"Demande {referral.reference}",
        "header_icon": "clipboard-list",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": "Tableau de bord"},
            {"url": reverse("referrals_referral:index"), "label": "Demandes"},
            {"url": "", "label": referral.reference},
        ],
    }
    if can_handle:
        context["assign_form"] = forms.get("assign_form") or AssignForm(user=user)
        status_form = forms.get("status_form") or StatusChangeForm(referral=referral, user=user)
        context["status_form"] = status_form if status_form.transitions else None
        context["note_form"] = forms.get("note_form") or NoteForm()
    return TemplateResponse(request, "referrals/admin/detail.html", context, status=status)


@staff_permission_required(VIEW)
def detail(request, pk):
    """Everything about one request, its history and the actions."""
    return _detail(request, _referral(pk))


@staff_permission_required(VIEW)
def history(request, pk):
    """The history of one request alone (who, when, what)."""
    referral = _referral(pk)
    return TemplateResponse(
        request,
        "referrals/admin/history.html",
        {
            "referral": referral,
            "events": referral.events.select_related("actor").order_by("at", "pk"),
            "page_title": f"Historique de la demande {referral.reference}",
            "header_title": f"Historique de la demande {referral.reference}",
        },
    )


def _posted(request):
    return request.POST if request.method == "POST" else None


def _post_action(request, pk, form_name, form, apply, success):
    referral = _referral(pk)
    if request.method != "POST":
        return redirect("referrals_referral:inspect", pk)
    if form.is_valid():
        try:
            apply(referral, form.cleaned_data)
        except TransitionNotAllowed as error:
            messages.error(request, str(error))
        else:
            messages.success(request, success)
            return redirect("referrals_referral:inspect", pk)
    return _detail(request, _referral(pk), status=400, **{form_name: form})


@staff_permission_required(HANDLE)
def assign(request, pk):
    """POST: give the request to someone with the role (« à moi » by default)."""
    form = AssignForm(_posted(request), user=request.user)
    return _post_action(
        request,
        pk,
        "assign_form",
        form,
        lambda r, data: services.assign(r, data["assignee"], actor=request.user),
        "La demande est attribuée.",
    )


@staff_permission_required(HANDLE)
def change_status(request, pk):
    """POST: move the request along referrals.workflow."""
    referral = _referral(pk)
    form = StatusChangeForm(_posted(request), referral=referral, user=request.user)
    return _post_action(
        request,
        pk,
        "status_form",
        form,
        lambda r, data: services.change_status(
            r, data["target"], actor=request.user, reason=data.get("reason", "")
        ),
        "Le statut de la demande est changé.",
    )


@staff_permission_required(HANDLE)
def add_note(request, pk):
    """POST: a note in the history (staff only)."""
    form = NoteForm(_posted(request))
    return _post_action(
        request,
        pk,
        "note_form",
        form,
        lambda r, data: services.add_note(r, data["text"], actor=request.user),
        "La note est ajoutée à l'historique.",
    )


# --- Rights of the person ---------------------------------------------------------------


@staff_permission_required(PERSON_RIGHTS)
def access_export(request, pk):
    """Right of access: everything kept about the person of this request (JSON)."""
    referral = _referral(pk)
    if request.method != "POST":
        return redirect("referrals_referral:inspect", pk)
    content = exports.person_json(referral)
    services.log_access_export(referral, actor=request.user)
    return attachment(
        content, f"demande-{referral.reference}.json", "application/json; charset=utf-8"
    )


@staff_permission_required(PERSON_RIGHTS)
def erase(request, pk):
    """Right to erasure: a confirmation page, then every personal field is blanked."""
    referral = _referral(pk)
    if referral.anonymised_at is not None:
        messages.warning(request, "Les données personnelles de cette demande sont déjà effacées.")
        return redirect("referrals_referral:inspect", pk)
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.erase(referral, actor=request.user)
        messages.success(
            request,
            f"Les données personnelles de la demande {referral.reference} sont effacées.",
        )
        return redirect("referrals_referral:inspect", pk)
    return TemplateResponse(
        request,
        "referrals/admin/erase.html",
        {
            "referral": referral,
            "form": form,
            "page_title": f"Effacer la demande {referral.reference}",
            "header_title": f"Effacer la demande {referral.reference}",
        },
        status=400 if form.is_bound else 200,
    )


# --- Statistics -------------------------------------------------------------------------


def _statistics(request):
    form = StatisticsForm(request.GET or None, years=statistics.years())
    year = form.cleaned_data.get("year") if form.is_valid() else None
    return form, statistics.compute(year)


@staff_permission_required(VIEW)
def statistics_view(request):
    """Anonymous counts for the activity report."""
    form, stats = _statistics(request)
    return TemplateResponse(
        request,
        "referrals/admin/statistics.html",
        {
            "form": form,
            "stats": stats,
            "page_title": "Statistiques des demandes",
            "header_title": "Statistiques des demandes",
            "csv_query": request.GET.urlencode(),
        },
    )


@staff_permission_required(VIEW)
def statistics_csv(request):
    form, stats = _statistics(request)
    suffix = stats.year or "toutes-annees"
    return exports.statistics_response(stats, f"statistiques-demandes-{suffix}")
