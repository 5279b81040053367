"""Staff roles (Django groups) and the helpers that give them permissions.

The three roles are created by the data migration ``home/0002_create_roles``, so they
exist on every install. Every function here takes the migration ``apps`` registry (use
``django.apps.apps`` outside migrations), so the migrations of later apps reuse them to
grant their own permissions, for example in ``referrals/migrations/000X_roles.py``::

    from relier_site import roles

    def forwards(apps, schema_editor):
        roles.grant_permissions(
            apps, roles.ACCOMPAGNEMENT, ["referrals.view_referral", "referrals.change_referral"]
        )
        roles.grant_permissions(apps, roles.ADMINISTRATION, roles.model_permissions(
            apps, "referrals"
        ))

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

Such a migration must depend on the migration that creates the app's models, and on
``("home", "0002_create_roles")`` so that the groups exist.

Rules (README, « Rôles et sécurité de l'administration »): Communication edits content
and never sees personal data; Accompagnement handles referrals, registrations and the
mail outbox; Administration has everything. No role makes anyone a superuser.
"""

from django.apps import apps as global_apps
from django.conf import settings

COMMUNICATION = "Communication"
ACCOMPAGNEMENT = "Accompagnement"
ADMINISTRATION = "Administration"
ROLE_NAMES = (COMMUNICATION, ACCOMPAGNEMENT, ADMINISTRATION)

ACCESS_ADMIN = "wagtailadmin.access_admin"

# Wagtail page permission actions (wagtail.models.PAGE_PERMISSION_TYPES).
EDITOR_PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock")
ALL_PAGE_ACTIONS = ("add", "bulk_delete", "change", "lock", "publish", "unlock")

# Collection permissions for the media libraries (images and documents).
MEDIA_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtailimages.delete_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtaildocs.delete_document",
)
# Managing the collections themselves (Administration only).
COLLECTION_MANAGEMENT_PERMISSIONS = (
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
    "wagtailcore.delete_collection",
)


class MissingPermission(LookupError):
    pass


