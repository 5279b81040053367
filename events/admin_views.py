"""Staff views of the registrations in Wagtail's admin (menu « Inscriptions »): the
sessions with their counts, one session's registrations and waiting list, attendance
marking, the CSV/XLSX export of one list, the attendance statistics.

Every view needs `events.view_registration` (Accompagnement, Administration); marking
attendance needs `events.change_registration`. Anyone else gets a real 403 page, before
the session is even looked up: a guessed id says nothing. The views only read and
render; `services.mark_attendance` changes the state.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from relier_site import spreadsheets
from relier_site.views import forbidden, staff_permission_required

from . import exports, services, staff_selectors
from .admin_forms import AttendanceForm, StatisticsForm
from .conf import conf

VIEW_PERMISSION = "events.view_registration"
CHANGE_PERMISSION = "events.change_registration"
SESSIONS_PER_PAGE = 50


def _session_or_404(pk):
    session = staff_selectors.session_with_counts(pk)
    if session is None:
        raise Http404
    return session


@staff_permission_required(VIEW_PERMISSION)
def session_index(request):
    past = request.GET.get("quand") == "passees"
    paginator = Paginator(staff_selectors.staff_sessions(past=past), SESSIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "events/admin/session_index.html",
        {
            "page_obj": page,
            "sessions": page.object_list,
            "past": past,
            "page_title": "Inscriptions aux séances",
            "header_title": "Inscriptions aux séances",
            "header_icon": "group",
        },
    )


def attendance_message(changed):
    if not changed:
        return "Aucune présence n'a changé."
    if changed == 1:
        return "1 présence enregistrée."
    return f"{changed} présences enregistrées."


@staff_permission_required(VIEW_PERMISSION)
def session_registrations(request, pk):
    session = _session_or_404(pk)
    lists = staff_selectors.session_lists(session)
    for registration in (*lists.confirmed, *lists.waiting, *lists.cancelled):
        registration.staff_cells = exports.person_cells(session, registration)
    can_mark = request.user.has_perm(CHANGE_PERMISSION)
    to_call = [r for r in (*lists.confirmed, *lists.waiting) if not r.email]
    to_call = to_call if session.is_cancelled else []
    if request.method == "POST":
        if not can_mark:
            return forbidden(request)
        form = AttendanceForm(request.POST, registrations=lists.confirmed)
        if form.is_valid():
            marked = services.mark_attendance(session, form.marks(), by=request.user)
            messages.success(request, attendance_message(marked))
            return redirect("events_staff:session", pk=session.pk)
        messages.error(request, "Les présences n'ont pas été enregistrées : voir ci-dessous.")
    else:
        form = AttendanceForm(registrations=lists.confirmed)
    return TemplateResponse(
        request,
        "events/admin/session_registrations.html",
        {
            "session": session,
            "lists": lists,
            "form": form,
            "can_mark": can_mark,
            "to_call": to_call,
            "person_columns": exports.person_columns(session),
            "page_title": f"Inscriptions : {session}",
            "header_title": f"Inscriptions : {session}",
            "header_icon": "group",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": "Tableau de bord"},
                {"url": reverse("events_staff:index"), "label": "Inscriptions aux séances"},
                {"url": "", "label": str(session)},
            ],
        },
    )


@staff_permission_required(VIEW_PERMISSION)
def session_export(request, pk, file_format):
    if file_format not in spreadsheets.CONTENT_TYPES:
        raise Http404
    session = _session_or_404(pk)
    return exports.response(session, file_format)


@staff_permission_required(VIEW_PERMISSION)
def statistics(request):
    form = StatisticsForm(request.GET or None)
    grouping = form.grouping()
    return TemplateResponse(
        request,
        "events/admin/statistics.html",
        {
            "form": form,
            "grouping": grouping,
            "groupings": staff_selectors.STATISTICS_GROUPINGS,
            "grouping_label": staff_selectors.STATISTICS_GROUPINGS[grouping],
            "retention_months": conf.RETENTION_MONTHS,
            "rows": staff_selectors.attendance_statistics(grouping),
            "page_title": "Statistiques de présence",
            "header_title": "Statistiques de présence",
            "header_icon": "table",
        },
    )


# --- Deleting sessions and event pages (hooks in wagtail_hooks.py) -----------------------
# A session with registrations is never deleted: these answer the delete views instead.
# GET explains what will happen; POST does it (services) and shows the result, with the
# people to phone for staff allowed to see registrations.


def _withdrawal_context(request, title, back_url, **extra):
    return {
        "page_title": title,
        "header_title": title,
        "header_icon": "date",
        "back_url": back_url,
        "can_view_registrations": request.user.has_perm(VIEW_PERMISSION),
        **extra,
    }


def withdrawal_result(request, result, *, back_url):
    if request.user.has_perm(VIEW_PERMISSION):
        for session in result.cancelled:
            session.to_call_rows = [r for r in result.to_call if r.session_id == session.pk]
    title = "Annulé au lieu d'être supprimé"
    return TemplateResponse(
        request,
        "events/admin/withdrawal_result.html",
        _withdrawal_context(request, title, back_url, result=result),
    )


def delete_sessions(request, sessions, *, back_url):
    """The session delete view (one or several): sessions with registrations are
    cancelled instead, the others deleted."""
    if request.method == "POST":
        result = services.withdraw_sessions(sessions, by=request.user)
        return withdrawal_result(request, result, back_url=back_url)
    plan = staff_selectors.withdrawal_plan(sessions)
    title = "Supprimer : des personnes sont inscrites"
    return TemplateResponse(
        request,
        "events/admin/withdrawal_confirm.html",
        _withdrawal_context(request, title, back_url, plan=plan, event=None),
    )


def delete_event_page(request, page, *, back_url):
    """The page delete view of an event page with registrations: its sessions are
    cancelled (or kept) and the page unpublished instead."""
    if request.method == "POST":
        result = services.withdraw_event(page, by=request.user)
        return withdrawal_result(request, result, back_url=back_url)
    plan = staff_selectors.withdrawal_plan(page.sessions.all())
    title = f"Supprimer « {page.title} » : des personnes sont inscrites"
    return TemplateResponse(
        request,
        "events/admin/withdrawal_confirm.html",
        _withdrawal_context(request, title, back_url, plan=plan, event=page),
    )


def refuse_page_deletion(request, pages, events, *, back_url):
    """Deleting pages that hold event pages with registrations (the agenda, a parent):
    refused; each event page is to be deleted on its own first."""
    title = "Suppression impossible : des personnes sont inscrites"
    return TemplateResponse(
        request,
        "events/admin/withdrawal_refused.html",
        _withdrawal_context(request, title, back_url, pages=pages, events=events),
    )


def bulk_delete_pages(request, pages, action):
    """The pages' bulk delete (POST, after Wagtail's confirmation), when some selected
    pages hold registrations. A selected event page with registrations is withdrawn
    (services.withdraw_event) and the other selected pages are deleted by Wagtail's own
    action; when a selected page only contains such event pages (the agenda), nothing is
    done and the deletion is refused. Returns None when no page holds registrations."""
    events = staff_selectors.event_pages_with_registrations(pages)
    if not events:
        return None
    back_url = action.next_url
    held = {event.pk: event for event in events}
    containing = [page for page in pages if page.pk not in held]
    containing = [p for p in containing if any(e.path.startswith(p.path) for e in events)]
    if containing:
        return refuse_page_deletion(request, containing, events, back_url=back_url)
    result = services.Withdrawal()
    for page in pages:
        if page.pk in held:
            services.withdraw_event(held[page.pk], by=request.user, result=result)
    rest = [page for page in pages if page.pk not in held]
    if rest:
        result.deleted_pages, _children = action.execute_action(
            rest, **action.get_execution_context()
        )
    return withdrawal_result(request, result, back_url=back_url)
