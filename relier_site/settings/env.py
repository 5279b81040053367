"""Reading configuration from environment variables, with clear start-up errors."""

import os

from django.core.exceptions import ImproperlyConfigured


def env(name, default=None, *, required=False):
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(
                f"La variable d'environnement {name} est obligatoire "
                f"(missing required environment variable {name}); see README.md."
            )
        return default
    return value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_list(name, default=None, *, required=False):
    value = env(name, required=required)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name, default=None, *, required=False):
    value = env(name, required=required)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}.") from exc
