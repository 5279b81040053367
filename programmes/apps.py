from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes, partenaires et ressources"
    default_auto_field = "django.db.models.BigAutoField"
