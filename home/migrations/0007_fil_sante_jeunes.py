"""Existing installs: Fil Santé Jeunes joins the helplines of the site settings (before
the emergency number 112, or last), and the shipped numbers get their short label for
the bar at the top of every page. A number editors already entered is left as it is."""

import uuid

from django.db import migrations

# Frozen copies of home.helplines as of this migration (later edits there must not
# change what this migration does).
FIL_SANTE_JEUNES = {
    "number": "0 800 235 236",
    "name": "Fil Santé Jeunes",
    "short_name": "Fil Santé Jeunes",
    "hours": "7j/7 de 9h à 23h",
    "description": "Gratuit et anonyme, pour les 12-25 ans : santé, mal-être, relations "
    "amoureuses et sexualité. Aussi par tchat.",
}
SHORT_NAMES = {
    "3018": "(cyber)harcèlement",
    "119": "enfance en danger",
    "3114": "prévention du suicide",
    "112": "urgences",
}


def digits(number):
    return "".join(ch for ch in number if ch.isdigit())


def add_fil_sante_jeunes(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    for settings in SiteSettings.objects.all():
        lines = [dict(item) for item in settings.helplines.raw_data]
        for item in lines:
            value = item["value"] = dict(item["value"])
            if not value.get("short_name"):
                value["short_name"] = SHORT_NAMES.get(digits(value.get("number", "")), "")
        numbers = [digits(item["value"].get("number", "")) for item in lines]
        if digits(FIL_SANTE_JEUNES["number"]) not in numbers:
            new = {"type": "helpline", "value": dict(FIL_SANTE_JEUNES), "id": str(uuid.uuid4())}
            position = numbers.index("112") if "112" in numbers else len(lines)
            lines.insert(position, new)
        settings.helplines = lines
        settings.save(update_fields=["helplines"])


class Migration(migrations.Migration):
    dependencies = [("home", "0006_helpline_short_name")]

    operations = [migrations.RunPython(add_fil_sante_jeunes, migrations.RunPython.noop)]
