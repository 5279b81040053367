"""Forms of the platform: the base of every public form, and the admin login form.

Public forms (django-crispy-forms, bootstrap5 pack). A public form subclasses
`PublicForm` (a form that sends something: POST) or `FilterForm` (GET filters and
searches) and is rendered with `{% load crispy_forms_tags %}{% crispy form %}`. Its
`helper` uses the templates of `templates/forms/`:

- an error summary at the top (« Il y a un problème »), focused when the page opens,
  with a link to each faulty field;
- for each field: its label (« (obligatoire) » after a required one), its help text,
  its error message, then the input, which names both in `aria-describedby` (Django
  adds it, with `aria-invalid` when the field has an error);
- the same Bootstrap classes on every input.

A `PublicForm` also carries the honeypot (`HONEYPOT`, a field no person sees, last in
the layout, which a robot filling every input fills: `is_spam()`), and its view checks
the flood limits with `SubmissionLimit` (relier_site.ratelimit underneath); the service
that stores an accepted submission records them in its transaction.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Layout
from django import forms
from django.forms.forms import NON_FIELD_ERRORS
from wagtail.admin.forms.auth import LoginForm

from .ratelimit import FLOOD_MESSAGE, address_key, allowed, contact_key, record, too_many

FORM_TEMPLATE = "forms/public_form.html"
FIELD_TEMPLATE = "forms/field.html"
HONEYPOT = "site_web"


def public_form_helper(form, **options):
    """A crispy `FormHelper` with the public layout; `options` set its attributes
    (`form_tag`, `form_method`, `form_action`, `attrs`, `error_summary`…)."""
    helper = FormHelper(form)
    helper.template = FORM_TEMPLATE
    helper.field_template = FIELD_TEMPLATE
    helper.error_summary = True
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
    layout, the error summary's links, and the honeypot."""

    helper_options = {}  # FormHelper attributes of a subclass (form_method, form_tag…)

    # A field no person sees: hidden from sight and from assistive technologies (the
    # wrapper is `hidden`), skipped by the keyboard; a robot filling every input fills it.
    site_web = forms.CharField(
        label="Ne remplissez pas ce champ",
        required=False,
        strip=False,  # only spaces still means a robot filled it
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    # The email and phone fields of the person a submission is about: SubmissionLimit
    # counts each of them.
    contact_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = _input_class(field.widget)
            classes = field.widget.attrs.get("class", "")
            if css not in classes.split():
                field.widget.attrs["class"] = f"{classes} {css}".strip()
        self.helper = public_form_helper(self, **self.helper_options)
        self.set_layout(*(name for name in self.fields if name != HONEYPOT))

    def set_layout(self, *items):
        """Lay the form out as `items` (crispy layout objects or field names), the
        honeypot last, in its hidden wrapper."""
        if HONEYPOT in self.fields:
            items = (*items, Div(HONEYPOT, hidden=""))
        self.helper.layout = Layout(*items)

    def is_spam(self):
        """True when the honeypot was filled (even with spaces): store and send nothing."""
        return bool(self.data.get(HONEYPOT))

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
    """A GET form of filters (listings) or a search. A value that is not valid (an old
    link, a typo) is dropped, not reported: the listing shows as if it was not chosen.
    Every field must be optional. Fields named in `reported_fields` are the exception:
    their errors are shown (a search the visitor typed, which must not silently become
    another one). Nothing is sent, so there is no honeypot."""

    helper_options = {"form_tag": False, "disable_csrf": True}
    reported_fields = ()
    site_web = None

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        dropped = [
            name
            for name in self._errors
            if name != NON_FIELD_ERRORS and name not in self.reported_fields
        ]
        if dropped:
            data = self.data.copy()
            for name in dropped:
                data.pop(name, None)
            self.data = data
            super().full_clean()

    def selected(self):
        """The filters that apply: {name: value} for the valid, non-empty ones."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


class SubmissionLimit:
    """The flood limits of one public form's submission, counted per client address and
    per contact (each of `form.contact_fields`, however it is typed), in the database
    counters of relier_site.ratelimit. Only accepted submissions count:

        limit = SubmissionLimit("contact-form", request, form, per_address=300,
                                per_contact=5, window=3600)
        if limit.reached():
            return limit.refuse(form, render)  # the form again, FLOOD_MESSAGE, 429
        services.submit(..., limits=[limit])  # the service stores the submission and,
                                              # in the same transaction, limit.record()

    `keys` ((key, limit) pairs) and `window` are what `record()` counts.
    """

    def __init__(self, name, request, form, *, per_address, per_contact, window):
        self.window = int(window)
        self.keys = [(address_key(name, request), per_address)] + [
            (contact_key(name, form.cleaned_data.get(field)), per_contact)
            for field in form.contact_fields
        ]

    def reached(self):
        return not allowed(self.keys, self.window)

    def record(self):
        record(self.keys, self.window)

    def refuse(self, form, render):
        """The form shown again (`render(form)`) with what was typed and FLOOD_MESSAGE,
        status 429 with Retry-After."""
        form.add_error(None, FLOOD_MESSAGE)
        return too_many(render(form), self.window)


# The danger question of the forms that reach the team (contact, referral, a booked
# permanence): « oui » shows 3114, 119 and 112 at once (forms/urgency_panel.html, shown by
# CSS alone when « oui » is checked) and flags what is stored as urgent.
URGENT = "oui"
URGENT_CHOICES = [("non", "Non"), (URGENT, "Oui")]


def urgency_field():
    return forms.ChoiceField(
        label="Le jeune est-il en danger en ce moment, ou pense-t-il au suicide ?",
        choices=URGENT_CHOICES,
        widget=forms.RadioSelect,
        help_text="Si oui, appelez tout de suite l'un des numéros qui s'affichent : "
        "nous traitons aussi votre demande en priorité.",
        error_messages={
            "required": "Répondez par oui ou par non : si le jeune est en danger, "
            "appelez tout de suite le 3114, le 119 ou le 112.",
            "invalid_choice": "Répondez par oui ou par non.",
        },
    )


def urgency_section(name="urgent"):
    """The urgency field `name` with its panel of helplines, as one layout item."""
    return Div(name, HTML('{% include "forms/urgency_panel.html" %}'), css_class="urgency")


class StaffLoginForm(LoginForm):
    """Wagtail's login form with French labels (its password field has none, so Django
    showed the English field name "Password")."""

    error_messages = {
        **LoginForm.error_messages,
        "invalid_login": "Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Identifiant"
        self.fields["username"].widget.attrs["placeholder"] = "Votre identifiant"
        self.fields["password"].label = "Mot de passe"
        self.fields["password"].widget.attrs["placeholder"] = "Votre mot de passe"
