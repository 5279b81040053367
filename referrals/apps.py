from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "referrals"
    label = "referrals"
    verbose_name = "Demandes d'orientation et de contact"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from relier_site.scheduling import register_daily_job

        from .services import anonymise_expired, send_reminders

        register_daily_job(anonymise_expired, name="referral_retention")
        register_daily_job(send_reminders, name="referral_reminders")
