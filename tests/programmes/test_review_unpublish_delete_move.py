"""Review means review: on a page under the « Relecture » workflow, Communication can no
more unpublish, delete or move a live page than publish it, by any path (editor views,
bulk actions, drag-and-drop ordering, the admin API); the Administration can. Pages
without a workflow are handled by Communication as before."""

from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, WorkflowPage

from programmes.models import ProgrammePage
from relier_site import roles
from tests.factories import StaffFactory, StandardPageFactory
from tests.html import visible_text
from tests.programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

REVIEW_REFUSAL = "Cette page est soumise à relecture : seule l'Administration peut la {verb}."
DESTINATION_REFUSAL = (
    "La page de destination est soumise à relecture : seule l'Administration peut y "
    "déplacer une page en ligne."
)
PERMISSION_REFUSED = "Désolé, vous n'avez pas les autorisations pour accéder à cette zone."
VERBS = {"unpublish": "dépublier", "delete": "supprimer", "move": "déplacer"}
XHR = {"X-Requested-With": "XMLHttpRequest"}


@pytest.fixture
def programme(relecture, programme_index_page):
    """A live programme page, under « Relecture »."""
    return ProgrammePageFactory(
        parent=programme_index_page, title="Stop cyberviolences", slug="stop-cyberviolences"
    )


@pytest.fixture
def other_index(home_page, relecture):
    """A second programme index, also under « Relecture »: somewhere to move a programme."""
    index = ProgrammeIndexPageFactory(
        parent=home_page, title="Autres programmes", slug="autres-programmes"
    )
    WorkflowPage.objects.create(workflow=relecture, page=index)
    return index


@pytest.fixture
def administration_client(client):
    client.force_login(StaffFactory(username="alex-administration", role=roles.ADMINISTRATION))
    return client


def url(name, *args):
    return reverse(f"wagtailadmin_pages:{name}", args=args)


def bulk_url(action, *pages):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + "?" + ids


def api_url(page, action):
    return f"/admin/api/main/pages/{page.pk}/action/{action}/"


def page_state(page):
    """(exists, live, parent id) of ``page`` as stored."""
    stored = Page.objects.filter(pk=page.pk).first()
    if stored is None:
        return (False, None, None)
    return (True, stored.live, stored.get_parent().pk)


def messages_of(response):
    return [unescape(str(message)).strip() for message in get_messages(response.wsgi_request)]


def assert_still_online(page, parent):
    assert page_state(page) == (True, True, parent.pk)
    assert Client().get(page.url).status_code == 200


# --- Communication on a programme under « Relecture »: refused ---------------------------


def test_the_editor_and_the_explorer_offer_no_unpublish_delete_or_move_on_a_page_under_review(
    communication_client, programme, programme_index_page, home_page
):
    hidden = [
        url("unpublish", programme.pk),
        url("delete", programme.pk),
        url("move", programme.pk),
    ]
    for screen in (
        url("edit", programme.pk),
        reverse("wagtailadmin_explore", args=[programme_index_page.pk]),
    ):
        html = communication_client.get(screen).text
        for link in hidden:
            assert link not in html, (screen, link)
    # Nor the « Trier l'ordre des menus » mode of the section.
    ordering = reverse("wagtailadmin_explore", args=[programme_index_page.pk]) + "?ordering=ord"
    assert url("set_page_position", programme.pk) not in communication_client.get(ordering).text

    # The same screens offer them for a page without workflow (so the check above means
    # something).
    page = StandardPageFactory(parent=home_page, title="Nos actions", slug="nos-actions")
    html = communication_client.get(url("edit", page.pk)).text
    for link in (url("unpublish", page.pk), url("delete", page.pk), url("move", page.pk)):
        assert link in html, link


@pytest.mark.parametrize("action", ["unpublish", "delete", "move"])
def test_communication_cannot_unpublish_delete_or_move_a_page_under_review_in_the_editor(
    communication_client, programme, programme_index_page, other_index, action
):
    view = url(action, programme.pk)
    for method in ("get", "post"):
        response = getattr(communication_client, method)(view)
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
        assert PERMISSION_REFUSED in messages_of(response)
    assert_still_online(programme, programme_index_page)


def test_communication_cannot_confirm_moving_a_page_under_review(
    communication_client, programme, programme_index_page, other_index
):
    confirm = url("move_confirm", programme.pk, other_index.pk)
    for method in ("get", "post"):
        response = getattr(communication_client, method)(confirm)
        assert response.status_code == 403
        assert REVIEW_REFUSAL.format(verb="déplacer") in visible_text(response)
    assert_still_online(programme, programme_index_page)


def test_communication_cannot_reorder_the_pages_of_a_section_under_review(
    communication_client, programme, programme_index_page
):
    second = ProgrammePageFactory(parent=programme_index_page, title="Monster moods")
    order = list(programme_index_page.get_children().values_list("pk", flat=True))
    assert order == [programme.pk, second.pk]
    response = communication_client.post(
        url("set_page_position", second.pk) + "?position=0", headers=XHR
    )
    assert response.status_code == 403
    assert list(programme_index_page.get_children().values_list("pk", flat=True)) == order


