from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "referrals"
    label = "referrals"
    verbose_name = "Demandes d'orientation et de contact"
    default_auto_field = "django.db.models.BigAutoField"
