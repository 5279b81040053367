"""Public views of the referral forms, served by ReferralFormPage's routes. They only
read the request, validate it with forms.py and call services.py."""

import logging

from django.conf import settings
from django.shortcuts import redirect

from relier_site.ratelimit import client_ip, hit, refused

from . import services
from .forms import FORMS, ProgrammeChoiceForm, new_submission_token, valid_token

logger = logging.getLogger(__name__)

SESSION_KEY = "referrals:confirmation:{kind}"


def rate_limit_key(request):
    return f"referral-forms:{client_ip(request)}"


def form_page(page, request):
    form_class = FORMS[page.kind]
    if request.method != "POST":
        initial = {"submission_token": new_submission_token(), **_programme(form_class, request)}
        return _render(page, request, form_class(initial=initial))

    # A second POST of the same form (double click, reload, replay): the first one's
    # confirmation, nothing stored or sent again.
    token = valid_token(request.POST.get("submission_token"))
    existing = services.referral_for_token(token) if token else None
    if existing is not None:
        return _confirm(page, request, existing)

    window = settings.REFERRALS_RATE_LIMIT_WINDOW_SECONDS
    if not hit(rate_limit_key(request), settings.REFERRALS_RATE_LIMIT, window):
        logger.warning("Referral form %s: rate limit reached.", page.kind)
        return refused(request, window)

    form = form_class(request.POST)
    if form.is_spam():
        logger.info("Referral form %s: honeypot filled, nothing stored.", page.kind)
        return _render(page, request, form_class(initial={"submission_token": token}), robot=True)
    if not form.is_valid():
        return _render(page, request, form)
    referral = services.submit_referral(
        kind=page.kind,
        data=form.referral_data(),
        submission_token=form.cleaned_data["submission_token"],
    )
    return _confirm(page, request, referral)


def _programme(form_class, request):
    """`?programme=relier-vers-lemploi` preselects that programme when the form offers
    it; any other value is ignored."""
    choice = ProgrammeChoiceForm(request.GET or None).selected().get("programme")
    field = form_class.base_fields.get("programme")
    if choice and field is not None and choice in dict(field.choices):
        return {"programme": choice}
    return {}


def _render(page, request, form, *, robot=False):
    return page.render(request, context_overrides={"form": form, "refused_as_robot": robot})


def _confirm(page, request, referral):
    """POST-redirect-GET: the confirmation reads the reference from the session, never
    from the URL."""
    request.session[SESSION_KEY.format(kind=page.kind)] = {
        "reference": referral.reference,
        "urgent": referral.urgent,
        "emailed": bool(referral.email or referral.referrer_email),
    }
    return redirect(page.get_url(request) + page.reverse_subpage("confirmation"))


def confirmation_page(page, request):
    confirmation = request.session.get(SESSION_KEY.format(kind=page.kind))
    return page.render(
        request,
        template="referrals/confirmation_page.html",
        context_overrides={"confirmation": confirmation},
    )
