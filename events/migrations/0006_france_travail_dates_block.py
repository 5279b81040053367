"""/francetravail/ used to show its next dates through a slug test in the standard page
template; they are now a block of its body (« Section fournie par une application »,
« Prochaines dates France Travail »). On an existing site, the page found by its slug
gets the block at the end of its live body and of its latest revision (where the dates
used to appear), unless it already has it: nothing disappears from the page."""

import json
import uuid

from django.db import migrations

SLUG = "francetravail"
SECTION = "events.france_travail_dates"  # events.apps.FRANCE_TRAVAIL_DATES


def has_section(body):
    return any(
        block.get("type") == "app_section" and (block.get("value") or {}).get("section") == SECTION
        for block in body
    )


def with_section(body, block_id):
    return [*body, {"type": "app_section", "value": {"section": SECTION}, "id": block_id}]


def add_the_dates_block(apps, schema_editor):
    StandardPage = apps.get_model("home", "StandardPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in StandardPage.objects.filter(slug=SLUG):
        block_id = str(uuid.uuid4())  # the same block in the live page and its revision
        body = list(page.body.raw_data)
        if not has_section(body):
            page.body = json.dumps(with_section(body, block_id))
            page.save(update_fields=["body"])
        revision = Revision.objects.filter(pk=page.latest_revision_id).first()
        if revision is None or "body" not in revision.content:
            continue
        revision_body = revision.content["body"]
        if isinstance(revision_body, str):
            revision_body = json.loads(revision_body or "[]")
        if not has_section(revision_body):
            revision.content["body"] = json.dumps(with_section(revision_body, block_id))
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_app_section_block"),
        ("home", "0009_app_section_block"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_the_dates_block, migrations.RunPython.noop)]
