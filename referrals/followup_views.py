"""The referrer's follow-up page, `/suivi/<token>/`: the reference and the status of the
request, nothing else (never the notes nor the young person's follow-up), with the
helplines. An expired link answers 410, a forged or unknown one 404, both with a kind
page in French."""

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .followup import LinkExpired, LinkInvalid, reference_from_token, status_for


@require_safe
@never_cache
def status_page(request, token):
    try:
        reference = reference_from_token(token)
    except LinkExpired:
        return _page(request, "expired", status=410)
    except LinkInvalid:
        return _page(request, "invalid", status=404)
    followup = status_for(reference)
    if followup is None:
        return _page(request, "invalid", status=404)
    return _page(request, "ok", followup=followup)


def _page(request, state, *, status=200, followup=None):
    return TemplateResponse(
        request,
        "referrals/followup_status.html",
        {"state": state, "followup": followup},
        status=status,
    )
