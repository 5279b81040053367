"""Canary test: unique personal values submitted through each form reach the stored
request and the person's own confirmation address, never the staff notification, a log
record (DEBUG included) or a Sentry event."""

import logging
import re

import pytest
import sentry_sdk

from referrals.models import Kind, Referral
from relier_site import roles
from relier_site.models import OutboundEmail
from relier_site.sentry import sentry_options
from tests.factories import StaffFactory
from tests.referrals.conftest import submit
from tests.relier_site.test_sentry import DSN, CapturingTransport, serialised, variants

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

# Unique values, one per personal field of each form.
CANARIES = {
    Kind.ORIENTATION: {
        "referrer_name": "Canarireferent Nom",
        "referrer_role": "Canarifonction",
        "organisation_name": "Canaristructure",
        "agency": "Canariagence",
        "referrer_email": "canari.referent@example.org",
        "referrer_phone": "01 49 87 65 43",
        "first_name": "Canariprenom",
        "age": "23",
        "postcode": "93240",
        "phone": "06 55 44 33 22",
        "email": "canari.jeune@example.org",
        "contact_times": "Canarimoment",
        "message": "Canarimessage situation",
        "concerns": ["discrimination"],
    },
    Kind.CONTACT: {
        "first_name": "Canaripseudo",
        "requester": "jeune",
        "age": "11",
        "postcode": "97410",
        "phone": "0692 55 44 33",
        "email": "canari.famille@example.org",
        "contact_times": "Canarihoraire",
        "message": "Canarimessagefamille",
        "trusted_adult_name": "Canariadulte Confiance",
        "trusted_adult_phone": "06 11 22 33 44",
        "concerns": ["intimidation-travail"],
    },
    Kind.INTERVENTION: {
        "organisation_name": "Canaricollege",
        "postcode": "69007",
        "referrer_name": "Canaricpe Nom",
        "referrer_role": "Canaricpe",
        "referrer_email": "canari.cpe@example.org",
        "referrer_phone": "04 78 12 34 99",
        "audience": "Canaripublic",
        "preferred_period": "Canariperiode",
        "message": "Canarimessageecole",
    },
}
# Values that are not personal on their own (ages, concerns codes) are checked only in
# their rare forms: the canary is the set of free texts and contacts.
NOT_SEARCHED = {"age", "concerns", "requester"}
CONCERN_LABELS = ["Discrimination", "Intimidation au travail"]


def leaked_forms(value):
    forms = set(variants(value))
    if value[:1] == "0":  # phone numbers: also their international form
        digits = "".join(ch for ch in value if ch.isdigit())
        forms |= {digits, digits[1:]}
    return forms


@pytest.fixture
def transport():
    transport = CapturingTransport()
    sentry_sdk.init(**sentry_options(DSN, "test", transport=transport))
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)
    sentry_sdk.get_isolation_scope().clear()


@pytest.mark.parametrize("kind", list(Kind))
def test_no_personal_value_reaches_staff_mails_logs_or_sentry(
    client, form_pages, kind, caplog, transport
):
    StaffFactory(username="equipe", role=roles.ACCOMPAGNEMENT, email="equipe@relier.example")
    caplog.set_level(logging.DEBUG)
    canaries = CANARIES[kind]

    response = submit(client, kind, **canaries, urgent="oui")
    assert response.status_code == 302
    client.get(response["Location"])
    # An error event in the same request scope carries the breadcrumbs of every log record.
    logging.getLogger("referrals.tests").error("Canary check after referral %s", kind)
    sentry_sdk.flush()

    referral = Referral.objects.get()
    staff = OutboundEmail.objects.get(reason_key=f"referral:{referral.pk}:staff-notification")
    assert staff.subject.startswith("URGENT") == (kind != Kind.INTERVENTION)
    staff_text = "\n".join([staff.subject, staff.body_text, staff.body_html, *staff.to])
    logs = "\n".join(
        [record.getMessage() for record in caplog.records]
        + [repr(record.args) for record in caplog.records]
    )
    sentry_text = serialised(transport.envelopes)
    assert "Canary check after referral" in sentry_text  # the event did arrive
    for name, value in canaries.items():
        if name in NOT_SEARCHED:
            continue
        assert getattr(referral, name)  # stored…
        for form in leaked_forms(value):
            assert form not in staff_text, f"{name} leaked to the staff mail as {form!r}"
            assert form not in logs, f"{name} leaked to the logs as {form!r}"
            assert form not in sentry_text, f"{name} leaked to Sentry as {form!r}"
    for label in CONCERN_LABELS:
        assert label not in staff_text
    # …while the person's own confirmation went to their address, without the values.
    for mail in OutboundEmail.objects.exclude(pk=staff.pk):
        for name, value in canaries.items():
            if name in NOT_SEARCHED or "email" in name:
                continue
            assert value not in mail.body_text, f"{name} repeated in a confirmation"


@pytest.mark.parametrize("kind", list(Kind))
def test_mails_to_the_person_and_the_referrer_repeat_nothing_they_typed(client, form_pages, kind):
    """Their address is not confirmed by anyone: the confirmation and the follow-up mails
    greet with « Bonjour, » and carry the reference, never a typed name, text or contact."""
    from referrals import services
    from tests.referrals.triage_helpers import handler

    staff = handler(email="equipe@relier.example")
    canaries = CANARIES[kind]
    assert submit(client, kind, **canaries).status_code == 302
    referral = Referral.objects.get()
    services.assign(referral, staff, actor=staff)
    for target in ("contact_etabli", "accompagnement"):
        services.change_status(referral, target, actor=staff)
    services.change_status(referral, "cloturee", actor=staff, reason="Canarimotif")

    outside = [m for m in OutboundEmail.objects.all() if "equipe@relier.example" not in m.to]
    expected = {"confirmation"} if kind == Kind.CONTACT else {"confirmation", "followup"}
    assert {mail.template_name.rsplit("/", 1)[-1] for mail in outside} == expected
    for mail in outside:
        whole = "\n".join([mail.subject, mail.body_text, mail.body_html])
        assert referral.reference in whole
        assert "Bonjour,\n" in mail.body_text
        assert re.search(r"Bonjour [^,]", whole) is None
        for name, value in [*canaries.items(), ("reason", "Canarimotif")]:
            if name in NOT_SEARCHED:
                continue
            for form in leaked_forms(value):
                assert form not in whole, f"{name} repeated to {mail.template_name}"


def test_the_canaries_cover_every_personal_text_field_of_each_form():
    """Driven by Referral.personal_fields (relier_site.personal_data): a personal field
    added to a form must get its canary here."""
    from django.db import models

    from referrals.forms import FORMS

    for kind, form_class in FORMS.items():
        typed = {
            name
            for name in Referral.personal_fields
            if name in form_class.base_fields
            and isinstance(Referral._meta.get_field(name), models.CharField | models.TextField)
            and not Referral._meta.get_field(name).choices
        }
        assert typed - set(CANARIES[kind]) - NOT_SEARCHED == set(), kind
