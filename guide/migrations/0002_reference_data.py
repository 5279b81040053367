"""The fixed lists of the guide: themes, audiences and the French départements."""

from django.db import migrations

from guide import territories
from guide.reference import AUDIENCES, THEMES


def forwards(apps, schema_editor):
    Theme = apps.get_model("guide", "Theme")
    Audience = apps.get_model("guide", "Audience")
    Departement = apps.get_model("guide", "Departement")
    for order, (slug, name, _thematiques) in enumerate(THEMES):
        Theme.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for order, (slug, name, _publics) in enumerate(AUDIENCES):
        Audience.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for departement in territories.DEPARTEMENTS.values():
        Departement.objects.update_or_create(
            code=departement.code,
            defaults={"name": departement.name, "region_code": departement.region_code},
        )


class Migration(migrations.Migration):
    dependencies = [("guide", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
