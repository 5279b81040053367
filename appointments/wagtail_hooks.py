"""The permanences in the admin menu « Permanences » (Accompagnement and Administration;
anyone else gets the French 403 page on every URL of the app, relier_site.views):

- the offer, as snippets: types of permanence, the psychologists' weekly opening ranges
  (a range in La Réunion is listed « (heure de La Réunion) »), their absences;
- « Agenda des permanences » (a day, a week; one appointment with its history, its
  cancellation by the team and its outcome), « Mon agenda dans mon calendrier » (the
  private webcal:// link) and the statistics (also under « Rapports »).
Views: appointments/admin_views.py."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.utils.urlpatterns import decorate_urlpatterns

from relier_site.menu import PermissionMenuItem
from relier_site.views import ForbiddenViewSetMixin, staff_permission_required

from . import admin_views
from .models import Absence, AppointmentType, OpeningRange


class OfferChooserViewSet(SnippetChooserViewSet):
    """Wagtail's chooser of a snippet is open to every staff member; the offer's is not:
    without the right to see the model, the 403 page."""

    def get_urlpatterns(self):
        permission = f"{self.model._meta.app_label}.view_{self.model._meta.model_name}"
        decorator = staff_permission_required(permission, personal_data=False)
        return decorate_urlpatterns(super().get_urlpatterns(), decorator)


class OfferViewSet(ForbiddenViewSetMixin, SnippetViewSet):
    chooser_viewset_class = OfferChooserViewSet


class AppointmentTypeViewSet(OfferViewSet):
    model = AppointmentType
    icon = "list-ul"
    menu_label = "Types de permanence"
    list_display = ["name", "audience", "mode", "duration", "is_active"]
    list_filter = ["audience", "mode", "is_active"]


class OpeningRangeViewSet(OfferViewSet):
    model = OpeningRange
    icon = "time"
    menu_label = "Plages horaires"
    list_display = ["__str__", "psychologist", "valid_from", "valid_until", "daily_cap"]
    list_filter = ["psychologist", "weekday", "timezone"]


class AbsenceViewSet(OfferViewSet):
    model = Absence
    icon = "date"
    menu_label = "Absences"
    list_display = ["__str__", "psychologist"]
    list_filter = ["psychologist"]


class PermanencesGroup(SnippetViewSetGroup):
    menu_label = "Permanences"
    menu_icon = "calendar-alt"
    menu_order = 270
    items = (AppointmentTypeViewSet, OpeningRangeViewSet, AbsenceViewSet)

    def get_submenu_items(self):
        staff_items = [
            ("Agenda des permanences", "appointments_staff:day", "calendar-alt"),
            ("Mon agenda dans mon calendrier", "appointments_staff:feed", "link"),
            ("Statistiques", "appointments_staff:statistics", "table"),
        ]
        return [
            *(
                PermissionMenuItem(
                    label,
                    reverse(url_name),
                    icon_name=icon,
                    order=order,
                    permission=admin_views.VIEW_PERMISSION,
                )
                for order, (label, url_name, icon) in enumerate(staff_items)
            ),
            *super().get_submenu_items(),
        ]


register_snippet(PermanencesGroup)


@hooks.register("register_admin_urls")
def appointments_admin_urls():
    views = admin_views
    return [
        path(
            "permanences/",
            include(
                (
                    [
                        path("agenda/", views.agenda_day, name="day"),
                        path("agenda/semaine/", views.agenda_week, name="week"),
                        path("agenda/sans-suite/", views.awaiting_outcome, name="awaiting"),
                        path("rendez-vous/<int:pk>/", views.appointment_detail, name="appointment"),
                        path("rendez-vous/<int:pk>/annuler/", views.cancel, name="cancel"),
                        path("rendez-vous/<int:pk>/suite/", views.record_outcome, name="outcome"),
                        path(
                            "rendez-vous/<int:pk>/donnees/",
                            views.access_export,
                            name="access_export",
                        ),
                        path("rendez-vous/<int:pk>/effacer/", views.erase, name="erase"),
                        path("mon-agenda/", views.my_feed, name="feed"),
                        path("statistiques/", views.statistics_view, name="statistics"),
                    ],
                    "appointments_staff",
                ),
                namespace="appointments_staff",
            ),
        )
    ]


@hooks.register("register_reports_menu_item")
def statistics_report_menu_item():
    return PermissionMenuItem(
        "Permanences : statistiques",
        reverse("appointments_staff:statistics"),
        icon_name="table",
        order=1200,
        permission=admin_views.VIEW_PERMISSION,
    )
