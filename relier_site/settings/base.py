"""Settings shared by every environment. See README.md for the variables."""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from .env import env, env_bool, env_int

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "programmes",
    "guide",
    "referrals",
    "events",
    "appointments",
    "relier_site",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's search index uses PostgreSQL-specific lookups when DATABASE_URL points
    # to PostgreSQL (check postgres.E005 otherwise); harmless on SQLite.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "relier_site.http.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "relier_site.csp.AdminContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # 405 for unsupported methods, before the CSRF check would answer 403.
    "relier_site.http.AllowedMethodsMiddleware",
    # Only UTF-8 bodies: another charset gets the 400 page, before the CSRF check reads it.
    "relier_site.http.Utf8RequestMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "relier_site.otp.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes must be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "relier_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "relier_site.wsgi.application"

# SQLite with several processes (the site, the worker, an operator's command): every
# transaction takes the write lock when it starts (IMMEDIATE), so two writers queue up
# (up to SQLITE_TIMEOUT_SECONDS) instead of one failing with "database is locked" when a
# read transaction tries to write; WAL lets readers go on while someone writes.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": env_int("SQLITE_TIMEOUT_SECONDS", 20),
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database(default_url, **kwargs):
    """The database of DATABASE_URL (else `default_url`), SQLite with SQLITE_OPTIONS."""
    config = dj_database_url.parse(env("DATABASE_URL", default_url), **kwargs)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


# Database: SQLite at the repository root unless DATABASE_URL says otherwise.
DATABASES = {
    "default": database(
        f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=env_int("CONN_MAX_AGE", 0)
    )
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the site, the admin and the emails are in French.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]

# Static and media files.
# relier_site/static is found as an app's static folder (no STATICFILES_DIRS: listing
# it there too made collectstatic find every file twice).
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail.
WAGTAIL_SITE_NAME = "Les Centres Relier"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Public address applied to the default Site by `migrate` (relier_site.sites); production
# sets it to WAGTAILADMIN_BASE_URL. None: the Site is left as it is (dev, tests).
RELIER_PUBLIC_URL = None
# Documents are always served by Wagtail's view (privacy checks, download counter),
# never by a direct link into MEDIA_ROOT.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# French, accent-insensitive search on SQLite and PostgreSQL (see home/search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search", "SEARCH_CONFIG": "relier_french"}}
# The domain apps' settings (GUIDE_…, REFERRALS_…, EVENTS_…) and their environment
# variables are read next to each app, in <app>/conf.py (relier_site.app_settings).
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_USER_LOGIN_FORM = "relier_site.forms.StaffLoginForm"
# The visitor login (/_util/login/, for private pages and documents) without a `next`
# address on this site goes to the home page (Django's default, /accounts/profile/, is a
# 404 here). The admin login has its own default, the dashboard.
LOGIN_REDIRECT_URL = "/"
# Approving a review publishes without the publishing permission (relier_site.review).
WAGTAIL_FINISH_WORKFLOW_ACTION = "relier_site.workflow_actions.publish_approved"
# Avatars: no Gravatar (another host, refused by the admin's CSP); initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Password-reset emails go through the outbox, sent by the worker
# (relier_site.password_reset), at most PASSWORD_RESET_RATE_LIMIT requests per client
# address per hour.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "relier_site.password_reset.OutboxPasswordResetForm"  # noqa: S105 (not a password)
PASSWORD_RESET_RATE_LIMIT = env_int("PASSWORD_RESET_RATE_LIMIT", 5)
# Passwords of protected pages and collections (home.view_passwords): wrong passwords
# allowed per client address per restriction, and per restriction from every address, in
# a window of VIEW_PASSWORD_LOCKOUT_SECONDS; at the limit every password is refused until
# the window ends.
VIEW_PASSWORD_FAILURES_PER_ADDRESS = env_int("VIEW_PASSWORD_FAILURES_PER_ADDRESS", 5)
VIEW_PASSWORD_FAILURES_PER_RESTRICTION = env_int("VIEW_PASSWORD_FAILURES_PER_RESTRICTION", 50)
VIEW_PASSWORD_LOCKOUT_SECONDS = 3600

# Forms.
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Background tasks: Django's tasks API (and the django-tasks backport that Wagtail
# uses) both read this setting; `manage.py db_worker` runs the queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Email (Django 6.1 mailers). Dev prints mails in the console unless EMAIL_HOST is set;
# production always uses SMTP with the EMAIL_* variables.
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", "Les Centres Relier <ne-pas-repondre@centres-relier.fr>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL


def smtp_mailer():
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env("EMAIL_HOST", required=True),
            "port": env_int("EMAIL_PORT", 587),
            "username": env("EMAIL_HOST_USER", ""),
            "password": env("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            "timeout": 20,
        },
    }


