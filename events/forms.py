"""Every input of the agenda's visitors: the agenda's filters (GET) and the
registration form, whose fields depend on who the event is for."""

import re

from crispy_forms.layout import Submit
from django import forms
from django.core.validators import MaxLengthValidator, RegexValidator

from relier_site.forms import HONEYPOT, FilterForm, PublicForm
from relier_site.phones import PhoneField
from relier_site.text import CleanCharField

from .models import PROGRAMME_CHOICES, Audience, EventPage

ONLINE = "visio"
IN_PERSON = "presentiel"


class AgendaFilterForm(FilterForm):
    public = forms.ChoiceField(label="Pour qui", required=False)
    type = forms.ChoiceField(
        label="Type de rendez-vous",
        required=False,
        choices=[("", "Tous les types"), *EventPage.Kind.choices],
    )
    programme = forms.ChoiceField(
        label="Programme", required=False, choices=[("", "Tous les programmes"), *PROGRAMME_CHOICES]
    )
    format = forms.ChoiceField(
        label="En visio ou sur place",
        required=False,
        choices=[
            ("", "Les deux"),
            (ONLINE, "En visio"),
            (IN_PERSON, "Sur place (en présentiel ou en agence)"),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["public"].choices = [
            ("", "Tous les publics"),
            *Audience.objects.values_list("slug", "name"),
        ]

    def filter(self, sessions):
        selected = self.selected()
        if "public" in selected:
            sessions = sessions.filter(event__audiences__slug=selected["public"])
        if "type" in selected:
            sessions = sessions.filter(event__kind=selected["type"])
        if "programme" in selected:
            sessions = sessions.filter(event__programme=selected["programme"])
        if selected.get("format") == ONLINE:
            sessions = sessions.filter(event__format=EventPage.Format.ONLINE)
        elif selected.get("format") == IN_PERSON:
            sessions = sessions.exclude(event__format=EventPage.Format.ONLINE)
        return sessions.distinct()


# A name is words of letters joined by a space, a hyphen or an apostrophe (« Anne-Marie
# N'Diaye »); a pseudonym may hold digits and underscores too (« Étoile93 »). Neither
# takes a dot, a slash, « @ » or « : », so neither can carry an address or a link.
NAME_RE = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*$")
PSEUDONYM_RE = re.compile(r"^[^\W_]+(?:[ '’_-][^\W_]+)*$")
NAME_MAX_LENGTH = 60
FIRST_NAME_MAX_LENGTH = 40
PSEUDONYM_MAX_LENGTH = 40
NAME_MESSAGE = (
    "Un nom s'écrit avec des lettres, séparées au besoin par une espace, un trait d'union "
    "ou une apostrophe (par exemple « Anne-Marie N'Diaye »), sans chiffre, adresse ni lien."
)
PSEUDONYM_MESSAGE = (
    "Ton pseudonyme peut avoir des lettres et des chiffres, séparés au besoin par une "
    "espace, un trait d'union ou une apostrophe (par exemple « Étoile93 »), sans adresse "
    "ni lien."
)


def _name_rules(field, label, max_length, *, pseudonym=False):
    """Give the name field of a profile its label, its length and what it accepts."""
    field.label = label
    field.max_length = max_length
    field.widget.attrs["maxlength"] = str(max_length)
    pattern, message = (PSEUDONYM_RE, PSEUDONYM_MESSAGE) if pseudonym else (NAME_RE, NAME_MESSAGE)
    field.validators = [
        MaxLengthValidator(
            max_length,
            f"{max_length} caractères au plus (il y en a %(show_value)d).",
        ),
        RegexValidator(pattern, message),
    ]


class RegistrationForm(PublicForm):
    """The registration form of one session; `profile` (EventPage.Profile) chooses the
    fields: professionals (name, organisation, agency, professional email), young people
    (pseudonym, age, email or phone), parents (first name, email)."""

    helper_options = {"form_method": "post"}

    # Every field a profile may use; __init__ keeps those of the profile.
    name = CleanCharField(label="Nom et prénom", max_length=NAME_MAX_LENGTH, truncate=False)
    organisation = CleanCharField(
        label="Structure",
        max_length=150,
        truncate=False,
        help_text="Par exemple « France Travail » ou le nom de votre établissement.",
    )
    agency = CleanCharField(
        label="Agence ou service",
        max_length=150,
        truncate=False,
        required=False,
        help_text="Par exemple « agence de Saint-Denis ».",
    )
    email = forms.EmailField(label="Courriel", max_length=254)
    phone = PhoneField(label="Téléphone")
    age = forms.IntegerField(label="Âge", min_value=11, max_value=30)
    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    # Each one typed is counted by the flood limit per contact (views.register).
    contact_fields = ("email", "phone")

    PROFILE_FIELDS = {
        EventPage.Profile.PROFESSIONAL: ("name", "organisation", "agency", "email"),
        EventPage.Profile.YOUTH: ("name", "age", "email", "phone"),
        EventPage.Profile.PARENT: ("name", "email"),
    }

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        kept = self.PROFILE_FIELDS[profile]
        for name in list(self.fields):
            if name not in kept and name not in ("submission", HONEYPOT):
                del self.fields[name]
        fields = self.fields
        if profile == EventPage.Profile.PROFESSIONAL:
            _name_rules(fields["name"], "Nom et prénom", NAME_MAX_LENGTH)
            fields["email"].label = "Courriel professionnel"
            fields["email"].help_text = "La confirmation et le rappel y sont envoyés."
        elif profile == EventPage.Profile.YOUTH:
            _name_rules(fields["name"], "Pseudonyme", PSEUDONYM_MAX_LENGTH, pseudonym=True)
            fields["name"].help_text = (
                "Pas besoin de ton vrai nom : un pseudonyme suffit, c'est lui qui "
                "s'affichera pendant le groupe."
            )
            fields["age"].help_text = "Les groupes sont réservés aux moins de 26 ans."
            fields["email"].required = False
            fields["email"].label = "Courriel"
            fields["email"].help_text = (
                "Ton courriel ou ton téléphone (au moins l'un des deux) : pour la "
                "confirmation et le lien de connexion."
            )
            fields["phone"].help_text = "Par exemple 06 12 34 56 78."
        else:
            _name_rules(fields["name"], "Prénom", FIRST_NAME_MAX_LENGTH)
            fields["email"].help_text = "La confirmation et le rappel y sont envoyés."
        self.set_layout(*kept, "submission")
        self.helper.add_input(Submit("inscription", "S'inscrire"))

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean(self):
        cleaned = super().clean()
        youth = self.profile == EventPage.Profile.YOUTH
        if (
            youth
            and "email" in cleaned
            and "phone" in cleaned
            and not (cleaned["email"] or cleaned["phone"])
        ):
            self.add_error(
                "email", "Indique ton courriel ou ton numéro de téléphone (l'un des deux suffit)."
            )
        return cleaned

    def registration_data(self):
        return {name: self.cleaned_data.get(name) for name in self.PROFILE_FIELDS[self.profile]}


class CancelForm(forms.Form):
    """« Oui, annuler mon inscription »: the registration meant (the visitor's session
    must hold its link, relier_site.signed_links)."""

    inscription = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def registration_id(self):
        return self.cleaned_data["inscription"]
