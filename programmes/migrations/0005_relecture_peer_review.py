"""« Relecture »: nobody approves their own submission.

The workflow's task, a Wagtail group approval created by 0003, becomes a
relier_site.models.PeerReviewTask with the same id, name and groups (Communication,
Administration); reviews in progress continue on it. Reversible: back to a group approval.
"""

from django.db import migrations

from relier_site import review

WORKFLOW_NAME = "Relecture"


def forwards(apps, schema_editor):
    review.use_peer_review(apps, WORKFLOW_NAME)


def backwards(apps, schema_editor):
    review.use_group_approval(apps, WORKFLOW_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0004_status_help_text"),
        ("programmes", "0003_roles_and_relecture_workflow"),
        ("relier_site", "0004_peer_review_task"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
