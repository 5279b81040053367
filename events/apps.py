from django.apps import AppConfig

# The key of the section in the page bodies that show it: never change it.
FRANCE_TRAVAIL_DATES = "events.france_travail_dates"


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Agenda et inscriptions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The sessions' editor (series in one step, move or cancel one date). Snippet
        # registration is deferred by Wagtail until its own apps are ready.
        from . import editing  # noqa: F401

        self.register_page_sections()
        self.register_staff_jobs()

    def register_page_sections(self):
        """The sections editors place in a page body (« Section fournie par une
        application »)."""
        from home.app_sections import register_app_section

        register_app_section(
            FRANCE_TRAVAIL_DATES,
            "Prochaines dates France Travail",
            "events/includes/france_travail_dates.html",
        )

    def register_staff_jobs(self):
        """Staff side: the nightly staff digest and the registrations' retention."""
        from relier_site.scheduling import register_daily_job

        from .services import anonymise_expired, send_staff_digests

        register_daily_job(send_staff_digests, name="events_staff_digest")
        register_daily_job(anonymise_expired, name="events_registration_retention")
