"""The review task in which nobody approves their own submission
(relier_site.models.PeerReviewTask); the Administration role, which holds every
permission of relier_site's models (relier_site.roles.create_roles), gets its permissions.
"""

import django.db.models.deletion
from django.db import migrations, models

from relier_site import roles

NEW_MODEL_PERMISSIONS = [
    f"relier_site.{action}_peerreviewtask" for action in ("add", "change", "delete", "view")
]


def grant(apps, schema_editor):
    roles.grant_permissions(apps, roles.ADMINISTRATION, NEW_MODEL_PERMISSIONS)


def revoke(apps, schema_editor):
    roles.revoke_permissions(apps, roles.ADMINISTRATION, NEW_MODEL_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("relier_site", "0003_administration_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="PeerReviewTask",
            fields=[
                (
                    "task_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.task",
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        help_text="Pages/snippets at this step in a workflow will be moderated or approved by these groups of users",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
            ],
            options={
                "verbose_name": "relecture par une autre personne du groupe",
                "verbose_name_plural": "relectures par une autre personne du groupe",
            },
            bases=("wagtailcore.task",),
        ),
        migrations.RunPython(grant, revoke),
    ]
