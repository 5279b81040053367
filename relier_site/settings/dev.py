from .base import *  # noqa: F403
from .env import env, env_list

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "django-insecure-dev-only-not-for-production")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

from relier_site.sentry import init_sentry  # noqa: E402

init_sentry(SENTRY_DSN, environment="dev")  # noqa: F405
