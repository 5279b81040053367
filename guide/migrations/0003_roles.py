"""Communication and Administration edit, publish, import and export the guide's
structures; Accompagnement has no right on the guide."""

from django.db import migrations

from relier_site import roles

STRUCTURE_PERMISSIONS = [
    "guide.add_structure",
    "guide.change_structure",
    "guide.delete_structure",
    "guide.view_structure",
    "guide.publish_structure",
    "guide.import_structure",
]


def forwards(apps, schema_editor):
    roles.ensure_permissions_exist(apps, {"guide"})
    # Wagtail adds the "publish" permission of draftable snippets after all migrations;
    # it is created here so that the roles can get it on a fresh database.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="guide", model="structure")
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="publish_structure",
        defaults={"name": "Can publish structure du guide"},
    )
    roles.grant_permissions(apps, roles.COMMUNICATION, STRUCTURE_PERMISSIONS)
    roles.grant_permissions(apps, roles.ADMINISTRATION, STRUCTURE_PERMISSIONS)


def backwards(apps, schema_editor):
    roles.revoke_permissions(apps, roles.COMMUNICATION, STRUCTURE_PERMISSIONS)
    roles.revoke_permissions(apps, roles.ADMINISTRATION, STRUCTURE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("guide", "0002_reference_data"), ("home", "0002_create_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
