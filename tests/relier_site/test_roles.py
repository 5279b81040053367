"""Staff roles: created by migration, with the permissions the README gives them."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
)

from home.models import SiteSettings
from relier_site import roles
from tests.factories import StaffFactory, StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def perms_of(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def page_actions_of(group_name):
    return {
        gpp.permission.codename.removesuffix("_page")
        for gpp in GroupPagePermission.objects.filter(
            group__name=group_name, page=Page.get_first_root_node()
        )
    }


def collection_perms_of(group_name):
    return {
        f"{gcp.permission.content_type.app_label}.{gcp.permission.codename}"
        for gcp in GroupCollectionPermission.objects.filter(
            group__name=group_name, collection=Collection.get_first_root_node()
        )
    }


def staff(group_name, username=None):
    return StaffFactory(username=username or f"{group_name.lower()}-test", role=group_name)


def test_the_three_roles_exist_after_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLE_NAMES)
    assert not User.objects.filter(is_superuser=True).exists()


CONTENT_SNIPPETS = {
    f"{app}.{action}_{model}"
    for app, model in [("programmes", "partner"), ("programmes", "kit"), ("home", "impactfigure")]
    for action in ("add", "change", "delete", "view")
}
# The footer links (a site setting of their own: the other site settings are not theirs).
FOOTER_LINKS = {"home.change_footerlinks"}
# The guide's structures: edited (drafts, publishing) and imported by Communication.
GUIDE_STRUCTURES = {
    f"guide.{action}_structure"
    for action in ("add", "change", "delete", "view", "publish", "import")
}
EVENTS_SESSIONS = {f"events.{action}_session" for action in ("add", "change", "delete", "view")}


def test_communication_edits_content_and_nothing_else():
    assert perms_of(roles.COMMUNICATION) == (
        {"wagtailadmin.access_admin"}
        | CONTENT_SNIPPETS
        | GUIDE_STRUCTURES
        | EVENTS_SESSIONS
        | FOOTER_LINKS
    )
    assert page_actions_of(roles.COMMUNICATION) == {"add", "change", "publish", "lock", "unlock"}
    assert collection_perms_of(roles.COMMUNICATION) == set(roles.MEDIA_COLLECTION_PERMISSIONS)


def test_accompagnement_sees_the_outbox_but_edits_no_content():
    perms = perms_of(roles.ACCOMPAGNEMENT)
    assert "wagtailadmin.access_admin" in perms
    assert "relier_site.view_outboundemail" in perms
    assert "home.change_sitesettings" not in perms
    assert page_actions_of(roles.ACCOMPAGNEMENT) == set()
    assert collection_perms_of(roles.ACCOMPAGNEMENT) == set()


def test_administration_has_settings_users_pages_media_and_outbox():
    perms = perms_of(roles.ADMINISTRATION)
    assert {
        "wagtailadmin.access_admin",
        "home.change_sitesettings",
        "auth.add_user",
        "auth.change_user",
        "auth.change_group",
        "wagtailredirects.add_redirect",
        "relier_site.view_outboundemail",
        "relier_site.retry_outboundemail",
        *CONTENT_SNIPPETS,
        *GUIDE_STRUCTURES,
    } <= perms
    assert page_actions_of(roles.ADMINISTRATION) == set(roles.ALL_PAGE_ACTIONS)
    assert collection_perms_of(roles.ADMINISTRATION) >= set(roles.MEDIA_COLLECTION_PERMISSIONS)
    assert "wagtailcore.add_collection" in collection_perms_of(roles.ADMINISTRATION)


def test_create_roles_twice_changes_nothing():
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        sum(g.permissions.count() for g in Group.objects.all()),
    )
    roles.create_roles(apps)
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        sum(g.permissions.count() for g in Group.objects.all()),
    )


def test_grant_helpers_for_later_apps():
    group = "Groupe de test"
    missing = roles.grant_permissions(
        apps, group, ["home.change_sitesettings", "later_app.view_record"], strict=False
    )
    assert missing == ["later_app.view_record"]
    assert perms_of(group) == {"home.change_sitesettings"}
    with pytest.raises(roles.MissingPermission, match="later_app.view_record"):
        roles.grant_permissions(apps, group, ["later_app.view_record"])
    roles.revoke_permissions(apps, group, ["home.change_sitesettings"])
    assert perms_of(group) == set()
    assert "relier_site.view_outboundemail" in roles.model_permissions(apps, "relier_site")


def test_communication_user_edits_pages_images_documents(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Nos actions")
    client.force_login(staff(roles.COMMUNICATION))

    response = client.get(reverse("wagtailadmin_explore", args=[home_page.pk]))
    assert response.status_code == 200
    assert "Nos actions" in response.text

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert 'name="title"' in response.text

    # Only one page type is allowed below the home page: Wagtail goes straight to it.
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_page.pk])
    )
    assert response.status_code == 200

    assert client.get(reverse("wagtailimages:index")).status_code == 200
    assert client.get(reverse("wagtaildocs:index")).status_code == 200
    assert client.get(reverse("wagtailimages:add")).status_code == 200


def assert_refused(response):
    """Wagtail refuses by redirecting to the dashboard (with a message) or with 403."""
    if response.status_code == 302:
        assert response.url in {reverse("wagtailadmin_home"), "/admin/"}, response.url
    else:
        assert response.status_code == 403, response.status_code


def test_communication_user_cannot_open_site_settings_or_users(client, home_page):
    site = Site.objects.get(is_default_site=True)
    SiteSettings.for_site(site)
    client.force_login(staff(roles.COMMUNICATION))
    edit_url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])

    response = client.get(edit_url)
    assert_refused(response)
    followed = client.get(response.url) if response.status_code == 302 else response
    assert "Adresse de sortie rapide" not in followed.text
    assert "pas les autorisations pour accéder à cette zone" in followed.text

    assert_refused(client.get(reverse("wagtailusers_users:index")))
    assert_refused(client.get(reverse("wagtailusers_groups:index")))


def test_administration_user_opens_site_settings_and_users(client, home_page):
    site = Site.objects.get(is_default_site=True)
    SiteSettings.for_site(site)
    client.force_login(staff(roles.ADMINISTRATION))
    edit_url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    response = client.get(edit_url)
    assert response.status_code == 200
    assert "Adresse de sortie rapide" in response.text
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
