"""Inputs of the programmes app: the /ressources/ filters."""

from django import forms

from home.forms import FilterForm

from .selectors import kit_filter_choices

ALL = [("", "Tous")]


class ResourceFilterForm(FilterForm):
    """The filters of /ressources/ (GET, works without JavaScript). The choices are the
    kit audiences, school levels, formats and live programmes; any other value is
    ignored (see FilterForm)."""

    public = forms.ChoiceField(label="Pour qui", required=False)
    niveau = forms.ChoiceField(label="Niveau scolaire", required=False)
    programme = forms.ChoiceField(label="Programme", required=False)
    format = forms.ChoiceField(label="Format", required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "filtre-%s")
        super().__init__(*args, **kwargs)
        for name, options in kit_filter_choices().items():
            self.fields[name].choices = ALL + options