def ensure_permissions_exist(apps=global_apps, app_labels=None):
    """Create the content types and permissions of the models known to ``apps``.

    Django creates permissions after *all* migrations (post_migrate), so on a fresh
    database a data migration would not find them yet. This does the same work early,
    for the models present in the migration state. Running it again changes nothing.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in global_apps.get_app_configs():
        if app_labels is not None and app_config.label not in app_labels:
            continue
        create_permissions(app_config, verbosity=0, apps=apps)


def ensure_group(apps, name):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=name)
    return group


def _split(permission):
    try:
        app_label, codename = permission.split(".", 1)
    except ValueError:
        raise ValueError(
            f"Permission {permission!r} must be written 'app_label.codename'."
        ) from None
    return app_label, codename


def get_permissions(apps, permissions, *, strict=True):
    """Return ``(found, missing)``: Permission objects and the names not found.

    With ``strict`` (the default), a missing permission raises MissingPermission; pass
    ``strict=False`` for a permission whose model may not exist yet.
    """
    Permission = apps.get_model("auth", "Permission")
    found, missing = [], []
    for name in permissions:
        app_label, codename = _split(name)
        permission = (
            Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            .order_by("pk")
            .first()
        )
        if permission is None:
            missing.append(name)
        else:
            found.append(permission)
    if missing and strict:
        raise MissingPermission(
            "Permissions not found (is the app migrated and in the migration's "
            f"dependencies?): {', '.join(missing)}"
        )
    return found, missing


def model_permissions(apps, app_label, model_names=None):
    """The names ('app_label.codename') of every permission of an app's models.

    ``model_names`` narrows it to some models (lower-case model names).
    """
    Permission = apps.get_model("auth", "Permission")
    queryset = Permission.objects.filter(content_type__app_label=app_label)
    if model_names is not None:
        queryset = queryset.filter(content_type__model__in=list(model_names))
    return [f"{app_label}.{codename}" for codename in queryset.values_list("codename", flat=True)]


def grant_permissions(apps, group_name, permissions, *, strict=True):
    """Give model-wide permissions to a group; return the names that were missing."""
    ensure_permissions_exist(apps, {_split(name)[0] for name in permissions})
    group = ensure_group(apps, group_name)
    found, missing = get_permissions(apps, permissions, strict=strict)
    group.permissions.add(*found)
    return missing


def revoke_permissions(apps, group_name, permissions):
    """Take model-wide permissions away from a group (for reverse migrations)."""
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return
    found, _missing = get_permissions(apps, permissions, strict=False)
    group.permissions.remove(*found)


def _root_page(apps):
    Page = apps.get_model("wagtailcore", "Page")
    return Page.objects.get(depth=1)


def _root_collection(apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    return Collection.objects.get(depth=1)


def grant_page_permissions(apps, group_name, actions=EDITOR_PAGE_ACTIONS, page=None):
    """Give page permissions (e.g. "add", "publish") on ``page`` and its subtree.

    Without ``page``, the tree root: the permissions cover every site.
    """
    ensure_permissions_exist(apps, {"wagtailcore"})
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = ensure_group(apps, group_name)
    page = page or _root_page(apps)
    found, _missing = get_permissions(apps, [f"wagtailcore.{action}_page" for action in actions])
    for permission in found:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_collection_permissions(
    apps, group_name, permissions=MEDIA_COLLECTION_PERMISSIONS, collection=None
):
    """Give collection permissions (images, documents…) on ``collection`` and below.

    Without ``collection``, the root collection: the permissions cover every collection.
    """
    ensure_permissions_exist(apps, {_split(name)[0] for name in permissions})
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = ensure_group(apps, group_name)
    collection = collection or _root_collection(apps)
    found, _missing = get_permissions(apps, permissions)
    for permission in found:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


# --- The roles as the first data migration creates them ---------------------------------

COMMUNICATION_PERMISSIONS = (ACCESS_ADMIN,)
ACCOMPAGNEMENT_PERMISSIONS = (ACCESS_ADMIN,)
# The mail outbox (relier_site.OutboundEmail): see failed sends and retry them.
ACCOMPAGNEMENT_OUTBOX_PERMISSIONS = (
    "relier_site.view_outboundemail",
    "relier_site.retry_outboundemail",
)
ADMINISTRATION_PERMISSIONS = (
    ACCESS_ADMIN,
    "auth.add_user",
    "auth.change_user",
    "auth.delete_user",
    "auth.view_user",
    "auth.add_group",
    "auth.change_group",
    "auth.delete_group",
    "auth.view_group",
    "wagtailcore.add_site",
    "wagtailcore.change_site",
    "wagtailcore.delete_site",
    "wagtailcore.view_site",
    "wagtailcore.add_workflow",
    "wagtailcore.change_workflow",
    "wagtailcore.delete_workflow",
    "wagtailcore.add_task",
    "wagtailcore.change_task",
    "wagtailcore.delete_task",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
)


def create_roles(apps, schema_editor=None):
    """Create the three roles with the permissions of the platform and of the libraries
    (Django, Wagtail); each app grants its own in its migrations. Running it twice changes
    nothing."""
    ensure_permissions_exist(apps)

    grant_permissions(apps, COMMUNICATION, COMMUNICATION_PERMISSIONS)
    grant_page_permissions(apps, COMMUNICATION, EDITOR_PAGE_ACTIONS)
    grant_collection_permissions(apps, COMMUNICATION, MEDIA_COLLECTION_PERMISSIONS)

    grant_permissions(apps, ACCOMPAGNEMENT, ACCOMPAGNEMENT_PERMISSIONS)
    grant_permissions(apps, ACCOMPAGNEMENT, ACCOMPAGNEMENT_OUTBOX_PERMISSIONS)

    grant_permissions(apps, ADMINISTRATION, ADMINISTRATION_PERMISSIONS)
    grant_permissions(apps, ADMINISTRATION, model_permissions(apps, "relier_site"))
    grant_page_permissions(apps, ADMINISTRATION, ALL_PAGE_ACTIONS)
    grant_collection_permissions(
        apps,
        ADMINISTRATION,
        MEDIA_COLLECTION_PERMISSIONS + COLLECTION_MANAGEMENT_PERMISSIONS,
    )


def delete_roles(apps, schema_editor=None):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=ROLE_NAMES).delete()


def member_addresses(role, apps=global_apps):
    """The email addresses of the active members of `role` who have one, each once,
    sorted: whom a staff notification of that role goes to."""
    users = apps.get_model(*settings.AUTH_USER_MODEL.split("."))._default_manager
    members = users.filter(is_active=True, groups__name=role).exclude(email="")
    return sorted(set(members.values_list("email", flat=True)))
