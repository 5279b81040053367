import logging

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.http import HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from wagtail.models import Page

from home.search import search_words
from home.search_forms import SearchForm
from relier_site.sentry import errors_are_reported

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10


def search(request):
    """Site search at /recherche/. Any query string gives a page, never an error: ``q`` is
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
                found = Page.objects.live().public().specific().search(" ".join(words))
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


@cache_control(no_store=True)
def robots_txt(request):
    return TemplateResponse(request, "robots.txt", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page: static, no database access, helplines from the shipped defaults.

    It says the team was told only when an error report does leave: Sentry is active,
    or Django mails the ADMINS through the logging configuration."""
    context = {"team_notified": errors_are_reported()}
    return HttpResponseServerError(loader.get_template("500.html").render(context))
