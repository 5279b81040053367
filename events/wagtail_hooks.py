"""The staff side of the agenda in Wagtail's admin.

- Menu « Inscriptions » (a viewset; shown to staff holding `events.view_registration`:
  Accompagnement and Administration): the sessions with their counts, each session's
  registrations, waiting list and attendance, its CSV/XLSX export, the attendance
  statistics (also under « Rapports »).
- A dashboard panel on the admin home page, for the same staff only: the sessions of
  the next 7 days, their registrations and waiting lists.

Communication sees none of it (the sessions themselves are edited in « Séances »).

- Deleting: a session with registrations is never deleted (Registration.session is
  PROTECT). The hooks below answer every delete view of Wagtail in its place: the
  session delete view and bulk delete (« Séances »), the page delete view and the pages'
  bulk delete. See admin_views.delete_sessions and services.withdraw_sessions.
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Page

from relier_site.menu import PermissionMenuItem

from . import admin_views, staff_selectors
from .models import EventPage, Session


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


# --- Deleting sessions and event pages ------------------------------------------------


@hooks.register("before_delete_snippet")
def delete_sessions_with_registrations(request, instances):
    """The session delete view and the sessions' bulk delete (GET and POST)."""
    sessions = [obj for obj in instances if isinstance(obj, Session)]
    if not sessions or not staff_selectors.withdrawal_plan(sessions).holds_registrations:
        return None
    back_url = get_valid_next_url_from_request(request) or reverse(
        "wagtailsnippets_events_session:list"
    )
    return admin_views.delete_sessions(request, sessions, back_url=back_url)


@hooks.register("before_delete_page")
def delete_event_page_with_registrations(request, page):
    """The page delete view (GET and POST) of an event page with registrations, or of a
    page above such event pages."""
    events = staff_selectors.event_pages_with_registrations([page])
    if not events:
        return None
    back_url = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_explore", args=[page.get_parent().pk]
    )
    if isinstance(page.specific, EventPage):
        return admin_views.delete_event_page(request, page.specific, back_url=back_url)
    return admin_views.refuse_page_deletion(request, [page], events, back_url=back_url)


@hooks.register("before_bulk_action")
def bulk_delete_pages_with_registrations(request, action_type, objects, action):
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    return admin_views.bulk_delete_pages(request, objects, action)
