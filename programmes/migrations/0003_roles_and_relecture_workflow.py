"""Give the roles their rights on partners and kits; create the « Relecture » workflow.

Wagtail's default English workflow ("Moderators approval", assigned to the whole tree
and approved by the "Moderators" group nobody belongs to) is replaced by « Relecture »,
approved by the Communication or Administration roles. The demo content assigns it to
the programme pages; editors can assign it elsewhere in Paramètres › Workflows.
"""

from django.db import migrations

from relier_site import roles

WORKFLOW_NAME = "Relecture"


def forwards(apps, schema_editor):
    roles.ensure_permissions_exist(apps, {"programmes"})
    roles.grant_permissions(
        apps, roles.COMMUNICATION, roles.model_permissions(apps, "programmes", ["partner", "kit"])
    )
    roles.grant_permissions(apps, roles.ADMINISTRATION, roles.model_permissions(apps, "programmes"))

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    default = Workflow.objects.filter(name="Moderators approval").first()
    if default is not None:
        WorkflowPage.objects.filter(workflow=default).delete()
        default.active = False
        default.save(update_fields=["active"])

    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="Relecture par l'équipe communication ou l'administration",
        content_type=task_type,
        active=True,
    )
    task.groups.set(Group.objects.filter(name__in=[roles.COMMUNICATION, roles.ADMINISTRATION]))
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def backwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0002_lookup_values"),
        ("home", "0002_create_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
