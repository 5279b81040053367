"""The action Wagtail runs when a workflow is approved (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Imported by ``wagtail.models`` while it loads: this module must not import Wagtail's
models. See relier_site.review for the rule it completes.
"""


def publish_approved(workflow_state, user=None):
    """Publish the page or snippet whose review ``user`` has just approved.

    Without the publishing-permission check: the reviewer may not hold that right on a
    page under review, and the approval itself was checked (only members of the task's
    groups are offered « Approuver »).
    """
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )
