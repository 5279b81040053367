from django.db import migrations

AUDIENCES = [
    ("jeunes", "Jeunes"),
    ("parents", "Parents"),
    ("equipes-educatives", "Équipes éducatives"),
    ("professionnels-insertion", "Professionnels de l'insertion"),
    ("collectivites", "Collectivités"),
]
KIT_AUDIENCES = [
    ("eleves", "Élèves"),
    ("equipes-pedagogiques", "Équipes pédagogiques"),
    ("parents", "Parents"),
]
SCHOOL_LEVELS = [
    ("maternelle", "Maternelle"),
    ("elementaire", "Élémentaire"),
    ("college", "Collège"),
    ("lycee", "Lycée"),
]


def create_values(apps, schema_editor):
    for model_name, values in (
        ("Audience", AUDIENCES),
        ("KitAudience", KIT_AUDIENCES),
        ("SchoolLevel", SCHOOL_LEVELS),
    ):
        model = apps.get_model("programmes", model_name)
        for order, (slug, name) in enumerate(values):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(create_values, migrations.RunPython.noop)]
