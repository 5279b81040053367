"""Public views of the referral forms, served by ReferralFormPage's routes. They only
read the request, validate it with forms.py and call services.py."""

import logging

from django.shortcuts import redirect

from relier_site.forms import SubmissionLimit

from . import services
from .conf import conf
from .forms import FORMS, ProgrammeChoiceForm, new_submission_token, valid_token

logger = logging.getLogger(__name__)

SESSION_KEY = "referrals:confirmation:{kind}"
# One count for the three forms: the same address or contact on any of them.
RATE_LIMIT_NAME = "referral-forms"
# Urgent requests are never refused; beyond the limits, their staff notification is sent
# for at most this many of them per contact and per address per window (the others are
# in the inbox, urgent first).
URGENT_NOTIFICATIONS_PER_CONTACT = 1
URGENT_NOTIFICATIONS_PER_ADDRESS = 10


def form_page(page, request):
    form_class = FORMS[page.kind]
    if request.method != "POST":
        initial = {"submission_token": new_submission_token(), **_programme(form_class, request)}
        return _render(page, request, form_class(initial=initial))

    # A second POST of the same form (double click, reload, replay): nothing stored or
    # sent again; the confirmation only to the browser that sent the first one.
    token = valid_token(request.POST.get("submission_token"))
    existing = services.referral_for_token(token) if token else None
    if existing is not None:
        return _already_sent(page, request, existing)

    form = form_class(request.POST)
    if form.is_spam():
        logger.info("Referral form %s: honeypot filled, nothing stored.", page.kind)
        return _render(page, request, form_class(initial={"submission_token": token}), robot=True)
    if not form.is_valid():
        return _render(page, request, form)

    limit = flood_limit(request, form)
    within_limits = not limit.reached()
    notify_staff = within_limits
    if not within_limits:
        if not form.is_urgent:
            logger.warning("Referral form %s: flood limit reached, form shown again.", page.kind)
            return limit.refuse(form, lambda form: _render(page, request, form))
        urgent_limit = urgent_notification_limit(request, form)
        notify_staff = not urgent_limit.reached()
        logger.warning(
            "Referral form %s: urgent request beyond the flood limit, stored (staff %s).",
            page.kind,
            "notified" if notify_staff else "not notified again",
        )
    referral = services.submit_referral(
        kind=page.kind,
        data=form.referral_data(),
        submission_token=form.cleaned_data["submission_token"],
        confirm_by_mail=within_limits,
        notify_staff=notify_staff,
        # Recorded with the request: its limits, and the urgent notification sent beyond them.
        limits=[limit] + ([urgent_limit] if not within_limits and notify_staff else []),
    )
    if referral.duplicate_submission:  # the same token, stored by a concurrent request
        return _already_sent(page, request, referral)
    return _confirm(page, request, referral, emailed=within_limits)


def flood_limit(request, form):
    """The limits of a valid submission: the client's address, and the contact of the
    person the request is about (form.contact_fields: the young person's or family's
    email and phone; the requester's for an intervention), never a referrer's address on
    an orientation, since one adviser orients many young people."""
    return SubmissionLimit(
        RATE_LIMIT_NAME,
        request,
        form,
        per_address=conf.LIMIT_PER_ADDRESS,
        per_contact=conf.LIMIT_PER_CONTACT,
        window=conf.LIMIT_WINDOW_SECONDS,
    )


def urgent_notification_limit(request, form):
    """Counts the staff notifications of urgent requests sent beyond the limits."""
    return SubmissionLimit(
        f"{RATE_LIMIT_NAME}-urgent-notification",
        request,
        form,
        per_address=URGENT_NOTIFICATIONS_PER_ADDRESS,
        per_contact=URGENT_NOTIFICATIONS_PER_CONTACT,
        window=conf.LIMIT_WINDOW_SECONDS,
    )


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


def _confirm(page, request, referral, *, emailed):
    """POST-redirect-GET: the confirmation reads the reference from the session, never
    from the URL. The session also keeps the submission token: the proof that this
    browser sent the request."""
    request.session[SESSION_KEY.format(kind=page.kind)] = {
        "referral_id": referral.pk,  # an orientation's page offers to book a first slot
        "reference": referral.reference,
        "urgent": referral.urgent,
        "emailed": emailed and bool(referral.email or referral.referrer_email),
        "token": referral.submission_token,
    }
    return redirect(page.get_url(request) + page.reverse_subpage("confirmation"))


def _already_sent(page, request, referral):
    """A submission token already used: the browser that sent it sees its confirmation
    again; any other client a neutral page, without reference or urgent flag."""
    confirmation = request.session.get(SESSION_KEY.format(kind=page.kind)) or {}
    if confirmation.get("token") == referral.submission_token:
        return redirect(page.get_url(request) + page.reverse_subpage("confirmation"))
    logger.info("Referral form %s: a used submission token was sent again.", page.kind)
    return page.render(
        request,
        template="referrals/confirmation_page.html",
        context_overrides={"confirmation": None, "already_sent": True},
    )


def confirmation_page(page, request):
    confirmation = request.session.get(SESSION_KEY.format(kind=page.kind))
    return page.render(
        request,
        template="referrals/confirmation_page.html",
        context_overrides={"confirmation": confirmation},
    )
