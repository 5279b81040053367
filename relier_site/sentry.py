"""Sentry error reporting, off unless SENTRY_DSN is set, scrubbed of personal data.

What reaches Sentry: the exception type, the stack trace (file, line, function, source
lines; no local variables), the URL path (without query string, long tokens masked),
the log message *template* (never its arguments), and a few technical headers.

What never does: request bodies, query strings, cookies, the user, IP addresses,
local variables, log arguments, values under a key that names personal data (by its
wording, or a field the models declare personal: relier_site.personal_data), and the
text of exceptions whose message may embed data (only the types listed in
``SAFE_EXCEPTION_TYPES`` keep their message, scrubbed).

Rule for the code base: log with ``logger.error("… %s", value)``, never with f-strings,
so that the data stays in the arguments, which are dropped.
"""

import functools
import logging
import re

import sentry_sdk
from django.apps import apps
from django.conf import settings
from django.utils.log import AdminEmailHandler
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration
from sentry_sdk.scrubber import DEFAULT_DENYLIST, DEFAULT_PII_DENYLIST, EventScrubber

from . import personal_data

FILTERED = "[Filtré]"
# Keys whose values are never sent, wherever they appear in an event.
SENSITIVE_KEY = re.compile(
    r"(pass|secret|token|csrf|session|cookie|auth|email|mail|phone|tel|nom|name|prenom|"
    r"first|last|adresse|address|message|comment|situation|birth|naissance|age|ecole|school|"
    r"postcode|code_postal|ville|city|body|data|query|ip|param|args|formatted)",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+(@|%40)[\w-]+(\.[\w-]+)+", re.IGNORECASE)
PHONE = re.compile(r"(?:\+33|0)\s*[1-9](?:[\s.+-]*\d{2}){4}")
# URL path segments that look like secrets (cancel tokens, signed ids, uuids).
TOKEN_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_:.\-]{20,}(?=/|$)")
# Exceptions whose message describes code, not data: their (scrubbed) text is kept.
SAFE_EXCEPTION_TYPES = frozenset(
    {
        "AttributeError",
        "ImportError",
        "ModuleNotFoundError",
        "NameError",
        "NotImplementedError",
        "RecursionError",
        "SyntaxError",
        "ImproperlyConfigured",
        "TemplateDoesNotExist",
        "TemplateSyntaxError",
        "FieldError",
        "FieldDoesNotExist",
        "AppRegistryNotReady",
        "SuspiciousOperation",
        "DisallowedHost",
    }
)
KEPT_HEADERS = frozenset({"host", "user-agent", "accept", "content-type", "content-length"})
EXTRA_DENYLIST = [
    "email",
    "mail",
    "phone",
    "telephone",
    "tel",
    "nom",
    "name",
    "first_name",
    "last_name",
    "prenom",
    "message",
    "situation",
    "address",
    "adresse",
    "birth_date",
    "date_naissance",
    "school",
    "ecole",
    "postcode",
    "code_postal",
    "cancel_token",
]


def _scrub_text(value):
    value = EMAIL.sub(FILTERED, value)
    return PHONE.sub(FILTERED, value)


def _scrub_url(value):
    path = value.split("?", 1)[0].split("#", 1)[0]
    return TOKEN_SEGMENT.sub(FILTERED, _scrub_text(path))


@functools.cache
def _personal_field_names():
    return frozenset(personal_data.personal_field_names())


def _is_sensitive(key):
    """A key that names personal data: by its wording, or the name of a field the models
    declare personal (relier_site.personal_data)."""
    if not isinstance(key, str):
        return False
    if SENSITIVE_KEY.search(key):
        return True
    return apps.ready and key in _personal_field_names()


