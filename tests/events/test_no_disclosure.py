"""Issue 16's « done when »: with a known registrant's email, phone and links, a second
browser (with no access to that email) fills in every registration form and opens every
public page; nothing it is shown reveals the registration or carries a working token."""

import re

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from events import links
from events.models import Registration
from referrals import followup
from referrals import services as referral_services
from relier_site.models import OutboundEmail
from tests.events.conftest import make_cafe, make_event, make_session, make_youth_group
from tests.events.helpers import register_form
from tests.html import visible_text
from tests.referrals.triage_helpers import handler, store

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

# Every salt a public link was ever signed with (the « merci » token of earlier versions
# included).
SALTS = (links.CANCEL_SALT, "events.registration.status", followup.SALT)
# What django.core.signing produces: [.]payload:timestamp:signature (base64url parts).
SIGNED = re.compile(r"\.?[A-Za-z0-9_-]{2,}:[A-Za-z0-9_-]{4,}:[A-Za-z0-9_-]{20,}")

EMAIL = "camille.martin@example.org"
YOUTH_EMAIL = "etoile@example.org"
PHONE = "06 12 34 56 78"


def working_tokens(text):
    """The signed strings of `text` that one of the site's salts accepts."""
    found = []
    for candidate in SIGNED.findall(text):
        for salt in SALTS:
            try:
                signing.loads(candidate, salt=salt)
            except signing.BadSignature:
                continue
            found.append((salt, candidate))
    return found


@pytest.fixture
def known(agenda_page):
    """A professional, a young person (email and phone) and a parent, each registered,
    and a referral whose referrer holds a follow-up link."""
    webinar = make_event(agenda_page, audiences=("professionnels", "france-travail"))
    group = make_youth_group(agenda_page, "groupe")
    cafe = make_cafe(agenda_page)
    sessions = {
        "professionnel": make_session(webinar, capacity=1),
        "jeune": make_session(group, days=4, hour=17),
        "parent": make_session(cafe, days=5, hour=9),
    }
    owner = Client()
    forms = {
        "professionnel": register_form(email=EMAIL),
        "jeune": register_form("jeune", email=YOUTH_EMAIL, phone=PHONE),
        "parent": register_form("parent", email=EMAIL),
    }
    for profile, session in sessions.items():
        response = owner.post(reverse("events:register", args=[session.pk]), forms[profile])
        assert response.status_code == 303
    referral = store()
    staff = handler()
    referral_services.assign(referral, staff, actor=staff)
    return {"sessions": sessions, "forms": forms, "referral": referral}


def test_the_token_detector_finds_the_tokens_of_the_emails(known):
    mails = " ".join(mail.body_text for mail in OutboundEmail.objects.all())
    salts = {salt for salt, _ in working_tokens(mails)}
    assert salts == {links.CANCEL_SALT, followup.SALT}


def test_a_stranger_with_the_email_and_phone_learns_nothing_and_gets_no_working_token(
    known, client
):
    sessions = known["sessions"]
    seen = []  # (what was asked, Location, body) of every response

    def keep(response):
        for location, _status in getattr(response, "redirect_chain", []):
            seen.append((location, location, ""))
        seen.append(
            (
                response.request["PATH_INFO"],
                response.get("Location", ""),
                response.content.decode(errors="replace"),
            )
        )

    stranger = Client()
    # Every registration form, with the known email, then the known phone (youth), then
    # a new address: each answered by the same page.
    attempts = [
        ("professionnel", register_form(email=EMAIL)),
        ("professionnel", register_form(email="quelquun@example.org")),
        ("jeune", register_form("jeune", email=YOUTH_EMAIL, phone="")),
        ("jeune", register_form("jeune", email="", phone="06.12.34.56.78")),
        ("jeune", register_form("jeune", email="", phone="07 98 76 54 32")),
        ("parent", register_form("parent", email=EMAIL.upper())),
        ("parent", register_form("parent", email="autre.parent@example.org")),
    ]
    pages = {}
    for profile, data in attempts:
        url = reverse("events:register", args=[sessions[profile].pk])
        keep(stranger.get(url))
        posted = stranger.post(url, data)
        keep(posted)
        assert posted.status_code == 303
        shown = stranger.get(posted["Location"])
        keep(shown)
        channel = "phone" if not data.get("email") else "email"
        pages.setdefault((profile, channel), set()).add(visible_text(shown))
    # New and existing: the very same page, for each form and each way of being reached.
    assert all(len(bodies) == 1 for bodies in pages.values()), pages.keys()

    # Every public page, the token-less steps of the signed links included.
    public = [
        "/",
        "/agenda/",
        "/agenda/calendrier.ics",
        "/agenda/inscription/merci/",
        "/agenda/annulation/",
        "/agenda/annulation/faite/",
        "/suivi/",
        "/sitemap.xml",
    ]
    for session in sessions.values():
        public += [
            session.event.url,
            f"/agenda/{session.event.slug}/calendrier.ics",
            f"/agenda/seances/{session.pk}/agenda.ics",
        ]
    for path in public:
        keep(stranger.get(path, follow=True))
    for registration in Registration.objects.all():
        keep(stranger.post("/agenda/annulation/", {"inscription": registration.pk}))

    for path, location, body in seen:
        assert not working_tokens(location), (path, location)
        assert not working_tokens(body), (path, working_tokens(body))
        assert "déjà inscrit" not in body, path
        assert "/agenda/annulation/" not in location.replace("/agenda/annulation/faite/", "")
    # Only the owners' own registrations were reminded, by email; nobody cancelled.
    assert not Registration.objects.filter(status=Registration.Status.CANCELLED).exists()
    resent = OutboundEmail.objects.filter(reason_key__contains=":resend:")
    assert sorted(mail.to[0] for mail in resent) == [EMAIL, EMAIL, YOUTH_EMAIL, YOUTH_EMAIL]


def test_every_emailed_link_lands_on_an_address_and_a_page_without_a_working_token(known):
    mails = " ".join(mail.body_text for mail in OutboundEmail.objects.all())
    paths = sorted(
        {re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"https?://\S+", mails)}
    )
    tokened = [path for path in paths if working_tokens(path)]
    assert any(path.startswith("/agenda/annulation/") for path in tokened)
    assert any(path.startswith("/suivi/") for path in tokened)

    owner = Client()
    for path in tokened:
        response = owner.get(path, follow=True)
        assert response.status_code == 200, path
        addresses = [location for location, _status in response.redirect_chain]
        assert addresses and all(not working_tokens(address) for address in addresses), path
        assert not working_tokens(response.content.decode()), path
        assert response["Cache-Control"] == "private, no-store", path
