from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "appointments"
    verbose_name = "Permanences"
    default_auto_field = "django.db.models.BigAutoField"
