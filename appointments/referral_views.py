"""The professional who referred a young person (`/orienter-un-jeune/`) books the young
person's first permanence slot (README « Un rendez-vous pris par la personne qui
oriente »), the RDV-SP « prescripteur » flow.

The referral's confirmation page links to `orientation/<token>/` (appointments.links
.referral_url: the referral's id and random reference, signed, valid
APPOINTMENTS_REFERRAL_LINK_HOURS hours). That address only lands: the referral is kept in
the visitor's session (relier_site.signed_links) and the browser goes, without token, to
the permanences for young people, their slots, a short form (the young person's first
name and contact come from the referral, read through referrals.selectors) and a
confirmation. Every page is `private, no-store`; without the link, « Ce lien ne
fonctionne pas » (404)."""

import functools

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from referrals.selectors import referred_young_person
from relier_site import signed_links

from . import links, selectors, services, views
from .forms import ReferralBookingForm, SlotChoice
from .models import AppointmentType
from .views import SPAM_MESSAGE, _link_invalid, _slot_list_context, _slot_taken


def _youth_types():
    return selectors.active_types().filter(audience=AppointmentType.Audience.YOUTH)


def about_held_referral(view):
    """A page of the flow, given to `view(request, young, …)` (the young person of the
    referral whose link this browser holds); `private, no-store`; without one, « Ce lien
    ne fonctionne pas » (404)."""

    @functools.wraps(view)
    @signed_links.private_page
    def wrapped(request, *args, **kwargs):
        held = signed_links.current(request, links.REFERRAL_SCOPE)
        young = referred_young_person(int(held[0]), held[1]) if held else None
        if young is None:
            return _link_invalid(request)
        return view(request, young, *args, **kwargs)

    return wrapped


@require_safe
@signed_links.private_page
def land(request, token):
    """The link of the referral's confirmation page: checks it, keeps the referral in
    the session and sends the browser to the page without token."""
    return links.land(
        request,
        token,
        links.REFERRAL,
        scope=links.REFERRAL_SCOPE,
        find=referred_young_person,
        target="appointments:referral_types",
        invalid=_link_invalid,
    )


@require_safe
@about_held_referral
def types(request, young):
    """The permanences for young people; with one only, straight to its slots."""
    booked = selectors.appointment_for_referral(young.referral_id)
    if booked is not None and booked.is_active:
        return signed_links.see_other(reverse("appointments:referral_confirmation"))
    offered = list(_youth_types())
    if young.has_contact and len(offered) == 1:
        return signed_links.see_other(reverse("appointments:referral_slots", args=[offered[0].pk]))
    offers = [selectors.Offer(item, selectors.next_free_slot(item)) for item in offered]
    return TemplateResponse(
        request, "appointments/referral_types.html", {"young": young, "offers": offers}
    )


def _youth_type_or_404(type_id):
    return get_object_or_404(_youth_types(), pk=type_id)


@require_safe
@about_held_referral
def slots(request, young, type_id):
    appointment_type = _youth_type_or_404(type_id)
    if not young.has_contact:
        return signed_links.see_other(reverse("appointments:referral_types"))
    context = _slot_list_context(
        request,
        appointment_type,
        step_url=reverse("appointments:referral_book", args=[appointment_type.pk]),
    )
    context["young"] = young
    return TemplateResponse(request, "appointments/referral_slots.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@about_held_referral
def book(request, young, type_id):
    """The short form; POST books the slot for the young person."""
    appointment_type = _youth_type_or_404(type_id)
    if not young.has_contact:
        return signed_links.see_other(reverse("appointments:referral_types"))
    if request.method != "POST":
        choice = SlotChoice(request.GET)
        if not choice.is_valid():
            return signed_links.see_other(
                reverse("appointments:referral_slots", args=[appointment_type.pk])
            )
        form = ReferralBookingForm(
            initial={"creneau": choice.cleaned_data["creneau"]},
            appointment_type=appointment_type,
            young=young,
        )
        return _book_page(request, form, appointment_type, young, choice.slot())

    form = ReferralBookingForm(request.POST, appointment_type=appointment_type, young=young)
    if not form.is_valid():
        if "creneau" in form.errors:
            _slot_taken(form, appointment_type)
            return _book_page(request, form, appointment_type, young, None)
        return _book_page(request, form, appointment_type, young, form.slot())
    if form.is_spam():
        form.add_error(None, SPAM_MESSAGE)
        return _book_page(request, form, appointment_type, young, form.slot())
    psychologist, start = form.slot()
    try:
        services.book(
            appointment_type,
            psychologist,
            start,
            form.person(),
            urgent=young.urgent,
            submission_key=form.cleaned_data.get("submission") or "",
            referral_id=young.referral_id,
        )
    except services.ReferralAlreadyBooked:
        pass  # the confirmation shows the appointment it has
    except services.SlotUnavailable as refusal:
        _slot_taken(form, appointment_type, str(refusal))
        return _book_page(request, form, appointment_type, young, None)
    return signed_links.see_other(reverse("appointments:referral_confirmation"))


def _book_page(request, form, appointment_type, young, chosen):
    return views._book_page(
        request,
        form,
        appointment_type,
        chosen,
        template="appointments/referral_book.html",
        young=young,
    )


@require_safe
@about_held_referral
def confirmation(request, young):
    booked = selectors.appointment_for_referral(young.referral_id)
    if booked is None:
        return signed_links.see_other(reverse("appointments:referral_types"))
    return TemplateResponse(
        request, "appointments/referral_confirmation.html", {"young": young, "booked": booked}
    )
