from django.apps import AppConfig

# The key of the section in the page bodies that show it: never change it.
FRANCE_TRAVAIL_DATES = "events.france_travail_dates"


def privacy_policy_retention():
    """The row of the registrations on the privacy policy (home.legal), from conf."""
    from home.legal import Retention, plural

    from .conf import conf

    return Retention(
        "Inscriptions aux groupes, séances, ateliers et webinaires",
        f"{plural(conf.RETENTION_MONTHS, 'mois', 'mois')} après la séance, puis anonymisées : "
        "seules restent des statistiques sans nom ni coordonnées",
        conf.setting_name("RETENTION_MONTHS"),
    )


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
        # Placed by the home page itself ({% app_section %}), not offered to editors.
        register_app_section(
            "events.home_next_dates",
            "Prochains rendez-vous de l'agenda",
            "events/includes/home_next_dates.html",
            offered=False,
        )

    def register_staff_jobs(self):
        """Staff side: the nightly staff digest and the registrations' retention (also
        stated on the privacy policy)."""
        from home.legal import register_retention
        from relier_site.scheduling import register_daily_job

        from .services import anonymise_expired, send_staff_digests

        register_daily_job(send_staff_digests, name="events_staff_digest")
        register_daily_job(anonymise_expired, name="events_registration_retention")
        register_retention("events", privacy_policy_retention)
