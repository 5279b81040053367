from django.apps import AppConfig


def privacy_policy_retention():
    """The row of the referrals on the privacy policy (home.legal), from conf."""
    from home.legal import Retention, plural

    from .conf import conf

    return Retention(
        "Demandes d'orientation envoyées par des professionnels, demandes de contact et "
        "demandes d'intervention",
        f"{plural(conf.RETENTION_MONTHS, 'mois', 'mois')} après le dernier échange, puis "
        "anonymisées : seules restent des statistiques sans nom ni coordonnées",
        conf.setting_name("RETENTION_MONTHS"),
    )


class ReferralsConfig(AppConfig):
    name = "referrals"
    label = "referrals"
    verbose_name = "Demandes d'orientation et de contact"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.legal import register_retention
        from relier_site.scheduling import register_daily_job

        from .services import anonymise_expired, send_reminders

        register_daily_job(anonymise_expired, name="referral_retention")
        register_daily_job(send_reminders, name="referral_reminders")
        register_retention("referrals", privacy_policy_retention)
