"""Staff views of the permanences in Wagtail's admin (menu « Permanences »): the agenda
(a day, a week), the past appointments whose outcome is still to note, one appointment
(its details, history, cancellation by the team, outcome), the page of the private
calendar link, the statistics.

Every view needs `appointments.view_appointment` (Accompagnement, Administration);
cancelling and noting an outcome need `appointments.change_appointment`. Anyone else
gets the real 403 page before anything is looked up (relier_site.views). The views
only read (staff_selectors) and call appointments.services.
"""

import json
from datetime import timedelta

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from wagtail.admin import messages

from relier_site.http import attachment
from relier_site.links import absolute_url
from relier_site.views import forbidden, staff_permission_required

from . import retention, services, staff_selectors, statistics
from .admin_forms import AgendaFilterForm, CancelForm, EraseForm, OutcomeForm, StatisticsForm
from .models import Appointment
from .workflow import TransitionNotAllowed

VIEW_PERMISSION = "appointments.view_appointment"
CHANGE_PERMISSION = "appointments.change_appointment"
# The person's rights (access, erasure): the Administration role.
PERSON_RIGHTS = "appointments.delete_appointment"
AGENDA_TITLE = "Agenda des permanences"


def _crumbs(*items):
    return [
        {"url": reverse("wagtailadmin_home"), "label": "Tableau de bord"},
        {"url": reverse("appointments_staff:day"), "label": AGENDA_TITLE},
        *({"url": url, "label": label} for url, label in items),
    ]


def _context(title, icon="calendar-alt", **extra):
    return {"page_title": title, "header_title": title, "header_icon": icon, **extra}


def _decorate(appointment, *, show_psychologist):
    appointment.reference = staff_selectors.reference(appointment)
    appointment.psychologist_name = (
        staff_selectors.staff_name(appointment.psychologist) if show_psychologist else ""
    )
    return appointment


def _agenda(request, *, days):
    form = AgendaFilterForm(request.GET or None, user=request.user)
    today = timezone.localdate()
    day = form.day(today)
    psychologist = form.psychologist()
    first = staff_selectors.week_start(day) if days == 7 else day
    listing = staff_selectors.agenda(first, days, psychologist=psychologist)
    for _day, appointments in listing:
        for appointment in appointments:
            _decorate(appointment, show_psychologist=psychologist is None)
    who = {"psychologue": psychologist.pk if psychologist else ""}
    view_name = "appointments_staff:week" if days == 7 else "appointments_staff:day"

    def link(name, target):
        return f"{reverse(name)}?{urlencode({'date': target.isoformat(), **who})}"

    awaiting = staff_selectors.awaiting_outcome(psychologist=psychologist).count()
    if days == 7:
        title = f"Semaine du {date_format(first, 'l j F Y')}"
    else:
        title = date_format(first, "l j F Y").capitalize()
    return TemplateResponse(
        request,
        "appointments/admin/agenda.html",
        _context(
            AGENDA_TITLE,
            form=form,
            listing=listing,
            is_week=days == 7,
            period_title=title,
            psychologist=psychologist,
            previous_url=link(view_name, first - timedelta(days=days)),
            next_url=link(view_name, first + timedelta(days=days)),
            today_url=link(view_name, today),
            day_url=link("appointments_staff:day", day),
            week_url=link("appointments_staff:week", day),
            awaiting=awaiting,
            awaiting_url=f"{reverse('appointments_staff:awaiting')}?{urlencode(who)}",
        ),
    )


@staff_permission_required(VIEW_PERMISSION)
def agenda_day(request):
    return _agenda(request, days=1)


@staff_permission_required(VIEW_PERMISSION)
def agenda_week(request):
    return _agenda(request, days=7)


@staff_permission_required(VIEW_PERMISSION)
def awaiting_outcome(request):
    """The past appointments whose outcome is still to note."""
    form = AgendaFilterForm(request.GET or None, user=request.user)
    psychologist = form.psychologist()
    appointments = [
        _decorate(a, show_psychologist=psychologist is None)
        for a in staff_selectors.awaiting_outcome(psychologist=psychologist)
    ]
    title = "Rendez-vous passés sans suite notée"
    return TemplateResponse(
        request,
        "appointments/admin/awaiting.html",
        _context(
            title,
            form=form,
            appointments=appointments,
            psychologist=psychologist,
            breadcrumbs_items=_crumbs(("", title)),
        ),
    )


# --- One appointment ----------------------------------------------------------------------


def _appointment_or_404(pk):
    appointment = staff_selectors.appointment(pk)
    if appointment is None:
        raise Http404
    return appointment


def _detail(request, appointment, *, status=200, outcome_form=None, cancel_form=None):
    now = timezone.now()
    can_change = request.user.has_perm(CHANGE_PERMISSION)
    confirmed = appointment.status == Appointment.Status.CONFIRMED
    _decorate(appointment, show_psychologist=True)
    return TemplateResponse(
        request,
        "appointments/admin/detail.html",
        _context(
            appointment.reference,
            appointment=appointment,
            history=staff_selectors.history(appointment),
            outcome_form=(outcome_form or OutcomeForm(initial={"outcome": appointment.outcome}))
            if can_change and confirmed and appointment.start <= now
            else None,
            cancel_form=(cancel_form or CancelForm()) if can_change and confirmed else None,
            can_use_person_rights=request.user.has_perm(PERSON_RIGHTS)
            and appointment.anonymised_at is None,
            breadcrumbs_items=_crumbs(("", appointment.reference)),
        ),
        status=status,
    )


@staff_permission_required(VIEW_PERMISSION)
def appointment_detail(request, pk):
    return _detail(request, _appointment_or_404(pk))


