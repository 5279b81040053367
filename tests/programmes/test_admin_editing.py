"""A Communication staff member edits programmes, partners, kits and key figures through
the real Wagtail admin views (Django test client): create, preview, submit for review
on the « Relecture » workflow, publish; French validation messages."""

import importlib
from html import unescape

import pytest
from django.apps import apps as django_apps
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    get_page_models,
)
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import ImpactFigure
from programmes.models import (
    Audience,
    Kit,
    KitAudience,
    Partner,
    ProgrammeIndexPage,
    ProgrammePage,
    ResourcesPage,
    SchoolLevel,
)
from relier_site import roles
from relier_site.models import PeerReviewTask
from relier_site.review import ReviewPermissionTester
from tests.factories import ImageFactory, StaffFactory, StandardPageFactory
from tests.html import stream_block_errors, visible_text
from tests.programmes.factories import (
    KitFactory,
    PartnerFactory,
    ProgrammePageFactory,
    pdf_document,
)

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

TITLE = "Bien dans ma classe"
PROMISE = "Retrouver sa place en classe après le harcèlement, avec un groupe qui écoute."
SERVICE = "Groupes d'échanges hebdomadaires anonymes"
AGE_ERROR = "L'âge maximum doit être supérieur ou égal à l'âge minimum."
MIN_ACTION_ERROR = "Le nombre minimum d'éléments est 1"
ALT_TEXT_ERROR = "Veuillez ajouter un texte alternatif ou marquer l'image comme décorative"
PAGE_NOT_CREATED = "La page ne peut être créée du fait d'erreurs de validation."


@pytest.fixture
def referral_page(home_page):
    return StandardPageFactory(parent=home_page, title="Orienter un jeune", slug="orienter")


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["programmes", "programmepage", parent.pk])


def programme_form(*, action_page=None, actions=None, body=(), **fields):
    """POST data of Wagtail's page form for a ProgrammePage."""
    if actions is None:
        actions = [("action", {"label": "Orienter un jeune", "page": action_page.pk, "url": ""})]
    data = {
        "title": TITLE,
        "slug": "bien-dans-ma-classe",
        "promise": PROMISE,
        "status": ProgrammePage.Status.OFFERED,
        "age_min": "11",
        "age_max": "18",
        "schedule": "Chaque mercredi, en ligne",
        "duration": "Une heure par séance",
        "cost": "Gratuit",
        "how_to_join": "Demandez à être contacté.",
        "icon": "chat-heart",
        "intro": "Un accompagnement gratuit, en petits groupes, près de chez vous.",
        "services": streamfield(
            [("service", {"name": SERVICE, "description": "", "rhythm": "chaque semaine"})]
        ),
        "actions": streamfield(actions),
        "body": streamfield(list(body)),
        "seo_title": "",
        "search_description": "",
    }
    data.update(fields)
    form = nested_form_data(data)
    form["audiences"] = [str(Audience.objects.get(slug="jeunes").pk)]
    return form


