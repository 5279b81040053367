"""The shared layout of the public forms (relier_site.forms + templates/forms/): an error summary
at the top linking to each faulty field, each error next to its field and named by the
input's aria-describedby, help texts in one shape, required fields marked."""

import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.template import Context, Template

from relier_site.forms import FilterForm, PublicForm
from tests.html import visible_text

pytestmark = pytest.mark.one_database


class ContactForm(PublicForm):
    first_name = forms.CharField(label="Prénom", help_text="Un prénom d'usage suffit.")
    email = forms.EmailField(label="Adresse électronique")
    phone = forms.CharField(label="Téléphone", required=False, help_text="Facultatif.")
    who = forms.ChoiceField(
        label="Vous êtes",
        choices=[("jeune", "Un jeune"), ("parent", "Un parent")],
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(label="J'ai lu la mention d'information")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("first_name") == "Anonyme":
            raise forms.ValidationError("Indiquez un prénom, même d'usage.")
        return cleaned


class Elements(HTMLParser):
    """Every element of a fragment: (tag, attributes)."""

    def __init__(self, fragment):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def by_id(self, element_id):
        (found,) = [attrs for _tag, attrs in self.elements if attrs.get("id") == element_id]
        return found


def render(form):
    return Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": form}))


def section(html, element_id):
    """The text of the element with this id (up to the end of its first closing div)."""
    start = html.index(f'id="{element_id}"')
    return visible_text(html[start : html.index("</div>", start)].split(">", 1)[1])


INVALID = {"first_name": "", "email": "pas-une-adresse", "phone": "", "who": "autre"}


def test_an_invalid_form_opens_on_a_summary_that_links_to_each_faulty_field():
    html = render(ContactForm(INVALID))

    summary_start = html.index('class="error-summary')
    summary = html[summary_start : html.index("</div>", summary_start)]
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary and "autofocus" in summary
    assert "Il y a un problème" in visible_text(summary)
    links = re.findall(r'<a class="alert-link" href="#([^"]+)">([^<]+)</a>', summary)
    assert [anchor for anchor, _message in links] == [
        "id_first_name",
        "id_email",
        "id_who_0",  # the first choice of a list of radio buttons
        "id_consent",
    ]
    assert links[1][1] == "Saisissez une adresse de courriel valide."
    assert html.index("error-summary") < html.index('name="first_name"')  # at the top
    elements = Elements(html)
    for anchor, _message in links:
        elements.by_id(anchor)  # each link leads to an element of the form


def test_each_error_is_next_to_its_field_and_named_by_the_input():
    html = render(ContactForm(INVALID))
    elements = Elements(html)

    email = elements.by_id("id_email")
    assert email["aria-invalid"] == "true"
    assert email["aria-describedby"] == "id_email_error"
    assert section(html, "id_email_error") == "Erreur : Saisissez une adresse de courriel valide."
    assert section(html, "id_first_name_error") == "Erreur : Champ requis."
    first_name = elements.by_id("id_first_name")
    assert first_name["aria-describedby"] == "id_first_name_helptext id_first_name_error"
    field = html[html.index('id="div_id_email"') : html.index('id="div_id_phone"')]
    assert field.index("id_email_error") < field.index('name="email"')  # above the input
    # A list of choices is a fieldset that names its error.
    fieldset = html[html.index('id="div_id_who"') :]
    assert re.search(r'<fieldset aria-describedby="id_who_error">', fieldset)
    assert "Sélectionnez un choix valide" in section(html, "id_who_error")


def test_help_texts_and_required_marks_have_one_shape():
    html = render(ContactForm())
    elements = Elements(html)

    assert "error-summary" not in html
    assert section(html, "id_first_name_helptext") == "Un prénom d'usage suffit."
    assert section(html, "id_phone_helptext") == "Facultatif."
    assert elements.by_id("id_phone")["aria-describedby"] == "id_phone_helptext"
    labels = dict(re.findall(r'<label class="form-label" for="([^"]+)">(.*?)</label>', html))
    assert visible_text(labels["id_first_name"]) == "Prénom (obligatoire)"
    assert visible_text(labels["id_phone"]) == "Téléphone"
    assert "Vous êtes (obligatoire)" in visible_text(html[html.index("<legend") :])
    assert elements.by_id("id_email")["class"] == "form-control"
    assert elements.by_id("id_consent")["class"] == "form-check-input"


def test_an_error_of_the_whole_form_is_in_the_summary_without_a_link():
    data = {"first_name": "Anonyme", "email": "a@example.org", "who": "jeune", "consent": "on"}
    html = render(ContactForm(data))

    summary = html[html.index('class="error-summary') :]
    assert "<li>Indiquez un prénom, même d&#x27;usage.</li>" in summary


class Filters(FilterForm):
    public = forms.ChoiceField(
        label="Pour qui", required=False, choices=[("", "Tous"), ("parents", "Parents")]
    )
    level = forms.ChoiceField(
        label="Niveau", required=False, choices=[("", "Tous"), ("college", "Collège")]
    )


def test_a_filter_form_drops_unknown_values_without_an_error():
    form = Filters({"public": "parents", "level": "<script>"})

    assert form.is_valid()
    assert form.selected() == {"public": "parents"}
    html = render(form)
    assert "error-summary" not in html and "_error" not in html
    assert "&lt;script&gt;" not in html and "<script>" not in html
    assert '<option value="parents" selected>' in html
