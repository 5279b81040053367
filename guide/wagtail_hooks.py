from django.urls import path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from relier_site.menu import PermissionMenuItem
from relier_site.views import ForbiddenViewSetMixin

from . import admin_views
from .models import Structure


class StructureChooserViewSet(ForbiddenViewSetMixin, SnippetChooserViewSet):
    pass


class StructureViewSet(ForbiddenViewSetMixin, SnippetViewSet):
    """Staff without a right on the guide get the 403 page on every URL of it."""

    model = Structure
    chooser_viewset_class = StructureChooserViewSet
    icon = "site"
    menu_label = "Structures"
    list_display = ["name", "scope", "last_verified", "live"]
    list_filter = ["scope", "themes", "is_example", "live"]
    search_fields = ["name", "description", "commune"]
    ordering = ["name"]


class GuideGroup(SnippetViewSetGroup):
    menu_label = "Guide"
    menu_icon = "site"
    menu_order = 260
    items = (StructureViewSet,)

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            PermissionMenuItem(
                "Importer ou exporter",
                reverse("guide_admin:import"),
                icon_name="upload",
                order=200,
                permission=admin_views.IMPORT_PERMISSION,
            ),
            PermissionMenuItem(
                "Fiches à vérifier",
                reverse("guide_admin:freshness"),
                icon_name="time",
                order=300,
                permission="guide.change_structure",
            ),
        ]


register_snippet(GuideGroup)


@hooks.register("register_admin_urls")
def guide_admin_urls():
    from django.urls import include

    return [
        path(
            "guide/",
            include(
                (
                    [
                        path("importer/", admin_views.import_view, name="import"),
                        path(
                            "exporter/<str:file_format>/",
                            admin_views.export_view,
                            name="export",
                        ),
                        path("a-verifier/", admin_views.freshness_report, name="freshness"),
                    ],
                    "guide_admin",
                ),
                namespace="guide_admin",
            ),
        )
    ]


@hooks.register("register_reports_menu_item")
def freshness_report_menu_item():
    return PermissionMenuItem(
        "Guide : fiches à vérifier",
        reverse("guide_admin:freshness"),
        icon_name="time",
        order=1000,
        permission="guide.change_structure",
    )
