"""What a visitor or an editor reads in an HTML response."""

import html
import json
import re
from html.parser import HTMLParser


class _TextExtractor(HTMLParser):
    """Visible text of an HTML document, without script, style and template content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def visible_text(response_or_html):
    content = getattr(response_or_html, "content", response_or_html)
    if isinstance(content, bytes):
        content = content.decode()
    parser = _TextExtractor()
    parser.feed(content)
    return normalise(" ".join(parser.parts))


def stream_block_errors(response):
    """The error messages Wagtail's admin shows inside StreamFields.

    StreamField errors reach the editor's browser as JSON in the
    `data-w-block-arguments-value` attribute, which the admin's JavaScript renders
    next to the faulty block. Returns every message found, decoded.
    """
    messages = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "messages" and isinstance(value, list):
                    messages.extend(str(m) for m in value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for raw in re.findall(r'data-w-block-arguments-value="([^"]*)"', response.content.decode()):
        walk(json.loads(html.unescape(raw)))
    return messages


def streamed_body(response):
    """The whole body of a streaming (file) response. Reading it to the end makes the test
    client close the response, and so its file (without closing the test's database
    connection, as a direct `response.close()` would)."""
    return b"".join(response.streaming_content)
