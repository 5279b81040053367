"""The agenda's plain Django URLs, included under /agenda/ by the root URLconf before
Wagtail's pages (page URLs cannot contain a dot, and signed tokens contain colons)."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("calendrier.ics", views.agenda_feed, name="feed"),
    path("seances/<int:session_id>/agenda.ics", views.session_ics, name="session_ics"),
    path("inscription/<int:session_id>/", views.register, name="register"),
    path("inscription/merci/<str:token>/", views.thanks, name="thanks"),
    path("annulation/<str:token>/", views.cancel, name="cancel"),
    path("<slug:slug>/calendrier.ics", views.event_feed, name="event_feed"),
]
