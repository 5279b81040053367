"""Public views of the agenda (filled in below)."""


def agenda_context(page, request):
    return {}
