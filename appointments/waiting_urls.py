"""The waiting list's public URLs, under /permanences/ (included in the app's URLconf
as `waiting_urlpatterns`; until then this module is included on its own, with the
namespace « appointments »).

A tokened address (`attente/<token>/`) only lands: it answers 303 to the same page
without the token (relier_site.signed_links)."""

from django.urls import path

from . import waiting_views

app_name = "appointments"
waiting_urlpatterns = [
    path("<int:type_id>/attente/", waiting_views.waiting_request, name="waiting_request"),
    path("attente/merci/", waiting_views.waiting_thanks, name="waiting_thanks"),
    path("attente/ma-demande/", waiting_views.waiting_page, name="waiting_page"),
    path("attente/<str:token>/", waiting_views.waiting_link, name="waiting"),
]
urlpatterns = waiting_urlpatterns
