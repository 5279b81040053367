"""Sentry receives errors, never the personal data a visitor typed.

The SDK runs for real (relier_site.sentry.sentry_options) with a transport that keeps
the envelopes it would send, instead of sending them anywhere.
"""

import json
import logging
from urllib.parse import quote, quote_plus

import pytest
import sentry_sdk
from django.test import Client, override_settings
from sentry_sdk.transport import Transport

from relier_site.sentry import init_sentry, sentry_options

pytestmark = pytest.mark.one_database

DSN = "https://public@sentry.example/1"
CANARIES = {
    "email": "canari.eleve@example.org",
    "phone": "06 12 34 56 78",
    "name": "Canari Prénomtest",
    "message": "canari-situation-harcelement",
}
QUERY_CANARY = "canari.requete@example.org"
SESSION_CANARY = "canari-valeur-de-session"


class CapturingTransport(Transport):
    """Keeps every envelope the SDK would send."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)


def serialised(envelopes):
    """Everything captured, as text: each item's JSON (unescaped) and the raw bytes."""
    parts = []
    for envelope in envelopes:
        parts.append(envelope.serialize().decode("utf-8", "replace"))
        for item in envelope.items:
            payload = item.payload.json
            if payload is None:
                payload = item.payload.get_bytes().decode("utf-8", "replace")
            parts.append(json.dumps(payload, ensure_ascii=False, default=str))
    return "\n".join(parts)


def variants(value):
    """The forms a leaked value could take in an event (plain, URL-encoded, escaped)."""
    return {
        value,
        quote(value),
        quote_plus(value),
        json.dumps(value)[1:-1],
        value.replace(" ", ""),
        value.lower(),
    }


def assert_no_canary(text):
    for label, value in [*CANARIES.items(), ("query", QUERY_CANARY), ("session", SESSION_CANARY)]:
        for form in variants(value):
            assert form not in text, f"canary {label!r} leaked to Sentry as {form!r}"


@pytest.fixture
def transport():
    transport = CapturingTransport()
    sentry_sdk.init(**sentry_options(DSN, "test", transport=transport))
    assert sentry_sdk.get_client().is_active()
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)
    sentry_sdk.get_isolation_scope().clear()
    assert not sentry_sdk.get_client().is_active()


@override_settings(ROOT_URLCONF="tests.relier_site.sentry_urls")
def test_failing_form_reaches_sentry_without_personal_data(transport, db):
    client = Client(raise_request_exception=False)
    session = client.session
    session["suivi"] = SESSION_CANARY
    session.save()

    response = client.post(
        f"/test-sentry/formulaire/?email={quote_plus(QUERY_CANARY)}&ref=42", CANARIES
    )
    assert response.status_code == 500
    sentry_sdk.flush()

    text = serialised(transport.envelopes)
    # The events did arrive, with what is needed to fix the bug…
    assert "CanaryFormError" in text
    assert "tests.relier_site.sentry_urls" in text  # module of the failing frame
    assert "Échec du traitement du formulaire pour %s <%s>" in text  # log template
    assert "/test-sentry/formulaire/" in text
    # …and without anything the visitor typed or the session held.
    assert_no_canary(text)
    assert session.session_key not in text


def test_logged_errors_keep_the_template_not_the_values(transport):
    logger = logging.getLogger("relier_site.tests.sentry")
    logger.warning("Relance envoyée à %s", CANARIES["email"])
    logger.error("Adresse refusée : %s (%s)", CANARIES["email"], CANARIES["name"])
    logger.error("Message illisible", extra={"message_text": CANARIES["message"]})
    try:
        int(CANARIES["phone"])
    except ValueError:
        logger.exception("Conversion impossible")
    sentry_sdk.flush()

    text = serialised(transport.envelopes)
    assert "Adresse refusée : %s (%s)" in text
    assert "Conversion impossible" in text
    assert "ValueError" in text
    assert_no_canary(text)


def test_options_follow_the_privacy_rules():
    options = sentry_options(DSN, "production")
    assert options["send_default_pii"] is False
    assert options["max_request_body_size"] == "never"
    assert options["include_local_variables"] is False
    assert callable(options["before_send"])


def test_no_dsn_means_no_sentry():
    assert init_sentry(None) is False
    assert init_sentry("") is False
    assert not sentry_sdk.get_client().is_active()


def test_no_declared_personal_field_reaches_sentry_under_its_name(transport, db):
    """Driven by the models' declarations (relier_site.personal_data): a value logged or
    attached under the name of any personal field stays out of Sentry."""
    from relier_site.personal_data import personal_field_names

    names = personal_field_names()
    assert {"first_name", "organisation", "agency", "note"} <= set(names)
    canaries = {name: f"canari-champ-{name}" for name in names}
    logger = logging.getLogger("relier_site.tests.sentry")
    # A log record refuses `extra` keys that are its own attributes ("message").
    reserved = {*vars(logging.makeLogRecord({})), "message", "asctime"}
    extra = {name: value for name, value in canaries.items() if name not in reserved}
    logger.error("Données d'une personne", extra=extra)
    with sentry_sdk.new_scope() as scope:
        for name, value in canaries.items():
            scope.set_extra(name, value)
        sentry_sdk.capture_message("Valeurs jointes")
    sentry_sdk.flush()

    text = serialised(transport.envelopes)
    assert "Valeurs jointes" in text
    for name, value in canaries.items():
        assert value not in text, f"the personal field {name!r} leaked to Sentry"
