"""Production settings refuse to start without their required variables."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.one_database

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "www.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://www.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "EMAIL_HOST": "smtp.example.org",
    "DEFAULT_FROM_EMAIL": "site@example.org",
    "WAGTAILADMIN_BASE_URL": "https://www.example.org",
    "STATIC_ROOT": "/tmp/relier-static",
    "MEDIA_ROOT": "/tmp/relier-media",
}


def run_check(env):
    base = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    base["DJANGO_SETTINGS_MODULE"] = "relier_site.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def shell_output(code, settings_module, env):
    """The words of the last line `code` prints under `manage.py shell` with `env`."""
    base = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": settings_module, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1].split()


def test_production_settings_start_with_every_required_variable():
    result = run_check(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_a_missing_required_variable_stops_start_up_and_is_named(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_check(env)
    assert result.returncode != 0
    assert f"La variable d'environnement {missing} est obligatoire" in result.stderr


def test_production_cookies_end_with_the_browser_session():
    """No Expires/Max-Age on the production cookies (tests/test_visitor_cookies.py walks
    the site with these names); the server forgets a session after 8 hours."""
    code = (
        "from django.conf import settings as s; print(s.CSRF_COOKIE_NAME, s.CSRF_COOKIE_AGE,"
        " s.SESSION_COOKIE_NAME, s.SESSION_EXPIRE_AT_BROWSER_CLOSE, s.SESSION_COOKIE_AGE)"
    )
    assert shell_output(code, "relier_site.settings.production", PRODUCTION_ENV) == [
        "__Host-csrftoken",
        "None",
        "__Host-sessionid",
        "True",
        "28800",
    ]


def test_the_apps_settings_are_read_from_the_environment_and_django_settings(settings):
    """Each domain app's settings live in <app>/conf.py: an environment variable of the
    setting's name still sets it, and a Django setting of that name still wins."""
    env = {
        "GUIDE_FRESHNESS_MONTHS": "7",
        "REFERRALS_LIMIT_PER_ADDRESS": "300",
        "EVENTS_STAFF_DIGEST_RECIPIENTS": "a@example.org, b@example.org",
    }
    code = (
        "from guide.conf import conf as g; from referrals.conf import conf as r; "
        "from events.conf import conf as e; "
        "print(g.FRESHNESS_MONTHS, r.LIMIT_PER_ADDRESS, r.LIMIT_PER_CONTACT, "
        "','.join(e.STAFF_DIGEST_RECIPIENTS))"
    )
    assert shell_output(code, "relier_site.settings.test", env) == [
        "7",
        "300",
        "5",
        "a@example.org,b@example.org",
    ]

    from guide.conf import conf

    settings.GUIDE_FRESHNESS_MONTHS = 3
    assert conf.FRESHNESS_MONTHS == 3
