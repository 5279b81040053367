"""Inputs of the programmes app: the /ressources/ filters."""

from django import forms

from relier_site.forms import FilterForm

from .selectors import FILTERS, kit_filter_choices

ALL = [("", "Tous")]


class ResourceFilterForm(FilterForm):
    """The filters of /ressources/ (GET, works without JavaScript). The choices are the
    kit audiences, school levels, formats and live programmes that would list at least
    one kit given the other chosen filters, each with that number (« Collège (3) »); any
    other value is ignored (see FilterForm). `kits`: the published kits
    (selectors.published_kit_list()), read once for the form and the listing."""

    public = forms.ChoiceField(label="Pour qui", required=False)
    niveau = forms.ChoiceField(label="Niveau scolaire", required=False)
    programme = forms.ChoiceField(label="Programme", required=False)
    format = forms.ChoiceField(label="Format", required=False)

    def __init__(self, data=None, *, kits=None, **kwargs):
        kwargs.setdefault("auto_id", "filtre-%s")
        super().__init__(data, **kwargs)
        requested = {name: (data or {}).get(name) for name in FILTERS}
        for name, options in kit_filter_choices(kits, requested).items():
            self.fields[name].choices = ALL + [
                (slug, f"{label} ({count})") for slug, label, count in options
            ]
