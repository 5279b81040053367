"""One way to check a staff permission on an admin function view:
relier_site.views.staff_permission_required (the real 403 page, the personal-data mark
read by test_privacy_urls.py). Every routed function view of the apps' admin_views
modules carries it; the apps' own helpers are gone."""

import importlib

import pytest
from django.urls import URLResolver, get_resolver, reverse

from relier_site import roles
from tests.factories import StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

APPS = ("referrals", "events", "guide")


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.callback


def innermost(callback):
    while hasattr(callback, "__wrapped__") and not hasattr(callback, "staff_permission"):
        callback = callback.__wrapped__
    return callback


def app_function_views():
    found = {}
    for route, callback in walk(get_resolver().url_patterns):
        view = innermost(callback)
        module = getattr(view, "__module__", "")
        in_apps = module in {f"{app}.admin_views" for app in APPS}
        if route.startswith("admin/") and in_apps and not hasattr(view, "view_class"):
            found[route] = view
    return found


def test_every_admin_function_view_of_the_apps_checks_its_permission_the_one_way():
    views = app_function_views()
    assert {view.__module__ for view in views.values()} == {f"{app}.admin_views" for app in APPS}
    unchecked = [route for route, view in views.items() if not hasattr(view, "staff_permission")]
    assert not unchecked


def test_the_apps_own_permission_helpers_are_gone():
    leftovers = {
        "referrals.admin_views": ("_require", "personal_data_view"),
        "events.admin_views": ("registrations_view",),
        "guide.admin_views": ("_require", "permission_required"),
    }
    for module_name, names in leftovers.items():
        module = importlib.import_module(module_name)
        assert not [name for name in names if hasattr(module, name)], module_name


@pytest.mark.parametrize(
    ("role", "name"),
    [
        (roles.COMMUNICATION, "events_staff:statistics"),
        (roles.COMMUNICATION, "referrals_admin:statistics"),
        (roles.ACCOMPAGNEMENT, "guide_admin:freshness"),
        (roles.ACCOMPAGNEMENT, "guide_admin:import"),
    ],
)
def test_staff_without_the_permission_get_the_french_403_page(client, role, name):
    client.force_login(StaffFactory(username="sans-droit", role=role))
    response = client.get(reverse(name))
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()
