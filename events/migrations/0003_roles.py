"""Accompagnement handles registrations and sessions; Communication edits the event
pages (page permissions of the whole tree, given by home/0002) and the sessions, never
the registrations; Administration has every permission of the app."""

from django.db import migrations

from relier_site import roles


def _crud(model):
    return [f"events.{action}_{model}" for action in ("add", "change", "delete", "view")]


SESSION_PERMISSIONS = _crud("session")
REGISTRATION_PERMISSIONS = _crud("registration")


def forwards(apps, schema_editor):
    roles.ensure_permissions_exist(apps, {"events"})
    roles.grant_permissions(apps, roles.ACCOMPAGNEMENT, SESSION_PERMISSIONS + REGISTRATION_PERMISSIONS)
    roles.grant_permissions(apps, roles.COMMUNICATION, SESSION_PERMISSIONS)
    roles.grant_permissions(apps, roles.ADMINISTRATION, roles.model_permissions(apps, "events"))


def backwards(apps, schema_editor):
    roles.revoke_permissions(apps, roles.ACCOMPAGNEMENT, SESSION_PERMISSIONS + REGISTRATION_PERMISSIONS)
    roles.revoke_permissions(apps, roles.COMMUNICATION, SESSION_PERMISSIONS)
    roles.revoke_permissions(apps, roles.ADMINISTRATION, roles.model_permissions(apps, "events"))


class Migration(migrations.Migration):
    dependencies = [("events", "0002_audiences"), ("home", "0002_create_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
