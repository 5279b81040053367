from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "guide"
    verbose_name = "Guide « Maux d'enfants, mode d'emploi »"
    default_auto_field = "django.db.models.BigAutoField"
