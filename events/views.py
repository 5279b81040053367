"""Public views of the agenda: the listing (AgendaPage), registration, the « merci »
page, self-cancellation by signed link and the calendar files. Thin: forms validate,
`services` changes state, `selectors` read.

Nothing a page shows depends on whether the person typed in was already registered:
the « merci » page is the same for a new and an existing registration, and only the
address on file is told (by email). A signed link only lands: its token is checked,
what it grants goes into the visitor's session, and the browser is sent (303) to an
address without the token (relier_site.signed_links); each of these pages is `private,
no-store`."""

import uuid

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from relier_site import signed_links
from relier_site.forms import SubmissionLimit
from relier_site.http import attachment
from relier_site.links import absolute_url

from . import calendar, links, selectors, services
from .conf import conf
from .forms import AgendaFilterForm, CancelForm, RegistrationForm
from .models import EventPage, Registration, Session

AGENDA_LIMIT = 100
RATE_LIMIT_NAME = "events-registration"
RATE_LIMIT_WINDOW = 3600  # seconds: the limits are per hour
BY_PHONE = "telephone"  # the « merci » page of a registration without email
BY_EMAIL = "courriel"


def agenda_context(page, request):
    form = AgendaFilterForm(request.GET or None)
    sessions = selectors.with_counts(form.filter(selectors.published_upcoming()))
    return {
        "filter_form": form,
        "sessions": list(sessions[:AGENDA_LIMIT]),
        "filtered": bool(form.selected()),
    }


def _public_session(session_id):
    """The session a visitor asks for, if it exists and is visible."""
    return Session.objects.published().select_related("event").filter(pk=session_id).first()


def _closed(request, message, status):
    return TemplateResponse(request, "events/closed.html", {"message": message}, status=status)


def _link_invalid(request):
    return TemplateResponse(request, "events/link_invalid.html", status=404)


