"""The staff walk: a request stored by the public form's service shows in the inbox,
filters and search find it, the detail shows its history, and assigning, changing the
status and adding a note each write a history entry; the referrer gets an email."""

import html as html_lib
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from referrals import calendar, services
from referrals.models import ReferralEvent
from relier_site.models import OutboundEmail
from tests.referrals.triage_helpers import CONTACT, handler, store

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

INDEX = reverse("referrals_referral:index")
# The reference alone as a link: the title cell of a row (not « Doublon possible de … »).
TITLE_LINK = re.compile(r">\s*(RL-[0-9A-Z]{4}-[0-9A-Z]{4})\s*</a>")


def detail_url(referral):
    return reverse("referrals_referral:inspect", args=[referral.pk])


def listed(client, query=""):
    """The references the inbox shows, in order."""
    response = client.get(f"{INDEX}?{query}")
    assert response.status_code == 200
    return TITLE_LINK.findall(response.content.decode())


@pytest.fixture
def staff(client, home_page):
    user = handler(first_name="Inès", last_name="Martin")
    client.force_login(user)
    return user


def test_the_inbox_shows_urgent_requests_first_then_the_oldest(client, staff):
    now = timezone.now()
    old = store(created_at=now - timedelta(days=3))
    recent = store(created_at=now - timedelta(days=1), email="autre@example.org", phone="")
    urgent = store(created_at=now, urgent=True, email="troisieme@example.org", phone="")
    assert listed(client) == [urgent.reference, old.reference, recent.reference]


def test_filters_by_status_kind_programme_departement_and_urgency(client, staff):
    orientation = store(programme="relier-vers-lemploi")
    contact = store("contact", urgent=True)
    services.assign(orientation, staff, actor=staff)
    assert listed(client, "status=nouvelle") == [contact.reference]
    assert listed(client, "status=prise_en_charge") == [orientation.reference]
    assert listed(client, "kind=contact") == [contact.reference]
    assert listed(client, "programme=relier-vers-lemploi") == [orientation.reference]
    assert listed(client, "departement=974") == [contact.reference]
    assert listed(client, "urgent=1") == [contact.reference]


def test_filters_by_assigned_person_and_nobody(client, staff):
    mine = store()
    nobody = store("contact")
    services.assign(mine, staff, actor=staff)
    assert listed(client, f"assigned_to={staff.pk}") == [mine.reference]
    assert listed(client, "assigned_to=aucune") == [nobody.reference]


def test_the_overdue_filter_uses_french_working_days(client, staff):
    cutoff = calendar.start_of_day(calendar.overdue_cutoff(timezone.localdate(), 2))
    late = store(created_at=cutoff - timedelta(hours=1))
    on_time = store("contact", created_at=cutoff + timedelta(hours=1))
    assert listed(client, "overdue=1") == [late.reference]
    html = client.get(INDEX).content.decode()
    assert html.count("En retard") >= 1
    assert on_time.reference in html


def test_possible_duplicates_are_flagged_with_a_link_to_the_other_request(client, staff):
    first = store("contact")
    second = store("contact", message="Nouvelle demande de la même famille.")
    assert second.possible_duplicate_of == first
    assert listed(client, "possible_duplicate=1") == [second.reference]
    html = client.get(INDEX).content.decode()
    assert f'href="{detail_url(first)}">Doublon possible de {first.reference}</a>' in html
    detail = client.get(detail_url(second)).content.decode()
    assert f'<a href="{detail_url(first)}">{first.reference}</a>' in detail
    assert second.reference in client.get(detail_url(first)).content.decode()


def test_search_finds_a_request_by_reference_name_or_email(client, staff):
    sami = store()
    claire = store("contact")
    assert listed(client, f"q={sami.reference}") == [sami.reference]
    assert listed(client, "q=claire.parent") == [claire.reference]
    assert listed(client, "q=Sami") == [sami.reference]


def test_an_unknown_filter_value_shows_the_inbox_without_error(client, staff):
    store()
    assert client.get(f"{INDEX}?status=inconnu&assigned_to=abc&departement=<b>").status_code == 200


