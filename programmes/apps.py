from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes, partenaires et ressources"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.documents.models import document_served

        from .models import DocumentDownloadCount

        # Every served document is counted per month: kit downloads and /documents/ links.
        document_served.connect(
            DocumentDownloadCount.record_served, dispatch_uid="programmes-count-downloads"
        )
