"""Every input of the guide: the public search (GET) and the staff import form."""

import re

from django import forms

from relier_site.forms import FilterForm

from . import territories
from .reference import AUDIENCES, THEMES

QUERY_MAX_LENGTH = 200
TERRITORY_MAX_LENGTH = 60
SEARCH_KEYS = ("territoire", "theme", "public", "age", "q")


class GuideSearchForm(FilterForm):
    """The search of /guide/. Bound to request.GET; every error of a criterion is a French
    sentence, shown in the results region (not in a summary above the form: with
    JavaScript, only the results are replaced). An odd page number is dropped, like any
    invalid filter: the first page shows."""

    helper_options = {**FilterForm.helper_options, "error_summary": False}
    reported_fields = SEARCH_KEYS

    territoire = forms.CharField(
        label="Code postal ou département",
        required=False,
        help_text="Par exemple 93200, 93, 2A ou 974.",
    )
    theme = forms.ChoiceField(
        label="Thème",
        required=False,
        choices=[("", "Tous les thèmes"), *[(slug, label) for slug, label, _ in THEMES]],
        error_messages={
            "invalid_choice": "Ce thème n'existe pas dans le guide : "
            "choisissez-en un dans la liste."
        },
    )
    public = forms.ChoiceField(
        label="Pour qui",
        required=False,
        choices=[("", "Tout le monde"), *[(slug, label) for slug, label, _ in AUDIENCES]],
        error_messages={
            "invalid_choice": "Ce public n'existe pas dans le guide : "
            "choisissez-en un dans la liste."
        },
    )
    age = forms.IntegerField(
        label="Âge de la personne concernée",
        required=False,
        min_value=0,
        max_value=120,
        error_messages={
            "invalid": "Indiquez l'âge en chiffres, par exemple 14.",
            "min_value": "L'âge ne peut pas être négatif.",
            "max_value": "Indiquez un âge de 120 ans au plus.",
        },
    )
    q = forms.CharField(
        label="Mots-clés",
        required=False,
        help_text="Par exemple « écoute », « harcèlement » ou le nom d'une structure.",
    )
    page = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.submitted = data is not None and any(key in data for key in SEARCH_KEYS)
        self.fields["age"].widget.attrs.update({"inputmode": "numeric"})
        self.fields["territoire"].widget.attrs.update({"autocomplete": "postal-code"})
        self.set_layout(*SEARCH_KEYS)  # the page number is in the results' links only

    def clean_territoire(self):
        value = self.cleaned_data["territoire"]
        if not value:
            return None
        if len(value) > TERRITORY_MAX_LENGTH:
            raise forms.ValidationError(
                "Ce territoire est trop long : indiquez un code postal ou un numéro de département."
            )
        try:
            return territories.resolve_territory(value)
        except territories.TerritoryError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_q(self):
        value = " ".join(self.cleaned_data["q"].split())
        if len(value) > QUERY_MAX_LENGTH:
            raise forms.ValidationError(
                f"Votre recherche est trop longue : {QUERY_MAX_LENGTH} caractères au plus. "
                "Essayez avec deux ou trois mots."
            )
        words = " ".join(re.sub(r"[^\w'\-]+", " ", value).split())
        if value and not words:
            raise forms.ValidationError(
                "Votre recherche ne contient aucun mot : écrivez par exemple « écoute » ou "
                "« harcèlement »."
            )
        return value

    def clean_page(self):
        return max(1, self.cleaned_data.get("page") or 1)

    def clean(self):
        cleaned = super().clean()
        if not self._errors and self.submitted and not self.has_criteria():
            raise forms.ValidationError(
                "Indiquez un code postal, un département, un thème, un public, un âge ou "
                "quelques mots pour lancer la recherche."
            )
        return cleaned

    def has_criteria(self):
        data = self.cleaned_data
        return any(
            data.get(key) not in (None, "") for key in ("territoire", "theme", "public", "age", "q")
        )

    @property
    def search_terms(self):
        """The words of `q` for the search backend: letters and digits only."""
        return " ".join(re.sub(r"[\W_]+", " ", self.cleaned_data.get("q") or "").split())


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Fichier CSV ou XLSX",
        help_text="Colonnes data·inclusion et extensions du guide (voir le README). "
        "Rien n'est enregistré si une ligne contient une erreur.",
    )
