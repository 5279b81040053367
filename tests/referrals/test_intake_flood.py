"""The flood limits of the three forms (views.flood_limit): only accepted requests count,
by client address and by contact (the person the request is about); beyond a limit the
form comes back with what was typed, the helplines and status 429; an urgent request is
never refused, its staff notification is throttled instead."""

import re

import pytest
from django.test import Client

from referrals.conf import conf
from referrals.models import Kind, Referral
from relier_site import roles
from relier_site.models import OutboundEmail
from relier_site.ratelimit import FLOOD_MESSAGE
from tests.factories import StaffFactory
from tests.html import visible_text
from tests.referrals.conftest import submit

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


@pytest.fixture
def team(db):
    return StaffFactory(
        username="sam-accompagnement", role=roles.ACCOMPAGNEMENT, email="equipe@relier.example"
    )


@pytest.fixture
def small_limits(settings):
    settings.REFERRALS_LIMIT_PER_ADDRESS = 4
    settings.REFERRALS_LIMIT_PER_CONTACT = 2
    return settings


def text(response):
    return visible_text(response).replace("\u202f", " ").replace("\u00a0", " ")


def staff_notifications():
    return OutboundEmail.objects.filter(reason_key__endswith=":staff-notification")


def test_the_default_limits_fit_an_agency_behind_one_address():
    assert conf.LIMIT_PER_ADDRESS == 200
    assert conf.LIMIT_PER_CONTACT == 5
    assert conf.LIMIT_WINDOW_SECONDS == 3600


def test_faulty_submissions_do_not_count(client, form_pages):
    for _ in range(11):
        faulty = submit(client, Kind.CONTACT, phone="12", email="")
        assert faulty.status_code == 200
        assert "Ce numéro de téléphone n'est pas valide" in text(faulty)

    assert submit(client, Kind.CONTACT).status_code == 302
    assert Referral.objects.count() == 1


def test_beyond_the_contact_limit_the_form_comes_back_with_what_was_typed(
    client, form_pages, small_limits
):
    for _ in range(2):
        assert submit(client, Kind.CONTACT).status_code == 302

    refused = submit(client, Kind.CONTACT, message="Ma fille reçoit des messages blessants.")

    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert Referral.objects.count() == 2
    shown = text(refused)
    summary = shown[shown.index("Il y a un problème") :]
    assert FLOOD_MESSAGE in summary
    assert "112" in FLOOD_MESSAGE and "3018" in FLOOD_MESSAGE and "119" in FLOOD_MESSAGE
    html = refused.content.decode()
    assert 'value="Claire"' in html
    assert "Ma fille reçoit des messages blessants.</textarea>" in html
    assert re.search(r'value="parent"[^>]*checked', html)
    # The same contact written another way is the same contact.
    again = submit(
        client,
        Kind.CONTACT,
        email="Claire.Parent@Example.org ",
        phone="",
        contact_preference="email",
    )
    assert again.status_code == 429


def test_another_contact_from_the_same_address_is_accepted_up_to_the_address_limit(
    client, form_pages, small_limits
):
    for _ in range(2):
        assert submit(client, Kind.CONTACT).status_code == 302
    assert submit(client, Kind.CONTACT).status_code == 429

    other = {"email": "autre.famille@example.org", "phone": "06 98 76 54 32"}
    for _ in range(2):
        assert submit(client, Kind.CONTACT, **other).status_code == 302
    assert Referral.objects.count() == 4

    # Four requests from this address: a fifth person is asked to wait…
    third = {"email": "troisieme@example.org", "phone": "06 11 11 11 11"}
    assert submit(client, Kind.CONTACT, **third).status_code == 429
    # …while another address is not.
    elsewhere = Client(REMOTE_ADDR="192.0.2.44")
    assert submit(elsewhere, Kind.CONTACT, **third).status_code == 302
    assert Referral.objects.count() == 5


def test_one_adviser_orients_many_young_people(client, form_pages, small_limits):
    # The referrer's address is not a contact of the limit: only the young person's.
    for n in range(4):
        young = {"email": f"jeune{n}@example.org", "phone": f"06 12 34 56 7{n}"}
        assert submit(client, Kind.ORIENTATION, **young).status_code == 302
    assert (
        Referral.objects.filter(referrer_email="nadia.conseillere@francetravail.example").count()
        == 4
    )


def test_an_urgent_request_is_never_refused_its_notification_is_throttled(
    client, form_pages, small_limits, team
):
    for _ in range(2):
        assert submit(client, Kind.CONTACT).status_code == 302
    assert staff_notifications().count() == 2
    assert submit(client, Kind.CONTACT).status_code == 429

    first = submit(client, Kind.CONTACT, urgent="oui")
    second = submit(client, Kind.CONTACT, urgent="oui")

    assert first.status_code == second.status_code == 302
    assert Referral.objects.filter(urgent=True).count() == 2
    assert Referral.objects.count() == 4
    # The first urgent one beyond the limit is notified; the next one only in the inbox.
    urgent_notes = staff_notifications().filter(subject__startswith="URGENT")
    assert urgent_notes.count() == 1
    # No confirmation mail beyond the limit (the person's address is not flooded)…
    assert OutboundEmail.objects.filter(to=["claire.parent@example.org"]).count() == 2
    # …and the page says so, with the reference and the helplines.
    page = text(client.get(second["Location"]))
    latest = Referral.objects.filter(urgent=True).order_by("-pk").first()
    assert latest.reference in page
    assert "Si le jeune est en danger, appelez maintenant" in page
    assert "Un courriel de confirmation vient de partir" not in page


def test_the_limits_count_the_three_forms_together(client, form_pages, small_limits):
    for _ in range(2):
        assert submit(client, Kind.CONTACT).status_code == 302
    # The same person's address given as the young person's on an orientation.
    response = submit(client, Kind.ORIENTATION, email="claire.parent@example.org")
    assert response.status_code == 429
    assert "Vos nom et prénom" in text(response)  # the orientation form came back


# --- One write path: the intake service counts the rate limits ------------------------


def test_the_intake_service_counts_the_keys_of_a_stored_request_once(db):
    import uuid

    from referrals import services
    from relier_site.ratelimit import allowed
    from tests.factories import submission_limit
    from tests.referrals.triage_helpers import DATA

    limit = submission_limit("test-intake", address="192.0.2.9")
    keys = limit.keys
    token = uuid.uuid4().hex
    arguments = {
        "kind": Kind.CONTACT,
        "data": DATA[Kind.CONTACT],
        "submission_token": token,
        "limits": [limit],
    }
    services.submit_referral(**arguments)
    services.submit_referral(**arguments)  # the same token: nothing stored, nothing counted
    assert Referral.objects.count() == 1
    assert allowed(keys, 60)
    services.submit_referral(**{**arguments, "submission_token": uuid.uuid4().hex})
    assert not allowed(keys, 60)
