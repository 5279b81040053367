"""The public address of the site, from configuration, applied to Wagtail's default Site.

Wagtail builds every absolute link (sitemap.xml, canonical links, og:url, links in
emails) from the Site's hostname and port. Production reads the address from
WAGTAILADMIN_BASE_URL (settings.RELIER_PUBLIC_URL) and `manage.py migrate` applies it
to the default Site, so a deployment never keeps Wagtail's initial `localhost:80`.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate

logger = logging.getLogger(__name__)

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_public_url(url):
    """(hostname, port) for a public address such as https://www.example.org."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            f"L'adresse publique du site doit commencer par https:// ou http:// "
            f"(WAGTAILADMIN_BASE_URL = {url!r})."
        )
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        # Wagtail writes https:// links only for port 443 (any other port gives http://).
        raise ImproperlyConfigured(
            f"Une adresse publique en https:// doit utiliser le port 443 "
            f"(WAGTAILADMIN_BASE_URL = {url!r})."
        )
    return parts.hostname.lower(), port


def apply_public_url(url=None):
    """Give the default Site the configured hostname and port; return the Site or None.

    Idempotent: a Site that already has them is not saved again. The Site's name and
    root page are kept.
    """
    from wagtail.models import Site

    url = url or getattr(settings, "RELIER_PUBLIC_URL", None)
    if not url:
        return None
    hostname, port = parse_public_url(url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
            raise ImproperlyConfigured(
                f"Un autre site Wagtail utilise déjà {hostname}:{port} : "
                f"modifiez-le dans Paramètres › Sites."
            )
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
        logger.info("Default Wagtail site set to %s:%s", hostname, port)
    return site


def apply_public_url_on_post_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate handler (once, for relier_site): apply the configured address."""
    if getattr(sender, "name", None) != "relier_site" or using != DEFAULT_DB_ALIAS:
        return
    apply_public_url()


post_migrate.connect(apply_public_url_on_post_migrate, dispatch_uid="relier_site.public_url")
