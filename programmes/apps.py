from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes, partenaires et ressources"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.documents.models import document_served

        from home.app_sections import register_app_section
        from home.search_results import register_search_source

        from .selectors import search_kits
        from .services import count_served_document

        # The site search lists the kits (with their download link) besides the pages.
        register_search_source(search_kits)

        # The programmes and the partners of the home page, placed by its template
        # ({% app_section %}), not offered to editors.
        register_app_section(
            "programmes.home_programmes",
            "Nos programmes",
            "programmes/includes/home_programmes.html",
            offered=False,
        )
        register_app_section(
            "programmes.home_partners",
            "Nos partenaires",
            "programmes/includes/home_partners.html",
            offered=False,
        )

        # Every served document is counted per month: kit downloads and /documents/ links.
        document_served.connect(count_served_document, dispatch_uid="programmes-count-downloads")
