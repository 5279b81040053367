"""relier_site.signed_links.held: the one way a view reads the grant it acts on (the
current one for a GET, the one a POST names)."""

from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from relier_site import signed_links


def test_held_reads_the_named_grant_or_the_current_one():
    request = RequestFactory().get("/")
    request.session = SessionStore()
    signed_links.grant(request, "scope", 4, "nonce-4")
    signed_links.grant(request, "scope", 7, "nonce-7")
    assert signed_links.held(request, "scope") == ("7", "nonce-7")
    assert signed_links.held(request, "scope", 4) == (4, "nonce-4")
    assert signed_links.held(request, "scope", 5) is None
    assert signed_links.held(request, "other") is None
