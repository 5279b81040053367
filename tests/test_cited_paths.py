"""Every file the README, a comment or a docstring names exists: a moved or renamed file
must not leave text pointing at nothing.

A cited path is relative to the repository root or, for a template, to a templates
folder (`home/standard_page.html`, `emails/base.mjml`). Addresses (`/static/…`) and
patterns (`<app>/conf.py`) are not files. No database is touched.
"""

import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE_FOLDERS = ("relier_site", "home", "referrals", "events", "guide", "programmes")
SCANNED = (*SOURCE_FOLDERS, "scripts", "templates", "tests")
SINGLE_FILES = ("Makefile", "gunicorn.conf.py", "manage.py", ".ci/run")
EXTENSIONS = ("py", "sh", "html", "mjml", "txt", "toml", "json")
# A path: folders, then a file name with one of EXTENSIONS; not part of an address.
PATH = re.compile(
    r"(?<![\w/.<>:-])((?:[\w.-]+/)+[\w.-]+\.(?:" + "|".join(EXTENSIONS) + r"))(?![\w/])"
)
# A path in the README: in backticks, possibly followed by `:line` or a function call.
README_PATH = re.compile(r"`([\w.-]+(?:/[\w.-]+)+\.(?:" + "|".join(EXTENSIONS) + r"))[`:(]")
# Examples of a naming pattern, not files.
EXAMPLES = {"referrals/migrations/000X_roles.py"}


def template_folders():
    yield ROOT / "templates"
    for folder in SOURCE_FOLDERS:
        yield ROOT / folder / "templates"


def exists(path):
    if path in EXAMPLES:
        return True
    return any((base / path).is_file() for base in (ROOT, *template_folders()))


def comments_of(path):
    """(line, text) of each comment and docstring of a source file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            is_docstring = token.type == tokenize.STRING and token.string.lstrip("rbuRBU")[:3] in (
                '"""',
                "'''",
            )
            if token.type == tokenize.COMMENT or is_docstring:
                yield token.start[0], token.string
    elif path.suffix in (".html", ".txt", ".mjml"):
        pattern = r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}|<!--.*?-->"
        for match in re.finditer(pattern, text, flags=re.S):
            yield text.count("\n", 0, match.start()) + 1, match.group()
    else:  # shell scripts, Makefile
        for number, line in enumerate(text.splitlines(), 1):
            if "#" in line:
                yield number, line[line.index("#") :]


def source_files():
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*")):
            if (
                path.is_file()
                and "migrations" not in path.parts
                and "static" not in path.parts
                and path.suffix in (".py", ".sh", ".html", ".txt", ".mjml")
            ):
                yield path
    for name in SINGLE_FILES:
        if (ROOT / name).is_file():
            yield ROOT / name


def test_every_path_the_readme_cites_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    cited = set(README_PATH.findall(readme))
    for block in re.findall(r"^```.*?^```", readme, flags=re.S | re.M):  # commands to copy
        cited.update(PATH.findall(block))
    assert cited, "the README cites files: the pattern must find them"
    assert sorted(path for path in cited if not exists(path)) == []


def test_every_path_a_comment_or_docstring_cites_exists():
    missing = []
    count = 0
    for path in source_files():
        for line, text in comments_of(path):
            for cited in PATH.findall(text):
                count += 1
                if not exists(cited):
                    missing.append(f"{path.relative_to(ROOT)}:{line}: {cited}")
    assert count > 50, "comments cite files: the pattern must find them"
    assert missing == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("see tests/deploy/test_errors.py.", ["tests/deploy/test_errors.py"]),
        ("served as /static/erreurs/413.html", []),
        ("an app's <app>/conf.py", []),
        ("the layout emails/base.mjml", ["emails/base.mjml"]),
    ],
)
def test_what_counts_as_a_cited_path(text, found):
    assert PATH.findall(text) == found
