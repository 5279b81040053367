"""Production settings: every secret and host comes from the environment.

A missing required variable stops start-up with a message naming it.
"""

from .base import *  # noqa: F403
from .env import env, env_bool, env_int, env_list

DEBUG = False
SECRET_KEY = env("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", required=True)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", required=True)
env("DATABASE_URL", required=True)  # parsed in base; production never falls back to SQLite

MAILERS = {"default": smtp_mailer()}  # noqa: F405  (EMAIL_HOST is required here)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", required=True)
# Never the console in production (it would print numbers): no SMS until a provider is set.
SMS_BACKEND = env("SMS_BACKEND", "relier_site.sms.DisabledBackend")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", required=True)
RELIER_PUBLIC_URL = WAGTAILADMIN_BASE_URL  # applied to the default Site by `migrate`
STATIC_ROOT = env("STATIC_ROOT", required=True)
MEDIA_ROOT = env("MEDIA_ROOT", required=True)

STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 63072000  # two years
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

RELIER_REQUIRE_2FA = env_bool("RELIER_REQUIRE_2FA", True)
AXES_IPWARE_PROXY_COUNT, AXES_IPWARE_META_PRECEDENCE_ORDER = axes_client_address(  # noqa: F405
    env_int("AXES_PROXY_COUNT", 1)
)

from relier_site.sentry import init_sentry  # noqa: E402

init_sentry(SENTRY_DSN, environment=SENTRY_ENVIRONMENT)  # noqa: F405
