"""The shell's share of the demo site (see `registry` for how every app adds its own).

`content` holds the French texts as plain data (taken from the association's public
documents), `build` turns demo texts into published Wagtail pages, snippets, documents
and site settings (every app's `demo.py` uses it), `typography` adds French non-breaking
spaces. This module imports nothing from Django at import time.
"""

ORDER = 0


def load(context):
    from .build import load_shell, load_trust_pages

    load_shell(context)
    load_trust_pages(context)
