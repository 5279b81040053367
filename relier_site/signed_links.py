"""Signed links that leave no token behind them (README « Agenda et inscriptions » and
« Demandes d'orientation et de contact »).

A link sent by email carries a signed token (django.core.signing, made and checked by
the app that owns it). Left in the address bar, the token would stay in the browser's
history, where anyone using the same device later could open it again. So the view that
receives a token only checks it, keeps what the token grants in the visitor's session
(`grant`), and answers « 303 See Other » to an address without the token (`land`). That
address reads the session (`current`, `granted`); an action is asked for first and done
by a POST, followed by another 303 to a result page, itself without token.

The session holds ids and nonces only, never personal data: `grant(request, scope, key,
value)` keeps `key` (an id) and `value` (a nonce, or "") under `scope`, the last
MAX_GRANTS of each scope, the last one granted being the « current » one. Its cookie
lasts as long as the browser session (`set_expiry(0)`).

Every page reached through a token (the landing, the confirmation step, the result, the
« merci » page) is decorated with `private_page`: `Cache-Control: private, no-store`,
which the site-wide header middleware (relier_site.http) never overrides.

    from relier_site import signed_links

    @signed_links.private_page
    def land(request, token):
        registration = read(token)  # the app's own check
        if registration is None:
            return invalid_page(request)
        signed_links.grant(request, SCOPE, registration.pk, registration.nonce)
        return signed_links.see_other(reverse("app:confirm"))

    @signed_links.private_page
    def confirm(request):
        granted = signed_links.current(request, SCOPE)  # (key, value) or None
"""

import functools

from django.http import HttpResponseRedirect

SESSION_KEY = "signed_links"
MAX_GRANTS = 10  # per scope: a few links opened in a row (several tabs) all keep working
PRIVATE = "private, no-store"


def private_page(view):
    """View decorator: `Cache-Control: private, no-store` on every response, so that
    neither a shared cache nor the browser keeps the page."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["Cache-Control"] = PRIVATE
        return response

    return wrapped


def see_other(path):
    """« 303 See Other » to `path` (after a token or a POST: the browser then GETs it),
    kept by no cache."""
    response = HttpResponseRedirect(path, status=303)
    response.headers["Cache-Control"] = PRIVATE
    return response


def _scopes(request):
    return request.session.get(SESSION_KEY) or {}


def grant(request, scope, key, value=""):
    """Keep in the session that this browser may see `key` of `scope` (with `value`, a
    nonce the app checks again); `key` becomes the current one of the scope."""
    scopes = _scopes(request)
    entry = scopes.get(scope) or {"grants": [], "current": None}
    key = str(key)
    grants = [pair for pair in entry["grants"] if pair[0] != key]
    grants.append([key, str(value)])
    scopes[scope] = {"grants": grants[-MAX_GRANTS:], "current": key}
    request.session[SESSION_KEY] = scopes
    request.session.set_expiry(0)  # a browser-session cookie


def granted(request, scope, key):
    """The value granted for `key` of `scope` in this session, or None."""
    key = str(key)
    for granted_key, value in (_scopes(request).get(scope) or {}).get("grants", []):
        if granted_key == key:
            return value
    return None


def current(request, scope):
    """(key, value) of the last key granted (or made current) in `scope`, or None."""
    entry = _scopes(request).get(scope) or {}
    key = entry.get("current")
    if key is None:
        return None
    value = granted(request, scope, key)
    return None if value is None else (key, value)


def make_current(request, scope, key):
    """Make an already granted `key` the current one of `scope` (a POST about it)."""
    scopes = _scopes(request)
    if granted(request, scope, key) is not None:
        scopes[scope]["current"] = str(key)
        request.session[SESSION_KEY] = scopes


def held(request, scope, key=None):
    """(key, value) this browser was granted in `scope`: for `key` when given (a POST
    names the row it is about), else the current one; None without such a grant."""
    if key is None:
        return current(request, scope)
    value = granted(request, scope, key)
    return None if value is None else (key, value)
