"""Accompagnement (the psychologists and coordinators) sets the offer (types of
permanence, opening ranges, absences) and sees and handles the appointments;
Communication gets nothing (appointments are personal data); Administration has every
permission of the app."""

from django.db import migrations

from relier_site import roles

OFFER_PERMISSIONS = [
    f"appointments.{action}_{model}"
    for model in ("appointmenttype", "openingrange", "absence")
    for action in ("add", "change", "delete", "view")
]
APPOINTMENT_PERMISSIONS = ["appointments.view_appointment", "appointments.change_appointment"]


def forwards(apps, schema_editor):
    roles.ensure_permissions_exist(apps, {"appointments"})
    roles.grant_permissions(apps, roles.ACCOMPAGNEMENT, OFFER_PERMISSIONS + APPOINTMENT_PERMISSIONS)
    roles.grant_permissions(apps, roles.ADMINISTRATION, roles.model_permissions(apps, "appointments"))


def backwards(apps, schema_editor):
    roles.revoke_permissions(apps, roles.ACCOMPAGNEMENT, OFFER_PERMISSIONS + APPOINTMENT_PERMISSIONS)
    roles.revoke_permissions(
        apps, roles.ADMINISTRATION, roles.model_permissions(apps, "appointments")
    )


class Migration(migrations.Migration):
    dependencies = [("appointments", "0001_initial"), ("home", "0002_create_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
