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
