"""Settings of the guide (README « Configuration »), read as `conf.NAME`.

The freshness report (admin) lists the entries not verified for FRESHNESS_MONTHS months.
Overridden by the Django setting `GUIDE_FRESHNESS_MONTHS` and by the environment variable
of that name.
"""

from relier_site.app_settings import AppSettings
from relier_site.settings.env import env_int

conf = AppSettings("GUIDE", FRESHNESS_MONTHS=env_int("GUIDE_FRESHNESS_MONTHS", 12))
