"""The Administration role holds every permission of relier_site's models (see
relier_site.roles.create_roles): give it those of the models added in 0002."""

from django.db import migrations

from relier_site import roles

NEW_MODEL_PERMISSIONS = [
    f"relier_site.{action}_{model}"
    for model in ("outboundattachment", "ratelimitcounter")
    for action in ("add", "change", "delete", "view")
]


def forwards(apps, schema_editor):
    roles.grant_permissions(apps, roles.ADMINISTRATION, NEW_MODEL_PERMISSIONS)


def backwards(apps, schema_editor):
    roles.revoke_permissions(apps, roles.ADMINISTRATION, NEW_MODEL_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("relier_site", "0002_outbox_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
