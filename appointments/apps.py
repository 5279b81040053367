from django.apps import AppConfig


def privacy_policy_retention():
    """The row of the permanences on the privacy policy (home.legal), from conf."""
    from home.legal import Retention, plural

    from .conf import conf

    return Retention(
        "Rendez-vous des permanences et demandes de créneau",
        f"Rendez-vous : {plural(conf.RETENTION_MONTHS, 'mois', 'mois')} après le rendez-vous ; "
        f"demandes de créneau : {plural(conf.WAITING_RETENTION_MONTHS, 'mois', 'mois')} après "
        "leur dernier changement ; puis anonymisés : seules restent des statistiques sans nom "
        "ni coordonnées",
        conf.setting_name("RETENTION_MONTHS"),
    )


class AppointmentsConfig(AppConfig):
    name = "appointments"
    verbose_name = "Permanences"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        self.register_waiting_list_jobs()

    def register_waiting_list_jobs(self):
        """The periodic expiry of the slots offered from the waiting list, and the
        nightly retention (also stated on the privacy policy)."""
        from home.legal import register_retention
        from relier_site.scheduling import register_daily_job

        from . import tasks  # noqa: F401  (registers the periodic task)
        from .services import anonymise_expired

        register_daily_job(anonymise_expired, name="appointments_retention")
        register_retention("appointments", privacy_policy_retention)
