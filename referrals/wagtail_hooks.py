"""Admin of the requests: the « Demandes » menu (inbox, statistics, routing rules), the
dashboard panel and the URLs of the staff actions. Views: referrals/admin_views.py."""

from django.urls import include, path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from relier_site.menu import PermissionMenuItem
from relier_site.views import ForbiddenViewSetMixin

from . import admin_views
from .admin_forms import ReferralFilterSet
from .models import Referral, RoutingRule, Status


class ReferralViewSet(ModelViewSet):
    """The inbox. No add, edit, copy or delete views: requests come from the public
    forms and change only through the actions of the detail page."""

    model = Referral
    icon = "clipboard-list"
    menu_label = "Boîte de réception"
    index_view_class = admin_views.ReferralIndexView
    filterset_class = ReferralFilterSet
    search_fields = [
        "reference",
        "first_name",
        "email",
        "phone",
        "referrer_name",
        "referrer_email",
        "organisation_name",
    ]
    ordering = ["-urgent", "created_at"]
    list_export = ["reference"]  # shows the CSV/XLSX buttons; columns: exports.INBOX_COLUMNS
    copy_view_enabled = False
    add_to_reference_index = False

    @property
    def url_finder_class(self):
        # Wagtail's « edit » link of a request (admin URL finder) is its detail page.
        return type(
            "ReferralAdminURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", admin_views.detail, name="inspect"),
            path("<int:pk>/historique/", admin_views.history, name="history"),
            path("<int:pk>/attribuer/", admin_views.assign, name="assign"),
            path("<int:pk>/statut/", admin_views.change_status, name="status"),
            path("<int:pk>/note/", admin_views.add_note, name="note"),
            path("<int:pk>/donnees/", admin_views.access_export, name="access_export"),
            path("<int:pk>/effacer/", admin_views.erase, name="erase"),
        ]


class RoutingRuleViewSet(ForbiddenViewSetMixin, ModelViewSet):
    """Who is notified of which request (Administration edits; Accompagnement reads)."""

    model = RoutingRule
    icon = "mail"
    menu_label = "Règles d'acheminement"
    list_display = ["__str__", "group", "emails", "active"]
    list_filter = ["kind", "programme", "active"]
    form_fields = ["kind", "programme", "departements", "group", "emails", "active"]
    copy_view_enabled = False
    inspect_view_enabled = True
    # Staff without the permission get a real 403 page, not a redirect to the dashboard
    # (ForbiddenViewSetMixin, as for the guide).


class ReferralsGroup(ViewSetGroup):
    menu_label = "Demandes"
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (
        ReferralViewSet("referrals_referral", url_prefix="demandes/recues"),
        RoutingRuleViewSet("referrals_routingrule", url_prefix="demandes/acheminement"),
    )

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            PermissionMenuItem(
                "Statistiques",
                reverse("referrals_admin:statistics"),
                icon_name="table",
                order=300,
                permission=admin_views.VIEW,
            ),
        ]


@hooks.register("register_admin_viewset")
def register_referrals_group():
    return ReferralsGroup()


@hooks.register("register_admin_urls")
def referrals_admin_urls():
    return [
        path(
            "demandes/",
            include(
                (
                    [
                        path("statistiques/", admin_views.statistics_view, name="statistics"),
                        path(
                            "statistiques/csv/", admin_views.statistics_csv, name="statistics_csv"
                        ),
                    ],
                    "referrals_admin",
                ),
                namespace="referrals_admin",
            ),
        )
    ]


class ReferralsPanel(Component):
    """Dashboard: new, urgent and overdue requests, for staff who handle them."""

    name = "referrals"
    order = 50
    template_name = "referrals/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        index = reverse("referrals_referral:index")
        requests = Referral.objects.all()
        return {
            "counts": [
                (
                    "Nouvelles",
                    requests.filter(status=Status.NEW).count(),
                    f"{index}?status=nouvelle",
                ),
                (
                    "Urgentes en cours",
                    requests.open().filter(urgent=True).count(),
                    f"{index}?urgent=1",
                ),
                ("En retard", requests.overdue(timezone.localdate()).count(), f"{index}?overdue=1"),
            ],
            "index_url": index,
        }


@hooks.register("construct_homepage_panels")
def add_referrals_panel(request, panels):
    if request.user.has_perm(admin_views.VIEW):
        panels.append(ReferralsPanel())
