"""Outbox rows point at what they concern (content type and primary key) instead of the
`subject_key` string: the existing keys are converted, then the column is dropped.

The keys the site wrote were "<kind>:<pk>": "referral:42", "registration:7", "user:3",
"events:staff-digest:session:5" and "events:to-call:session:5". A key of another shape
(none was written) leaves its row without subject.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Prefix of the subject_key strings -> (app label, model name) of the row they named.
LEGACY_SUBJECTS = {
    "referral": ("referrals", "referral"),
    "registration": ("events", "registration"),
    "user": tuple(settings.AUTH_USER_MODEL.lower().split(".")),
    "events:staff-digest:session": ("events", "session"),
    "events:to-call:session": ("events", "session"),
}
TO_CALL_REASON = "events:to-call:"


def link_rows_to_their_subject(apps, schema_editor):
    OutboundEmail = apps.get_model("relier_site", "OutboundEmail")
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    rows = OutboundEmail.objects.using(db).exclude(subject_key="")
    for pk, key in rows.values_list("pk", "subject_key").iterator():
        prefix, _colon, object_id = key.rpartition(":")
        if prefix not in LEGACY_SUBJECTS or not object_id.isdigit():
            continue
        app_label, model = LEGACY_SUBJECTS[prefix]
        content_type, _created = ContentType.objects.using(db).get_or_create(
            app_label=app_label, model=model
        )
        OutboundEmail.objects.using(db).filter(pk=pk).update(
            about_type=content_type, about_id=int(object_id)
        )


def rebuild_subject_keys(apps, schema_editor):
    OutboundEmail = apps.get_model("relier_site", "OutboundEmail")
    db = schema_editor.connection.alias
    rows = OutboundEmail.objects.using(db).filter(about_type__isnull=False)
    for row in rows.select_related("about_type").iterator():
        kind = row.about_type.model
        if (row.about_type.app_label, kind) == ("events", "session"):
            is_to_call = (row.reason_key or "").startswith(TO_CALL_REASON)
            kind = "events:to-call:session" if is_to_call else "events:staff-digest:session"
        OutboundEmail.objects.using(db).filter(pk=row.pk).update(
            subject_key=f"{kind}:{row.about_id}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("relier_site", "0004_peer_review_task"),
    ]

    operations = [
        migrations.AddField(
            model_name="outboundemail",
            name="about_id",
            field=models.PositiveBigIntegerField(
                blank=True, null=True, verbose_name="n° de l'objet concerné"
            ),
        ),
        migrations.AddField(
            model_name="outboundemail",
            name="about_type",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="type de l'objet concerné",
            ),
        ),
        migrations.AddIndex(
            model_name="outboundemail",
            index=models.Index(fields=["about_type", "about_id"], name="outbox_about_idx"),
        ),
        migrations.RunPython(link_rows_to_their_subject, rebuild_subject_keys),
        migrations.RemoveField(
            model_name="outboundemail",
            name="subject_key",
        ),
    ]
