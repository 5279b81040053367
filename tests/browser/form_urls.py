"""The site's URLs plus a test-only page holding a public form (relier_site.forms layout)."""

from crispy_forms.layout import Submit
from django import forms
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path

from relier_site.forms import PublicForm
from relier_site.urls import handler500
from relier_site.urls import urlpatterns as site_urlpatterns

PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% load crispy_forms_tags %}{% block content %}'
    '<div class="container py-4"><h1>Formulaire d\'essai</h1>{% crispy form %}</div>'
    "{% endblock %}"
)


class TrialForm(PublicForm):
    first_name = forms.CharField(label="Prénom", help_text="Un prénom d'usage suffit.")
    email = forms.EmailField(label="Adresse électronique")
    who = forms.ChoiceField(
        label="Vous êtes",
        choices=[("jeune", "Un jeune"), ("parent", "Un parent")],
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(label="J'ai lu la mention d'information")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.add_input(Submit("envoyer", "Envoyer"))


def trial_form_view(request):
    form = TrialForm(request.POST or None)
    if form.is_bound:
        form.is_valid()
    return TemplateResponse(request, PAGE, {"form": form})


urlpatterns = [path("test-formulaire/", trial_form_view), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
