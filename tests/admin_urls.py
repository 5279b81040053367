"""The admin URLs of an app, read from the URL configuration, and the French 403 page
that staff without the right get on each (tests/*/test_admin_forbidden.py)."""

from django.urls import URLResolver, get_resolver


def walk(patterns=None, prefix=""):
    """Every route of the URL configuration (« admin/guide/<int:pk>/ »), resolvers
    followed."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def assert_french_403(client, url):
    """GET `url` (POST for a POST-only view) gives the French 403 page; its HTML."""
    response = client.get(url)
    if response.status_code == 405:  # POST-only views
        response = client.post(url)
    assert response.status_code == 403, (url, response.status_code)
    html = response.content.decode()
    assert "<h1>Accès refusé</h1>" in html, url
    assert '<html lang="fr"' in html, url
    return html
