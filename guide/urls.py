"""Public exports of the guide in data·inclusion format, for DORA and data·inclusion.

Included under /guide/export/ by the root URLconf (Wagtail's page URLs cannot contain a
dot, so these are plain Django views)."""

from django.urls import path

from . import views

app_name = "guide"
urlpatterns = [
    path("structures.json", views.export_json, {"kind": "structures"}, name="export_structures"),
    path("services.json", views.export_json, {"kind": "services"}, name="export_services"),
]
