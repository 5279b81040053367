"""The admin password-reset emails, queued by the `send_password_reset_emails` task
(relier_site.tasks) for the accounts that relier_site.password_reset's form found."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .links import absolute_url
from .mail.outbox import send_templated_mail


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
