"""Public pages of the permanences (README « Réserver une permanence »): the types
offered, the free slots of one type, the booking form, the confirmation, and the page
where a person moves or cancels their appointment. Thin: forms validate, `services`
changes state, `selectors` read. Every step is a plain GET or POST page: no JavaScript.

No personal data ever goes into an address. After a booking, and when the link of an
email lands (`gerer/<token>/`), the appointment's id and nonce are kept in the visitor's
session (relier_site.signed_links) and the browser goes to an address without token;
each of these pages is `private, no-store`."""

import functools

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_safe

from relier_site import signed_links
from relier_site.forms import SubmissionLimit
from relier_site.http import attachment

from . import links, selectors, services
from .conf import conf
from .forms import AppointmentChoice, BookingForm, SlotChoice, SlotFilterForm, slot_value
from .models import Appointment, AppointmentType
from .slots import find_slot

RATE_LIMIT_NAME = "appointments-booking"
RATE_LIMIT_WINDOW = 3600  # seconds
SPAM_MESSAGE = (
    "Votre réservation n'a pas pu être enregistrée. Réessayez, ou écrivez-nous si le "
    "problème continue."
)


def _type_or_404(type_id):
    return get_object_or_404(AppointmentType.objects.filter(is_active=True), pk=type_id)


@require_safe
def index(request):
    """/permanences/: the types offered, by audience, with their next free slot."""
    return TemplateResponse(
        request, "appointments/index.html", {"groups": selectors.offers_by_audience()}
    )


def _slot_list_context(request, appointment_type, *, step_url, ignore=None):
    """The week of free slots the GET filters ask for, grouped by day, each slot with
    the address of the next step (`step_url` + `?creneau=`)."""
    now = timezone.now()
    last_week = selectors.last_week(appointment_type, now=now)
    people = selectors.psychologists(appointment_type)
    form = SlotFilterForm(
        request.GET or None,
        appointment_type=appointment_type,
        people=people,
        last_week=last_week,
    )
    week, person = form.week, form.psychologist_id
    psychologist = next((pk for pk, _ in people if pk == person), None)  # a pk
    found = selectors.week_slots(
        appointment_type, week, psychologist=psychologist, ignore=ignore, now=now
    )
    first_week = None
    if not found:
        first_week = selectors.first_week_with_slots(
            appointment_type, psychologist=psychologist, ignore=ignore, now=now
        )

    def slot_url(slot):
        return f"{step_url}?{urlencode({'creneau': slot_value(slot)})}"

    def week_url(number):
        query = {"semaine": number}
        if psychologist is not None:
            query["psychologue"] = psychologist
        return f"{request.path}?{urlencode(query)}"

    return {
        "type": appointment_type,
        "filter_form": form,
        "days": selectors.group_by_day(found, slot_url),
        "week": week,
        "week_start": selectors.week_start(week, now=now),
        "previous_url": week_url(week - 1) if week > 0 else "",
        "next_url": week_url(week + 1) if week < last_week else "",
        "first_week_url": "" if first_week is None else week_url(first_week),
        "nothing_at_all": not found and first_week is None,
    }


@require_safe
def slots(request, type_id):
    """/permanences/<id>/: the free slots of a week, by day."""
    appointment_type = _type_or_404(type_id)
    context = _slot_list_context(
        request,
        appointment_type,
        step_url=reverse("appointments:book", args=[appointment_type.pk]),
    )
    return TemplateResponse(request, "appointments/slots.html", context)


def _flood_limit(request, form):
    return SubmissionLimit(
        RATE_LIMIT_NAME,
        request,
        form,
        per_address=conf.BOOKING_LIMIT_PER_ADDRESS,
        per_contact=conf.BOOKING_LIMIT_PER_CONTACT,
        window=RATE_LIMIT_WINDOW,
    )


def _slot_taken(form, appointment_type, message=None):
    """The slot is no longer free (`message`) or was never valid (its error is already
    there): the error next to it, and the free slots of the coming weeks to choose
    another one in the same form, which keeps what was typed."""
    now = timezone.now()
    found = selectors.week_slots(appointment_type, 0, now=now) + selectors.week_slots(
        appointment_type, 1, now=now
    )
    if not found:
        week = selectors.first_week_with_slots(appointment_type, now=now)
        if week is not None:
            found = selectors.week_slots(appointment_type, week, now=now)
    form.offer(found)
    if message:
        if not hasattr(form, "cleaned_data"):  # the form of a GET, not bound
            form.cleaned_data = {}
        form.add_error("creneau", message)


