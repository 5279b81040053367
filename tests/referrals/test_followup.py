"""The referrer's follow-up: an email when the request is taken in charge and when it is
closed, with a link that needs no account, shows the status only and expires."""

import base64
import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.test import override_settings
from django.urls import reverse

from referrals import followup, services
from relier_site.models import OutboundEmail
from tests.referrals.triage_helpers import handler, store

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

LINK = re.compile(r"https?://[^/\s]+(/suivi/[^/\s]+/)")


def followup_link(mail):
    match = LINK.search(mail.body_text)
    assert match, mail.body_text
    return match.group(1)


@pytest.fixture
def taken(home_page):
    referral = store()
    staff = handler()
    services.assign(referral, staff, actor=staff)
    services.add_note(referral, "Note interne : le jeune hésite", actor=staff)
    return referral


def test_the_referrer_is_told_when_the_request_is_taken_in_charge(client, taken):
    mail = OutboundEmail.objects.get(reason_key=f"referral:{taken.pk}:followup:prise_en_charge")
    assert mail.to == ["nadia.conseillere@francetravail.example"]
    assert mail.subject.startswith(f"Demande {taken.reference} prise en charge")
    for secret in ("Sami", "+33612345678", "sami.jeune@example.org", "reprendre confiance"):
        assert secret not in mail.body_text + mail.body_html
    response = client.get(followup_link(mail), follow=True)
    assert response.redirect_chain == [("/suivi/", 303)]  # the token leaves the address bar
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Suivi de la demande {taken.reference}" in html
    assert "<strong>Prise en charge</strong>" in html
    assert "3114" in html  # the helplines
    for secret in ("Sami", "Note interne", "reprendre confiance", "Nadia", "Inès", "Bobigny"):
        assert secret not in html
    assert "no-store" in response["Cache-Control"]


def test_the_referrer_is_told_when_the_request_is_closed(client, taken):
    staff = taken.assigned_to
    for target in ("contact_etabli", "accompagnement"):
        services.change_status(taken, target, actor=staff)
    services.change_status(taken, "cloturee", actor=staff, reason="Motif confidentiel")
    mails = OutboundEmail.objects.filter(reason_key__contains=f"referral:{taken.pk}:followup")
    assert mails.count() == 2  # taken in charge, closed: not the steps in between
    closed = mails.get(reason_key__endswith=":cloturee")
    assert closed.subject.startswith(f"Demande {taken.reference} terminée")
    html = client.get(followup_link(closed), follow=True).content.decode()
    assert "<strong>Clôturée</strong>" in html
    assert "Motif confidentiel" not in html
    assert "Cette demande est terminée" in html


def test_the_token_holds_the_reference_only(taken):
    token = followup.make_token(taken)
    payload = token.split(":")[0]
    decoded = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode()
    assert decoded == f'"{taken.reference}"'


def test_an_expired_link_gets_a_kind_410_page(client, taken):
    sent = time.time() - 91 * 86400  # the email left 91 days ago; links last 90
    with mock.patch("django.core.signing.time.time", return_value=sent):
        url = reverse("referral_followup", args=[followup.make_token(taken)])
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Ce lien de suivi a expiré" in html
    assert "3114" in html


@pytest.mark.parametrize(
    "token",
    [
        "abc",
        "InJMLTdLM00tOVFYMiI:1tXyz:forged",
        signing.dumps("RL-ABCD-EFGH", salt=followup.SALT) + "x",
        signing.dumps({"r": 1}, salt=followup.SALT),
        signing.dumps("RL-XXXX-XXXX", salt="another.salt"),
    ],
    ids=["short", "forged", "tampered", "not-a-reference", "other-salt"],
)
def test_a_forged_link_gets_a_kind_404_page(client, home_page, token):
    response = client.get(reverse("referral_followup", args=[token]))
    assert response.status_code == 404
    assert "Nous ne trouvons pas cette demande" in response.content.decode()


def test_a_link_to_an_unknown_reference_gets_404(client, home_page):
    token = signing.dumps("RL-ZZZZ-ZZZZ", salt=followup.SALT)
    assert client.get(reverse("referral_followup", args=[token])).status_code == 404


def test_the_link_expires_after_the_setting(taken):
    token = followup.make_token(taken)
    assert followup.reference_from_token(token) == taken.reference
    with override_settings(REFERRALS_FOLLOWUP_LINK_DAYS=90):
        assert followup.max_age() == timedelta(days=90)
