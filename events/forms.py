"""Every input of the agenda's visitors: the agenda's filters (GET) and the
registration form, whose fields depend on who the event is for."""

import re

from crispy_forms.layout import Div, Layout, Submit
from django import forms

from home.forms import FilterForm, PublicForm
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


PHONE_RE = re.compile(r"^\+?[0-9]{9,15}$")
HONEYPOT = "site_web"


def _phone(value):
    digits = re.sub(r"[\s.\-()]", "", value)
    if not PHONE_RE.match(digits):
        raise forms.ValidationError("Indiquez un numéro de téléphone, par exemple 06 12 34 56 78.")
    if digits.startswith("0") and len(digits) != 10:
        raise forms.ValidationError("Un numéro français a 10 chiffres, par exemple 06 12 34 56 78.")
    return digits


class RegistrationForm(PublicForm):
    """The registration form of one session; `profile` (EventPage.Profile) chooses the
    fields: professionals (name, organisation, agency, professional email), young people
    (pseudonym, age, email or phone), parents (first name, email)."""

    helper_options = {"form_method": "post"}

    # Every field a profile may use; __init__ keeps those of the profile.
    name = CleanCharField(label="Nom et prénom", max_length=120, truncate=False)
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
    phone = CleanCharField(label="Téléphone", max_length=30, truncate=False, required=False)
    age = forms.IntegerField(label="Âge", min_value=11, max_value=30)
    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    site_web = forms.CharField(
        label="Ne remplissez pas ce champ",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

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
            fields["email"].label = "Courriel professionnel"
            fields["email"].help_text = "La confirmation et le rappel y sont envoyés."
        elif profile == EventPage.Profile.YOUTH:
            fields["name"].label = "Pseudonyme"
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
            fields["name"].label = "Prénom"
            fields["name"].max_length = 60
            fields["email"].help_text = "La confirmation et le rappel y sont envoyés."
        self.helper.layout = Layout(*kept, "submission", Div(HONEYPOT, css_class="d-none"))
        self.helper.add_input(Submit("inscription", "S'inscrire"))

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean_phone(self):
        value = self.cleaned_data.get("phone") or ""
        return _phone(value) if value else ""

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

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get(HONEYPOT))

    def registration_data(self):
        return {name: self.cleaned_data.get(name) for name in self.PROFILE_FIELDS[self.profile]}
