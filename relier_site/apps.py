from django.apps import AppConfig


class RelierSiteConfig(AppConfig):
    name = "relier_site"
    verbose_name = "Plateforme du site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import tasks  # noqa: F401  (mail check, outbox tasks, periodic scheduling)
