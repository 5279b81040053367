"""The README's nginx rules: a French page for every status nginx produces itself, the
site's own error pages untouched, and body-size limits that agree with the site's."""

import re

import pytest
from django.conf import settings

from home.management.commands import proxy_error_pages
from scripts.deployed_site import nginx_snippet

pytestmark = pytest.mark.one_database

# Every status nginx answers by itself in front of the site.
NGINX_OWN_STATUSES = {400, 413, 414, 494, 500, 502, 503, 504}
MB = 1024 * 1024


def error_pages():
    """{status: static page name} from the error_page rules."""
    pages = {}
    for statuses, page in re.findall(
        r"error_page\s+((?:\d{3}\s+)+)(?:=\d{3}\s+)?/static/erreurs/(\S+);", nginx_snippet()
    ):
        pages.update(dict.fromkeys(map(int, statuses.split()), page))
    return pages


def body_limits():
    """{location: limit in bytes}, the server-wide limit under the key "server"."""
    snippet = nginx_snippet()
    blocks = dict(re.findall(r"location (\S+) \{(.*?)\}", snippet, flags=re.S))
    outside = re.sub(r"location \S+ \{.*?\}", "", snippet, flags=re.S)
    limits = {"server": outside, **blocks}
    return {
        name: int(size[0]) * MB
        for name, text in limits.items()
        if (size := re.findall(r"client_max_body_size (\d+)m;", text))
    }


def test_every_status_of_nginx_gets_a_french_static_page():
    pages = error_pages()
    assert set(pages) == NGINX_OWN_STATUSES
    assert set(pages.values()) <= set(proxy_error_pages.PAGES)
    assert "error_page 494 =400 /static/erreurs/400.html;" in nginx_snippet()


def test_the_error_pages_are_read_from_disk_even_when_the_site_is_down():
    snippet = nginx_snippet()
    block = re.search(r"location /static/erreurs/ \{(.*?)\}", snippet, flags=re.S).group(1)
    assert "alias /srv/relier/static/erreurs/;" in block
    assert "proxy_pass" not in block


def test_the_sites_own_error_pages_are_not_replaced():
    directives = [line.split("#")[0] for line in nginx_snippet().splitlines()]
    assert not [line for line in directives if "proxy_intercept_errors" in line]


def test_public_forms_get_a_limit_below_what_the_site_accepts():
    public = body_limits()["server"]
    # A public body the proxy lets through is one the site reads (its 400 above it).
    assert public <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert public < 3 * MB  # a 3 MB form gets the proxy's French 413 page


def test_the_admin_limit_takes_the_largest_upload():
    limits = body_limits()
    largest = max(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    assert limits["/admin/"] >= largest + MB  # room for the form around the file
    assert limits["/admin/"] > limits["server"]
    assert set(limits) == {"server", "/admin/", "/static/erreurs/"}


def test_the_error_pages_take_any_body_the_proxy_let_through():
    """An error page is an internal redirect that keeps the request's body: a 502 during
    a 10 MB upload to /admin/ must not turn into nginx's English 413."""
    limits = body_limits()
    assert limits["/static/erreurs/"] >= max(limits.values())
