"""The one layout of every public form (django-crispy-forms, bootstrap5 pack).

A public form subclasses `PublicForm` (or `FilterForm` for GET filters) and is rendered
with `{% load crispy_forms_tags %}{% crispy form %}`. Its `helper` uses the templates of
`templates/forms/`:

- an error summary at the top (« Il y a un problème »), focused when the page opens,
  with a link to each faulty field;
- for each field: its label (« (obligatoire) » after a required one), its help text,
  its error message, then the input, which names both in `aria-describedby` (Django
  adds it, with `aria-invalid` when the field has an error);
- the same Bootstrap classes on every input.
"""

from crispy_forms.helper import FormHelper
from django import forms

FORM_TEMPLATE = "forms/public_form.html"
FIELD_TEMPLATE = "forms/field.html"


def public_form_helper(form, **options):
    """A crispy `FormHelper` with the public layout; `options` set its attributes
    (`form_tag`, `form_method`, `form_action`, `attrs`…)."""
    helper = FormHelper(form)
    helper.template = FORM_TEMPLATE
    helper.field_template = FIELD_TEMPLATE
    for name, value in options.items():
        setattr(helper, name, value)
    return helper


def _input_class(widget):
    if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


class PublicForm(forms.Form):
    """Base of every public form: Bootstrap classes on the inputs, the shared crispy
    layout, and the error summary's links."""

    helper_options = {}  # FormHelper attributes of a subclass (form_method, form_tag…)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = _input_class(field.widget)
            classes = field.widget.attrs.get("class", "")
            if css not in classes.split():
                field.widget.attrs["class"] = f"{classes} {css}".strip()
        self.helper = public_form_helper(self, **self.helper_options)

    def error_summary(self):
        """(anchor, message) of each error, in the order of the fields; the anchor is the
        id of the input to focus ("" for an error of the whole form)."""
        items = [("", error) for error in self.non_field_errors()]
        for bound_field in self:
            for error in bound_field.errors:
                items.append((error_anchor(bound_field), error))
        return items


def error_anchor(bound_field):
    """The id the summary links to: the input, or the first choice of a list of choices."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id


class FilterForm(PublicForm):
    """A GET form of filters (listings). A value that is not one of the choices (an old
    link, a typo) is dropped, not reported: the listing shows as if it was not chosen.
    Every field must be optional."""

    helper_options = {"form_tag": False, "disable_csrf": True}

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self._errors:
            data = self.data.copy()
            for name in list(self._errors):
                data.pop(name, None)
            self.data = data
            super().full_clean()

    def selected(self):
        """The filters that apply: {name: value} for the valid, non-empty ones."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}
