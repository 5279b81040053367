from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes, partenaires et ressources"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.documents.models import document_served

        from home.search_results import register_search_source

        from .selectors import search_kits
        from .services import count_served_document

        # The site search lists the kits (with their download link) besides the pages.
        register_search_source(search_kits)

        # Every served document is counted per month: kit downloads and /documents/ links.
        document_served.connect(count_served_document, dispatch_uid="programmes-count-downloads")
