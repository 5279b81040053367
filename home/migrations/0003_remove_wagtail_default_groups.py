"""Remove Wagtail's English default groups ("Editors", "Moderators") while unused.

The site's roles are Communication, Accompagnement and Administration (0002).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        if not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_roles"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
