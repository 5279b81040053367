"""Public views of the agenda: the listing (AgendaPage), registration, the « merci »
page, self-cancellation by signed link and the calendar files. Thin: forms validate,
`services` changes state, `selectors` read."""

import uuid

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from relier_site.ratelimit import ratelimit

from . import calendar, links, selectors, services
from .forms import AgendaFilterForm, RegistrationForm
from .models import EventPage, Registration, Session

REGISTRATION_RATE_LIMIT = 20  # registrations per client address per hour
AGENDA_LIMIT = 100


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


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit("events-registration", limit=REGISTRATION_RATE_LIMIT, window=3600)
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
        if form.is_spam:
            form.add_error(
                None,
                "Votre inscription n'a pas pu être enregistrée. Réessayez, ou écrivez-nous si "
                "le problème continue.",
            )
        else:
            try:
                result = services.register(
                    session,
                    form.registration_data(),
                    submission_key=form.cleaned_data.get("submission") or "",
                )
            except services.RegistrationRefused as refusal:
                return _closed(request, str(refusal), 410)
            token = links.status_token(result.registration, already=result.already_registered)
            return redirect("events:thanks", token=token)
    session = (
        selectors.with_counts(Session.objects.filter(pk=session.pk)).select_related("event").get()
    )
    return TemplateResponse(
        request,
        "events/register.html",
        {"form": form, "session": session, "event": event, "page": event},
    )


def _registration_from(read):
    if read is None:
        return None
    registration_id, nonce = read[0], read[1]
    registration = (
        Registration.objects.select_related("session__event").filter(pk=registration_id).first()
    )
    if registration is None or not nonce or registration.cancel_nonce != nonce:
        return None
    return registration


def thanks(request, token):
    read = links.read_status_token(token)
    registration = _registration_from(read)
    if registration is None:
        return TemplateResponse(request, "events/link_invalid.html", status=404)
    return TemplateResponse(
        request,
        "events/thanks.html",
        {
            "registration": registration,
            "session": registration.session,
            "event": registration.session.event,
            "already": read[2],
            "cancel_path": reverse("events:cancel", args=[links.cancel_token(registration)]),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, token):
    """GET shows what will be cancelled and asks to confirm; POST cancels."""
    registration = _registration_from(links.read_cancel_token(token))
    if registration is None:
        return TemplateResponse(request, "events/link_invalid.html", status=404)
    session = registration.session
    context = {"registration": registration, "session": session, "event": session.event}
    if session.is_past():
        context["past"] = True
        return TemplateResponse(request, "events/cancel.html", context)
    if request.method == "POST":
        services.cancel_registration(registration)
        return TemplateResponse(request, "events/cancelled.html", context)
    return TemplateResponse(request, "events/cancel.html", context)


def _ics_response(content, filename):
    response = HttpResponse(content, content_type=calendar.content_type(calendar.PUBLISH))
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _session_url(session):
    return links.absolute(session.event.url or "/agenda/")


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
