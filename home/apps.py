from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Pages et réglages du site"
    default_auto_field = "django.db.models.BigAutoField"
