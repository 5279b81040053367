from django.db.models import Sum
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Kit, Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partenaires"
    list_display = ["name", "kind", "url"]
    list_filter = ["kind"]
    search_fields = ["name"]


class DownloadsColumn(Column):
    def get_value(self, instance):
        return instance.total_downloads or 0


class KitViewSet(SnippetViewSet):
    model = Kit
    icon = "doc-full"
    menu_label = "Kits et ressources"
    list_display = [
        "title",
        "format",
        "programme",
        DownloadsColumn("total_downloads", label="Téléchargements"),
    ]
    list_filter = ["format", "audiences", "school_levels"]
    search_fields = ["title", "summary"]

    def get_queryset(self, request):
        return (
            Kit.objects.select_related("programme")
            .annotate(total_downloads=Sum("document__downloadcounts__count"))
            .order_by("title")
        )


class ProgrammesGroup(SnippetViewSetGroup):
    menu_label = "Programmes"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (PartnerViewSet, KitViewSet)


register_snippet(ProgrammesGroup)
