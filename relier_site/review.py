"""Review before publishing: a page under a workflow (« Relecture ») is published only
when its review is approved.

Wagtail lets anyone holding the "publish" page permission publish directly, even a page
that has a workflow: the workflow is then a suggestion. Here, on a page covered by an
active workflow (assigned to the page or to one of its ancestors), only people who may
change the workflows themselves (the Administration role, superusers) publish
directly; everyone else, Communication included, can only submit the page for review.
Pages without a workflow are published directly by whoever has the permission.

Taking a page offline or out of its place is a change the public sees too: on pages
covered by a workflow, the same people cannot unpublish, delete or move live pages
either. Everything reads as if they held no "publish" permission there (which is how
Wagtail already treats editors without it): no unpublishing; deleting or moving only
pages that are not live (a draft may be thrown away or moved, it changes nothing on the
site); no moving a live page into a covered section; no reordering the children of a
covered page. Deleting or moving a page also deletes or moves the pages below it, so
the rule looks at the whole subtree, including pages with a workflow of their own.

The rule sits in the page permission tester, so every path Wagtail offers follows it:
the « Publier » button, a POST with ``action-publish`` (creating or editing), bulk
publishing, copying with live copies, reverting to a revision, scheduling, the view
restrictions and unscheduling that Wagtail ties to publishing; the « Dépublier »,
« Supprimer », « Déplacer » and « Trier l'ordre des menus » entries (hidden), their views
and bulk actions, the admin API, and ``wagtail.actions`` called with a user. The French
explanation (``refusal_message``) is given by the hooks in ``relier_site.wagtail_hooks``
where Wagtail lets them answer: the bulk actions and the move confirmation.

Approving the last task of a workflow publishes the page in the name of the reviewer,
who may not hold publishing rights on it; ``workflow_actions.publish_approved`` (the
``WAGTAIL_FINISH_WORKFLOW_ACTION``) publishes without the permission check, since the
approval is the check: Wagtail only offers « Approuver » to members of the task's groups.
It lives in ``relier_site.workflow_actions``, which Wagtail imports while its own models
load.

Nobody approves their own submission: the workflows' approval step is a
``relier_site.models.PeerReviewTask``. Migrations turn an existing group approval task into
one with ``use_peer_review(apps, "Relecture")`` (and back with ``use_group_approval``).
"""

from django.conf import settings
from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.models import Page, PagePermissionTester, WorkflowPage

# Managing workflows is the right to skip them: whoever holds it could unassign one.
BYPASS_REVIEW_PERMISSION = "wagtailcore.change_workflow"

REFUSAL_VERBS = {"unpublish": "dépublier", "delete": "supprimer", "move": "déplacer"}


def review_required(user, page):
    """True when ``user`` must submit ``page`` (or a new page below it) for review."""
    if user.is_superuser or user.has_perm(BYPASS_REVIEW_PERMISSION):
        return False
    return page.get_workflow() is not None


def _live_subtree(page):
    """Whether ``page`` or a page below it is live."""
    return page.live or page.get_descendants().live().exists()


def live_pages_under_review(user, page):
    """True when ``page`` or a page below it is live, covered by a workflow, and ``user``
    may not publish it directly: deleting or moving ``page`` would change it unreviewed."""
    if review_required(user, page):
        return _live_subtree(page)
    if user.is_superuser or user.has_perm(BYPASS_REVIEW_PERMISSION):
        return False
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return False
    # Sections below ``page`` with a workflow of their own.
    covered_roots = WorkflowPage.objects.filter(
        workflow__active=True,
        page__path__startswith=page.path,
        page__depth__gt=page.depth,
    ).values_list("page__path", flat=True)
    covered = Q()
    for path in covered_roots:
        covered |= Q(path__startswith=path)
    return bool(covered) and Page.objects.live().filter(covered).exists()


