"""The psychologist's private calendar feed, `/permanences/agenda/<token>.ics` (a
`webcal://` subscription): her confirmed appointments from 30 days ago onwards, each
with a reference and the mode only (appointments.calendar.psychologist_feed_ics). An
unknown or revoked token answers 404. Conditional GET (ETag, Last-Modified: a calendar
polls often) and gzip."""

from django.http import Http404, HttpResponse
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition, require_safe

from . import staff_selectors
from .calendar import psychologist_feed_ics


def _feed_or_404(token):
    feed = staff_selectors.feed_by_token(token)
    if feed is None or not feed.psychologist.is_active:
        raise Http404("Abonnement introuvable")
    return feed


def _version(request, token):
    """(ETag, Last-Modified) of the feed, read once per request; None when unknown."""
    if not hasattr(request, "_feed_version"):
        feed = staff_selectors.feed_by_token(token)
        request._feed_version = staff_selectors.feed_version(feed) if feed else (None, None)
    return request._feed_version


def _etag(request, token):
    return _version(request, token)[0]


def _last_modified(request, token):
    return _version(request, token)[1]


@require_safe
@gzip_page
@condition(etag_func=_etag, last_modified_func=_last_modified)
def psychologist_feed(request, token):
    feed = _feed_or_404(token)
    content = psychologist_feed_ics(staff_selectors.feed_appointments(feed))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="permanences.ics"'
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
