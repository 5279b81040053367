"""Routing rules: checked when they are saved (addresses, département codes, in French),
and whatever a rule holds (one saved before the check existed), a request is stored and
confirmed first and its staff notification falls back to the Accompagnement role."""

import logging

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from referrals.models import Kind, Referral, RoutingRule
from relier_site import roles
from relier_site.models import OutboundEmail
from tests.factories import StaffFactory
from tests.html import visible_text
from tests.referrals.conftest import submit
from tests.referrals.triage_helpers import administrator

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


@pytest.fixture
def team(db):
    return StaffFactory(
        username="sam-accompagnement", role=roles.ACCOMPAGNEMENT, email="equipe@relier.example"
    )


def staff_notification(referral):
    return OutboundEmail.objects.get(reason_key=f"referral:{referral.pk}:staff-notification")


@pytest.mark.parametrize(
    "rule",
    [
        {"emails": "pas-une-adresse"},
        {"emails": "bonne@relier.example\npas-une-adresse"},
        {"departements": "99, 974"},
    ],
    ids=["bad-address", "one-bad-address-among-good", "unknown-code-and-nobody-to-notify"],
)
def test_a_broken_rule_in_the_database_never_loses_a_request(
    client, form_pages, team, caplog, rule
):
    # Written directly (no validation): such a rule may exist from before the check.
    RoutingRule.objects.bulk_create([RoutingRule(**rule)])
    caplog.set_level(logging.WARNING, logger="referrals")

    response = submit(client, Kind.CONTACT)  # département 974

    assert response.status_code == 302
    referral = Referral.objects.get()
    confirmation = client.get(response["Location"])
    assert referral.reference in confirmation.content.decode()
    assert OutboundEmail.objects.filter(to=["claire.parent@example.org"]).count() == 1
    staff = staff_notification(referral)
    if rule.get("emails") == "bonne@relier.example\npas-une-adresse":
        # The rule's valid address is kept, the broken one skipped and reported.
        assert staff.to == ["bonne@relier.example"]
    else:
        # Nobody valid to notify: the default recipients, the Accompagnement role.
        assert staff.to == ["equipe@relier.example"]
    # The fault is reported (the rule's id, never an address).
    level = logging.ERROR if "emails" in rule else logging.WARNING
    assert any(
        record.levelno >= level and "Routing rule" in record.getMessage()
        for record in caplog.records
    )
    for record in caplog.records:
        assert "pas-une-adresse" not in record.getMessage()


def test_a_failure_while_notifying_falls_back_to_the_default_recipients(
    client, form_pages, team, caplog, monkeypatch
):
    from referrals import emails

    def broken(referral):
        raise RuntimeError("routing exploded")

    monkeypatch.setattr(emails, "rule_recipients", broken)
    caplog.set_level(logging.ERROR, logger="referrals")

    response = submit(client, Kind.ORIENTATION)

    assert response.status_code == 302
    referral = Referral.objects.get()
    assert staff_notification(referral).to == ["equipe@relier.example"]
    assert OutboundEmail.objects.filter(reason_key__endswith="confirmation").count() == 2
    (record,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert str(referral.pk) in record.getMessage()


def add_rule(client, **fields):
    data = {"kind": "", "programme": "", "departements": "", "emails": "", "active": "on"}
    return client.post(reverse("referrals_routingrule:add"), data | fields)


def shown_errors(response):
    return visible_text(response).replace("\u202f", " ").replace("\u00a0", " ")


def test_the_admin_form_refuses_a_malformed_address_in_french(client, home_page):
    client.force_login(administrator())

    response = add_rule(client, emails="equipe@relier.example\npas-une-adresse")

    assert response.status_code == 200
    assert RoutingRule.objects.count() == 0
    assert "L'adresse « pas-une-adresse » n'est pas une adresse électronique valide" in (
        shown_errors(response)
    )


@pytest.mark.parametrize("codes, bad", [("93, 99", "99"), ("2C", "2C"), ("75, 975", "975")])
def test_the_admin_form_refuses_unknown_departements_in_french(client, home_page, codes, bad):
    client.force_login(administrator())

    response = add_rule(client, departements=codes, emails="equipe@relier.example")

    assert response.status_code == 200
    assert RoutingRule.objects.count() == 0
    assert f"« {bad} » n'est pas un numéro de département" in shown_errors(response)


def test_the_admin_form_accepts_corsica_overseas_and_mainland(client, home_page):
    client.force_login(administrator())

    response = add_rule(
        client, departements="2a, 2B;971 972 973, 974, 976, 75", emails="equipe@relier.example"
    )

    assert response.status_code == 302
    rule = RoutingRule.objects.get()
    assert rule.departement_codes() == ["2A", "2B", "971", "972", "973", "974", "976", "75"]
    assert rule.departements == "2A, 2B, 971, 972, 973, 974, 976, 75"


def test_the_check_is_in_the_model_for_every_path():
    rule = RoutingRule(departements="99", emails="pas-une-adresse")
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert set(error.value.message_dict) == {"departements", "emails"}
