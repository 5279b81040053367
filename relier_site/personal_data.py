"""Personal fields, declared once per model.

A model that holds personal data says so (`contains_personal_data = True`) and sorts
each of its text fields (CharField and its subclasses EmailField, URLField…, TextField,
JSONField) into one of two class attributes:

- `personal_fields`: who the person or the referrer is, how to reach them, what they
  went through, what staff wrote about them (relations and numbers may be listed too).
  This one list is what anonymisation and erasure blank (`blank_values`), what the
  right-of-access export must show, and what the canary and scrubber tests look for.
- `non_personal_fields`: codes, statuses and technical values kept for statistics.

`undeclared_fields(model)` lists a text field in neither, so that a field added later
cannot be forgotten (tests/test_personal_data.py fails on it). Models are found through
the app registry: this module imports no app.
"""

from django.apps import apps
from django.db import models

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def personal_data_models():
    return [m for m in apps.get_models() if getattr(m, "contains_personal_data", False)]


def personal_fields(model):
    return tuple(getattr(model, "personal_fields", ()))


def blank_value(field):
    """What a personal field holds once blanked: None when nullable, an empty list for a
    JSON list, else an empty string."""
    if field.null:
        return None
    if isinstance(field, models.JSONField):
        return field.get_default()
    return ""


def blank_values(model):
    """{field name: blank value} for every personal field of `model`."""
    return {name: blank_value(model._meta.get_field(name)) for name in personal_fields(model)}


def undeclared_fields(model):
    """Text fields of `model` declared neither personal nor non-personal."""
    declared = set(personal_fields(model)) | set(getattr(model, "non_personal_fields", ()))
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, TEXT_FIELDS) and field.name not in declared
    ]


def personal_field_names():
    """Every personal field name of every model (for the Sentry scrubber's keys)."""
    return sorted({name for model in personal_data_models() for name in personal_fields(model)})
