from .base import *  # noqa: F403
from .env import env, env_list

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "django-insecure-dev-only-not-for-production")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

from relier_site.sentry import init_sentry  # noqa: E402

init_sentry(SENTRY_DSN, environment="dev")  # noqa: F405

# The worker logs every task it runs ("Task id=… state=RUNNING", hundreds of English lines
# while the demo is indexed): in the console, its warnings and errors only. A handler
# level, because `manage.py db_worker` resets its loggers' levels to INFO. The site's own
# INFO lines (requests, home, programmes, relier_site) are kept. WORKER_LOG_LEVEL=INFO
# shows every task again.
WORKER_LOG_LEVEL = env("WORKER_LOG_LEVEL", "WARNING")
LOGGING = {
    **LOGGING,  # noqa: F405
    "handlers": {
        **LOGGING["handlers"],  # noqa: F405
        "worker_console": {"class": "logging.StreamHandler", "level": WORKER_LOG_LEVEL},
    },
    "loggers": {
        **LOGGING["loggers"],  # noqa: F405
        **{
            name: {"handlers": ["worker_console"], "level": WORKER_LOG_LEVEL, "propagate": False}
            for name in ("django.tasks", "django_tasks", "django_tasks_db")
        },
    },
}
