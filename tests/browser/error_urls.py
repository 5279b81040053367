"""The site's URLs plus test-only views that end in the error pages."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.views.csrf import csrf_failure

from relier_site import ratelimit
from relier_site.urls import handler500
from relier_site.urls import urlpatterns as site_urlpatterns


def server_error_view(request):
    raise RuntimeError("Erreur volontaire pour tester la page 500")


def permission_denied_view(request):
    raise PermissionDenied


def csrf_failure_view(request):
    return csrf_failure(request, reason="test")


def rate_limited_view(request):
    return ratelimit.refused(request, 3600)


urlpatterns = [
    path("test-erreur/500/", server_error_view),
    path("test-erreur/403/", permission_denied_view),
    path("test-erreur/csrf/", csrf_failure_view),
    path("test-erreur/429/", rate_limited_view),
    *site_urlpatterns,
]

__all__ = ["handler500", "urlpatterns"]
