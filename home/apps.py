from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Pages et réglages du site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from relier_site.mail.rendering import register_mail_context_provider

        from .emails import site_mail_context

        register_mail_context_provider(site_mail_context)
