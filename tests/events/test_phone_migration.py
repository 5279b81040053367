"""events 0008: registrations' phones typed as digits are rewritten in E.164, the one
stored form (relier_site.phones), without breaking the one-active-registration-per-phone
rule."""

import importlib

import pytest
from django.apps import apps

from events.models import Registration
from tests.events.staff_helpers import make_event, make_registration, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

migration = importlib.import_module("events.migrations.0009_registration_phone_e164")


def test_typed_phones_become_e164_and_a_clash_stays_as_it_was(home_page):
    session = make_session(make_event(home_page))
    other = make_session(make_event(home_page, title="Autre webinaire"))
    typed = make_registration(session, email="a@example.org", phone="0612345678")
    reunion = make_registration(session, email="b@example.org", phone="0692123456")
    already = make_registration(other, email="c@example.org", phone="+33698765432")
    clash = make_registration(other, email="d@example.org", phone="0698765432")
    unreadable = make_registration(session, email="e@example.org", phone="12345")
    nobody = make_registration(session, email="f@example.org", phone="")

    migration.phones_to_e164(apps, None)

    phones = dict(Registration.objects.values_list("pk", "phone"))
    assert phones == {
        typed.pk: "+33612345678",
        reunion.pk: "+262692123456",
        already.pk: "+33698765432",
        clash.pk: "0698765432",
        unreadable.pk: "12345",
        nobody.pk: "",
    }
