"""Every input of the waiting list's visitors: the request « prévenez-moi d'un créneau »
and the answer to an offered slot (appointments.waiting_views)."""

from crispy_forms.layout import Submit
from django import forms

from home.vocabulary import AgeBand
from relier_site.forms import PublicForm
from relier_site.phones import PhoneField
from relier_site.text import CleanCharField

from .models import Weekday

FIRST_NAME_MAX_LENGTH = 40


class WaitingRequestForm(PublicForm):
    """« Prévenez-moi quand un créneau se libère »: the days that suit, who to write to."""

    helper_options = {"form_method": "post"}

    weekdays = forms.TypedMultipleChoiceField(
        label="Les jours qui vous conviennent",
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez-en autant que vous voulez ; aucun coché : n'importe quel jour.",
    )
    first_name = CleanCharField(
        label="Prénom ou pseudonyme",
        max_length=FIRST_NAME_MAX_LENGTH,
        truncate=False,
        help_text="Pas besoin de votre vrai nom : un pseudonyme suffit.",
    )
    age_band = forms.ChoiceField(
        label="Âge de la personne qui a besoin du rendez-vous",
        choices=[("", "Choisir une tranche d'âge"), *AgeBand.choices],
    )
    email = forms.EmailField(
        label="Courriel",
        max_length=254,
        required=False,
        help_text="Pour vous envoyer le créneau qui se libère (votre courriel ou votre "
        "téléphone : au moins l'un des deux).",
    )
    phone = PhoneField(label="Téléphone")
    reminder_by_sms = forms.TypedChoiceField(
        label="Être prévenu·e aussi par SMS ?",
        choices=[("non", "Non"), ("oui", "Oui")],
        coerce=lambda value: value == "oui",
        initial="non",
        widget=forms.RadioSelect,
        help_text="Au numéro de téléphone indiqué.",
    )
    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    # Each one typed is counted by the flood limit per contact.
    contact_fields = ("email", "phone")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.helper.add_input(Submit("demande", "Être prévenu·e"))

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean(self):
        cleaned = super().clean()
        email, phone = cleaned.get("email"), cleaned.get("phone")
        if "email" in cleaned and "phone" in cleaned:
            if not (email or phone):
                self.add_error(
                    "email",
                    "Indiquez votre courriel ou votre numéro de téléphone (l'un des deux suffit).",
                )
            elif not email and not cleaned.get("reminder_by_sms"):
                self.add_error(
                    "reminder_by_sms",
                    "Sans courriel, choisissez « Oui » : c'est par SMS que nous vous préviendrons.",
                )
        if cleaned.get("reminder_by_sms") and "phone" in cleaned and not phone:
            self.add_error("phone", "Indiquez le numéro auquel envoyer les SMS.")
        return cleaned

    def person(self):
        return {
            name: self.cleaned_data.get(name)
            for name in ("first_name", "age_band", "email", "phone", "reminder_by_sms")
        }


class WaitingAnswerForm(forms.Form):
    """An answer on the waiting page: the request meant (the visitor's session must hold
    its link) and what to do."""

    TAKE = "prendre"
    DECLINE = "refuser"
    WITHDRAW = "retirer"

    demande = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=[(TAKE, TAKE), (DECLINE, DECLINE), (WITHDRAW, WITHDRAW)])
