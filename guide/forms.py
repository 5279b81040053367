"""Every input of the guide: the public search (GET) and the staff import form."""

import re

from django import forms

from . import territories
from .reference import AUDIENCES, THEMES

QUERY_MAX_LENGTH = 200
TERRITORY_MAX_LENGTH = 60
SEARCH_KEYS = ("territoire", "theme", "public", "age", "q")


class GuideSearchForm(forms.Form):
    """The search of /guide/. Bound to request.GET; every error is a French sentence."""

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
        for name, field in self.fields.items():
            css = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            field.widget.attrs.setdefault("class", css)
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-aide"

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

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for name in self._errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = attrs.get("aria-describedby", "")
                attrs["aria-describedby"] = f"{described} id_{name}-erreur".strip()
        # A page number is navigation, not a criterion: an odd value shows the first page.
        self._errors.pop("page", None)
        self.cleaned_data["page"] = max(1, self.cleaned_data.get("page") or 1)
        if self.is_bound and not self._errors and self.submitted and not self.has_criteria():
            self.add_error(
                None,
                "Indiquez un code postal, un département, un thème, un public, un âge ou "
                "quelques mots pour lancer la recherche.",
            )

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
