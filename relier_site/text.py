"""Cleaning of the text the site reads from visitors (query strings, form fields).

``clean_text`` is the one way to turn what arrived in a request into text the site can
store, search for and show: no NUL or other control characters (PostgreSQL refuses NUL,
search engines choke on them), no lone surrogates, whitespace normalised, Unicode in NFC,
and a maximum length. ``CleanCharField`` is the form field built on it.
"""

import unicodedata

from django import forms
from django.conf import settings

# Whitespace kept (as a space, or as a line break in multi-line text).
_LINE_BREAKS = "\n\r\u2028\u2029"


def _is_dropped(char):
    """Control (Cc), surrogate (Cs), unassigned (Cn), private-use (Co) and format (Cf)
    characters, except the whitespace ones and the joiners that emoji and some scripts
    need (ZWJ, ZWNJ)."""
    if char in "\t\n\r\u2028\u2029":
        return False
    if char in "\u200c\u200d":
        return False
    return unicodedata.category(char) in {"Cc", "Cs", "Cn", "Co", "Cf"}


def clean_text(value, max_length=None, *, multiline=False):
    """Return ``value`` as clean text: ``""`` for ``None``.

    Removes control, format and surrogate characters (NUL, C0, DEL, C1, lone surrogates,
    bidirectional overrides), normalises to NFC, collapses runs of whitespace to one space
    (``multiline=True`` keeps single line breaks as ``\\n``), strips both ends, then cuts
    at ``max_length`` characters (and strips again).
    """
    if value is None:
        return ""
    value = str(value)
    value = "".join(char for char in value if not _is_dropped(char))
    value = unicodedata.normalize("NFC", value)
    if multiline:
        lines = value.replace("\r\n", "\n")
        for char in _LINE_BREAKS:
            lines = lines.replace(char, "\n")
        value = "\n".join(" ".join(line.split()) for line in lines.split("\n"))
        while "\n\n\n" in value:
            value = value.replace("\n\n\n", "\n\n")
        value = value.strip()
    else:
        value = " ".join(value.split())
    if max_length is not None and len(value) > max_length:
        value = value[:max_length].rstrip()
    return value


class CleanCharField(forms.CharField):
    """A ``CharField`` whose value goes through ``clean_text`` before validation.

    Over-long input is cut at ``max_length`` (``truncate=True``, the default, for query
    strings) instead of being refused; ``truncate=False`` keeps Django's "too long" error
    for fields a person types and should correct.
    """

    def __init__(self, *, truncate=True, multiline=False, **kwargs):
        self.truncate = truncate
        self.multiline = multiline
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return self.empty_value
        cut = self.max_length if self.truncate else None
        return clean_text(value, cut, multiline=self.multiline)


# django-axes stores the username of each failed login in a 255-character column.
LOGIN_USERNAME_MAX_LENGTH = 255


def login_username(request, credentials=None):
    """``AXES_USERNAME_CALLABLE``: the username of a login attempt, cleaned and cut to what
    django-axes stores (an over-long one was a database error, 500, on PostgreSQL)."""
    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    value = credentials.get(field) if credentials else request.POST.get(field)
    return clean_text(value, LOGIN_USERNAME_MAX_LENGTH) or None
