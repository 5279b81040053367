"""Password reset of the Wagtail admin, through the outbox and rate limited.

- `OutboxPasswordResetForm` (setting WAGTAILADMIN_USER_PASSWORD_RESET_FORM): the request
  only looks the address up and enqueues the `send_password_reset_emails` task with the
  matching account ids (often none); the worker renders ``emails/password_reset`` and the
  outbox sends it, with retries. The request does the same work whether or not the
  address has an account, and never waits for the SMTP server.
- `password_reset_view`: Wagtail's view, limited to PASSWORD_RESET_RATE_LIMIT requests
  (POST) per client IP address per hour (relier_site.ratelimit, in the database).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from .links import absolute_url
from .mail.outbox import send_templated_mail
from .ratelimit import ratelimit

RATE_LIMIT_WINDOW = 3600  # seconds


class OutboxPasswordResetForm(PasswordResetForm):
    def save(self, **kwargs):
        """Enqueue the reset emails (sent by the worker); Django's form would send them
        here, in the request."""
        from .tasks import send_password_reset_emails

        user_ids = [user.pk for user in self.get_users(self.cleaned_data["email"])]
        transaction.on_commit(lambda: send_password_reset_emails.enqueue(user_ids))


def reset_url(user):
    """The absolute link of the reset page of `user` (WAGTAILADMIN_BASE_URL, never the
    Host header of the request)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=(uid, token))
    return absolute_url(path)


def send_reset_emails(user_ids):
    """Queue one reset email per active account with a usable password. Returns how
    many were queued."""
    users = get_user_model()._default_manager.filter(pk__in=user_ids, is_active=True)
    queued = 0
    for user in users:
        if not user.has_usable_password() or not user.email:
            continue
        send_templated_mail(
            "emails/password_reset",
            {"username": user.get_username(), "reset_url": reset_url(user)},
            [user.email],
            about=user,
        )
        queued += 1
    return queued


def password_reset_limit():
    return getattr(settings, "PASSWORD_RESET_RATE_LIMIT", 5)


def password_reset_view(request, *args, **kwargs):
    limited = ratelimit("admin-password-reset", password_reset_limit(), RATE_LIMIT_WINDOW)
    return limited(PasswordResetView.as_view())(request, *args, **kwargs)
