"""Review before publishing: a page under a workflow (« Relecture ») is published only
when its review is approved.

Wagtail lets anyone holding the "publish" page permission publish directly, even a page
that has a workflow: the workflow is then a suggestion. Here, on a page covered by an
active workflow (assigned to the page or to one of its ancestors), only people who may
change the workflows themselves (the Administration role, superusers) publish
directly; everyone else, Communication included, can only submit the page for review.
Pages without a workflow are published directly by whoever has the permission.

The rule sits in the page permission tester, so every path Wagtail offers follows it:
the « Publier » button, a POST with ``action-publish`` (creating or editing), bulk
publishing, copying with live copies, reverting to a revision, scheduling, and the view
restrictions and unscheduling that Wagtail ties to publishing.

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

from wagtail.models import PagePermissionTester

# Managing workflows is the right to skip them: whoever holds it could unassign one.
BYPASS_REVIEW_PERMISSION = "wagtailcore.change_workflow"


def review_required(user, page):
    """True when ``user`` must submit ``page`` (or a new page below it) for review."""
    if user.is_superuser or user.has_perm(BYPASS_REVIEW_PERMISSION):
        return False
    return page.get_workflow() is not None


class ReviewPermissionTester(PagePermissionTester):
    def can_publish(self):
        return super().can_publish() and not review_required(self.user, self.page)

    def can_publish_subpage(self):
        # A new page inherits the workflow of its parent.
        return super().can_publish_subpage() and not review_required(self.user, self.page)


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
