"""URLs for the Sentry privacy test: the site's URLs plus a form view that fails.

The view does what careless code could do with a form: it reads personal data, keeps it
in the session, logs it (breadcrumb, extra and error) and raises an exception whose
message quotes it. The scrubbing in relier_site.sentry must keep all of it out of Sentry.
"""

import logging

from django.urls import path

from relier_site.urls import handler500  # noqa: F401
from relier_site.urls import urlpatterns as site_urlpatterns

logger = logging.getLogger("relier_site.tests.sentry")


class CanaryFormError(Exception):
    pass


def failing_form(request):
    data = request.POST.dict()
    request.session["brouillon"] = data
    logger.info(
        "Formulaire reçu de %s (%s)",
        data.get("name"),
        data.get("phone"),
        extra={"email": data.get("email"), "details": data.get("message")},
    )
    logger.error(
        "Échec du traitement du formulaire pour %s <%s>", data.get("name"), data.get("email")
    )
    raise CanaryFormError(
        f"Impossible de traiter {data.get('name')} <{data.get('email')}> "
        f"{data.get('phone')} : {data.get('message')} ({request.GET.urlencode()})"
    )


urlpatterns = [
    path("test-sentry/formulaire/", failing_form, name="sentry_failing_form"),
    *site_urlpatterns,
]
