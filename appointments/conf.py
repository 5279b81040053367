"""Settings of the appointments app (the psychologists' permanences), read as
`conf.NAME`.

A person may cancel their own appointment until CANCEL_HOURS_BEFORE hours before it
(staff may cancel at any time). Overridden by the Django setting `APPOINTMENTS_<NAME>`
and by the environment variable of that name.
"""

from relier_site.app_settings import AppSettings
from relier_site.settings.env import env_int

conf = AppSettings(
    "APPOINTMENTS",
    CANCEL_HOURS_BEFORE=env_int("APPOINTMENTS_CANCEL_HOURS_BEFORE", 4),
)
