"""Render the PNG fallbacks of the favicon from relier_site/static/img/favicon.svg.

    python3 -m uv run python scripts/make_icons.py

Draws the SVG in Debian's Chromium (Playwright, as the browser tests do) and writes
favicon-32.png (32 × 32) and apple-touch-icon.png (180 × 180, square and opaque: iOS
rounds the corners itself) beside it.
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

IMG = Path(__file__).resolve().parent.parent / "relier_site" / "static" / "img"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGE = (
    "<!DOCTYPE html><html><body style='margin:0;background:{background}'>"
    "<img src='data:image/svg+xml;base64,{svg}' width='{size}' height='{size}'"
    " style='display:block'></body></html>"
)


def render(browser, svg, size, background, target):
    import base64

    page = browser.new_page(viewport={"width": size, "height": size})
    encoded = base64.b64encode(svg.encode()).decode()
    page.set_content(PAGE.format(svg=encoded, size=size, background=background))
    page.screenshot(path=str(target), omit_background=background == "transparent")
    page.close()


def main():
    svg = (IMG / "favicon.svg").read_text()
    # The touch icon is a full square: no rounded corners of its own.
    square = svg.replace('rx="7"', 'rx="0"')
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        render(browser, svg, 32, "transparent", IMG / "favicon-32.png")
        render(browser, square, 180, "#3b2a84", IMG / "apple-touch-icon.png")
        browser.close()
    print(f"Wrote favicon-32.png and apple-touch-icon.png in {IMG}")


if __name__ == "__main__":
    main()
