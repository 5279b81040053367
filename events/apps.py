from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Agenda et inscriptions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The sessions' editor (series in one step, move or cancel one date). Snippet
        # registration is deferred by Wagtail until its own apps are ready.
        from . import editing  # noqa: F401
