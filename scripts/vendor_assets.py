"""Regenerate the vendored typeface and icon sprite under relier_site/static/vendor/.

    python3 scripts/vendor_assets.py

Installs the pinned npm packages into a temporary folder (npm only, nothing else is
fetched), then copies the Latin woff2 files of Atkinson Hyperlegible Next that the
stylesheet uses, with their licence, and builds ONE SVG sprite holding only the
bootstrap-icons listed in ICONS, with the icons' licence. Run it again after changing
ICONS or a version: the output is the same for the same input.
"""

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

FONT_PACKAGE = "@fontsource/atkinson-hyperlegible-next@5.3.0"
ICONS_PACKAGE = "bootstrap-icons@1.13.2"
FONT_FILES = [
    "atkinson-hyperlegible-next-latin-400-normal.woff2",
    "atkinson-hyperlegible-next-latin-700-normal.woff2",
]
# The icons the templates use ({% icon "name" %} in home/templatetags/site_tags.py).
ICONS = [
    "arrow-right",
    "backpack",
    "box-arrow-up-right",
    "briefcase",
    "building",
    "calendar-event",
    "chat-heart",
    "check-circle",
    "clock",
    "envelope",
    "file-earmark-arrow-down",
    "heart",
    "list",
    "people",
    "person-raised-hand",
    "search",
    "shield-check",
    "telephone",
    "x-lg",
]

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "relier_site" / "static" / "vendor"


def npm_install(folder):
    subprocess.run(  # noqa: S603
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(folder)]
        + [FONT_PACKAGE, ICONS_PACKAGE],
        check=True,
    )
    return folder / "node_modules"


def vendor_font(modules):
    source = modules / "@fontsource" / "atkinson-hyperlegible-next"
    target = VENDOR / "atkinson-hyperlegible-next"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in FONT_FILES:
        shutil.copyfile(source / "files" / name, target / name)
    shutil.copyfile(source / "LICENSE", target / "LICENSE")


def symbol(name, svg):
    view_box = re.search(r'viewBox="([^"]+)"', svg).group(1)
    inner = re.search(r"<svg[^>]*>(.*)</svg>", svg, re.S).group(1).strip()
    inner = re.sub(r"\s+", " ", inner)
    return f'<symbol id="bi-{name}" viewBox="{view_box}">{inner}</symbol>'


def vendor_icons(modules):
    source = modules / "bootstrap-icons"
    target = VENDOR / "bootstrap-icons"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    symbols = [symbol(name, (source / "icons" / f"{name}.svg").read_text()) for name in ICONS]
    version = json.loads((source / "package.json").read_text())["version"]
    sprite = (
        '<svg xmlns="http://www.w3.org/2000/svg">'
        f"<!-- bootstrap-icons {version} (MIT), built by scripts/vendor_assets.py -->\n"
        + "\n".join(symbols)
        + "\n</svg>\n"
    )
    (target / "sprite.svg").write_text(sprite)
    shutil.copyfile(source / "LICENSE", target / "LICENSE")


def main():
    with tempfile.TemporaryDirectory() as folder:
        modules = npm_install(Path(folder))
        vendor_font(modules)
        vendor_icons(modules)
    print(f"Vendored {len(FONT_FILES)} font files and {len(ICONS)} icons into {VENDOR}")


if __name__ == "__main__":
    main()
