"""Write the proxy's static error pages (README « Déploiement ») from their templates.

nginx answers some requests itself, without asking the site: a body or a header too
large, an address too long or invalid, the site stopped or too slow. For each such status
it serves a static copy of one of these templates, with the helplines and the quick exit
of standalone_base.html (the shipped defaults: no database). Run after changing one of
the templates or the error layout; tests/deploy/test_errors.py fails while a copy
differs from its template.

    python manage.py proxy_error_pages
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template import loader

FOLDER = Path(settings.BASE_DIR) / "relier_site" / "static" / "erreurs"
# Static file (in FOLDER, served as /static/erreurs/<name>) → its template.
PAGES = {
    "400.html": "400.html",  # bad request (a NUL in the address…), header too large
    "413.html": "413.html",  # body over client_max_body_size
    "414.html": "414.html",  # address over 8 KB
    "502.html": "502.html",  # site stopped, failing or too slow: 500, 502, 503, 504
}


def render(template_name):
    return loader.get_template(template_name).render()


class Command(BaseCommand):
    help = "Écrit les pages d'erreur statiques du mandataire (relier_site/static/erreurs/)."

    def handle(self, *args, **options):
        FOLDER.mkdir(parents=True, exist_ok=True)
        for name, template_name in PAGES.items():
            (FOLDER / name).write_text(render(template_name), encoding="utf-8")
            self.stdout.write(f"relier_site/static/erreurs/{name}")
