from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Agenda et inscriptions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The sessions' editor (series in one step, move or cancel one date). Snippet
        # registration is deferred by Wagtail until its own apps are ready.
        from . import editing  # noqa: F401

        self.register_staff_jobs()

    def register_staff_jobs(self):
        """Staff side: the nightly staff digest and the registrations' retention."""
        from relier_site.scheduling import register_daily_job

        from .digest import send_staff_digests
        from .retention import anonymise_registrations

        register_daily_job(send_staff_digests, name="events_staff_digest")
        register_daily_job(anonymise_registrations, name="events_registration_retention")
