"""Public views of the waiting list: the request « prévenez-moi d'un créneau », its
« merci » page, and the page of the emails' link where the person takes or declines
an offered slot, or stops being told. Thin: forms validate, `services` changes state.

The email's link only lands: its token is checked, the request is kept in the visitor's
session and the browser is sent (303) to a page without the token
(relier_site.signed_links); an answer is a POST followed by a 303 to the same page.
Every page reached through the link is `private, no-store`."""

import uuid

from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from relier_site import signed_links, timezones
from relier_site.forms import SubmissionLimit

from . import links, services
from .conf import conf
from .models import AppointmentType, SlotOffer, WaitingRequest
from .waiting_forms import WaitingAnswerForm, WaitingRequestForm

RATE_LIMIT_NAME = "appointments-waiting"
RATE_LIMIT_WINDOW = 3600  # seconds: the limits are per hour
THANKS_SCOPE = "appointments.waiting_thanks"
BY_EMAIL, BY_SMS = "courriel", "sms"
SPAM_MESSAGE = (
    "Votre demande n'a pas pu être enregistrée. Réessayez, ou écrivez-nous si le problème continue."
)


def _public_type(type_id):
    return AppointmentType.objects.filter(pk=type_id, is_active=True).first()


def _link_invalid(request):
    return TemplateResponse(request, "appointments/waiting_link_invalid.html", status=404)


@require_http_methods(["GET", "HEAD", "POST"])
def waiting_request(request, type_id):
    appointment_type = _public_type(type_id)
    if appointment_type is None:
        return TemplateResponse(request, "appointments/waiting_closed.html", status=404)
    form = WaitingRequestForm(request.POST or None, initial={"submission": uuid.uuid4().hex})

    def render(form):
        return TemplateResponse(
            request,
            "appointments/waiting_request.html",
            {"form": form, "type": appointment_type, "hold_hours": conf.OFFER_HOLD_HOURS},
        )

    if request.method == "POST" and form.is_valid():
        limit = SubmissionLimit(
            RATE_LIMIT_NAME,
            request,
            form,
            per_address=conf.WAITING_LIMIT_PER_ADDRESS,
            per_contact=conf.WAITING_LIMIT_PER_CONTACT,
            window=RATE_LIMIT_WINDOW,
        )
        if form.is_spam():
            form.add_error(None, SPAM_MESSAGE)
        elif limit.reached():
            return limit.refuse(form, render)
        else:
            person = form.person()
            services.ask_for_a_slot(
                appointment_type,
                form.cleaned_data["weekdays"],
                person,
                form.cleaned_data.get("submission") or "",
                limits=[limit],
            )
            channel = BY_EMAIL if person["email"] else BY_SMS
            signed_links.grant(request, THANKS_SCOPE, appointment_type.pk, channel)
            return signed_links.see_other(reverse("appointments:waiting_thanks"))
    return render(form)


@require_safe
@signed_links.private_page
def waiting_thanks(request):
    granted = signed_links.current(request, THANKS_SCOPE)
    appointment_type = _public_type(granted[0]) if granted else None
    if appointment_type is None:
        return signed_links.see_other("/")
    return TemplateResponse(
        request,
        "appointments/waiting_thanks.html",
        {"type": appointment_type, "by_sms": granted[1] == BY_SMS},
    )


def _waiting_request(request_id, nonce):
    """The request a grant (or a token) names while its nonce holds; None otherwise
    (anonymised, forged, spent)."""
    found = WaitingRequest.objects.select_related("type").filter(pk=request_id).first()
    if found is None or found.anonymised_at or not nonce or found.manage_nonce != nonce:
        return None
    return found


@require_safe
@signed_links.private_page
def waiting_link(request, token):
    """The link of the emails: checks the token, keeps the request in the session and
    sends the browser to the page without the token."""
    return links.land(
        request,
        token,
        links.WAITING,
        scope=links.WAITING_SCOPE,
        find=_waiting_request,
        target="appointments:waiting_page",
        invalid=_link_invalid,
    )


def _granted_request(request, request_id=None):
    granted = signed_links.held(request, links.WAITING_SCOPE, request_id)
    return _waiting_request(*granted) if granted else None


def _page_context(found):
    offers = list(found.offers.select_related("appointment").order_by("-created_at", "-pk"))
    open_offer = next((offer for offer in offers if offer.status == SlotOffer.Status.OPEN), None)
    booked = next((offer for offer in offers if offer.status == SlotOffer.Status.ACCEPTED), None)
    context = {
        "waiting_request": found,
        "type": found.type,
        "offer": open_offer,
        "last_offer": offers[0] if offers else None,
        "booked": booked.appointment if booked else None,
    }
    if open_offer:
        context["slot_when"] = timezones.moment_text(open_offer.start, open_offer.timezone)
        context["hold_until"] = timezones.moment_text(open_offer.expires_at, open_offer.timezone)
    if offers:
        context["last_when"] = timezones.moment_text(offers[0].start, offers[0].timezone)
    return context


@require_http_methods(["GET", "HEAD", "POST"])
@signed_links.private_page
def waiting_page(request):
    """GET: the request, and the slot held for the person if there is one, with « Je
    prends ce créneau », « Il ne me convient pas » and « Je ne souhaite plus être
    prévenu·e ». POST: that answer, then 303 to the same page."""
    if request.method != "POST":
        found = _granted_request(request)
        if found is None:
            return _link_invalid(request)
        return TemplateResponse(request, "appointments/waiting.html", _page_context(found))
    form = WaitingAnswerForm(request.POST)
    found = _granted_request(request, form.cleaned_data["demande"]) if form.is_valid() else None
    if found is None:
        return _link_invalid(request)
    signed_links.make_current(request, links.WAITING_SCOPE, found.pk)
    action = form.cleaned_data["action"]
    if action == WaitingAnswerForm.WITHDRAW:
        services.withdraw(found)
    else:
        offer = found.offers.filter(status=SlotOffer.Status.OPEN).first()
        if offer is None:
            pass  # already answered, or expired: the page says where things stand
        elif action == WaitingAnswerForm.DECLINE:
            services.decline_offer(offer)
        else:
            try:
                services.accept_offer(offer)
            except (services.OfferUnavailable, services.SlotUnavailable) as refusal:
                context = _page_context(found)
                context["refusal"] = str(refusal)
                return TemplateResponse(request, "appointments/waiting.html", context, status=409)
    return signed_links.see_other(reverse("appointments:waiting_page"))
