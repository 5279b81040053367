"""Retention: requests are anonymised REFERRALS_RETENTION_MONTHS after their last
activity, the statistics do not change; staff export everything about one person (right
of access) and erase it (right to erasure), both logged without personal values."""

import json
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from referrals import services, statistics
from referrals.models import Referral, ReferralEvent
from relier_site.mail.outbox import emails_about
from tests.referrals.triage_helpers import administrator, handler, paris, store

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

PERSONAL_VALUES = (
    "Sami",
    "+33612345678",
    "sami.jeune@example.org",
    "93000",
    "reprendre confiance",
    "Nadia",
    "nadia.conseillere@francetravail.example",
    "Bobigny",
    "Note sur Sami",
)


def all_text(referral):
    referral.refresh_from_db()
    values = [str(getattr(referral, f.attname)) for f in Referral._meta.concrete_fields]
    values += [event.note for event in referral.events.all()]
    return " ".join(values)


@pytest.fixture
def handled(home_page):
    referral = store(created_at=paris(2023, 1, 9, 10, 0))
    staff = handler()
    services.assign(referral, staff, actor=staff, now=paris(2023, 1, 10, 9, 0))
    services.change_status(referral, "contact_etabli", actor=staff, now=paris(2023, 1, 11, 9, 0))
    services.add_note(referral, "Note sur Sami", actor=staff, now=paris(2023, 1, 12, 9, 0))
    return referral


def test_a_request_is_anonymised_24_months_after_its_last_activity(handled):
    assert emails_about(handled).exists()
    assert services.anonymise_expired(now=paris(2025, 1, 11, 3, 30)) == 0
    handled.refresh_from_db()
    assert handled.anonymised_at is None

    before = statistics.compute()
    assert services.anonymise_expired(now=paris(2025, 1, 13, 3, 30)) == 1
    text = all_text(handled)
    for value in PERSONAL_VALUES:
        assert value not in text, value
    assert handled.age is None and handled.concerns == []
    assert (handled.kind, handled.programme, handled.departement) == (
        "orientation",
        "relier-vers-lemploi",
        "93",
    )
    assert (handled.age_band, handled.status, handled.organisation_type) == (
        "18-25",
        "contact_etabli",
        "france-travail",
    )
    assert handled.created_at == paris(2023, 1, 9, 10, 0)
    assert handled.first_contact_at == paris(2023, 1, 11, 9, 0)
    assert handled.events.filter(action="anonymised").exists()
    assert not emails_about(handled).exists()
    assert statistics.compute() == before
    assert services.anonymise_expired(now=paris(2025, 1, 14, 3, 30)) == 0


@override_settings(REFERRALS_RETENTION_MONTHS=6)
def test_the_retention_period_is_a_setting(handled):
    assert services.anonymise_expired(now=paris(2023, 7, 13, 3, 30)) == 1


def test_recent_activity_keeps_an_old_request(home_page):
    referral = store(created_at=timezone.now() - timedelta(days=800))
    staff = handler()
    services.add_note(referral, "Toujours suivi", actor=staff)
    assert services.anonymise_expired() == 0


def test_the_detail_of_an_anonymised_request_offers_no_action(client, handled):
    services.anonymise_expired(now=paris(2025, 1, 13, 3, 30))
    client.force_login(handled.assigned_to or handler("autre"))
    html = client.get(reverse("referrals_referral:inspect", args=[handled.pk])).content.decode()
    assert "Les données personnelles de cette demande ont été effacées" in html
    assert "Changer le statut" not in html


def test_right_of_access_downloads_everything_and_is_logged(client, handled):
    admin = administrator()
    client.force_login(admin)
    response = client.post(reverse("referrals_referral:access_export", args=[handled.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["demande"]["Prénom ou pseudonyme"] == "Sami"
    assert data["demande"]["Ce que le jeune a vécu"] == ["Harcèlement scolaire", "Isolement"]
    assert data["demande"]["Courriel professionnel"] == "nadia.conseillere@francetravail.example"
    assert [event["action"] for event in data["historique"]] == [
        "Reçue",
        "Attribuée",
        "Changement de statut",
        "Changement de statut",
        "Note",
    ]
    logged = handled.events.get(action=ReferralEvent.Action.ACCESS_EXPORT)
    assert (logged.actor, logged.note) == (admin, "")


def test_right_to_erasure_asks_for_confirmation_then_erases_and_logs(client, handled):
    admin = administrator()
    client.force_login(admin)
    url = reverse("referrals_referral:erase", args=[handled.pk])
    page = client.get(url).content.decode()
    assert "C'est définitif." in page.replace("&#x27;", "'")
    response = client.post(url, {"confirm": ""})
    assert response.status_code == 400
    assert "Cochez la case pour confirmer l'effacement." in response.content.decode().replace(
        "&#x27;", "'"
    )
    handled.refresh_from_db()
    assert handled.first_name == "Sami"

    before = statistics.compute()
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    text = all_text(handled)
    for value in PERSONAL_VALUES:
        assert value not in text, value
    erased = handled.events.get(action=ReferralEvent.Action.ERASED)
    assert (erased.actor, erased.note) == (admin, "")
    assert statistics.compute() == before
    assert not emails_about(handled).exists()
