"""What the site shell gives every email: organisation name, contact line, helplines.

Registered with relier_site.mail.rendering.register_mail_context_provider in HomeConfig.ready(),
so the platform's mail layout shows the site settings without importing this app.
"""

import logging

from django.db import DatabaseError, transaction

from .helplines import DEFAULT_HELPLINES, tel_href

logger = logging.getLogger(__name__)


def site_mail_context():
    """Contact details and helplines of the default site's settings (shipped defaults
    when the settings do not exist or the tables are not migrated yet)."""
    from .models import SiteSettings

    context = {"helplines": [dict(line) for line in DEFAULT_HELPLINES]}
    try:
        with transaction.atomic():
            site_settings = (
                SiteSettings.objects.select_related("site")
                .filter(site__is_default_site=True)
                .first()
            )
    except DatabaseError:  # tables not migrated yet: keep the shipped defaults
        logger.warning("Site settings unavailable; emails use the default contact line.")
        site_settings = None
    if site_settings is not None:
        context["contact_email"] = site_settings.contact_email
        context["contact_phone"] = site_settings.contact_phone
        context["helplines"] = site_settings.helpline_list
        if site_settings.organisation_name:
            context["organisation_name"] = site_settings.organisation_name
    context["contact_phone_href"] = tel_href(context.get("contact_phone") or "")
    for line in context["helplines"]:
        line["href"] = tel_href(line.get("number", ""))
    return context
