"""The agenda's plain Django URLs, included under /agenda/ by the root URLconf before
Wagtail's pages (page URLs cannot contain a dot, and signed tokens contain colons).

A tokened address (`annulation/<token>/`, and the old `inscription/merci/<token>/`) only
lands: it answers 303 to the same address without the token (relier_site.signed_links)."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("calendrier.ics", views.agenda_feed, name="feed"),
    path("seances/<int:session_id>/agenda.ics", views.session_ics, name="session_ics"),
    path("inscription/<int:session_id>/", views.register, name="register"),
    path("inscription/merci/", views.thanks, name="thanks"),
    path("inscription/merci/<str:token>/", views.old_thanks_link, name="old_thanks_link"),
    path("annulation/", views.cancel_confirm, name="cancel_confirm"),
    path("annulation/faite/", views.cancel_done, name="cancel_done"),
    path("annulation/<str:token>/", views.cancel_link, name="cancel"),
    path("<slug:slug>/calendrier.ics", views.event_feed, name="event_feed"),
]
