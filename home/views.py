import logging

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.http import HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from wagtail.models import Page
from wagtail.views import authenticate_with_password as wagtail_authenticate_with_password

from home.search import search_words
from home.search_forms import SearchForm
from home.search_results import Results, search_downloads
from relier_site.sentry import errors_are_reported

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10


def search(request):
    """Site search at /recherche/: files to download (kits, documents), then pages (see
    home.search_results). Any query string gives a page, never an error: ``q`` is
    cleaned and cut, reduced to its words for the database; a bad ``page`` gives the
    first or last page; a query the database still refuses gives a French message."""
    form = SearchForm(request.GET)
    query = form.value("q") or ""
    words = search_words(query)
    results = None
    failed = False
    if words:
        try:
            with transaction.atomic():
                terms = " ".join(words)
                pages = Page.objects.live().public().specific().search(terms)
                found = Results(search_downloads(terms), pages)
                results = Paginator(found, SEARCH_RESULTS_PER_PAGE).get_page(form.value("page"))
                results.object_list = list(results.object_list)
        except DatabaseError as error:
            logger.warning("Recherche refusée par la base de données (%s)", type(error).__name__)
            results = None
            failed = True
    return TemplateResponse(
        request,
        "home/search.html",
        {"search_query": query, "search_results": results, "search_failed": failed},
    )


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form for a protected page, returning to a page of this site.

    Wagtail hands a relative ``return_url`` to ``redirect()``, which takes a value without
    "/" or "." for a view name and fails (500), and sends another site's address to
    ``LOGIN_REDIRECT_URL`` (a 404 here). Such values, which only a tampered form sends,
    return to the home page."""
    return_url = request.POST.get("return_url")
    if (
        request.method == "POST"
        and return_url is not None
        and not _is_local_path(request, return_url)
    ):
        request.POST = request.POST.copy()
        request.POST["return_url"] = "/"
    return wagtail_authenticate_with_password(request, page_view_restriction_id, page_id)


def _is_local_path(request, url):
    return url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@cache_control(no_store=True)
def robots_txt(request):
    return TemplateResponse(request, "robots.txt", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page: static, no database access, helplines from the shipped defaults.

    It says the team was told only when an error report does leave: Sentry is active,
    or Django mails the ADMINS through the logging configuration."""
    context = {"team_notified": errors_are_reported()}
    return HttpResponseServerError(loader.get_template("500.html").render(context))
