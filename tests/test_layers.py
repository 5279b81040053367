"""Layers point down only: `relier_site` (platform) <- `home` (site shell) <- domain apps.

The imports of every .py file of the project's packages (migrations included: they are
code that runs) are read with `ast`, function-level imports and `import_module("…")`
calls included:

- `relier_site` imports no app of the project; only the root URL conf
  (`relier_site/urls.py`) may, since it routes every app;
- `home` imports no domain app;
- a domain app imports another domain app only through its entry points:
  `<app>.selectors` (read functions) and `<app>.templatetags.*` (template tags, which
  templates normally load by name).

Domain apps are found, not listed: every top-level package with an `apps.py` other than
`relier_site` and `home` (so `referrals`, `events`, `guide` are checked as they arrive).
Outside the layers: `tests/`, `scripts/` and `manage.py` use every layer, as users of
the site do.
"""

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.one_database

ROOT = Path(__file__).resolve().parent.parent
PLATFORM = "relier_site"
SHELL = "home"
ROOT_URLCONF = "relier_site/urls.py"
ENTRY_POINTS = ("selectors", "templatetags")
OUTSIDE_LAYERS = {"tests", "scripts", "manage.py", ".venv", ".git"}


def project_packages():
    """Top-level packages of the project (folders with an __init__.py)."""
    return sorted(
        path.name
        for path in ROOT.iterdir()
        if path.is_dir() and path.name not in OUTSIDE_LAYERS and (path / "__init__.py").exists()
    )


def domain_apps():
    return sorted(
        name
        for name in project_packages()
        if name not in {PLATFORM, SHELL} and (ROOT / name / "apps.py").exists()
    )


def imported_modules(source, module_name, is_package=False):
    """Absolute names of the modules `source` imports (relative imports resolved)."""
    package = module_name if is_package else module_name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base)
                module = f"{prefix}.{node.module}" if node.module else prefix
            else:
                module = node.module
            found.append(module)
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if (
                name in {"import_module", "__import__"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append(node.args[0].value)
    return found


def violations(relative_path, source, domain=None):
    """[(relative_path, imported module, rule broken)] for one file of the project."""
    domain = set(domain_apps() if domain is None else domain)
    parts = Path(relative_path).with_suffix("").parts
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    module_name = ".".join(parts)
    owner = parts[0]
    found = []
    for module in dict.fromkeys(imported_modules(source, module_name, is_package)):
        target = module.split(".")[0]
        if target == owner or target not in domain | {PLATFORM, SHELL}:
            continue  # inside the app, or a library
        if owner == PLATFORM:
            if relative_path != ROOT_URLCONF:
                found.append((relative_path, module, "relier_site imports no app"))
        elif owner == SHELL:
            if target in domain:
                found.append((relative_path, module, "home imports no domain app"))
        elif owner in domain and target in domain:
            entry = module.split(".")[1:2]
            if entry and entry[0] in ENTRY_POINTS:
                continue
            # `from guide import selectors`: the names imported decide.
            if module == target and _only_entry_points(source, target):
                continue
            found.append(
                (relative_path, module, f"{owner} uses {target} only through its entry points")
            )
    return found


def _only_entry_points(source, target):
    """True when every `from target import …` of `source` names entry points only."""
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == target
            and not node.level
            and any(alias.name not in ENTRY_POINTS for alias in node.names)
        ):
            return False
        if isinstance(node, ast.Import) and any(alias.name == target for alias in node.names):
            return False
    return True


def project_files():
    """(relative path, source) of every .py file of the project's packages."""
    for package in project_packages():
        for path in sorted((ROOT / package).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def all_violations():
    found = []
    for relative_path, source in project_files():
        found += violations(relative_path, source)
    return found


# --- The project ---------------------------------------------------------------------


def test_the_layers_are_the_expected_packages():
    packages = project_packages()
    assert PLATFORM in packages and SHELL in packages
    assert "programmes" in domain_apps()
    files = [path for path, _source in project_files()]
    assert "relier_site/mail/outbox.py" in files
    assert any("/migrations/" in path for path in files)  # migrations are read too


def test_no_layer_imports_a_layer_above_it():
    assert all_violations() == []


# --- The checker catches what it must (synthetic sources) ----------------------------

DOMAIN = ["programmes", "guide"]


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("relier_site/mail.py", "from home.models import SiteSettings"),
        ("relier_site/tasks.py", "import programmes.models"),
        ("relier_site/mail.py", "def f():\n    from home import helplines\n"),
        ("relier_site/views.py", "import_module('programmes.selectors')"),
        ("home/models.py", "from programmes.models import programme_teasers"),
        ("home/demo/build.py", "from programmes import demo_content"),
        ("home/migrations/0009_x.py", "import programmes.models"),
        ("guide/models.py", "from programmes.models import ProgrammePage"),
        ("guide/views.py", "from programmes import models"),
        ("guide/views.py", "import programmes"),
        ("programmes/demo.py", "from guide.demo import load"),
    ],
)
def test_an_upward_or_sideways_import_is_reported(path, source):
    assert violations(path, source, DOMAIN) != []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("relier_site/urls.py", "from home import views\nfrom programmes import selectors"),
        ("relier_site/mail.py", "from django.db import transaction\nfrom . import tasks"),
        ("home/models.py", "from relier_site.mail import send_templated_mail"),
        ("home/demo/__init__.py", "from .build import load_shell"),
        ("programmes/models.py", "from home.models import BasePage\nfrom .selectors import x"),
        ("guide/views.py", "from programmes.selectors import programme_teasers"),
        ("guide/views.py", "from programmes import selectors"),
        ("guide/templatetags/guide_tags.py", "from programmes.templatetags import x"),
    ],
)
def test_an_import_that_points_down_or_through_an_entry_point_is_allowed(path, source):
    assert violations(path, source, DOMAIN) == []


def test_a_relative_import_is_resolved_before_it_is_judged():
    assert imported_modules("from ..models import HomePage", "home.demo.build") == ["home.models"]
    assert imported_modules("from . import content", "home.demo", is_package=True) == ["home.demo"]
    assert imported_modules("from .. import x", "programmes.templatetags.tags") == ["programmes"]
