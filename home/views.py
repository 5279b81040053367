import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.http import HttpResponseServerError
from django.shortcuts import get_object_or_404
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from wagtail.documents.views.serve import (
    authenticate_with_password as wagtail_authenticate_with_document_password,
)
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.views import authenticate_with_password as wagtail_authenticate_with_password

from home import view_passwords
from home.search import search_words
from home.search_forms import SearchForm
from home.search_results import Results, search_downloads
from relier_site.ratelimit import too_many
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
    """Wagtail's password form for a protected page, limited and returning to a page of
    this site (see _guarded)."""
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    return _guarded(
        request,
        "page",
        restriction,
        lambda form: page.serve_password_required_response(request, form, request.path),
        lambda: wagtail_authenticate_with_password(request, page_view_restriction_id, page_id),
    )


def authenticate_with_document_password(request, restriction_id):
    """Wagtail's password form for the documents of a protected collection, limited and
    returning to a page of this site (see _guarded)."""
    restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
    template = getattr(
        settings, "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE", "wagtaildocs/password_required.html"
    )
    return _guarded(
        request,
        "collection",
        restriction,
        lambda form: TemplateResponse(
            request, template, {"form": form, "action_url": request.path}
        ),
        lambda: wagtail_authenticate_with_document_password(request, restriction_id),
    )


def _guarded(request, kind, restriction, render_form, wagtail_view):
    """Wagtail's password view `wagtail_view`, behind the limits of home.view_passwords: a
    POST while locked out, or the wrong password that reaches a limit, gets the form again
    (`render_form(form)`) with « Trop d'essais », status 429 and Retry-After.

    Wagtail hands a relative ``return_url`` to ``redirect()``, which takes a value without
    "/" or "." for a view name and fails (500), and sends another site's address to
    ``LOGIN_REDIRECT_URL`` (a 404 here). Such values, which only a tampered form sends,
    return to the home page."""
    if request.method != "POST":
        return wagtail_view()
    return_url = request.POST.get("return_url")
    if return_url is not None and not _is_local_path(request, return_url):
        request.POST = request.POST.copy()
        request.POST["return_url"] = "/"
    password = request.POST.get("password", "")
    wrong = bool(password) and not constant_time_compare(password, restriction.password)
    if view_passwords.is_locked(request, kind, restriction) or (
        wrong and view_passwords.count_failure(request, kind, restriction)
    ):
        initial = {"return_url": request.POST.get("return_url") or "/"}
        response = render_form(PasswordViewRestrictionForm(instance=restriction, initial=initial))
        response.context_data["too_many_attempts"] = view_passwords.retry_delay()
        return too_many(response, view_passwords.window())
    return wagtail_view()


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
