"""Create the staff roles: Communication, Accompagnement, Administration.

The logic lives in relier_site.roles so that later apps grant their own permissions
with the same helpers; home's own permission (the site settings, for Administration)
is granted here.
"""

from django.db import migrations

from relier_site import roles

HOME_ADMINISTRATION_PERMISSIONS = ["home.change_sitesettings"]


def create_roles(apps, schema_editor):
    roles.create_roles(apps, schema_editor)
    roles.grant_permissions(apps, roles.ADMINISTRATION, HOME_ADMINISTRATION_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("relier_site", "0001_initial"),  # the mail outbox, seen by Accompagnement
    ]

    operations = [
        migrations.RunPython(create_roles, roles.delete_roles),
    ]
