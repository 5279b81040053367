"""The three public forms, from the page to the stored request and its mails: the
confirmation page (reference, what happens next, helplines), the person's and the
referrer's confirmation, the routing group's notification; the urgent and under-15
paths; duplicates flagged, never refused."""

import re

import pytest
from django.contrib.auth.models import Group

from referrals.models import Kind, Referral, ReferralEvent, RoutingRule, Status
from relier_site import roles
from relier_site.models import OutboundEmail
from tests.factories import StaffFactory
from tests.html import visible_text
from tests.referrals.conftest import FORM_PATHS, submit

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

REFERENCE_RE = re.compile(r"RL-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}")


@pytest.fixture
def team(db):
    """The Accompagnement role with one member who has an address (no routing rule: the
    role is notified)."""
    return StaffFactory(
        username="sam-accompagnement", role=roles.ACCOMPAGNEMENT, email="equipe@relier.example"
    )


def mails_to(address):
    return [mail for mail in OutboundEmail.objects.order_by("pk") if address in mail.to]


def text(value):
    """Visible text with French non-breaking spaces as plain spaces."""
    return visible_text(value).replace("\u202f", " ").replace("\u00a0", " ")


def test_orientation_from_the_page_to_the_row_and_the_three_mails(client, form_pages, team):
    response = submit(client, Kind.ORIENTATION)

    assert response.status_code == 302
    assert response["Location"] == "/orienter-un-jeune/merci/"
    referral = Referral.objects.get()
    assert referral.reference not in response["Location"]
    assert referral.kind == Kind.ORIENTATION and referral.status == Status.NEW
    assert referral.first_name == "Sami" and referral.age == 19 and referral.age_band == "18-25"
    assert referral.postcode == "93000" and referral.departement == "93"
    assert referral.phone == "+33612345678"
    assert referral.referrer_phone == "+33148123456"
    assert referral.programme == "relier-vers-lemploi" and referral.programme_format == "groupes"
    assert referral.concerns == ["harcelement-scolaire", "isolement"]
    assert referral.consent_confirmed and not referral.urgent
    assert list(referral.events.values_list("action", "to_status")) == [("created", "nouvelle")]

    page = client.get(response["Location"])
    shown = text(page)
    assert referral.reference in shown
    assert "Et maintenant ?" in shown and "3114" in shown and "119" in shown
    assert "Sami" not in shown

    (young,) = mails_to("sami.jeune@example.org")
    (referrer,) = mails_to("nadia.conseillere@francetravail.example")
    (staff,) = mails_to("equipe@relier.example")
    assert referral.reference in young.subject and referral.reference in young.body_text
    assert "Un professionnel vous a orienté" in young.body_text
    assert "Votre orientation est bien arrivée" in referrer.subject
    for mail in (young, referrer, staff):
        assert mail.about_reference() == f"referral:{referral.pk}"
        assert "Sami" not in mail.body_text and "harcèlement scolaire" not in mail.body_text.lower()
    assert f"Nouvelle demande {referral.reference}" in staff.subject
    assert "Relier vers l'emploi" in staff.body_text and "Département : 93" in staff.body_text
    assert "http://127.0.0.1:8000/admin/" in staff.body_text


def test_contact_with_an_overseas_number(client, form_pages, team):
    response = submit(client, Kind.CONTACT)

    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.kind == Kind.CONTACT and referral.requester == "parent"
    assert referral.phone == "+262692123456" and referral.departement == "974"
    assert "Votre demande est bien arrivée" in client.get(response["Location"]).content.decode()
    assert len(mails_to("claire.parent@example.org")) == 1
    assert len(mails_to("equipe@relier.example")) == 1


def test_intervention_confirms_to_the_requester_and_notifies_the_team(client, form_pages, team):
    response = submit(client, Kind.INTERVENTION)

    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.kind == Kind.INTERVENTION
    assert referral.intervention_type == "seance-information" and referral.audience_size == 60
    assert referral.departement == "69" and referral.programme == "stop-cyberviolences"
    (confirmation,) = mails_to("paul.cpe@college.example")
    assert "demande d'intervention est bien arrivée" in confirmation.subject
    (staff,) = mails_to("equipe@relier.example")
    assert "Demande d'intervention" in staff.body_text


def test_routing_rules_choose_who_is_notified(client, form_pages, team):
    reunion = Group.objects.create(name="Antenne Réunion")
    StaffFactory(username="lea-reunion", email="lea@relier.example").groups.add(reunion)
    RoutingRule.objects.create(departements="974, 976", group=reunion)
    RoutingRule.objects.create(kind=Kind.INTERVENTION, emails="interventions@relier.example")

    submit(client, Kind.CONTACT)  # département 974
    submit(client, Kind.INTERVENTION, referrer_email="autre@college.example")  # 69

    assert [m.subject for m in mails_to("lea@relier.example")] == [
        f"Nouvelle demande {Referral.objects.get(kind=Kind.CONTACT).reference} (Demande de contact)"
    ]
    assert len(mails_to("interventions@relier.example")) == 1
    assert mails_to("equipe@relier.example") == []  # rules matched: the role is not added


