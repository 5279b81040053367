"""The referrer's follow-up page: the reference and the status of the request, nothing
else (never the notes nor the young person's follow-up), with the helplines.

The emailed link `/suivi/<token>/` only lands (relier_site.signed_links): a valid token
puts the request's reference in the visitor's session and the browser is sent (303) to
`/suivi/`, which shows the status; the token never stays in the address bar or the
history. An expired link answers 410, a forged or unknown one 404, both with a kind page
in French. Every one of these pages is `private, no-store`."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from relier_site import signed_links

from .followup import LinkExpired, LinkInvalid, reference_from_token, status_for

SCOPE = "referrals.followup"  # references this browser holds a follow-up link for


@require_safe
@signed_links.private_page
def land(request, token):
    try:
        reference = reference_from_token(token)
    except LinkExpired:
        return _page(request, "expired", status=410)
    except LinkInvalid:
        return _page(request, "invalid", status=404)
    if status_for(reference) is None:
        return _page(request, "invalid", status=404)
    signed_links.grant(request, SCOPE, reference)
    return signed_links.see_other(reverse("referral_followup_status"))


@require_safe
@signed_links.private_page
def status_page(request):
    granted = signed_links.current(request, SCOPE)
    followup = status_for(granted[0]) if granted else None
    if followup is None:
        return _page(request, "missing", status=404)
    return _page(request, "ok", followup=followup)


def _page(request, state, *, status=200, followup=None):
    return TemplateResponse(
        request,
        "referrals/followup_status.html",
        {"state": state, "followup": followup},
        status=status,
    )