def test_the_detail_shows_the_request_and_its_history(client, staff):
    referral = store(message="<script>alert(1)</script> message")
    html = client.get(detail_url(referral)).content.decode()
    assert f"Demande {referral.reference}" in html
    assert "Sami" in html and "+33612345678" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; message" in html
    assert "<script>alert(1)</script>" not in html
    assert "Reçue" in html  # the « created » history entry
    assert "Le site ou le système" in html


def test_assign_to_me_takes_the_request_in_charge_and_tells_the_referrer(client, staff):
    referral = store()
    response = client.post(
        reverse("referrals_referral:assign", args=[referral.pk]), {"assignee": staff.pk}
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.assigned_to == staff
    assert referral.status == "prise_en_charge"
    actions = list(referral.events.values_list("action", "actor", "to_status"))
    assert actions[-2:] == [("assigned", staff.pk, ""), ("status", staff.pk, "prise_en_charge")]
    mail = OutboundEmail.objects.get(reason_key=f"referral:{referral.pk}:followup:prise_en_charge")
    assert mail.to == ["nadia.conseillere@francetravail.example"]
    html = client.get(detail_url(referral)).content.decode()
    assert "Attribuée à Inès Martin" in html
    assert "Nouvelle → Prise en charge" in html


def test_assigning_to_someone_without_the_role_is_refused(client, staff):
    from tests.factories import StaffFactory

    outsider = StaffFactory(username="sans-role")
    referral = store()
    response = client.post(
        reverse("referrals_referral:assign", args=[referral.pk]), {"assignee": outsider.pk}
    )
    assert response.status_code == 400
    assert "Choisissez une personne de la liste." in response.content.decode()
    referral.refresh_from_db()
    assert referral.assigned_to is None


def test_status_changes_follow_the_workflow_and_closing_needs_a_reason(client, staff):
    referral = store()
    services.assign(referral, staff, actor=staff)
    status_url = reverse("referrals_referral:status", args=[referral.pk])

    response = client.post(status_url, {"target": "contact_etabli"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "contact_etabli"
    assert referral.first_contact_at is not None

    client.post(status_url, {"target": "orientee"})
    response = client.post(status_url, {"target": "cloturee", "reason": "  "})
    assert response.status_code == 400
    assert "Indiquez le motif pour passer la demande à « Clôturée »." in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == "orientee"

    response = client.post(status_url, {"target": "cloturee", "reason": "Groupe commencé"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.status_reason) == ("cloturee", "Groupe commencé")
    assert referral.closed_at is not None
    assert OutboundEmail.objects.filter(
        reason_key=f"referral:{referral.pk}:followup:cloturee"
    ).exists()
    statuses = list(referral.events.filter(action="status").values_list("from_status", "to_status"))
    assert statuses == [
        ("nouvelle", "prise_en_charge"),
        ("prise_en_charge", "contact_etabli"),
        ("contact_etabli", "orientee"),
        ("orientee", "cloturee"),
    ]


def test_a_transition_outside_the_table_is_refused(client, staff):
    referral = store()
    response = client.post(
        reverse("referrals_referral:status", args=[referral.pk]),
        {"target": "cloturee", "reason": "Fini"},
    )
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.status == "nouvelle"
    assert not referral.events.filter(action="status").exists()


def test_refusing_is_possible_from_any_open_status_with_a_reason(client, staff):
    referral = store("contact")
    response = client.post(
        reverse("referrals_referral:status", args=[referral.pk]),
        {"target": "refusee", "reason": "Hors de notre champ d'action"},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "refusee"
    # A family request has no referrer: no follow-up email.
    assert not OutboundEmail.objects.filter(reason_key__contains="followup").exists()


def test_a_note_is_added_to_the_history_escaped(client, staff):
    referral = store()
    response = client.post(
        reverse("referrals_referral:note", args=[referral.pk]),
        {"text": "Rappeler jeudi <b>matin</b>\x00"},
    )
    assert response.status_code == 302
    event = referral.events.get(action=ReferralEvent.Action.NOTE)
    assert (event.note, event.actor) == ("Rappeler jeudi <b>matin</b>", staff)
    html = client.get(detail_url(referral)).content.decode()
    assert "Rappeler jeudi &lt;b&gt;matin&lt;/b&gt;" in html


def test_an_empty_or_too_long_note_gets_a_french_message_and_keeps_the_text(client, staff):
    referral = store()
    url = reverse("referrals_referral:note", args=[referral.pk])
    response = client.post(url, {"text": "   "})
    assert "Écrivez la note avant de l'ajouter." in html_lib.unescape(response.content.decode())
    response = client.post(url, {"text": "x" * 2001})
    assert response.status_code == 400
    assert "2000 caractères" in response.content.decode()
    assert not referral.events.filter(action="note").exists()


def test_the_dashboard_counts_new_urgent_and_overdue_requests(client, staff):
    cutoff = calendar.start_of_day(calendar.overdue_cutoff(timezone.localdate(), 2))
    store(created_at=cutoff - timedelta(days=1))
    store("contact", urgent=True, email="x@example.org", phone="")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Demandes à traiter" in html
    assert '<span class="w-summary__count">2</span> Nouvelles' in html
    assert '<span class="w-summary__count">1</span> Urgentes en cours' in html
    assert '<span class="w-summary__count">1</span> En retard' in html


def test_the_dashboard_panel_is_not_shown_to_communication(client, home_page):
    from relier_site import roles
    from tests.factories import StaffFactory

    store()
    client.force_login(StaffFactory(username="comm", role=roles.COMMUNICATION))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Demandes à traiter" not in html


def test_contact_data_of_the_family_kind_is_shown(client, staff):
    referral = store("contact")
    html = client.get(detail_url(referral)).content.decode()
    assert CONTACT["message"] in html.replace("&#x27;", "'")


def test_the_walk_from_the_public_form_to_the_referrers_status_page(client, form_pages):
    from referrals.models import Kind, Referral, RoutingRule
    from tests.referrals.conftest import submit
    from tests.referrals.test_followup import followup_link

    RoutingRule.objects.create(emails="equipe@example.org")
    submit(client, Kind.ORIENTATION)
    referral = Referral.objects.get()
    assert OutboundEmail.objects.filter(to=["equipe@example.org"]).exists()

    staff = handler(first_name="Inès", last_name="Martin")
    client.force_login(staff)
    assert listed(client) == [referral.reference]
    client.post(reverse("referrals_referral:assign", args=[referral.pk]), {"assignee": staff.pk})
    client.post(
        reverse("referrals_referral:status", args=[referral.pk]), {"target": "contact_etabli"}
    )
    referral.refresh_from_db()
    assert referral.status == "contact_etabli"

    mail = OutboundEmail.objects.get(reason_key=f"referral:{referral.pk}:followup:prise_en_charge")
    client.logout()
    page = client.get(followup_link(mail), follow=True).content.decode()
    assert f"Suivi de la demande {referral.reference}" in page
    assert "<strong>Contact établi</strong>" in page
    assert "Sami" not in page


def test_refusing_an_orientation_tells_the_referrer(client, staff):
    referral = store()
    services.change_status(referral, "refusee", actor=staff, reason="Hors champ")
    mail = OutboundEmail.objects.get(reason_key=f"referral:{referral.pk}:followup:refusee")
    assert mail.to == ["nadia.conseillere@francetravail.example"]
    assert "statut : Refusée" in mail.body_text
    assert "Hors champ" not in mail.body_text


def test_the_history_page_lists_who_did_what_and_when(client, staff):
    referral = store()
    services.add_note(referral, "Premier appel sans réponse", actor=staff)
    html = client.get(reverse("referrals_referral:history", args=[referral.pk])).content.decode()
    assert f"Historique de la demande {referral.reference}" in html
    assert "Premier appel sans réponse" in html
    assert "Inès Martin" in html