MAILERS = {
    "default": smtp_mailer()
    if env("EMAIL_HOST")
    else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
}
# Text messages (relier_site.sms): the backend's dotted path. Dev prints them in the
# console; production sends none until a provider's backend is named (README).
SMS_BACKEND = env("SMS_BACKEND", "relier_site.sms.ConsoleBackend")
# Outbox retries: delay before attempt n+1 is OUTBOX_RETRY_BASE_SECONDS * 2**(n-1).
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 8)
OUTBOX_RETRY_BASE_SECONDS = env_int("OUTBOX_RETRY_BASE_SECONDS", 60)
# Outbox: total size of the attachments of one email (an .ics is under 2 KB).
OUTBOX_MAX_ATTACHMENTS_BYTES = env_int("OUTBOX_MAX_ATTACHMENTS_BYTES", 5 * 1024 * 1024)
# A row left "sending" longer than this (a worker died during the SMTP exchange) goes
# back to pending at the next sweep: six times the SMTP timeout (20 s).
OUTBOX_SENDING_TIMEOUT_SECONDS = env_int("OUTBOX_SENDING_TIMEOUT_SECONDS", 120)
# Outbox retention: sent mails are deleted after this many days; definitive failures
# that long after their last attempt. Read by the nightly maintenance task.
OUTBOX_RETENTION_DAYS = env_int("OUTBOX_RETENTION_DAYS", 90)
# Finished background-task results (they may hold tracebacks) are deleted after this.
TASK_RESULT_RETENTION_DAYS = env_int("TASK_RESULT_RETENTION_DAYS", 14)

# Content-Security-Policy (Django's built-in middleware): nothing from another host,
# no inline script; inline <script> blocks carry the per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "frame-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}
# The Wagtail admin (staff only, behind login) needs inline styles and scripts of its
# own; relier_site.csp relaxes the policy for /admin/ only.
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-ancestors": [CSP.SELF],
    "frame-src": [CSP.SELF],
}
# Wagtail previews (the public page rendered for the admin's preview panel): the public
# policy, but the admin on this origin may frame them.
PREVIEW_CSP = {**SECURE_CSP, "frame-ancestors": [CSP.SELF]}

# Django's defaults already give X-Content-Type-Options: nosniff, Referrer-Policy and
# Cross-Origin-Opener-Policy "same-origin", X-Frame-Options DENY (Wagtail previews use
# SAMEORIGIN) and an HttpOnly session cookie.
CSRF_COOKIE_HTTPONLY = True
# No cookie outlives the browser session (README « Pages légales et de confiance »): the
# CSRF cookie (pages with a form) and the session cookie (a sent form's confirmation, a
# page password, a staff login) carry no Expires/Max-Age. The server still ends a session
# SESSION_COOKIE_AGE (8 hours) after its last change; the nightly maintenance deletes it.
CSRF_COOKIE_AGE = None
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 8 * 60 * 60

# Two-factor login for the admin (django-otp). On in production; see relier_site.otp.
RELIER_REQUIRE_2FA = False
OTP_TOTP_ISSUER = "Les Centres Relier"

# Login throttling (django-axes): 5 failures lock the username+IP pair for one hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Keep no log of successful logins (IP addresses of staff); failed attempts are deleted
# by the nightly maintenance once their cool-off has passed
# (relier_site.scheduling.prune_login_attempts).
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"


def axes_client_address(proxy_count):
    """django-axes' django-ipware settings for ``proxy_count`` proxies in front of the site.

    Returns ``(AXES_IPWARE_PROXY_COUNT, AXES_IPWARE_META_PRECEDENCE_ORDER)``. Without a
    proxy, X-Forwarded-For is whatever the client sent: only REMOTE_ADDR counts. Behind
    proxies, the one next to the site is REMOTE_ADDR and each appends the address it
    received from to X-Forwarded-For, so the header ends with the client's address then
    the ``proxy_count - 1`` other proxies (django-ipware counts only those in the header).
    Entries further left were sent by the client and are ignored: lockout follows the
    real client address, which the client cannot choose.
    """
    if proxy_count <= 0:
        return None, ["REMOTE_ADDR"]
    return proxy_count - 1, ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]


AXES_IPWARE_PROXY_COUNT, AXES_IPWARE_META_PRECEDENCE_ORDER = axes_client_address(
    env_int("AXES_PROXY_COUNT", 0)
)
# Accept a header with more entries than proxies (a client may send its own
# X-Forwarded-For, which the proxy extends); the position from the right decides.
IPWARE_STRICT = False
AXES_USERNAME_CALLABLE = "relier_site.text.login_username"

# Logging: never log request bodies; errors go to stderr (and Sentry when on).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # One handler for Django's loggers (its default config would print them twice).
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# Sentry: enabled only when SENTRY_DSN is set (see relier_site.sentry).
SENTRY_DSN = env("SENTRY_DSN")
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", "production")
AXES_VERBOSE = False
