"""French, accent-insensitive search on PostgreSQL: the ``relier_french`` text-search
configuration (French stemming after ``unaccent``) that ``home.search`` names as
``SEARCH_CONFIG``. Nothing to create on SQLite (``home.search`` stems in Python).

The index entries written before this migration used another configuration (PostgreSQL)
or kept whole words (SQLite): ``manage.py update_index`` rebuilds them (the README's
deployment steps and ``make run`` run it after ``migrate``).
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

CREATE = """
CREATE TEXT SEARCH CONFIGURATION relier_french (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION relier_french
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS relier_french;"


def run_on_postgresql(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("home", "0004_impact_figures")]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP)),
    ]
