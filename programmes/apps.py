from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes, partenaires et ressources"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.documents.models import document_served

        from .services import count_served_document

        # Every served document is counted per month: kit downloads and /documents/ links.
        document_served.connect(count_served_document, dispatch_uid="programmes-count-downloads")
