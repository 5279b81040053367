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

The layers hold beyond Python imports too:

- templates (`templates/` and each package's `templates/`): a template belongs to the
  package its folder is named after (`templates/events/…`, `templates/emails/events/…`),
  else to `home`. Its `{% load %}` of a project library (`<package>/templatetags/<x>.py`)
  follows the same rule as an import: `relier_site` templates load no app's library,
  `home` templates load no domain app's library (a domain app shows a section in a `home`
  page through the app-section registry, `home.app_sections`), and a domain app loads
  another's only through its documented library, `<app>_tags`;
- settings: a domain app's settings are named `<APP>_…`, have their defaults in
  `<app>/conf.py` and are read only there (the rest of the app reads `<app>.conf`);
  `relier_site/settings/*.py` define none, and no other package reads them;
- roles: a permission (`"app_label.codename"`, `f"app_label.{…}"`,
  `roles.model_permissions(apps, "app_label")`) is named only by its own app, in its
  migrations or `apps.py`; `relier_site/roles.py` names only the platform's and those of
  libraries (Django, Wagtail).

The exceptions, each with its reason, are written once: EXCEPTIONS below.
"""

import ast
import re
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


# --- Beyond imports: templates, settings, roles ----------------------------------------

# Crossings the project accepts, each with its reason: {(relative path, what): reason}.
# `what` is the library, setting or permission reported. Nothing else is excused.
EXCEPTIONS = {
    ("templates/blocks/call_to_action.html", "referrals_tags"): (
        "the « Appel à l'action » block of home links to any page; referrals_tags.link_url "
        "opens a referral form with the programme of the current page preselected "
        "(?programme=). Until home offers a registry of link helpers, the block loads it."
    ),
}

TEMPLATE_SUFFIXES = {".html", ".txt", ".mjml", ".xml"}
LOAD = re.compile(r"{%-?\s*load\s+(.+?)\s*-?%}")


def template_libraries():
    """{library name: package} of the project's template-tag libraries."""
    return {
        path.stem: package
        for package in project_packages()
        for path in sorted((ROOT / package / "templatetags").glob("*.py"))
        if path.stem != "__init__"
    }


def template_owner(relative_path, packages):
    """The package a template belongs to: `templates/<package>/…` (also
    `templates/emails/<package>/…`) and `<package>/templates/…`, else `home`."""
    parts = Path(relative_path).parts
    if parts[0] != "templates":
        return parts[0]
    inner = parts[1:]
    if inner[0] == "emails" and len(inner) > 2:
        inner = inner[1:]
    return inner[0] if len(inner) > 1 and inner[0] in packages else SHELL


def loaded_libraries(source):
    """The libraries a template loads (`{% load a b %}`, `{% load x from a %}`)."""
    found = []
    for arguments in LOAD.findall(source):
        names = arguments.split()
        found += names[-1:] if "from" in names else names
    return found


def template_violations(relative_path, source, libraries=None, domain=None):
    """[(relative_path, library, rule broken)] for one template."""
    libraries = template_libraries() if libraries is None else libraries
    domain = set(domain_apps() if domain is None else domain)
    owner = template_owner(relative_path, domain | {PLATFORM, SHELL})
    found = []
    for library in dict.fromkeys(loaded_libraries(source)):
        target = libraries.get(library)
        if target is None or target == owner:
            continue  # a library of Django, Wagtail…, or the template's own
        if owner == PLATFORM:
            found.append((relative_path, library, "relier_site templates load no app's library"))
        elif owner == SHELL and target in domain:
            found.append(
                (relative_path, library, "home shows a domain app through home.app_sections")
            )
        elif owner in domain and target in domain and library != f"{target}_tags":
            found.append(
                (relative_path, library, f"{owner} loads only {target}'s documented {target}_tags")
            )
    return found


