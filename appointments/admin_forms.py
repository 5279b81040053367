"""The staff's inputs in the admin: the agenda's filters (GET), the outcome of a past
appointment, its cancellation by the team, the statistics' year. (The offer itself is
edited with the snippets' forms; its checks are the models' `clean`.)"""

from django import forms

from relier_site.forms import FilterForm

from .models import Appointment
from .staff_selectors import psychologists, staff_name

ALL_TEAM = "Toute l'équipe"
Outcome = Appointment.Outcome


class PsychologistChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return staff_name(obj)


class AgendaFilterForm(FilterForm):
    """The day (or the week holding it) and the psychologist. Without a `psychologue`
    parameter, a psychologist sees her own agenda; « Toute l'équipe » is an empty
    value. A value that is not valid is dropped (FilterForm): today, or the default."""

    date = forms.DateField(
        label="Jour", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    psychologue = PsychologistChoiceField(
        label="Psychologue", queryset=psychologists(), required=False, empty_label=ALL_TEAM
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["psychologue"].queryset = psychologists()
        self.own = self.fields["psychologue"].queryset.filter(pk=user.pk).first()
        if self.own is not None and not self.is_bound:
            self.initial["psychologue"] = self.own.pk
        elif self.own is not None and "psychologue" not in self.data:
            self.data = self.data.copy()
            self.data["psychologue"] = str(self.own.pk)

    def day(self, today):
        return self.selected().get("date") or today

    def psychologist(self):
        """The psychologist whose agenda is shown, or None for the whole team."""
        if self.is_bound and self.is_valid() and "psychologue" in self.data:
            return self.cleaned_data["psychologue"]
        return self.own


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Suite du rendez-vous",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez la suite du rendez-vous.",
            "invalid_choice": "« %(value)s » n'est pas une suite possible : choisissez vu, "
            "absent·e, excusé·e ou annulé par l'équipe.",
        },
    )


class CancelForm(forms.Form):
    confirm = forms.BooleanField(
        label="Je confirme l'annulation de ce rendez-vous par l'équipe",
        error_messages={"required": "Cochez la case pour confirmer l'annulation."},
    )


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label="Je confirme l'effacement des données personnelles de ce rendez-vous",
        error_messages={"required": "Cochez la case pour confirmer l'effacement."},
    )


class StatisticsForm(forms.Form):
    annee = forms.TypedChoiceField(
        label="Année",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": "Aucun rendez-vous en %(value)s : choisissez une année de la liste."
        },
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].choices = [("", "Toutes les années")] + [(y, str(y)) for y in years]

    def year(self):
        return self.cleaned_data.get("annee") if self.is_bound and self.is_valid() else None
