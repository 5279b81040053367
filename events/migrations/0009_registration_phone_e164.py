"""Registrations stored the phone as typed digits (0612345678) while the referrals and
the guide store E.164 (+33612345678): rewrite them in E.164, the one stored form, so
the duplicate check compares like with like. A number that cannot be read stays as it
is; so does one whose E.164 form is already an active registration of the same session
(the unique constraint forbids two; the staff see both lists as before)."""

from django.db import migrations

from relier_site.phones import to_e164

CANCELLED = "annulee"


def phones_to_e164(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    for registration in Registration.objects.exclude(phone="").iterator():
        stored = to_e164(registration.phone)
        if stored is None or stored == registration.phone:
            continue
        if registration.status != CANCELLED:
            taken = (
                Registration.objects.filter(session_id=registration.session_id, phone=stored)
                .exclude(status=CANCELLED)
                .exists()
            )
            if taken:
                continue
        Registration.objects.filter(pk=registration.pk).update(phone=stored)


class Migration(migrations.Migration):
    dependencies = [("events", "0008_eventpage_programme_shared_vocabulary")]

    operations = [migrations.RunPython(phones_to_e164, migrations.RunPython.noop)]
