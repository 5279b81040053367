"""The settings of a domain app, kept next to the app (`<app>/conf.py`).

An app declares its settings with their defaults::

    conf = AppSettings("GUIDE", FRESHNESS_MONTHS=env_int("GUIDE_FRESHNESS_MONTHS", 12))

and reads them as `conf.FRESHNESS_MONTHS`. A Django setting of the full name
(`GUIDE_FRESHNESS_MONTHS`) wins over the default; it is looked up at each read, so
`override_settings` and a settings module of an environment apply. The platform's
settings (`relier_site/settings/`) define no setting of a domain app
(tests/test_layers.py).
"""

from django.conf import settings


class AppSettings:
    def __init__(self, prefix, **defaults):
        self._prefix = prefix
        self._defaults = defaults

    def setting_name(self, name):
        """The Django setting that overrides `name` (`FRESHNESS_MONTHS` →
        `GUIDE_FRESHNESS_MONTHS`)."""
        return f"{self._prefix}_{name}"

    def __getattr__(self, name):
        if name.startswith("_") or name not in self._defaults:
            raise AttributeError(f"{self._prefix} has no setting {name!r}")
        return getattr(settings, self.setting_name(name), self._defaults[name])