def project_templates():
    """(relative path, source) of every template of the project."""
    folders = [ROOT / "templates"] + [
        ROOT / package / "templates" for package in project_packages()
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in TEMPLATE_SUFFIXES:
                yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def setting_owner(name, domain):
    """The domain app a setting belongs to (`REFERRALS_…` → referrals), or None."""
    for app in domain:
        if name.startswith(f"{app.upper()}_"):
            return app
    return None


def defined_settings(source):
    """Names a settings module assigns at its top level."""
    names = []
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for target in targets:
            for element in ast.walk(target) if target is not None else ():
                if isinstance(element, ast.Name) and isinstance(element.ctx, ast.Store):
                    names.append(element.id)
    return names


def read_settings(source):
    """Upper-case names read as attributes (`settings.X`) or by name
    (`getattr(settings, "X", …)`, `hasattr(settings, "X")`)."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr.isupper():
            names.append(node.attr)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) in {"getattr", "hasattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            names.append(node.args[1].value)
    return names


def setting_violations(relative_path, source, domain=None):
    """[(relative_path, setting, rule broken)] for one .py file of the project."""
    domain = sorted(domain_apps() if domain is None else domain)
    path = Path(relative_path)
    owner = path.parts[0]
    found = []
    if path.parts[:2] == (PLATFORM, "settings"):
        for name in dict.fromkeys(defined_settings(source)):
            if app := setting_owner(name, domain):
                found.append((relative_path, name, f"{app}'s settings live in {app}/conf.py"))
    for name in dict.fromkeys(read_settings(source)):
        app = setting_owner(name, domain)
        if app is None or relative_path == f"{app}/conf.py":
            continue
        if app == owner:
            found.append((relative_path, name, f"{app} reads its settings through {app}.conf"))
        else:
            found.append((relative_path, name, f"{owner} reads no setting of {app}"))
    return found


PERMISSION = re.compile(r"^([a-z_]+)\.[a-z][a-z0-9]*_[a-z0-9_]+$")
PERMISSION_PREFIX = re.compile(r"^([a-z_]+)\.$")


def granted_permission_apps(source):
    """[(app label, permission as written)] of the permissions a module names."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if match := PERMISSION.match(node.value):
                found.append((match[1], node.value))
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and (match := PERMISSION_PREFIX.match(first.value)):
                found.append((match[1], ast.unparse(node)))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "model_permissions"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
        ):
            found.append((node.args[1].value, f"model_permissions({node.args[1].value!r})"))
    return found


def grants_roles(relative_path):
    """True for the modules that give roles their permissions."""
    path = Path(relative_path)
    return (
        relative_path == f"{PLATFORM}/roles.py"
        or "migrations" in path.parts
        or path.parts[1:] == ("apps.py",)
    )


def role_violations(relative_path, source, packages=None):
    """[(relative_path, permission, rule broken)] for one .py file of the project."""
    if not grants_roles(relative_path):
        return []
    packages = set(project_packages() if packages is None else packages)
    owner = Path(relative_path).parts[0]
    return [
        (relative_path, permission, f"{owner} grants no permission of {app}")
        for app, permission in dict.fromkeys(granted_permission_apps(source))
        if app in packages and app != owner
    ]


def all_crossings(*, excused=False):
    """Every import, template load, setting and grant that crosses a layer (those of
    EXCEPTIONS too with `excused`)."""
    found = all_violations()
    for relative_path, source in project_templates():
        found += template_violations(relative_path, source)
    for relative_path, source in project_files():
        found += setting_violations(relative_path, source)
        found += role_violations(relative_path, source)
    return [crossing for crossing in found if excused or crossing[:2] not in EXCEPTIONS]


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


def test_no_template_setting_or_grant_crosses_a_layer():
    assert all_crossings() == []


def test_every_exception_is_still_needed():
    """An exception whose crossing is gone is removed, so the list stays true."""
    assert set(EXCEPTIONS) <= {crossing[:2] for crossing in all_crossings(excused=True)}


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


# --- The checker catches crossings beyond imports (synthetic sources) -----------------

