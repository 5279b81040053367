from django.apps import AppConfig


class RelierSiteConfig(AppConfig):
    name = "relier_site"
    verbose_name = "Plateforme du site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (  # noqa: F401
            sites,  # the public address applied to the default Site after migrate
            tasks,  # outbox tasks, periodic scheduling
        )
        from .mail import checks  # noqa: F401  (the "mail" system check)
