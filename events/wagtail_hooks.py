"""The staff side of the agenda in Wagtail's admin.

- Menu « Inscriptions » (a viewset; shown to staff holding `events.view_registration`:
  Accompagnement and Administration): the sessions with their counts, each session's
  registrations, waiting list and attendance, its CSV/XLSX export, the attendance
  statistics (also under « Rapports »).
- A dashboard panel on the admin home page, for the same staff only: the sessions of
  the next 7 days, their registrations and waiting lists.

Communication sees none of it (the sessions themselves are edited in « Séances »).
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSet

from relier_site.menu import PermissionMenuItem

from . import admin_views, staff_selectors


class RegistrationsViewSet(ViewSet):
    name = "events_staff"
    url_prefix = "agenda/inscriptions"
    icon = "group"
    menu_label = "Inscriptions"
    menu_name = "inscriptions"
    menu_order = 270
    add_to_admin_menu = True

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            permission=admin_views.VIEW_PERMISSION,
        )

    def get_urlpatterns(self):
        return [
            path("", admin_views.session_index, name="index"),
            path("seance/<int:pk>/", admin_views.session_registrations, name="session"),
            path(
                "seance/<int:pk>/export/<str:file_format>/",
                admin_views.session_export,
                name="export",
            ),
            path("statistiques/", admin_views.statistics, name="statistics"),
        ]


@hooks.register("register_admin_viewset")
def register_registrations_viewset():
    return RegistrationsViewSet()


@hooks.register("register_reports_menu_item")
def statistics_report_menu_item():
    return PermissionMenuItem(
        "Agenda : statistiques de présence",
        reverse("events_staff:statistics"),
        icon_name="table",
        order=1100,
        permission=admin_views.VIEW_PERMISSION,
    )


class UpcomingSessionsPanel(Component):
    name = "events_upcoming_sessions"
    template_name = "events/admin/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(staff_selectors.dashboard())
        return context


@hooks.register("construct_homepage_panels")
def add_upcoming_sessions_panel(request, panels):
    if request.user.has_perm(admin_views.VIEW_PERMISSION):
        panels.append(UpcomingSessionsPanel())