LIBRARIES = {"site_tags": "home", "programmes_tags": "programmes", "guide_admin": "guide"}
PACKAGES = ["relier_site", "home", *DOMAIN]


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("templates/home/home_page.html", "{% load static programmes_tags %}"),
        ("templates/includes/footer.html", "{% load partners from programmes_tags %}"),
        ("home/templates/home/x.html", "{%load programmes_tags%}"),
        ("templates/relier_site/outbox.html", "{% load site_tags %}"),
        ("templates/emails/base.txt", "{% load programmes_tags %}"),
        ("templates/programmes/page.html", "{% load guide_admin %}"),
        ("templates/emails/programmes/kit.txt", "{% load guide_admin %}"),
    ],
)
def test_a_template_load_that_crosses_a_layer_is_reported(path, source):
    assert template_violations(path, source, LIBRARIES, DOMAIN) != []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("templates/home/home_page.html", "{% load static wagtailcore_tags site_tags %}"),
        ("templates/guide/x.html", "{% load site_tags guide_admin %}"),
        ("templates/guide/x.html", "{% load programmes_tags %}"),
        ("templates/programmes/includes/x.html", "{% load programmes_tags %}"),
        ("templates/relier_site/outbox.html", "{% load wagtailadmin_tags %}"),
    ],
)
def test_a_template_load_that_points_down_or_to_a_documented_library_is_allowed(path, source):
    assert template_violations(path, source, LIBRARIES, DOMAIN) == []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("relier_site/settings/base.py", "GUIDE_FRESHNESS_MONTHS = env_int('X', 12)"),
        ("relier_site/settings/production.py", "PROGRAMMES_A, B = 1, 2"),
        ("home/legal.py", "months = getattr(settings, 'PROGRAMMES_KITS', 3)"),
        ("home/legal.py", "from django.conf import settings\nx = settings.GUIDE_LIMIT"),
        ("programmes/views.py", "limit = settings.GUIDE_FRESHNESS_MONTHS"),
        ("relier_site/mail.py", "if hasattr(settings, 'GUIDE_X'): pass"),
        ("guide/models.py", "months = settings.GUIDE_FRESHNESS_MONTHS"),
    ],
)
def test_a_setting_that_crosses_a_layer_is_reported(path, source):
    assert setting_violations(path, source, DOMAIN) != []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("relier_site/settings/base.py", "OUTBOX_MAX_ATTEMPTS = env_int('X', 8)"),
        ("guide/conf.py", "x = getattr(settings, 'GUIDE_FRESHNESS_MONTHS', 12)"),
        ("guide/models.py", "from .conf import conf\nmonths = conf.FRESHNESS_MONTHS"),
        ("programmes/views.py", "days = settings.OUTBOX_RETENTION_DAYS"),
    ],
)
def test_a_setting_read_through_its_app_or_the_platform_is_allowed(path, source):
    assert setting_violations(path, source, DOMAIN) == []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("relier_site/roles.py", "ADMIN = ('wagtailadmin.access_admin', 'home.change_x')"),
        ("home/migrations/0009_x.py", "grant(apps, ADMIN, ['guide.view_structure'])"),
        ("guide/migrations/0004_x.py", "P = [f'programmes.{a}_kit' for a in ACTIONS]"),
        ("guide/migrations/0004_x.py", "roles.model_permissions(apps, 'programmes')"),
        ("programmes/apps.py", "roles.grant_permissions(apps, G, ['relier_site.view_x'])"),
    ],
)
def test_a_permission_granted_by_another_app_is_reported(path, source):
    assert role_violations(path, source, PACKAGES) != []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("relier_site/roles.py", "A = ('auth.add_user', 'relier_site.view_outboundemail')"),
        ("guide/migrations/0004_x.py", "grant(apps, G, ['guide.view_structure'])"),
        ("guide/migrations/0004_x.py", "roles.model_permissions(apps, 'guide')"),
        ("guide/migrations/0004_x.py", "f = models.ForeignKey(to='home.homepage')"),
        ("guide/views.py", "user.has_perm('programmes.view_kit')"),
    ],
)
def test_a_permission_granted_by_its_own_app_is_allowed(path, source):
    assert role_violations(path, source, PACKAGES) == []


def test_a_home_template_places_an_app_section_without_loading_the_app():
    """The home page shows the programmes, the next dates and the partners through
    home.app_sections; those sections are not offered to editors."""
    from home.app_sections import app_section, app_section_choices

    keys = ("programmes.home_programmes", "events.home_next_dates", "programmes.home_partners")
    home_page = (ROOT / "templates/home/home_page.html").read_text(encoding="utf-8")
    for key in keys:
        assert app_section(key) is not None
        assert f'{{% app_section "{key}" %}}' in home_page
    assert not {key for key, _label in app_section_choices()} & set(keys)


def test_the_project_check_reports_each_kind_of_crossing(monkeypatch):
    """all_crossings() reads imports, templates, settings and grants of the project."""
    files = [
        ("home/models.py", "from programmes.models import Kit"),
        ("relier_site/settings/base.py", "PROGRAMMES_LIMIT = 3"),
        ("relier_site/roles.py", "P = ('home.change_sitesettings',)"),
    ]
    monkeypatch.setitem(globals(), "project_files", lambda: iter(files))
    monkeypatch.setitem(
        globals(),
        "project_templates",
        lambda: iter([("templates/home/home_page.html", "{% load programmes_tags %}")]),
    )
    found = {(path, what) for path, what, _rule in all_crossings()}
    assert found == {
        ("home/models.py", "programmes.models"),
        ("templates/home/home_page.html", "programmes_tags"),
        ("relier_site/settings/base.py", "PROGRAMMES_LIMIT"),
        ("relier_site/roles.py", "home.change_sitesettings"),
    }
