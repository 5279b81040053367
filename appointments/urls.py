"""The permanences' plain Django URLs, included under /permanences/ by the root URLconf
(before Wagtail's pages: page URLs cannot contain a dot)."""

from django.urls import path

from . import feed_views

app_name = "appointments"
urlpatterns = []

# --- The staff side: the psychologist's private calendar feed (webcal://) -----------------
feed_urls = [
    path("agenda/<slug:token>.ics", feed_views.psychologist_feed, name="psychologist_feed"),
]
urlpatterns += feed_urls
