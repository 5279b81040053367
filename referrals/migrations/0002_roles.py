"""Accompagnement handles the requests (view and change them and their history, read the
routing rules); Administration has every permission of the app; Communication none."""

from django.db import migrations

from relier_site import roles

ACCOMPAGNEMENT_PERMISSIONS = [
    "referrals.view_referral",
    "referrals.change_referral",
    "referrals.view_referralevent",
    "referrals.change_referralevent",
    "referrals.view_routingrule",
]
MODELS = ["referral", "referralevent", "routingrule"]


def forwards(apps, schema_editor):
    roles.grant_permissions(apps, roles.ACCOMPAGNEMENT, ACCOMPAGNEMENT_PERMISSIONS)
    roles.ensure_permissions_exist(apps, {"referrals"})
    roles.grant_permissions(
        apps, roles.ADMINISTRATION, roles.model_permissions(apps, "referrals", MODELS)
    )


def backwards(apps, schema_editor):
    roles.revoke_permissions(apps, roles.ACCOMPAGNEMENT, ACCOMPAGNEMENT_PERMISSIONS)
    roles.revoke_permissions(
        apps, roles.ADMINISTRATION, roles.model_permissions(apps, "referrals", MODELS)
    )


class Migration(migrations.Migration):
    dependencies = [("referrals", "0001_initial"), ("home", "0002_create_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