@require_http_methods(["GET", "HEAD", "POST"])
def book(request, type_id):
    """/permanences/<id>/reserver/?creneau=…: the short form; POST books the slot."""
    appointment_type = _type_or_404(type_id)
    if request.method != "POST":
        choice = SlotChoice(request.GET)
        if not choice.is_valid():
            return signed_links.see_other(reverse("appointments:slots", args=[type_id]))
        form = BookingForm(
            initial={"creneau": choice.cleaned_data["creneau"]}, appointment_type=appointment_type
        )
        return _book_page(request, form, appointment_type, choice.slot())

    form = BookingForm(request.POST, appointment_type=appointment_type)
    if not form.is_valid():
        if "creneau" in form.errors:
            _slot_taken(form, appointment_type)
            return _book_page(request, form, appointment_type, None)
        return _book_page(request, form, appointment_type, form.slot())
    limit = _flood_limit(request, form)
    if form.is_spam():
        form.add_error(None, SPAM_MESSAGE)
    elif limit.reached():
        return limit.refuse(
            form, lambda form: _book_page(request, form, appointment_type, form.slot())
        )
    else:
        psychologist, start = form.slot()
        try:
            appointment = services.book(
                appointment_type,
                psychologist,
                start,
                form.person(),
                urgent=form.is_urgent,
                submission_key=form.cleaned_data.get("submission") or "",
                limits=[limit],
            )
        except services.SlotUnavailable as refusal:
            _slot_taken(form, appointment_type, str(refusal))
            return _book_page(request, form, appointment_type, None)
        return _booked(request, appointment)
    return _book_page(request, form, appointment_type, form.slot())


def _booked(request, appointment):
    """Post/Redirect/Get to the confirmation. A second POST of the same form (double
    click, reload) lands there too, from the browser that sent the first one; any other
    client gets a page that shows nothing of it."""
    if appointment.duplicate_submission and (
        signed_links.granted(request, links.MANAGE_SCOPE, appointment.pk) is None
    ):
        return signed_links.private_page(
            lambda request: TemplateResponse(request, "appointments/already_sent.html")
        )(request)
    signed_links.grant(request, links.MANAGE_SCOPE, appointment.pk, appointment.manage_nonce)
    return signed_links.see_other(reverse("appointments:confirmation"))


def _book_page(request, form, appointment_type, chosen, template="appointments/book.html", **extra):
    """The booking page; `chosen`: (psychologist, start) of the slot the form holds, or
    None when the form offers a list of slots instead."""
    slot = None
    if chosen is not None:
        slot = find_slot(appointment_type, *chosen)
        if slot is None:
            _slot_taken(form, appointment_type, services.SLOT_TAKEN)
    return TemplateResponse(
        request,
        template,
        {"form": form, "type": appointment_type, "slot": slot, **extra},
    )


def _appointment(appointment_id, nonce):
    """The appointment a grant names, while the grant holds (its nonce is still the
    appointment's and it is not anonymised); None otherwise."""
    appointment = Appointment.objects.select_related("type").filter(pk=appointment_id).first()
    if appointment is None or appointment.anonymised_at or not nonce:
        return None
    return appointment if appointment.manage_nonce == nonce else None


def _granted(request, appointment_id=None):
    """The appointment this browser holds the link of: `appointment_id`, or the current
    one (relier_site.signed_links.held)."""
    granted = signed_links.held(request, links.MANAGE_SCOPE, appointment_id)
    return _appointment(*granted) if granted else None


def _posted(request):
    """(form, appointment) of a « Oui, … » POST: the appointment it names, if this
    browser holds its link (then made the current one), else None."""
    form = AppointmentChoice(request.POST)
    appointment = _granted(request, form.appointment_id()) if form.is_valid() else None
    if appointment is not None:
        signed_links.make_current(request, links.MANAGE_SCOPE, appointment.pk)
    return form, appointment


def _link_invalid(request):
    return TemplateResponse(request, "appointments/link_invalid.html", status=404)


def about_held_appointment(view):
    """A page about the appointment whose link this browser holds (the current one),
    given to `view(request, appointment)`; `private, no-store`; without one, « Ce lien
    ne fonctionne pas » (404)."""

    @functools.wraps(view)
    @signed_links.private_page
    def wrapped(request):
        appointment = _granted(request)
        if appointment is None:
            return _link_invalid(request)
        return view(request, appointment)

    return wrapped


