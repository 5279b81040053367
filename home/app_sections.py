"""Sections of a page that a domain app provides, placed by editors with the block
« Section fournie par une application » (`home.blocks.AppSectionBlock`).

`home` imports no domain app, and its templates load no domain app's template tags
(tests/test_layers.py): an app registers its sections with
`register_app_section(key, label, template)` in its `AppConfig.ready()`. The block offers
the registered sections to editors (its choices are read from here each time, so
migrations do not freeze the list) and renders the section's template with the page's
context. A `home` template places a section itself with `{% app_section "key" %}`
(`site_tags`); a section registered with `offered=False` is placed that way only, never
offered to editors (the programmes and next dates of the home page). A page whose section
is no longer registered (its app was removed) shows nothing there.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class AppSection:
    key: str  # stored in the page body: never change it once pages use it
    label: str  # what editors choose, in French
    template: str  # rendered with the page's context
    offered: bool = True  # in the editors' choices


_sections = {}


def register_app_section(key, label, template, *, offered=True):
    """Register the section `key`, offered to editors unless `offered` is False
    (idempotent: the last registration wins)."""
    _sections[key] = AppSection(key=key, label=label, template=template, offered=offered)


def app_section(key):
    """The registered section `key`, or None."""
    return _sections.get(key)


def app_section_choices():
    """The choices of the block: (key, label) of every registered section, by label."""
    offered = (s for s in _sections.values() if s.offered)
    return sorted(((s.key, s.label) for s in offered), key=lambda item: item[1])
