"""The site search's query string, read through a form (see home.views.search)."""

from django import forms

from relier_site.forms import FilterForm
from relier_site.text import CleanCharField

SEARCH_QUERY_MAX_LENGTH = 200


class SearchForm(FilterForm):
    """``q``: cleaned and cut at 200 characters; ``page``: a positive integer, else none
    (dropped like any invalid filter: the view then shows the first page; past the last
    one, the last). The form itself is templates/includes/search_form.html, on every
    page that offers the search."""

    q = CleanCharField(max_length=SEARCH_QUERY_MAX_LENGTH, required=False)
    page = forms.IntegerField(min_value=1, required=False)

    def value(self, name):
        """The cleaned value of one field; ``None`` when it was invalid."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name)
