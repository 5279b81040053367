"""Who may open what: Accompagnement and Administration handle requests; Communication
and staff without a role get a 403 page on every referral URL, even with a guessed id;
only Administration uses the person's rights and edits the routing rules."""

import pytest
from django.urls import reverse

from referrals.models import RoutingRule
from relier_site import roles
from tests.factories import StaffFactory
from tests.referrals.triage_helpers import administrator, handler, store

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


def referral_urls(pk):
    index = reverse("referrals_referral:index")
    return [
        ("GET", index),
        ("GET", reverse("referrals_referral:index_results")),
        ("GET", f"{index}?export=csv"),
        ("GET", f"{index}?export=xlsx"),
        ("GET", reverse("referrals_referral:inspect", args=[pk])),
        ("GET", reverse("referrals_referral:history", args=[pk])),
        ("POST", reverse("referrals_referral:assign", args=[pk])),
        ("POST", reverse("referrals_referral:status", args=[pk])),
        ("POST", reverse("referrals_referral:note", args=[pk])),
        ("POST", reverse("referrals_referral:access_export", args=[pk])),
        ("GET", reverse("referrals_referral:erase", args=[pk])),
        ("POST", reverse("referrals_referral:erase", args=[pk])),
        ("GET", reverse("referrals_admin:statistics")),
        ("GET", reverse("referrals_admin:statistics_csv")),
    ]


def routing_urls(pk):
    return [
        ("GET", reverse("referrals_routingrule:index")),
        ("GET", reverse("referrals_routingrule:add")),
        ("GET", reverse("referrals_routingrule:edit", args=[pk])),
        ("GET", reverse("referrals_routingrule:inspect", args=[pk])),
        ("GET", reverse("referrals_routingrule:delete", args=[pk])),
    ]


def call(client, method, url):
    return (
        client.post(
            url, {"assignee": "1", "target": "refusee", "reason": "x", "text": "x", "confirm": "on"}
        )
        if method == "POST"
        else client.get(url)
    )


@pytest.mark.parametrize("role", [roles.COMMUNICATION, None], ids=["communication", "sans-role"])
def test_staff_without_the_role_get_403_on_every_referral_url(client, home_page, role):
    referral = store()
    rule = RoutingRule.objects.create(emails="equipe@example.org")
    user = StaffFactory(username="intrus", role=role)
    if role is None:
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    guessed = referral.pk + 1000
    for method, url in referral_urls(referral.pk) + referral_urls(guessed) + routing_urls(rule.pk):
        response = call(client, method, url)
        assert response.status_code == 403, (method, url, response.status_code)
        assert "Sami" not in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == "nouvelle" and referral.anonymised_at is None
    assert list(referral.events.values_list("action", flat=True)) == ["created"]


def test_accompagnement_cannot_use_the_person_rights(client, home_page):
    referral = store()
    client.force_login(handler())
    for url in (
        reverse("referrals_referral:access_export", args=[referral.pk]),
        reverse("referrals_referral:erase", args=[referral.pk]),
    ):
        assert client.post(url, {"confirm": "on"}).status_code == 403
    detail = client.get(reverse("referrals_referral:inspect", args=[referral.pk]))
    assert "Droits de la personne" not in detail.content.decode()
    referral.refresh_from_db()
    assert referral.first_name == "Sami"


def test_accompagnement_reads_the_routing_rules_but_cannot_change_them(client, home_page):
    rule = RoutingRule.objects.create(emails="equipe@example.org")
    client.force_login(handler())
    assert client.get(reverse("referrals_routingrule:index")).status_code == 200
    assert client.get(reverse("referrals_routingrule:add")).status_code == 403
    assert client.get(reverse("referrals_routingrule:edit", args=[rule.pk])).status_code == 403


def test_administration_creates_a_routing_rule(client, home_page):
    from django.contrib.auth.models import Group

    client.force_login(administrator())
    group = Group.objects.get(name=roles.ACCOMPAGNEMENT)
    response = client.post(
        reverse("referrals_routingrule:add"),
        {
            "kind": "orientation",
            "programme": "",
            "departements": "93, 94",
            "group": group.pk,
            "emails": "ile-de-france@example.org",
            "active": "on",
        },
    )
    assert response.status_code == 302
    rule = RoutingRule.objects.get()
    assert rule.departement_codes() == ["93", "94"] and rule.group == group
    index = client.get(reverse("referrals_routingrule:index")).content.decode()
    assert "Orientation par un professionnel · tous les programmes · 93, 94" in index


def test_administration_and_accompagnement_open_the_inbox(client, home_page):
    referral = store()
    for user in (handler(), administrator()):
        client.force_login(user)
        assert (
            referral.reference in client.get(reverse("referrals_referral:index")).content.decode()
        )
        assert (
            client.get(reverse("referrals_referral:inspect", args=[referral.pk])).status_code == 200
        )


def test_a_guessed_id_gives_404_to_staff_with_the_role(client, home_page):
    client.force_login(handler())
    assert client.get(reverse("referrals_referral:inspect", args=[999999])).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, home_page):
    referral = store()
    for method, url in referral_urls(referral.pk):
        response = call(client, method, url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("wagtailadmin_login")), url


def test_wagtails_admin_url_of_a_request_is_its_detail_page(home_page):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    referral = store()
    url = AdminURLFinder(handler()).get_edit_url(referral)
    assert url == reverse("referrals_referral:inspect", args=[referral.pk])