def test_urgent_request_shows_the_helplines_and_is_notified_as_urgent(client, form_pages, team):
    form = client.get(FORM_PATHS[Kind.CONTACT]).content.decode()
    # The panel is in the page itself (shown by CSS when « Oui » is checked, no script).
    panel = form[form.index('class="urgency-panel') :]
    assert "tel:3114" in panel[:1500] and "tel:119" in panel[:1500] and "tel:112" in panel[:1500]

    response = submit(client, Kind.CONTACT, urgent="oui")

    referral = Referral.objects.get()
    assert referral.urgent
    confirmation = client.get(response["Location"]).content.decode()
    assert "Si le jeune est en danger, appelez maintenant" in confirmation
    assert "en priorité" in confirmation
    (staff,) = mails_to("equipe@relier.example")
    assert staff.subject.startswith("URGENT – Nouvelle demande")
    (person,) = mails_to("claire.parent@example.org")
    assert "3114" in person.body_text and "112" in person.body_text


def test_urgent_requests_come_first(client, form_pages):
    by_email = {"phone": "", "contact_preference": "email"}
    submit(client, Kind.CONTACT, email="a@example.org", **by_email)
    submit(client, Kind.CONTACT, email="b@example.org", urgent="oui", **by_email)
    submit(client, Kind.CONTACT, email="c@example.org", **by_email)
    assert [r.email for r in Referral.objects.all()] == [
        "b@example.org",
        "c@example.org",
        "a@example.org",
    ]


def test_a_young_person_under_15_alone_is_asked_kindly_for_a_trusted_adult(client, form_pages):
    response = submit(client, Kind.CONTACT, requester="jeune", age="12", first_name="Lou")

    assert response.status_code == 200
    shown = text(response)
    assert "Comme tu as moins de 15 ans, nous avons besoin du nom d'un adulte de confiance" in shown
    assert "Tu peux aussi appeler le 3018 ou le 119, gratuitement et sans donner ton nom" in shown
    assert "Indique le téléphone de cet adulte de confiance." in shown
    assert 'value="Lou"' in response.content.decode()  # what was typed is kept
    assert not Referral.objects.exists()

    response = submit(
        client,
        Kind.CONTACT,
        requester="jeune",
        age="12",
        trusted_adult_name="Tata Mireille",
        trusted_adult_phone="06 98 76 54 32",
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.trusted_adult_name == "Tata Mireille"
    assert referral.trusted_adult_phone == "+33698765432"


def test_a_parent_of_a_child_under_15_needs_no_trusted_adult(client, form_pages):
    assert submit(client, Kind.CONTACT, requester="parent", age="9").status_code == 302


def test_a_matching_contact_is_flagged_as_a_possible_duplicate_not_refused(client, form_pages):
    submit(client, Kind.CONTACT)
    first = Referral.objects.get()
    by_email = {"phone": "", "contact_preference": "email"}
    submit(client, Kind.CONTACT, email="CLAIRE.parent@example.org", **by_email)
    submit(client, Kind.CONTACT, email="", phone="+262 692 12 34 56")
    submit(client, Kind.CONTACT, email="autre@example.org", **by_email)

    second, third, fourth = Referral.objects.exclude(pk=first.pk).order_by("pk")
    assert second.possible_duplicate_of == first
    assert third.possible_duplicate_of in (first, second)
    assert fourth.possible_duplicate_of is None
    assert ReferralEvent.objects.filter(referral=second, action="duplicate").count() == 1


def test_a_closed_request_is_not_a_duplicate(client, form_pages):
    submit(client, Kind.CONTACT)
    Referral.objects.update(status=Status.CLOSED)
    submit(client, Kind.CONTACT)
    assert Referral.objects.filter(possible_duplicate_of__isnull=False).count() == 0


def test_the_confirmation_without_a_recent_request(client, form_pages):
    response = client.get("/etre-contacte/merci/")
    assert response.status_code == 200
    shown = text(response)
    assert "Aucune demande récente" in shown and "3114" in shown
    assert not REFERENCE_RE.search(shown)


def test_the_programme_is_preselected_by_the_link(client, form_pages):
    html = client.get("/orienter-un-jeune/?programme=stop-cyberviolences").content.decode()
    assert re.search(r'value="stop-cyberviolences"[^>]*checked', html)
    html = client.get("/orienter-un-jeune/?programme=<script>").content.decode()
    assert "checked" not in html and "<script>" not in html
    html = client.get("/demander-une-intervention/?programme=monster-moods").content.decode()
    assert re.search(r'<option value="monster-moods" selected>', html)


def test_the_information_notice_is_on_every_form(client, form_pages, settings):
    settings.REFERRALS_RETENTION_MONTHS = 18
    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(form_pages[Kind.CONTACT].get_site())
    site_settings.privacy_contact = "dpo@relier.example"
    site_settings.save()
    for path in FORM_PATHS.values():
        shown = text(client.get(path))
        assert "Ce que nous faisons de ces informations" in shown
        assert "18 mois après le dernier échange" in shown
        assert "dpo@relier.example" in shown
    for kind in (Kind.ORIENTATION, Kind.CONTACT):
        assert "N'écrivez aucune information médicale" in text(client.get(FORM_PATHS[kind]))


@pytest.mark.parametrize("kind", [Kind.ORIENTATION, Kind.CONTACT])
def test_the_danger_question_is_the_first_of_the_form_and_of_the_error_summary(
    client, form_pages, kind
):
    html = client.get(FORM_PATHS[kind]).content.decode()
    form = html[re.search(r"<form[^>]*referral-form", html).start() :]
    first_input = re.search(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*>', form)
    assert 'name="urgent"' in first_input.group(0)
    assert form.index('class="urgency-panel') < form.index('name="first_name"')

    empty = client.post(FORM_PATHS[kind], {}).content.decode()
    summary_links = re.findall(r'<a class="alert-link" href="#(id_[a-z_0-9]+)"', empty)
    assert summary_links[0] == "id_urgent_0"
