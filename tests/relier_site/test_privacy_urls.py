"""A Communication user gets no admin page of personal data, not even by typing its URL.

The list of URLs is not written by hand: it is read from the URL configuration. Every
admin URL whose view serves a model with ``contains_personal_data = True`` (the
convention for models holding personal data), or whose view function carries
``contains_personal_data = True`` (exports and other function views), is opened as a
Communication user, with a real object in the database, and must be refused.
"""

import datetime
import decimal
import re
import uuid
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import models
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.models import Page

from relier_site import roles
from tests.factories import StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

ADMIN_PREFIX = "admin/"
CANARY = "canari-donnee-personnelle"
CANARY_EMAIL = "canari.personnel@example.org"


ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass
class PersonalDataUrl:
    route: str
    model: type | None

    @property
    def has_parameters(self):
        return bool(ROUTE_PARAMETER.search(self.route))

    def url(self, pk):
        """The route with its parameters filled in (the object's pk for ids)."""

        def value(match):
            converter = match.group("converter") or "str"
            return {"uuid": str(uuid.uuid4()), "slug": "x"}.get(converter, str(pk))

        return "/" + ROUTE_PARAMETER.sub(value, self.route)


def _unwrap(callback):
    seen = set()
    while callback is not None and id(callback) not in seen:
        seen.add(id(callback))
        yield callback
        callback = getattr(callback, "__wrapped__", None)


def served_model(callback):
    """The model a view serves, if any (Wagtail viewsets and class-based views)."""
    for view in _unwrap(callback):
        initkwargs = getattr(view, "view_initkwargs", None) or {}
        model = initkwargs.get("model") or getattr(getattr(view, "view_class", None), "model", None)
        if isinstance(model, str):
            model = apps.get_model(model)
        if model is not None:
            return model
    return None


def flags_personal_data(callback):
    return any(getattr(view, "contains_personal_data", False) for view in _unwrap(callback))


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix, pattern


def personal_data_urls():
    found = []
    for prefix, pattern in walk(get_resolver().url_patterns):
        route = prefix + str(pattern.pattern)
        if not route.startswith(ADMIN_PREFIX):
            continue
        model = served_model(pattern.callback)
        if getattr(model, "contains_personal_data", False) or flags_personal_data(pattern.callback):
            assert "^" not in route, f"{route}: regex URL, teach this test to fill it in"
            found.append(PersonalDataUrl(route, model))
    return found


def personal_data_models():
    return [m for m in apps.get_models() if getattr(m, "contains_personal_data", False)]


# --- Objects full of canary values -----------------------------------------------------------


def field_value(field, depth):
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.EmailField):
        return CANARY_EMAIL
    if isinstance(field, models.URLField):
        return "https://canari.example.org/"
    if isinstance(field, models.CharField | models.TextField):
        return CANARY[: field.max_length] if field.max_length else CANARY
    if isinstance(field, models.JSONField):
        return [CANARY_EMAIL]
    if isinstance(field, models.BinaryField):
        return CANARY.encode()
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.DecimalField):
        return decimal.Decimal(1)
    if isinstance(field, models.IntegerField | models.FloatField):
        return 1
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return datetime.date.today()
    if isinstance(field, models.TimeField):
        return datetime.time(10, 0)
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.ForeignKey | models.OneToOneField):
        related = field.related_model
        return related.objects.first() or make_instance(related, depth + 1)
    raise NotImplementedError(f"{field.model.__name__}.{field.name}: add a value here")


def make_instance(model, depth=0):
    """An instance of `model` with canary text in every text field (a page: a child of
    the tree's root, its own fields filled the same way)."""
    assert depth < 4, f"cannot build a {model.__name__}: too deep"
    if issubclass(model, Page):
        page_fields = {field.name for field in Page._meta.concrete_fields}
        page = model(title=CANARY, slug=f"canari-{uuid.uuid4().hex[:8]}")
        for name, value in _canary_values(model, depth, skip=page_fields).items():
            setattr(page, name, value)
        return Page.get_first_root_node().add_child(instance=page)
    return model.objects.create(**_canary_values(model, depth))


def _canary_values(model, depth, skip=()):
    values = {}
    for field in model._meta.concrete_fields:
        if field.name in skip or field.one_to_one and field.remote_field.parent_link:
            continue
        if field.primary_key or getattr(field, "auto_now", False):
            continue
        if getattr(field, "auto_now_add", False):
            continue
        is_text = isinstance(
            field, models.CharField | models.TextField | models.JSONField | models.BinaryField
        )
        if field.has_default() and not is_text:
            continue
        if (field.null or field.blank) and not is_text:
            continue
        if getattr(field, "unique", False) and field.null:
            continue
        values[field.name] = field_value(field, depth)
    return values


# --- Users -------------------------------------------------------------------------------------


def staff(group_name):
    return StaffFactory(username=f"{group_name.lower()}-vie-privee", role=group_name)


def assert_refused(response, url):
    home, login = reverse("wagtailadmin_home"), reverse("wagtailadmin_login")
    if response.status_code == 302:
        assert response.url == home or response.url.startswith(login), (url, response.url)
    else:
        assert response.status_code == 403, (url, response.status_code)
    assert CANARY not in response.content.decode(), url
    assert CANARY_EMAIL not in response.content.decode(), url


def test_the_url_conf_has_personal_data_urls_to_check():
    urls = personal_data_urls()
    assert urls, (
        "No admin URL serves a model with contains_personal_data = True: "
        "the privacy check below would check nothing."
    )
    assert apps.get_model("relier_site", "OutboundEmail") in {u.model for u in urls}


def test_communication_user_is_refused_every_personal_data_url(client, home_page):
    objects = {model: make_instance(model) for model in personal_data_models()}
    client.force_login(staff(roles.COMMUNICATION))
    checked = []
    for item in personal_data_urls():
        obj = objects.get(item.model)
        url = item.url(obj.pk if obj is not None else 1)
        response = client.get(url)
        if response.status_code == 405:  # POST-only views (retry, export…)
            response = client.post(url)
        assert_refused(response, url)
        checked.append(url)
    assert checked


def test_anonymous_visitor_is_sent_to_login(client, home_page):
    objects = {model: make_instance(model) for model in personal_data_models()}
    for item in personal_data_urls():
        obj = objects.get(item.model)
        url = item.url(obj.pk if obj is not None else 1)
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("wagtailadmin_login")), url


def test_accompagnement_user_opens_the_outbox(client, home_page):
    OutboundEmail = apps.get_model("relier_site", "OutboundEmail")
    email = make_instance(OutboundEmail)
    client.force_login(staff(roles.ACCOMPAGNEMENT))
    index = next(
        u
        for u in personal_data_urls()
        if u.model is OutboundEmail and not u.has_parameters and not u.route.endswith("results/")
    )
    response = client.get(index.url(email.pk))
    assert response.status_code == 200
    assert str(email) in response.content.decode()

    inspect = next(
        u for u in personal_data_urls() if u.model is OutboundEmail and "inspect" in u.route
    )
    response = client.get(inspect.url(email.pk))
    assert response.status_code == 200
    assert CANARY_EMAIL in response.content.decode()  # Accompagnement does see the recipient
