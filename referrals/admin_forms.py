"""The staff's inputs in the admin: the inbox filters and the actions on one request.
(The public forms are in forms.py.)"""

import django_filters
from django import forms
from wagtail.admin.filters import WagtailFilterSet

from relier_site.text import CleanCharField

from . import workflow
from .models import Kind, Programme, Referral, Status
from .services import NOTE_MAX_LENGTH, REASON_MAX_LENGTH, handlers, staff_name

YES = [("1", "Oui")]


class HandlerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return staff_name(obj)


class HandlerFilterField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        # Wagtail labels the active filter with the raw value too (« aucune »).
        return staff_name(obj) if hasattr(obj, "get_username") else "Personne"


class HandlerFilter(django_filters.ModelChoiceFilter):
    field_class = HandlerFilterField


class ReferralFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Statut", choices=Status.choices)
    kind = django_filters.ChoiceFilter(label="Type de demande", choices=Kind.choices)
    programme = django_filters.ChoiceFilter(label="Programme", choices=Programme.choices)
    departement = django_filters.ChoiceFilter(label="Département", choices=[])
    assigned_to = HandlerFilter(
        label="Suivie par",
        queryset=lambda request: handlers(),
        null_label="Personne",
        null_value="aucune",
    )
    urgent = django_filters.ChoiceFilter(label="Urgente", choices=YES, method="filter_urgent")
    overdue = django_filters.ChoiceFilter(label="En retard", choices=YES, method="filter_overdue")
    possible_duplicate = django_filters.ChoiceFilter(
        label="Doublon possible", choices=YES, method="filter_duplicate"
    )

    class Meta:
        model = Referral
        fields = ["status", "kind", "programme", "departement", "assigned_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = (
            Referral.objects.exclude(departement="")
            .order_by("departement")
            .values_list("departement", flat=True)
            .distinct()
        )
        self.filters["departement"].extra["choices"] = [(code, code) for code in codes]

    def filter_urgent(self, queryset, name, value):
        return queryset.filter(urgent=True) if value else queryset

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset

    def filter_duplicate(self, queryset, name, value):
        return queryset.filter(possible_duplicate_of__isnull=False) if value else queryset


class AssignForm(forms.Form):
    assignee = HandlerChoiceField(
        label="Attribuer à",
        queryset=handlers(),
        empty_label=None,
        error_messages={"invalid_choice": "Choisissez une personne de la liste."},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = handlers()
        if user is not None and not self.is_bound:
            self.initial["assignee"] = user.pk


class StatusForm(forms.Form):
    target = forms.ChoiceField(label="Étape suivante")
    reason = CleanCharField(
        label="Motif",
        required=False,
        max_length=REASON_MAX_LENGTH,
        truncate=False,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Obligatoire pour clôturer ou refuser la demande.",
    )

    def __init__(self, *args, referral, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.transitions = workflow.transitions_from(referral.status, user)
        self.fields["target"].choices = [(t.target, t.label) for t in self.transitions]

    def clean(self):
        data = super().clean()
        target = data.get("target")
        found = next((t for t in self.transitions if t.target == target), None)
        if found is not None and found.requires_reason and not data.get("reason"):
            self.add_error(
                "reason",
                f"Indiquez le motif pour passer la demande à « {Status(target).label} ».",
            )
        return data


class NoteForm(forms.Form):
    text = CleanCharField(
        label="Note",
        max_length=NOTE_MAX_LENGTH,
        truncate=False,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Visible de l'équipe seulement. N'écrivez pas de détail médical.",
        error_messages={"required": "Écrivez la note avant de l'ajouter."},
    )


class StatisticsForm(forms.Form):
    year = forms.TypedChoiceField(label="Année", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "Toutes les années")] + [(y, str(y)) for y in years]


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label="Je confirme l'effacement des données personnelles de cette demande",
        error_messages={"required": "Cochez la case pour confirmer l'effacement."},
    )
