"""The fixed list of the agenda's audiences."""

from django.db import migrations

AUDIENCES = [
    ("jeunes", "Jeunes"),
    ("parents", "Parents"),
    ("professionnels", "Professionnels"),
    ("france-travail", "France Travail"),
]


def forwards(apps, schema_editor):
    Audience = apps.get_model("events", "Audience")
    for order, (slug, name) in enumerate(AUDIENCES):
        Audience.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