@pytest.mark.parametrize("action", ["unpublish", "delete", "move"])
def test_communication_cannot_unpublish_delete_or_move_a_page_under_review_in_bulk(
    communication_client, programme, programme_index_page, other_index, home_page, action
):
    # With another page, without workflow, in the selection: nothing at all is done.
    other = StandardPageFactory(parent=home_page, title="Nos actions", slug="nos-actions")
    if action == "move":  # (a standard page cannot go below a programme index)
        other = ProgrammePageFactory(parent=programme_index_page, live=False)
        response = communication_client.post(
            bulk_url(action, programme, other), {"chooser": str(other_index.pk)}
        )
    else:
        response = communication_client.post(bulk_url(action, programme, other))
    assert response.status_code == 403
    assert REVIEW_REFUSAL.format(verb=VERBS[action]) in visible_text(response)
    assert_still_online(programme, programme_index_page)
    assert page_state(other) == (True, other.live, other.get_parent().pk)


@pytest.mark.parametrize("action", ["unpublish", "delete", "move"])
def test_the_admin_api_refuses_communication_too(
    communication_client, programme, programme_index_page, other_index, action
):
    data = {}
    if action == "move":
        data = {"destination_page_id": other_index.pk, "position": "last-child"}
    response = communication_client.post(
        api_url(programme, action), data, content_type="application/json"
    )
    assert response.status_code == 403
    assert_still_online(programme, programme_index_page)


def test_communication_cannot_move_a_live_page_into_a_section_under_review(
    communication_client, home_page, relecture
):
    association = StandardPageFactory(parent=home_page, title="Association", slug="association")
    WorkflowPage.objects.create(workflow=relecture, page=association)
    page = StandardPageFactory(parent=home_page, title="Notre équipe", slug="notre-equipe")

    response = communication_client.post(url("move_confirm", page.pk, association.pk))
    assert response.status_code == 403
    assert DESTINATION_REFUSAL in visible_text(response)
    response = communication_client.post(
        api_url(page, "move"),
        {"destination_page_id": association.pk, "position": "last-child"},
        content_type="application/json",
    )
    assert response.status_code == 403
    communication_client.post(bulk_url("move", page), {"chooser": str(association.pk)})
    assert page_state(page) == (True, True, home_page.pk)


def test_communication_may_delete_a_draft_under_review(
    communication_client, programme_index_page, relecture
):
    """A page never put online changes nothing on the site: deleting it needs no review."""
    draft = ProgrammePageFactory(parent=programme_index_page, title="Brouillon", live=False)
    response = communication_client.post(url("delete", draft.pk))
    assert response.status_code == 302
    assert not ProgrammePage.objects.filter(pk=draft.pk).exists()


# --- What still works ---------------------------------------------------------------------


def unpublish(client, page, bulk):
    if bulk:
        return client.post(bulk_url("unpublish", page))
    return client.post(url("unpublish", page.pk))


def delete(client, page, bulk):
    if bulk:
        return client.post(bulk_url("delete", page))
    return client.post(url("delete", page.pk))


def move(client, page, destination, bulk):
    if bulk:
        return client.post(bulk_url("move", page), {"chooser": str(destination.pk)})
    return client.post(url("move_confirm", page.pk, destination.pk))


@pytest.mark.parametrize("bulk", [False, True], ids=["editor", "bulk"])
def test_communication_still_unpublishes_deletes_and_moves_pages_without_a_workflow(
    communication_client, home_page, relecture, bulk
):
    section = StandardPageFactory(parent=home_page, title="Nos actions", slug="nos-actions")
    page = StandardPageFactory(parent=home_page, title="Notre équipe", slug="notre-equipe")

    assert unpublish(communication_client, page, bulk).status_code == 302
    assert page_state(page) == (True, False, home_page.pk)
    assert move(communication_client, page, section, bulk).status_code == 302
    assert page_state(page) == (True, False, section.pk)
    assert delete(communication_client, page, bulk).status_code == 302
    assert page_state(page) == (False, None, None)


@pytest.mark.parametrize("bulk", [False, True], ids=["editor", "bulk"])
def test_administration_unpublishes_moves_and_deletes_a_page_under_review(
    administration_client, programme, other_index, bulk
):
    assert unpublish(administration_client, programme, bulk).status_code == 302
    assert page_state(programme) == (True, False, programme.get_parent().pk)
    ProgrammePage.objects.get(pk=programme.pk).save_revision().publish()
    assert move(administration_client, programme, other_index, bulk).status_code == 302
    assert page_state(programme) == (True, True, other_index.pk)
    assert delete(administration_client, programme, bulk).status_code == 302
    assert page_state(programme) == (False, None, None)
