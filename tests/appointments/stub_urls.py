"""The site's URLs plus stand-ins for the appointments' signed-link pages, for the tests
of the messages until the public pages (the URL conf of the app) exist: the emails build
their links with `reverse("appointments:manage")`. tests/appointments/conftest.py uses
this only when that name does not resolve; delete both once the app has its own URLs."""

from django.http import HttpResponse
from django.urls import include, path

from relier_site.urls import urlpatterns as site_urlpatterns


def stand_in(request, token):
    return HttpResponse("")


appointment_patterns = [
    path("permanences/gerer/<str:token>/", stand_in, name="manage"),
    path("permanences/attente/<str:token>/", stand_in, name="waiting"),
]

urlpatterns = [path("", include((appointment_patterns, "appointments"))), *site_urlpatterns]