def refusal_message(user, page, action, destination=None):
    """The French explanation when the review rule refuses ``action`` ("unpublish",
    "delete" or "move", to ``destination`` if given) on ``page`` to ``user``; else None."""
    verb = REFUSAL_VERBS[action]
    if action == "unpublish":
        refused = page.live and review_required(user, page)
    else:
        refused = live_pages_under_review(user, page)
    if refused:
        if review_required(user, page):
            return f"Cette page est soumise à relecture : seule l'Administration peut la {verb}."
        return (
            "Des pages en ligne sous cette page sont soumises à relecture : seule "
            f"l'Administration peut la {verb}."
        )
    if (
        action == "move"
        and destination is not None
        and review_required(user, destination)
        and _live_subtree(page)
    ):
        return (
            "La page de destination est soumise à relecture : seule l'Administration peut "
            "y déplacer une page en ligne."
        )
    return None


class ReviewPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, without the right to publish (or unpublish, delete,
    move and reorder live pages) where a workflow applies and ``user`` may not skip it."""

    @cached_property
    def review_required(self):
        return review_required(self.user, self.page)

    def can_publish(self):
        return super().can_publish() and not self.review_required

    def can_publish_subpage(self):
        # A new page inherits the workflow of its parent.
        return super().can_publish_subpage() and not self.review_required

    def can_unpublish(self):
        return super().can_unpublish() and not self.review_required

    def can_reorder_children(self):
        # The order of a section's pages is its menu: Wagtail ties it to publishing.
        return super().can_reorder_children() and not self.review_required

    def can_delete(self, ignore_bulk=False):
        # Wagtail's can_move() is can_delete(ignore_bulk=True): moving follows this rule.
        return super().can_delete(ignore_bulk=ignore_bulk) and not live_pages_under_review(
            self.user, self.page
        )

    def can_move_to(self, destination):
        if not super().can_move_to(destination):
            return False
        # A live page moved into a covered section is published there unreviewed.
        return not (
            not self.user.is_superuser
            and review_required(self.user, destination)
            and _live_subtree(self.page)
        )


class ReviewedPageMixin:
    """For page models: permissions that require review where a workflow applies."""

    def permissions_for_user(self, user):
        return ReviewPermissionTester(user, self)


def _convert_tasks(apps, workflow_name, source, target):
    """Make the tasks of the workflow ``workflow_name`` of model ``source`` tasks of model
    ``target`` (two subclasses of AbstractGroupApprovalTask), keeping each task's id,
    name, groups and place in its workflows, and the reviews in progress on it.

    For migrations: ``source`` and ``target`` are (app_label, model_name) pairs.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    Source = apps.get_model(*source)
    Target = apps.get_model(*target)
    target_type, _ = ContentType.objects.get_or_create(app_label=target[0], model=target[1].lower())
    task_ids = Task.objects.filter(workflow_tasks__workflow__name=workflow_name).values("pk")
    for task in Source.objects.filter(pk__in=task_ids):
        task_id = task.pk  # delete() below clears task.pk
        group_ids = list(task.groups.values_list("pk", flat=True))
        converted = Target(task_ptr_id=task_id)
        # raw: only the subclass's own table; the Task row (id, name, active) is kept.
        converted.save_base(raw=True)
        converted.groups.set(group_ids)
        # keep_parents: the Task row stays, with its workflows and task states.
        task.delete(keep_parents=True)
        Task.objects.filter(pk=task_id).update(content_type=target_type)


def use_peer_review(apps, workflow_name):
    """In a migration: the group approval tasks of ``workflow_name`` become peer reviews
    (nobody approves their own submission)."""
    _convert_tasks(
        apps,
        workflow_name,
        ("wagtailcore", "GroupApprovalTask"),
        ("relier_site", "PeerReviewTask"),
    )


def use_group_approval(apps, workflow_name):
    """Reverse of ``use_peer_review``: back to Wagtail's group approval tasks."""
    _convert_tasks(
        apps,
        workflow_name,
        ("relier_site", "PeerReviewTask"),
        ("wagtailcore", "GroupApprovalTask"),
    )