def _manage_context(appointment, **extra):
    return {
        "appointment": appointment,
        "type": appointment.type,
        "too_late": services.too_late_to_change(appointment),
        "cancel_hours": conf.CANCEL_HOURS_BEFORE,
        **extra,
    }


@require_safe
@signed_links.private_page
def confirmation(request):
    appointment = _granted(request)
    if appointment is None:
        return signed_links.see_other(reverse("appointments:index"))
    return TemplateResponse(request, "appointments/confirmation.html", _manage_context(appointment))


@require_safe
@signed_links.private_page
def ics(request):
    """« Ajouter à mon agenda »: the .ics of the appointment this browser holds."""
    from . import calendar  # appointments.calendar (the invitation and its updates)

    appointment = _granted(request)
    if appointment is None or not appointment.is_active:
        raise Http404("Rendez-vous introuvable")
    return attachment(
        calendar.appointment_ics(appointment),
        f"rendez-vous-{appointment.local_start:%Y-%m-%d}.ics",
        "text/calendar; charset=utf-8",
    )


@require_safe
@signed_links.private_page
def manage(request, token):
    """The link of the emails: checks the token, keeps the appointment in the session
    and sends the browser to the page without token."""
    return links.land(
        request,
        token,
        links.APPOINTMENT,
        scope=links.MANAGE_SCOPE,
        find=_appointment,
        target="appointments:manage_page",
        invalid=_link_invalid,
    )


@require_safe
@about_held_appointment
def manage_page(request, appointment):
    return TemplateResponse(request, "appointments/manage.html", _manage_context(appointment))


@require_safe
@about_held_appointment
def move(request, appointment):
    """The free slots of the same type, to move the appointment to one of them."""
    if not appointment.is_active or services.too_late_to_change(appointment):
        return signed_links.see_other(reverse("appointments:manage_page"))
    context = _slot_list_context(
        request,
        appointment.type,
        step_url=reverse("appointments:move_confirm"),
        ignore=appointment.pk,
    )
    context["appointment"] = appointment
    return TemplateResponse(request, "appointments/move.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@signed_links.private_page
def move_confirm(request):
    """GET: the new time and « Oui, déplacer » (POST). POST: moves it, then 303."""
    if request.method != "POST":
        appointment = _granted(request)
        choice = SlotChoice(request.GET)
        if appointment is None:
            return _link_invalid(request)
        if not choice.is_valid():
            return signed_links.see_other(reverse("appointments:move"))
        psychologist, start = choice.slot()
        slot = find_slot(appointment.type, psychologist, start, ignore=appointment.pk)
        return TemplateResponse(
            request,
            "appointments/move_confirm.html",
            _manage_context(appointment, slot=slot, slot_value=choice.cleaned_data["creneau"]),
        )
    form, appointment = _posted(request)
    if appointment is None or form.slot() is None:
        return _link_invalid(request)
    psychologist, start = form.slot()
    try:
        services.move(appointment, psychologist, start)
    except (services.SlotUnavailable, services.MoveRefused) as refusal:
        return TemplateResponse(
            request,
            "appointments/move_confirm.html",
            _manage_context(appointment, slot=None, refusal=str(refusal)),
            status=409,
        )
    return signed_links.see_other(reverse("appointments:moved"))


@require_safe
@about_held_appointment
def moved(request, appointment):
    return TemplateResponse(
        request, "appointments/manage.html", _manage_context(appointment, moved=True)
    )


@require_http_methods(["GET", "HEAD", "POST"])
@signed_links.private_page
def cancel(request):
    """GET: what will be cancelled and « Oui, annuler » (POST). POST: cancels, then 303."""
    if request.method != "POST":
        appointment = _granted(request)
        if appointment is None:
            return _link_invalid(request)
        return TemplateResponse(request, "appointments/cancel.html", _manage_context(appointment))
    _, appointment = _posted(request)
    if appointment is None:
        return _link_invalid(request)
    if appointment.is_active:
        try:
            services.cancel(appointment)
        except services.CancellationRefused:
            return signed_links.see_other(reverse("appointments:cancel"))
    return signed_links.see_other(reverse("appointments:cancelled"))


@require_safe
@about_held_appointment
def cancelled(request, appointment):
    if appointment.is_active:
        return signed_links.see_other(reverse("appointments:cancel"))
    return TemplateResponse(request, "appointments/cancelled.html", _manage_context(appointment))
