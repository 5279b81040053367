"""State changes of the programmes app: the only code here that writes to the database.

Each function runs in one transaction.
"""

import re

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import DocumentDownloadCount

# User agents that say they are robots (search engines, link previews, archivers, HTTP
# libraries). Browsers never contain these words.
ROBOT_USER_AGENT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|mediapartners|"
    r"bingpreview|embedly|python-requests|python-urllib|httpx|aiohttp|curl/|wget/|"
    r"go-http-client|java/|okhttp|libwww|scrapy|headlesschrome|lighthouse",
    re.IGNORECASE,
)


def is_human_download(request):
    """True for a GET from a browser; False for HEAD (no file sent) and for robots."""
    if request is None:
        return True
    if request.method != "GET":
        return False
    return not ROBOT_USER_AGENT.search(request.headers.get("User-Agent", ""))


@transaction.atomic
def record_download(document, when=None):
    """Add one download of `document` to the counter of the month of `when` (now)."""
    month = timezone.localdate(when).replace(day=1)
    counts = DocumentDownloadCount.objects
    if counts.filter(document=document, month=month).update(count=F("count") + 1):
        return
    row, created = counts.get_or_create(document=document, month=month, defaults={"count": 1})
    if not created:
        counts.filter(pk=row.pk).update(count=F("count") + 1)


def count_served_document(sender, instance, request=None, **kwargs):
    """`document_served` receiver: Wagtail sends it for /documents/ downloads once the
    privacy checks have passed, and the kit download route sends it too. HEAD requests
    and robots are not counted."""
    if is_human_download(request):
        record_download(instance)
