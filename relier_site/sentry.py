"""Sentry error reporting, off unless SENTRY_DSN is set, scrubbed of personal data."""

import re

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration

FILTERED = "[Filtré]"
# Keys whose values are never sent, wherever they appear in an event.
SENSITIVE_KEY = re.compile(
    r"(pass|secret|token|csrf|session|cookie|auth|email|mail|phone|tel|nom|name|prenom|"
    r"first|last|adresse|address|message|comment|situation|birth|naissance|age|ecole|school|"
    r"postcode|code_postal|ville|city|body|data|query|ip)",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?:\+33|0)\s*[1-9](?:[\s.-]*\d{2}){4}")


def _scrub_text(value):
    value = EMAIL.sub(FILTERED, value)
    return PHONE.sub(FILTERED, value)


def _scrub(value, depth=0):
    if depth > 20:
        return FILTERED
    if isinstance(value, dict):
        return {
            key: FILTERED
            if isinstance(key, str) and SENSITIVE_KEY.search(key)
            else _scrub(item, depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_scrub(item, depth + 1) for item in value]
    if isinstance(value, str):
        return _scrub_text(value)
    return value


def before_send(event, hint):
    """Drop request bodies, cookies, query strings, user data and local variables."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("data", "cookies", "query_string", "env"):
            request.pop(key, None)
        if "url" in request and isinstance(request["url"], str):
            request["url"] = request["url"].split("?", 1)[0]
        headers = request.get("headers") or {}
        request["headers"] = {
            k: v for k, v in headers.items() if k.lower() in {"host", "user-agent", "accept"}
        }
    event.pop("user", None)
    event.pop("server_name", None)
    for exception in (event.get("exception") or {}).get("values", []) or []:
        if "value" in exception and isinstance(exception["value"], str):
            exception["value"] = _scrub_text(exception["value"])
        for frame in (exception.get("stacktrace") or {}).get("frames", []) or []:
            frame.pop("vars", None)
    for crumb in (event.get("breadcrumbs") or {}).get("values", []) or []:
        if isinstance(crumb.get("message"), str):
            crumb["message"] = _scrub_text(crumb["message"])
        if "data" in crumb:
            crumb["data"] = _scrub(crumb["data"])
    if "extra" in event:
        event["extra"] = _scrub(event["extra"])
    if isinstance(event.get("logentry"), dict):
        event["logentry"].pop("params", None)
        if isinstance(event["logentry"].get("message"), str):
            event["logentry"]["message"] = _scrub_text(event["logentry"]["message"])
    if isinstance(event.get("message"), str):
        event["message"] = _scrub_text(event["message"])
    return event


def sentry_options(dsn, environment, **extra):
    return {
        "dsn": dsn,
        "environment": environment,
        "integrations": [DjangoIntegration(), LoggingIntegration()],
        "send_default_pii": False,
        "max_request_body_size": "never",
        "include_local_variables": False,
        "before_send": before_send,
        "before_send_transaction": before_send,
        "traces_sample_rate": 0.0,
        **extra,
    }


def init_sentry(dsn, environment="production", **extra):
    """Initialise Sentry when a DSN is given; do nothing otherwise."""
    if not dsn:
        return False
    sentry_sdk.init(**sentry_options(dsn, environment, **extra))
    return True