def _post_action(request, pk, form_class, form_name, apply):
    """A POST action of the detail page: the form, then `apply(appointment, data)`
    (services), which returns the success message or raises with a French one."""
    appointment = _appointment_or_404(pk)
    if request.method != "POST":
        return redirect("appointments_staff:appointment", pk)
    form = form_class(request.POST)
    if not form.is_valid():
        return _detail(request, appointment, status=400, **{form_name: form})
    try:
        messages.success(request, apply(appointment, form.cleaned_data))
    except (TransitionNotAllowed, ValueError) as error:
        messages.error(request, str(error))
    return redirect("appointments_staff:appointment", pk)


@staff_permission_required(CHANGE_PERMISSION)
def cancel(request, pk):
    """POST: the team cancels the appointment (at any time; outcome « annulé par
    l'équipe »)."""

    def apply(appointment, data):
        services.cancel(appointment, by=request.user)
        return f"Le rendez-vous {staff_selectors.reference(appointment)} est annulé."

    return _post_action(request, pk, CancelForm, "cancel_form", apply)


@staff_permission_required(CHANGE_PERMISSION)
def record_outcome(request, pk):
    """POST: what became of a past appointment (vu, absent·e, excusé·e, annulé par
    l'équipe)."""

    def apply(appointment, data):
        services.record_outcome(appointment, data["outcome"], by=request.user)
        label = Appointment.Outcome(data["outcome"]).label
        reference = staff_selectors.reference(appointment)
        return f"Suite notée pour le rendez-vous {reference} : {label}."

    return _post_action(request, pk, OutcomeForm, "outcome_form", apply)


# --- « Mon agenda dans mon calendrier » ---------------------------------------------------

FEED_ACTIONS = {
    "creer": (services.create_feed, "Votre lien d'abonnement est prêt."),
    "renouveler": (
        services.rotate_feed,
        "Un nouveau lien est prêt : l'ancien ne fonctionne plus. Abonnez de nouveau votre "
        "calendrier avec celui-ci.",
    ),
    "revoquer": (services.revoke_feed, "Le lien est révoqué : il ne fonctionne plus."),
}


def feed_urls(feed):
    """(https URL, webcal URL) of a feed."""
    https = absolute_url(reverse("appointments:psychologist_feed", args=[feed.token]))
    return https, "webcal://" + https.split("://", 1)[1]


@staff_permission_required(VIEW_PERMISSION)
def my_feed(request):
    """Her own private calendar link: see it, create it, replace it, revoke it."""
    is_psychologist = staff_selectors.is_psychologist(request.user)
    if request.method == "POST":
        action = FEED_ACTIONS.get(request.POST.get("action"))
        if not is_psychologist:
            return forbidden(request)
        if action is None:
            messages.error(request, "Cette action n'existe pas : choisissez un des boutons.")
        else:
            apply, message = action
            apply(request.user)
            messages.success(request, message)
        return redirect("appointments_staff:feed")
    feed = getattr(request.user, "agenda_feed", None) if is_psychologist else None
    https_url, webcal_url = feed_urls(feed) if feed else ("", "")
    title = "Mon agenda dans mon calendrier"
    response = TemplateResponse(
        request,
        "appointments/admin/feed.html",
        _context(
            title,
            feed=feed,
            is_psychologist=is_psychologist,
            https_url=https_url,
            webcal_url=webcal_url,
            past_days=staff_selectors.FEED_PAST_DAYS,
            breadcrumbs_items=_crumbs(("", title)),
        ),
    )
    response["Cache-Control"] = "private, no-store"  # the page shows a secret link
    return response


# --- Statistics ---------------------------------------------------------------------------


@staff_permission_required(VIEW_PERMISSION, personal_data=False)
def statistics_view(request):
    """Anonymous counts per month and type of permanence."""
    form = StatisticsForm(request.GET or None, years=statistics.years())
    title = "Statistiques des permanences"
    return TemplateResponse(
        request,
        "appointments/admin/statistics.html",
        _context(
            title,
            icon="table",
            form=form,
            rows=statistics.compute(form.year()),
            breadcrumbs_items=_crumbs(("", title)),
        ),
    )


# --- Rights of the person ---------------------------------------------------------------


@staff_permission_required(PERSON_RIGHTS)
def access_export(request, pk):
    """Right of access: everything kept about the person of this appointment (JSON)."""
    appointment = _appointment_or_404(pk)
    if request.method != "POST":
        return redirect("appointments_staff:appointment", pk)
    content = json.dumps(retention.person_data(appointment), ensure_ascii=False, indent=2)
    services.log_access_export(appointment, actor=request.user)
    return attachment(
        content, f"rendez-vous-{appointment.pk}.json", "application/json; charset=utf-8"
    )


@staff_permission_required(PERSON_RIGHTS)
def erase(request, pk):
    """Right to erasure: a confirmation page, then every personal field is blanked."""
    appointment = _appointment_or_404(pk)
    reference = staff_selectors.reference(appointment)
    if appointment.anonymised_at is not None:
        messages.warning(request, "Les données personnelles de ce rendez-vous sont déjà effacées.")
        return redirect("appointments_staff:appointment", pk)
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.erase(appointment, actor=request.user)
        messages.success(request, f"Les données personnelles du {reference} sont effacées.")
        return redirect("appointments_staff:appointment", pk)
    return TemplateResponse(
        request,
        "appointments/admin/erase.html",
        _context(
            f"Effacer les données du {reference}",
            appointment=appointment,
            form=form,
            breadcrumbs_items=_crumbs(("", reference)),
        ),
        status=400 if form.is_bound else 200,
    )
