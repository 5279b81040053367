import json

from django.utils.safestring import mark_safe

# Characters that could close the <script> element or start HTML, escaped as in
# Django's json_script filter.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    """JSON for a <script type="application/ld+json"> element, safe inside HTML."""
    return mark_safe(  # noqa: S308 - escaped above, as json_script does
        json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    )