def _scrub(value, depth=0):
    if depth > 20:
        return FILTERED
    if isinstance(value, dict):
        return {
            key: FILTERED if _is_sensitive(key) else _scrub(item, depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_scrub(item, depth + 1) for item in value]
    if isinstance(value, str):
        return _scrub_text(value)
    return value


def _scrub_request(request):
    for key in ("data", "cookies", "query_string", "env"):
        request.pop(key, None)
    if isinstance(request.get("url"), str):
        request["url"] = _scrub_url(request["url"])
    headers = request.get("headers")
    if isinstance(headers, dict):
        request["headers"] = {k: v for k, v in headers.items() if k.lower() in KEPT_HEADERS}
    else:
        request.pop("headers", None)


def _scrub_exception(exception):
    if "value" in exception:
        if exception.get("type") in SAFE_EXCEPTION_TYPES and isinstance(exception["value"], str):
            exception["value"] = _scrub_text(exception["value"])
        else:
            exception["value"] = FILTERED
    for frame in (exception.get("stacktrace") or {}).get("frames") or []:
        frame.pop("vars", None)


def _scrub_breadcrumb(crumb):
    if crumb.get("type") == "log" or crumb.get("category") not in {"query", "httplib"}:
        # Log crumbs: the message is already the template (before_breadcrumb); their
        # "data" holds the record's extra=… values: drop it.
        crumb.pop("data", None)
    elif "data" in crumb:
        crumb["data"] = _scrub(crumb["data"])
    if isinstance(crumb.get("message"), str):
        crumb["message"] = _scrub_text(crumb["message"])
    return crumb


def before_breadcrumb(crumb, hint):
    """Keep the log template ("Échec pour %s"), never the formatted message."""
    record = (hint or {}).get("log_record")
    if record is not None:
        crumb["message"] = record.msg if isinstance(record.msg, str) else FILTERED
    return _scrub_breadcrumb(crumb)


def before_send(event, hint):
    """Drop request bodies, cookies, query strings, user data and local variables."""
    if isinstance(event.get("request"), dict):
        _scrub_request(event["request"])
    for key in ("user", "server_name", "modules"):
        event.pop(key, None)
    if isinstance(event.get("transaction"), str):
        event["transaction"] = _scrub_url(event["transaction"])
    for exception in (event.get("exception") or {}).get("values") or []:
        _scrub_exception(exception)
    for thread in (event.get("threads") or {}).get("values") or []:
        for frame in (thread.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    breadcrumbs = event.get("breadcrumbs")
    if isinstance(breadcrumbs, dict):
        breadcrumbs["values"] = [_scrub_breadcrumb(c) for c in breadcrumbs.get("values") or []]
    if "extra" in event:
        event["extra"] = _scrub(event["extra"])
    if isinstance(event.get("logentry"), dict):
        logentry = event["logentry"]
        logentry.pop("params", None)
        logentry.pop("formatted", None)
        if isinstance(logentry.get("message"), str):
            logentry["message"] = _scrub_text(logentry["message"])
    if isinstance(event.get("message"), str):
        event["message"] = _scrub_text(event["message"])
    if isinstance(event.get("contexts"), dict):
        event["contexts"].pop("response", None)
    return event


def sentry_options(dsn, environment, **extra):
    return {
        "dsn": dsn,
        "environment": environment,
        "integrations": [
            DjangoIntegration(transaction_style="url"),
            LoggingIntegration(),
        ],
        "send_default_pii": False,
        "max_request_body_size": "never",
        "include_local_variables": False,
        "include_source_context": True,
        "event_scrubber": EventScrubber(
            denylist=DEFAULT_DENYLIST + EXTRA_DENYLIST,
            pii_denylist=DEFAULT_PII_DENYLIST,
            recursive=True,
        ),
        "before_send": before_send,
        "before_send_transaction": before_send,
        "before_breadcrumb": before_breadcrumb,
        "traces_sample_rate": 0.0,
        "enable_logs": False,
        **extra,
    }


def init_sentry(dsn, environment="production", **extra):
    """Initialise Sentry when a DSN is given; do nothing otherwise."""
    if not dsn:
        return False
    sentry_sdk.init(**sentry_options(dsn, environment, **extra))
    return True


def _mails_admins():
    """True when an error of a request reaches an AdminEmailHandler and ADMINS is set."""
    if not settings.ADMINS:
        return False
    logger = logging.getLogger("django.request")
    while logger is not None:
        if any(isinstance(handler, AdminEmailHandler) for handler in logger.handlers):
            return True
        logger = logger.parent if logger.propagate else None
    return False


def errors_are_reported():
    """True when a server error reaches someone: Sentry is active or ADMINS get a mail.

    Reads no database (the 500 page calls it)."""
    return sentry_sdk.get_client().is_active() or _mails_admins()