def test_communication_creates_previews_submits_and_a_colleague_approves_a_programme(
    client, communication_client, programme_index_page, relecture, referral_page
):
    visitor = Client()
    # The add form opens, offering review and no direct publishing.
    response = communication_client.get(add_url(programme_index_page))
    assert response.status_code == 200
    assert 'name="promise"' in response.text
    assert 'name="action-submit"' in response.text
    assert 'name="action-publish"' not in response.text

    # Saved as a draft: stored, not live.
    form = programme_form(action_page=referral_page)
    response = communication_client.post(add_url(programme_index_page), form)
    assert response.status_code == 302
    page = ProgrammePage.objects.get(slug="bien-dans-ma-classe")
    assert page.get_parent().specific == programme_index_page
    assert not page.live
    assert page.promise == PROMISE
    assert [a.slug for a in page.audiences.all()] == ["jeunes"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert response.url == edit_url
    assert visitor.get("/programmes/bien-dans-ma-classe/").status_code == 404

    # Preview: the form data is checked, then the preview renders the page template.
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = communication_client.post(preview_url, form)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = communication_client.get(preview_url)
    assert response.status_code == 200
    text = visible_text(response)
    assert TITLE in text
    assert PROMISE in text
    assert SERVICE in text
    assert "de 11 à 18 ans" in text

    # Submitted for review: a workflow in progress on « Relecture », still not live.
    response = communication_client.post(edit_url, {**form, "action-submit": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.workflow == relecture
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by.username == "camille-communication"
    page.refresh_from_db()
    assert not page.live

    # The author cannot publish it themselves, even by posting the publish action.
    response = communication_client.post(edit_url, {**form, "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert visitor.get("/programmes/bien-dans-ma-classe/").status_code == 404

    # Another member of Communication approves: live at its public URL, the review closed.
    reviewer = StaffFactory(username="dominique-relectrice", role=roles.COMMUNICATION)
    client.force_login(reviewer)
    response = client.post(
        edit_url, {**form, "action-workflow-action": "1", "workflow-action-name": "approve"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not page.has_unpublished_changes
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    response = visitor.get("/programmes/bien-dans-ma-classe/")
    assert response.status_code == 200
    assert PROMISE in visible_text(response)
    # The summary box shows what the editor typed in « En bref ».
    assert "Quand Chaque mercredi, en ligne" in visible_text(response)
    assert "Combien ça coûte Gratuit" in visible_text(response)
    assert 'href="/orienter/"' in response.text


def test_a_second_reviewer_approves_and_the_programme_goes_live(
    client, communication_client, programme_index_page, relecture, referral_page
):
    form = programme_form(action_page=referral_page)
    response = communication_client.post(
        add_url(programme_index_page), {**form, "action-submit": "1"}
    )
    assert response.status_code == 302
    page = ProgrammePage.objects.get(slug="bien-dans-ma-classe")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.workflow.name == "Relecture"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    reviewer = StaffFactory(username="dominique-relectrice", role=roles.COMMUNICATION)
    client.force_login(reviewer)
    # The reviewer finds the page waiting for them on the dashboard.
    assert TITLE in client.get(reverse("wagtailadmin_home")).text
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**form, "action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert client.get("/programmes/bien-dans-ma-classe/").status_code == 200


def test_communication_cannot_publish_a_programme_under_review_by_any_path(
    communication_client, programme_index_page, relecture, referral_page
):
    visitor = Client()
    form = programme_form(action_page=referral_page)
    # Creating with the publish action only saves a draft.
    response = communication_client.post(
        add_url(programme_index_page), {**form, "action-publish": "1"}
    )
    assert response.status_code == 302
    page = ProgrammePage.objects.get(slug="bien-dans-ma-classe")
    assert not page.live
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    # The edit form offers « Soumettre à Relecture » and no « Publier ».
    response = communication_client.get(edit_url)
    assert 'name="action-submit"' in response.text
    assert 'name="action-publish"' not in response.text
    assert "Soumettre à Relecture" in visible_text(response)

    # Editing with the publish action: a draft again.
    response = communication_client.post(edit_url, {**form, "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live

    # Bulk publishing from the page listing: refused.
    bulk_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = communication_client.post(f"{bulk_url}?id={page.pk}")
    page.refresh_from_db()
    assert not page.live
    assert not WorkflowState.objects.filter(status=WorkflowState.STATUS_APPROVED).exists()

    # The admin's API (used by the page explorer): refused too.
    response = communication_client.post(
        f"/admin/api/main/pages/{page.pk}/action/publish/", content_type="application/json"
    )
    assert response.status_code == 403
    page.refresh_from_db()
    assert not page.live
    assert visitor.get("/programmes/bien-dans-ma-classe/").status_code == 404


@pytest.mark.parametrize("publishing", ["publish_copies", "alias"])
def test_communication_cannot_put_a_copy_of_a_programme_online(
    communication_client, programme_index_page, relecture, publishing
):
    original = ProgrammePageFactory(title="Stop cyberviolences", slug="stop-cyberviolences")
    response = communication_client.post(
        reverse("wagtailadmin_pages:copy", args=[original.pk]),
        {
            "new_title": "Stop cyberviolences (copie)",
            "new_slug": "stop-cyberviolences-copie",
            "new_parent_page": str(programme_index_page.pk),
            publishing: "on",
        },
    )
    assert not ProgrammePage.objects.filter(slug="stop-cyberviolences-copie", live=True).exists()
    assert Client().get("/programmes/stop-cyberviolences-copie/").status_code == 404
    assert response.status_code == 200  # the form again, with the refusal
    assert "Vous n'avez pas la permission de publier" in visible_text(response)


def test_communication_still_publishes_pages_without_a_workflow(
    client, communication_client, home_page, programme_index_page, relecture
):
    page = StandardPageFactory(
        parent=home_page, title="Nos actions", slug="nos-actions", live=False
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert 'name="action-publish"' in communication_client.get(edit_url).text
    response = communication_client.post(
        edit_url, {**page_form(page, title="Nos actions"), "action-publish": "1"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    client.logout()
    assert client.get("/nos-actions/").status_code == 200


def test_assigning_relecture_to_another_page_requires_review_there(communication_client, home_page):
    page = StandardPageFactory(parent=home_page, title="Association", slug="association")
    WorkflowPage.objects.create(workflow=Workflow.objects.get(name="Relecture"), page=page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = communication_client.post(
        edit_url, {**page_form(page, title="Association (nouveau titre)"), "action-publish": "1"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Association"  # the live version is unchanged
    assert page.has_unpublished_changes


def test_administration_publishes_a_programme_directly(
    client, programme_index_page, relecture, referral_page
):
    client.force_login(StaffFactory(username="alex-administration", role=roles.ADMINISTRATION))
    form = programme_form(action_page=referral_page)
    response = client.get(add_url(programme_index_page))
    assert 'name="action-publish"' in response.text
    response = client.post(add_url(programme_index_page), {**form, "action-publish": "1"})
    assert response.status_code == 302
    assert ProgrammePage.objects.get(slug="bien-dans-ma-classe").live


# --- Nobody approves their own submission ---------------------------------------------------

OTHER_REVIEWER_NEEDED = "une autre personne de l'équipe doit l'approuver"
PERMISSION_REFUSED = "Désolé, vous n'avez pas les autorisations pour accéder à cette zone."
XHR = {"X-Requested-With": "XMLHttpRequest"}


def submit_programme(client, programme_index_page, referral_page):
    """Create the programme and submit it to « Relecture »: (page, form, workflow state)."""
    form = programme_form(action_page=referral_page)
    response = client.post(add_url(programme_index_page), {**form, "action-submit": "1"})
    assert response.status_code == 302
    page = ProgrammePage.objects.get(slug="bien-dans-ma-classe")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    return page, form, state


def awaiting_review_panel(client):
    """The HTML of the dashboard's « En attente de votre vérification » panel ('' if none)."""
    html = client.get(reverse("wagtailadmin_home")).text
    if 'id="awaiting-review-section"' not in html:
        return ""
    start = html.index('id="awaiting-review-section"')
    return html[start : html.index("</section>", start)]


def workflow_url(name, page, action, task_state):
    return reverse(f"wagtailadmin_pages:{name}", args=[page.pk, action, task_state.pk])


def test_the_author_cannot_approve_their_own_submission_by_any_path(
    client, communication_client, communication_user, programme_index_page, relecture, referral_page
):
    page, form, state = submit_programme(communication_client, programme_index_page, referral_page)
    task_state = state.current_task_state
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    # The editor offers neither « Approuver » nor « Demander des modifications », and says why.
    response = communication_client.get(edit_url)
    assert response.status_code == 200
    assert 'data-workflow-action-name="approve"' not in response.text
    assert 'data-workflow-action-name="reject"' not in response.text
    text = visible_text(response)
    assert "Approbation par une autre personne" in text
    assert OTHER_REVIEWER_NEEDED in text

    # Posting the approve action from the editor only saves a draft.
    response = communication_client.post(
        edit_url, {**form, "action-workflow-action": "1", "workflow-action-name": "approve"}
    )
    assert response.status_code == 302
    # The workflow action views (the editor's modals call them) refuse both review actions.
    for action in ("approve", "reject"):
        for name in ("workflow_action", "collect_workflow_action_data"):
            url = workflow_url(name, page, action, task_state)
            assert communication_client.get(url, headers=XHR).status_code == 403, url
            response = communication_client.post(url, {"comment": ""}, headers=XHR)
            assert response.status_code == 403, url
    preview_url = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])
    # Outside a modal: back to the dashboard, with Wagtail's refusal in French.
    for response in (
        communication_client.post(workflow_url("workflow_action", page, "approve", task_state)),
        communication_client.get(preview_url),
    ):
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
        messages = [unescape(str(m)).strip() for m in get_messages(response.wsgi_request)]
        assert messages[-1] == PERMISSION_REFUSED

    # The dashboard does not list it among the pages awaiting the author's review.
    assert awaiting_review_panel(communication_client) == ""

    # A direct call of the task refuses the submitter too.
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, communication_user, "approve")

    page.refresh_from_db()
    assert not page.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert Client().get("/programmes/bien-dans-ma-classe/").status_code == 404

    # A colleague of the same group sees it waiting, approves it, and it goes live.
    client.force_login(StaffFactory(username="dominique-relectrice", role=roles.COMMUNICATION))
    assert TITLE in awaiting_review_panel(client)
    response = client.get(edit_url)
    assert 'data-workflow-action-name="approve"' in response.text
    assert OTHER_REVIEWER_NEEDED not in visible_text(response)
    response = client.post(workflow_url("workflow_action", page, "approve", task_state))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert Client().get("/programmes/bien-dans-ma-classe/").status_code == 200


def test_a_colleague_who_edited_the_page_under_review_cannot_approve_it(
    client, communication_client, programme_index_page, relecture, referral_page
):
    page, form, state = submit_programme(communication_client, programme_index_page, referral_page)
    task_state = state.current_task_state
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    # A colleague edits it during the review: the latest revision, the one approval
    # publishes, is now theirs.
    editor = StaffFactory(username="dominique-relectrice", role=roles.COMMUNICATION)
    client.force_login(editor)
    assert client.post(edit_url, {**form, "promise": "Une promesse reformulée."}).status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision().user == editor

    assert 'data-workflow-action-name="approve"' not in client.get(edit_url).text
    assert awaiting_review_panel(client) == ""
    response = client.post(
        workflow_url("workflow_action", page, "approve", task_state), headers=XHR
    )
    assert response.status_code == 403
    page.refresh_from_db()
    assert not page.live

    # A third member of the team approves: the colleague's version goes live.
    client.force_login(StaffFactory(username="sacha-relecteur", role=roles.COMMUNICATION))
    assert TITLE in awaiting_review_panel(client)
    response = client.post(workflow_url("workflow_action", page, "approve", task_state))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.promise == "Une promesse reformulée."


def test_administration_still_publishes_a_programme_under_review_directly(
    client, communication_client, programme_index_page, relecture, referral_page
):
    page, form, state = submit_programme(communication_client, programme_index_page, referral_page)
    client.force_login(StaffFactory(username="alex-administration", role=roles.ADMINISTRATION))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert 'name="action-publish"' in client.get(edit_url).text
    assert client.post(edit_url, {**form, "action-publish": "1"}).status_code == 302
    page.refresh_from_db()
    assert page.live


def test_the_relecture_task_lets_nobody_approve_their_own_submission():
    """After `migrate` (a fresh install), « Relecture »'s task is a peer review."""
    (task,) = Workflow.objects.get(name="Relecture").tasks.all()
    task = task.specific
    assert isinstance(task, PeerReviewTask)
    assert task.content_type.model == "peerreviewtask"
    assert sorted(task.groups.values_list("name", flat=True)) == [
        roles.ADMINISTRATION,
        roles.COMMUNICATION,
    ]
    assert PeerReviewTask.get_verbose_name() == "Relecture par une autre personne du groupe"


@pytest.mark.both_databases  # a data migration
def test_the_migration_converts_an_existing_relecture_task_with_a_review_in_progress(
    client, communication_client, programme_index_page, relecture, referral_page
):
    migration = importlib.import_module("programmes.migrations.0005_relecture_peer_review")
    # An existing install: « Relecture » still has Wagtail's group approval task, and a
    # review is in progress on it.
    migration.backwards(django_apps, None)
    (task,) = relecture.tasks.all()
    assert type(task.specific) is GroupApprovalTask
    page, form, state = submit_programme(communication_client, programme_index_page, referral_page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert 'data-workflow-action-name="approve"' in communication_client.get(edit_url).text

    migration.forwards(django_apps, None)

    (converted,) = relecture.tasks.all()
    assert converted.pk == task.pk
    assert converted.name == task.name
    assert isinstance(converted.specific, PeerReviewTask)
    assert sorted(converted.specific.groups.values_list("name", flat=True)) == [
        roles.ADMINISTRATION,
        roles.COMMUNICATION,
    ]
    assert not GroupApprovalTask.objects.filter(pk=task.pk).exists()
    # The review in progress continues on it: not by its author, by a colleague.
    state.refresh_from_db()
    assert state.current_task_state.task_id == task.pk
    assert 'data-workflow-action-name="approve"' not in communication_client.get(edit_url).text
    client.force_login(StaffFactory(username="dominique-relectrice", role=roles.COMMUNICATION))
    response = client.post(
        workflow_url("workflow_action", page, "approve", state.current_task_state)
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


def test_every_page_type_requires_review_under_a_workflow(communication_user):
    for model in get_page_models():
        if model is Page:
            continue
        tester = model().permissions_for_user(communication_user)
        assert isinstance(tester, ReviewPermissionTester), model.__name__


def test_a_programme_can_be_previewed_before_its_first_save(
    communication_client, programme_index_page, referral_page
):
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["programmes", "programmepage", programme_index_page.pk],
    )
    form = programme_form(
        action_page=referral_page, partners=[str(PartnerFactory(name="Fondation Horizon").pk)]
    )
    response = communication_client.post(preview_url, form)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = communication_client.get(preview_url)
    assert response.status_code == 200
    text = visible_text(response)
    assert TITLE in text
    assert PROMISE in text
    assert not ProgrammePage.objects.exists()


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, _, values in (part.strip().partition(" ") for part in policy.split(";"))
    }


def test_previews_may_be_framed_by_the_admin_and_public_pages_by_nobody(
    client, communication_client, programme_index_page
):
    # Page preview (the side panel frames it).
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[programme_index_page.pk])
    communication_client.post(preview_url, page_form(programme_index_page))
    # Snippet preview.
    partner = PartnerFactory(name="Fondation Horizon")
    snippet_preview_url = snippet_url(Partner, "preview_on_edit", partner.pk)
    communication_client.post(
        snippet_preview_url,
        {"name": partner.name, "kind": partner.kind, "url": "", "description": ""},
    )
    for url in (preview_url, snippet_preview_url):
        response = communication_client.get(url)
        assert response.status_code == 200, url
        directives = csp_directives(response)
        assert directives["frame-ancestors"] == "'self'", url
        assert response["X-Frame-Options"] == "SAMEORIGIN", url
        # Otherwise the public page's strict policy: scripts only with the nonce.
        assert directives["script-src"].startswith("'self' 'nonce-"), url
        assert "unsafe-inline" not in response["Content-Security-Policy"], url

    client.logout()
    response = client.get("/programmes/")
    assert response.status_code == 200
    assert csp_directives(response)["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


# --- Validation -----------------------------------------------------------------------------


# Under « Relecture », Communication submits and Administration may publish directly.
@pytest.mark.parametrize(
    ("role", "action"),
    [(roles.ADMINISTRATION, "action-publish"), (roles.COMMUNICATION, "action-submit")],
)
def test_a_programme_without_any_action_is_refused_in_french(
    client, programme_index_page, relecture, role, action
):
    client.force_login(StaffFactory(username="personne-equipe", role=role))
    form = programme_form(actions=[])
    response = client.post(add_url(programme_index_page), {**form, action: "1"})
    assert response.status_code == 200
    assert PAGE_NOT_CREATED in visible_text(response)
    assert MIN_ACTION_ERROR in stream_block_errors(response)
    assert not ProgrammePage.objects.exists()


def test_a_maximum_age_below_the_minimum_is_refused_next_to_the_maximum_age(
    communication_client, programme_index_page, referral_page
):
    form = programme_form(action_page=referral_page, age_min="15", age_max="11")
    response = communication_client.post(add_url(programme_index_page), form)
    assert response.status_code == 200
    assert not ProgrammePage.objects.exists()
    assert AGE_ERROR in visible_text(response)
    # The message sits in the error area of the "Âge maximum" field.
    html = response.text
    errors_at = html.index(
        'id="panel-child-contenu-child-pour_qui-child-panel-child-age_max-errors"'
    )
    assert "L&#x27;âge maximum doit être" in html[errors_at : errors_at + 600]
    assert html.index('for="id_age_max"') < errors_at


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_an_image_without_alt_text_is_refused_with_a_french_message(
    communication_client, programme_index_page, relecture, referral_page, action
):
    image = ImageFactory()
    body = [
        (
            "image",
            {"image": {"image": str(image.pk), "alt_text": "", "decorative": ""}, "caption": ""},
        )
    ]
    form = programme_form(action_page=referral_page, body=body)
    response = communication_client.post(add_url(programme_index_page), {**form, action: "1"})
    assert response.status_code == 200
    assert ALT_TEXT_ERROR in stream_block_errors(response)
    assert not ProgrammePage.objects.exists()


def test_saving_a_draft_with_an_image_without_alt_text_is_refused(
    communication_client, programme_index_page, referral_page
):
    image = ImageFactory()
    body = [
        (
            "image",
            {"image": {"image": str(image.pk), "alt_text": "", "decorative": ""}, "caption": ""},
        )
    ]
    form = programme_form(action_page=referral_page, body=body)
    response = communication_client.post(add_url(programme_index_page), form)
    assert response.status_code == 200
    assert ALT_TEXT_ERROR in stream_block_errors(response)
    assert not ProgrammePage.objects.exists()


def test_an_image_marked_decorative_needs_no_alt_text(
    communication_client, programme_index_page, referral_page
):
    image = ImageFactory()
    body = [
        (
            "image",
            {"image": {"image": str(image.pk), "alt_text": "", "decorative": "on"}, "caption": ""},
        )
    ]
    form = programme_form(action_page=referral_page, body=body)
    response = communication_client.post(
        add_url(programme_index_page), {**form, "action-publish": "1"}
    )
    assert response.status_code == 302
    assert ProgrammePage.objects.get().live


# --- Snippets: partners, kits, key figures ---------------------------------------------------


def snippet_url(model, name, *args):
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def test_communication_creates_edits_and_previews_a_partner(communication_client, home_page):
    assert communication_client.get(snippet_url(Partner, "list")).status_code == 200
    assert communication_client.get(snippet_url(Partner, "add")).status_code == 200
    logo = ImageFactory(title="Logo de la fondation")
    form = {
        "name": "Fondation Horizon",
        "kind": Partner.Kind.PATRON,
        "url": "https://fondation-horizon.example.org/",
        "logo": str(logo.pk),
        "description": "Finance les groupes de parole.",
    }

    response = communication_client.post(snippet_url(Partner, "preview_on_add"), form)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = communication_client.get(snippet_url(Partner, "preview_on_add"))
    assert response.status_code == 200
    assert "Fondation Horizon" in visible_text(response)
    assert 'alt="Fondation Horizon"' in response.text  # the logo's text alternative

    response = communication_client.post(snippet_url(Partner, "add"), form)
    assert response.status_code == 302
    partner = Partner.objects.get(name="Fondation Horizon")
    assert partner.kind == "mecene"
    assert partner.logo == logo
    assert partner.sort_order is not None  # placed at the end of the editors' order

    edit_url = snippet_url(Partner, "edit", partner.pk)
    assert communication_client.get(edit_url).status_code == 200
    response = communication_client.post(
        edit_url, {**form, "name": "Fondation Horizon Jeunesse", "kind": "institutionnel"}
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.name, partner.kind) == ("Fondation Horizon Jeunesse", "institutionnel")

    response = communication_client.post(snippet_url(Partner, "preview_on_edit", partner.pk), form)
    assert response.json()["is_valid"] is True
    response = communication_client.get(snippet_url(Partner, "preview_on_edit", partner.pk))
    assert response.status_code == 200
    assert "Fondation Horizon" in visible_text(response)


def test_editors_order_the_partners_and_the_home_page_follows(
    client, communication_client, home_page
):
    _first, _second, third = (
        PartnerFactory(name=name) for name in ("Alpha Mécénat", "Bêta Action", "Gamma Ville")
    )
    response = communication_client.post(snippet_url(Partner, "reorder", third.pk) + "?position=0")
    assert response.status_code == 200
    text = visible_text(client.get("/"))
    assert text.index("Gamma Ville") < text.index("Alpha Mécénat") < text.index("Bêta Action")


def test_communication_creates_edits_and_previews_a_kit(
    communication_client, programme_index_page, home_page
):
    programme = ProgrammePageFactory(title="Stop cyberviolences", slug="stop-cyberviolences")
    document = pdf_document("Présentation des modules de prévention")
    assert communication_client.get(snippet_url(Kit, "list")).status_code == 200
    assert communication_client.get(snippet_url(Kit, "add")).status_code == 200
    form = {
        "title": "Modules de prévention STOP Cyberviolences",
        "summary": "Quatre séances pour parler des cyberviolences en classe.",
        "document": str(document.pk),
        "format": Kit.Format.MODULE,
        "audiences": [str(KitAudience.objects.get(slug="equipes-pedagogiques").pk)],
        "school_levels": [
            str(SchoolLevel.objects.get(slug="college").pk),
            str(SchoolLevel.objects.get(slug="lycee").pk),
        ],
        "programme": str(programme.pk),
    }

    response = communication_client.post(snippet_url(Kit, "preview_on_add"), form)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = communication_client.get(snippet_url(Kit, "preview_on_add"))
    assert response.status_code == 200
    assert "Quatre séances pour parler des cyberviolences" in visible_text(response)

    response = communication_client.post(snippet_url(Kit, "add"), form)
    assert response.status_code == 302
    kit = Kit.objects.get(title="Modules de prévention STOP Cyberviolences")
    assert kit.document == document
    assert kit.programme.specific == programme
    assert {level.slug for level in kit.school_levels.all()} == {"college", "lycee"}
    assert [a.slug for a in kit.audiences.all()] == ["equipes-pedagogiques"]

    edit_url = snippet_url(Kit, "edit", kit.pk)
    assert communication_client.get(edit_url).status_code == 200
    response = communication_client.post(edit_url, {**form, "format": Kit.Format.PRESENTATION})
    assert response.status_code == 302
    kit.refresh_from_db()
    assert kit.format == "presentation"

    communication_client.post(snippet_url(Kit, "preview_on_edit", kit.pk), form)
    response = communication_client.get(snippet_url(Kit, "preview_on_edit", kit.pk))
    assert response.status_code == 200
    assert "Modules de prévention STOP Cyberviolences" in visible_text(response)

    # The listing shows the kit with its download count.
    response = communication_client.get(snippet_url(Kit, "list"))
    assert "Modules de prévention STOP Cyberviolences" in visible_text(response)
    assert "Téléchargements" in visible_text(response)


def test_communication_creates_and_edits_an_impact_figure(communication_client, home_page):
    assert communication_client.get(snippet_url(ImpactFigure, "list")).status_code == 200
    assert communication_client.get(snippet_url(ImpactFigure, "add")).status_code == 200
    form = {
        "value": "291",
        "label": "jeunes accompagnés",
        "period": "2023-2024",
        "source": "Rapport d'activité",
    }
    response = communication_client.post(snippet_url(ImpactFigure, "add"), form)
    assert response.status_code == 302
    figure = ImpactFigure.objects.get(label="jeunes accompagnés")

    response = communication_client.post(
        snippet_url(ImpactFigure, "edit", figure.pk), {**form, "value": "406"}
    )
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.value == "406"

    communication_client.post(snippet_url(ImpactFigure, "preview_on_edit", figure.pk), form)
    response = communication_client.get(snippet_url(ImpactFigure, "preview_on_edit", figure.pk))
    assert response.status_code == 200
    assert "jeunes accompagnés" in visible_text(response)


# --- Editor experience: page types, previews of every page type, accessibility checker ---


def test_programme_pages_only_go_below_the_programme_index(
    communication_client, home_page, programme_index_page
):
    response = communication_client.get(
        reverse("wagtailadmin_pages:add", args=["programmes", "programmepage", home_page.pk])
    )
    assert response.status_code in (302, 403)
    assert not ProgrammePage.objects.exists()
    # Below the index, the programme is the only choice: Wagtail opens its form directly.
    response = communication_client.get(
        reverse("wagtailadmin_pages:add_subpage", args=[programme_index_page.pk])
    )
    assert response.status_code == 302
    assert response.url == add_url(programme_index_page)
    # A second index or resources page cannot be created (max_count = 1).
    assert not ProgrammeIndexPage.can_create_at(home_page)
    assert ResourcesPage.can_create_at(home_page)


def page_form(page, **fields):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            **fields,
        }
    )


def test_the_programme_index_and_the_resources_page_can_be_previewed(
    communication_client, programme_index_page, resources_page
):
    ProgrammePageFactory(title="Se reconstruire ensemble", slug="se-reconstruire-ensemble")
    KitFactory(title="Kit des parents pour mobiliser l'école")
    for page, expected in (
        (programme_index_page, "Se reconstruire ensemble"),
        (resources_page, "Kit des parents pour mobiliser l'école"),
    ):
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        form = page_form(page, title=f"{page.title} (aperçu)")
        response = communication_client.post(preview_url, form)
        assert response.json() == {"is_valid": True, "is_available": True}
        response = communication_client.get(preview_url)
        assert response.status_code == 200
        text = visible_text(response)
        assert f"{page.title} (aperçu)" in text
        assert expected in text


def test_editors_get_the_accessibility_checker_on_public_pages(
    client, communication_client, programme_index_page
):
    ProgrammePageFactory(slug="un-programme")
    html = communication_client.get("/programmes/un-programme/").content.decode()
    assert 'id="checker-axe-configuration"' in html
    client.logout()
    html = client.get("/programmes/un-programme/").content.decode()
    assert "checker-axe-configuration" not in html
    assert "wagtail-userbar" not in html
