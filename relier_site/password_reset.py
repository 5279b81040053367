"""Password reset of the Wagtail admin, through the outbox and rate limited.

- `OutboxPasswordResetForm` (setting WAGTAILADMIN_USER_PASSWORD_RESET_FORM): the request
  only looks the address up and enqueues the `send_password_reset_emails` task with the
  matching account ids (often none); the worker renders ``emails/password_reset``
  (relier_site.password_reset_emails) and the outbox sends it, with retries. The request
  does the same work whether or not the address has an account, and never waits for the
  SMTP server.
- `password_reset_view`: Wagtail's view, limited to PASSWORD_RESET_RATE_LIMIT requests
  (POST) per client IP address per hour (relier_site.ratelimit, in the database).
"""

from django.conf import settings
from django.db import transaction
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from .ratelimit import ratelimit
from .tasks import send_password_reset_emails

RATE_LIMIT_WINDOW = 3600  # seconds


class OutboxPasswordResetForm(PasswordResetForm):
    def save(self, **kwargs):
        """Enqueue the reset emails (sent by the worker); Django's form would send them
        here, in the request."""
        user_ids = [user.pk for user in self.get_users(self.cleaned_data["email"])]
        transaction.on_commit(lambda: send_password_reset_emails.enqueue(user_ids))


def password_reset_limit():
    return getattr(settings, "PASSWORD_RESET_RATE_LIMIT", 5)


def password_reset_view(request, *args, **kwargs):
    limited = ratelimit("admin-password-reset", password_reset_limit(), RATE_LIMIT_WINDOW)
    return limited(PasswordResetView.as_view())(request, *args, **kwargs)
