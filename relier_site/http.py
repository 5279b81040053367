"""Response headers every page gets, and 405 for HTTP methods a view does not support.

- Permissions-Policy: the site uses no camera, microphone, location, payment or
  interest tracking; browsers refuse them to the site and to anything it embeds.
- Cache-Control on HTML pages that did not set one: an anonymous visitor without
  cookies gets a short cache that must be revalidated; anything with a session, a
  CSRF token, a cookie being set, the admin or a preview gets `private, no-store`
  (nothing of it stays in a browser or proxy cache). See README « Déploiement ».
- Methods: PUT, DELETE, PATCH... on a view that does not support them answer
  405 with an `Allow` header, before the CSRF check (which would answer 403).
- Charset: the site reads only UTF-8. A request whose Content-Type names another
  charset (or one Python does not know) gets the French 400 page and a warning in the
  log, before the CSRF check (whose reading of the form, and the 400 page's own CSRF
  check, would otherwise end in a 500). An alias of UTF-8 (`UTF8`, `utf_8`) is read as
  UTF-8.
- `attachment`: a file as a download (Content-Disposition), for every export.
"""

import codecs
import logging

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.datastructures import MultiValueDict
from django.views.generic.edit import ProcessFormView

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
)
PUBLIC_PAGE_MAX_AGE = 300  # seconds
PRIVATE_PATH_PREFIXES = ("/admin/", "/django-admin/", "/_util/")
# Function views say nothing about the methods they handle: outside the admin, they get
# what a public page may need (forms post), never PUT, DELETE, PATCH and the like.
FUNCTION_VIEW_METHODS = ("GET", "HEAD", "OPTIONS", "POST")
NOT_ALLOWED_BODY = "Cette méthode HTTP n'est pas acceptée ici (méthodes acceptées : {}).\n"
LOGGED_CHARSET_LENGTH = 40  # the client chooses it: log no more than this

logger = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response, Cache-Control on HTML pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if is_html(response) and "Cache-Control" not in response.headers:
            if is_shareable(request, response):
                patch_cache_control(
                    response, public=True, max_age=PUBLIC_PAGE_MAX_AGE, must_revalidate=True
                )
            else:
                patch_cache_control(response, private=True, no_store=True)
        return response


def is_html(response):
    return response.headers.get("Content-Type", "").startswith("text/html")


def is_shareable(request, response):
    """True for a page that holds nothing about the person who asked for it."""
    return (
        response.status_code == 200
        and not request.path.startswith(PRIVATE_PATH_PREFIXES)
        and not getattr(request, "is_preview", False)
        # A session (staff, a passed page password) or a CSRF token (a form) means the
        # page may be someone's own.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.CSRF_COOKIE_NAME not in request.COOKIES
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.cookies
    )


class AllowedMethodsMiddleware:
    """Answer 405 (French, with `Allow`) to a method the view does not support.

    Listed just before CsrfViewMiddleware, whose process_view would otherwise refuse
    the request with the CSRF page. Wagtail pages declare their methods with
    `allowed_http_methods` (route found once, cached on the request for Wagtail's own
    serve view); class-based views with their handlers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        allowed = allowed_methods(request, view_func, view_args, view_kwargs)
        if allowed is None or request.method in allowed:
            return None
        return HttpResponseNotAllowed(
            allowed,
            content=NOT_ALLOWED_BODY.format(", ".join(allowed)),
            content_type="text/plain; charset=utf-8",
        )


def handles(view_class, method):
    if method == "head":
        return hasattr(view_class, "get")
    # Django's form views answer PUT as a POST; the site's forms are only ever posted.
    if method == "put" and getattr(view_class, "put", None) is ProcessFormView.put:
        return False
    return hasattr(view_class, method)


def allowed_methods(request, view_func, view_args, view_kwargs):
    """The methods the view handles, or None when it decides itself (admin views)."""
    from wagtail.models import Page
    from wagtail.views import serve

    if view_func is serve:
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        route = Page.route_for_request(request, path)
        if route is None:
            raise Http404  # what Wagtail's view would answer, for any method
        return route[0].allowed_http_method_names()
    view_class = getattr(view_func, "view_class", None)
    if view_class is not None:
        return [
            method.upper() for method in view_class.http_method_names if handles(view_class, method)
        ]
    if request.path.startswith(("/admin/", "/django-admin/")):
        return None
    return list(FUNCTION_VIEW_METHODS)


class Utf8RequestMiddleware:
    """Read every request as UTF-8, or answer the French 400 page.

    Django reads a body with the charset of its Content-Type, but refuses anything but
    the exact name "utf-8" for a urlencoded form (BadRequest); the CSRF check reads the
    form first, and the 400 page's own CSRF check reads it again, so the visitor got a
    500. Listed before CsrfViewMiddleware. Logged: the method and the charset, never the
    path (it may hold a token) nor the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = request.content_params.get("charset")
        if charset is not None:
            if canonical_codec(charset) == "utf-8":
                request.encoding = "utf-8"
            else:
                logger.warning(
                    "Refused a %s request in charset %r (the site reads UTF-8 only)",
                    request.method,
                    charset[:LOGGED_CHARSET_LENGTH],
                )
                # Nothing of the body is read: the 400 page (and its CSRF check) sees an
                # empty form.
                request._post, request._files = QueryDict(), MultiValueDict()
                raise BadRequest("Unsupported charset")
        return self.get_response(request)


def canonical_codec(charset):
    """Python's name of the codec `charset` names ("utf-8" for UTF8, utf_8...), or None."""
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def attachment(content, filename, content_type):
    """`content` as a download named `filename` (exports, calendar files, access files)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