def _flood_limit(request, form):
    """The registration limits: per client address, and per email and per phone typed."""
    return SubmissionLimit(
        RATE_LIMIT_NAME,
        request,
        form,
        per_address=conf.REGISTRATION_LIMIT_PER_ADDRESS,
        per_contact=conf.REGISTRATION_LIMIT_PER_CONTACT,
        window=RATE_LIMIT_WINDOW,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def register(request, session_id):
    session = _public_session(session_id)
    reason = services.refusal_reason(session)
    if reason:
        return _closed(request, reason, 404 if session is None else 410)
    event = session.event
    form = RegistrationForm(
        request.POST or None,
        profile=event.registration_profile,
        initial={"submission": uuid.uuid4().hex},
    )
    if request.method == "POST" and form.is_valid():
        data = form.registration_data()
        limit = _flood_limit(request, form)
        if form.is_spam():
            form.add_error(
                None,
                "Votre inscription n'a pas pu être enregistrée. Réessayez, ou écrivez-nous si "
                "le problème continue.",
            )
        elif limit.reached():
            return limit.refuse(form, lambda form: _register_page(request, form, session))
        else:
            try:
                services.register(
                    session,
                    data,
                    submission_key=form.cleaned_data.get("submission") or "",
                    # Counted alike for a new registration, an existing one and a double
                    # click, in the service's transaction.
                    limits=[limit],
                )
            except services.RegistrationRefused as refusal:
                return _closed(request, str(refusal), 410)
            # What the « merci » page needs: the session, and whether an email was typed.
            # Never the registration: the page must not differ for an existing one.
            channel = BY_EMAIL if data.get("email") else BY_PHONE
            signed_links.grant(request, links.THANKS_SCOPE, session.pk, channel)
            return signed_links.see_other(reverse("events:thanks"))
    return _register_page(request, form, session)


def _register_page(request, form, session):
    session = (
        selectors.with_counts(Session.objects.filter(pk=session.pk)).select_related("event").get()
    )
    return TemplateResponse(
        request,
        "events/register.html",
        {"form": form, "session": session, "event": session.event, "page": session.event},
    )


@require_safe
@signed_links.private_page
def thanks(request):
    """The « merci » page: the same whoever was typed in (new or existing registration,
    place or waiting list): the email, or the team by phone, tells the rest."""
    granted = signed_links.current(request, links.THANKS_SCOPE)
    session = _public_session(granted[0]) if granted else None
    if session is None:
        return signed_links.see_other("/agenda/")
    return TemplateResponse(
        request,
        "events/thanks.html",
        {"session": session, "event": session.event, "by_phone": granted[1] == BY_PHONE},
    )


@require_safe
@signed_links.private_page
def old_thanks_link(request, token):
    """The « merci » address of earlier versions, which carried a token: it grants
    nothing any more."""
    return signed_links.see_other(reverse("events:thanks"))


def _registration(registration_id, nonce):
    """The registration a grant (or a token) names, while the grant holds: its nonce is
    still the registration's, or the registration was cancelled since (so that a second
    « Oui, annuler » says « déjà annulée »). None otherwise (anonymised, forged)."""
    registration = (
        Registration.objects.select_related("session__event").filter(pk=registration_id).first()
    )
    if registration is None or registration.anonymised_at or not nonce:
        return None
    if registration.cancel_nonce == nonce:
        return registration
    if registration.status == Registration.Status.CANCELLED:
        return registration
    return None


@require_http_methods(["GET", "HEAD", "POST"])
@signed_links.private_page
def cancel_link(request, token):
    """The link of the emails: checks the token, keeps the registration in the session and
    sends the browser to the confirmation step, which acts only on a POST."""
    read = links.read_cancel_token(token)
    registration = _registration(*read) if read else None
    if registration is None or registration.cancel_nonce != read[1]:  # spent or forged
        return _link_invalid(request)
    signed_links.grant(request, links.CANCEL_SCOPE, registration.pk, registration.cancel_nonce)
    return signed_links.see_other(reverse("events:cancel_confirm"))


def _granted_registration(request, registration_id=None):
    granted = signed_links.held(request, links.CANCEL_SCOPE, registration_id)
    return _registration(*granted) if granted else None


def _cancel_context(registration):
    session = registration.session
    return {"registration": registration, "session": session, "event": session.event}


@require_http_methods(["GET", "HEAD", "POST"])
@signed_links.private_page
def cancel_confirm(request):
    """GET: what will be cancelled, and « Oui, annuler » (POST). POST: cancels the
    registration the form names, if this browser holds its link, then 303 to the result."""
    if request.method != "POST":
        registration = _granted_registration(request)
        if registration is None:
            return _link_invalid(request)
        context = _cancel_context(registration)
        context["past"] = registration.session.is_past()
        return TemplateResponse(request, "events/cancel.html", context)
    form = CancelForm(request.POST)
    registration = None
    if form.is_valid():
        registration = _granted_registration(request, form.registration_id())
    if registration is None:
        return _link_invalid(request)
    signed_links.make_current(request, links.CANCEL_SCOPE, registration.pk)
    if registration.status == Registration.Status.CANCELLED or registration.session.is_past():
        # Already cancelled (a second click) or too late: the step says so.
        return signed_links.see_other(reverse("events:cancel_confirm"))
    services.cancel_registration(registration)
    return signed_links.see_other(reverse("events:cancel_done"))


@require_safe
@signed_links.private_page
def cancel_done(request):
    registration = _granted_registration(request)
    if registration is None:
        return _link_invalid(request)
    if registration.status != Registration.Status.CANCELLED:
        return signed_links.see_other(reverse("events:cancel_confirm"))
    return TemplateResponse(request, "events/cancelled.html", _cancel_context(registration))


def _ics_response(content, filename):
    return attachment(content, filename, calendar.content_type(calendar.PUBLISH))


def _session_url(session):
    return absolute_url(session.event.url or "/agenda/")


def agenda_feed(request):
    sessions = selectors.feed_sessions()
    return _ics_response(
        calendar.feed_ics(sessions, name="Agenda des Centres Relier", url_for=_session_url),
        "agenda-centres-relier.ics",
    )


def event_feed(request, slug):
    event = EventPage.objects.live().public().filter(slug=slug).first()
    if event is None:
        raise Http404("Évènement introuvable")
    sessions = selectors.feed_sessions(event=event)
    return _ics_response(
        calendar.feed_ics(sessions, name=event.title, url_for=_session_url), f"{event.slug}.ics"
    )


def session_ics(request, session_id):
    session = get_object_or_404(
        Session.objects.published().filter(status=Session.Status.SCHEDULED).select_related("event"),
        pk=session_id,
    )
    return _ics_response(
        calendar.session_ics(session, page_url=_session_url(session)),
        f"{session.event.slug}-{session.local_start:%Y-%m-%d}.ics",
    )
