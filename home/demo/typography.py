"""French typography for the demo texts (pure Python: the PDF script uses it too)."""

import re

NBSP = "\u00a0"
_TYPOGRAPHY = [
    (re.compile(r" ([?!:;%»])"), NBSP + r"\1"),
    (re.compile(r"« "), "«" + NBSP),
    (re.compile(r"(\d) (?=\d{3}\b)"), r"\1" + NBSP),
]


def french_typography(text):
    """Non-breaking spaces where French typography wants them (before ? ! : ; % », after
    «, between groups of digits), so that no line ever starts with a lone « ? »."""
    for pattern, replacement in _TYPOGRAPHY:
        text = pattern.sub(replacement, text)
    return text
