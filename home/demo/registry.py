"""The demo-content registry: each installed app contributes its share of the demo site.

An app that has demo content defines a `demo` module (`<app>/demo.py`, or a `demo`
package) with:

    ORDER = 10           # the shell's pages 0, programmes 10, other apps 20+ (the agenda
                         # and the referral forms run at -10: the shell's pages link to
                         # /agenda/ and to the forms)
    def load(context):   # context: DemoContext
        ...

`load_demo_content()` finds these modules among the installed apps and calls each
`load` in ORDER (then app label), inside one transaction. Running it twice must create
nothing the second time: a `load` finds again what exists and creates only what is
missing. `home` imports no domain app: the apps come to it.
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.db import transaction
from django.utils.module_loading import module_has_submodule

DEFAULT_ORDER = 50


@dataclass
class DemoResult:
    """What a run did, for the command's summary (French sentences for the operator)."""

    created: list = field(default_factory=list)  # page urls
    existing: list = field(default_factory=list)  # page urls
    skipped: list = field(default_factory=list)  # page urls not created (see warnings)
    warnings: list = field(default_factory=list)  # French sentences for the operator
    added: dict = field(default_factory=dict)  # kind -> number created
    # kind -> (singular, plural, name): how the summary says it (see `describe`).
    kinds: dict = field(default_factory=dict)

    def describe(self, kind, singular, plural=None, *, name):
        """Say how the summary names `kind`: "3 kits" (singular, plural), or `singular`
        alone when `plural` is None (something done once), and `name` in the line that
        says there was nothing to add."""
        self.kinds.setdefault(kind, (singular, plural, name))

    def count(self, kind, n=1):
        """Record that `n` things of `kind` were created."""
        self.added[kind] = self.added.get(kind, 0) + n


@dataclass
class DemoContext:
    """What each app's `load` receives: the HomePage, the result, and the builder's
    shared state (the figure snippets found or created so far)."""

    home: object  # home.models.HomePage
    result: DemoResult = field(default_factory=DemoResult)
    figure_ids: dict = field(default_factory=dict)  # content.Figure -> ImpactFigure pk

    def find_page(self, path):
        """The page at public `path` ("/a/b/" or "a/b") below the home page, or None."""
        page = self.home
        for slug in [part for part in path.split("/") if part]:
            page = page.get_children().filter(slug=slug).first()
            if page is None:
                return None
        return page


def demo_modules():
    """The `demo` modules of the installed apps that define `load`, in the order they
    run: [(order, app label, module)]."""
    found = []
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "demo"):
            continue
        module = import_module(f"{config.name}.demo")
        if callable(getattr(module, "load", None)):
            found.append((getattr(module, "ORDER", DEFAULT_ORDER), config.label, module))
    return sorted(found, key=lambda item: item[:2])


@transaction.atomic
def load_demo_content():
    """Build the whole demo site: the shell's home page, then each app's share."""
    from .build import ensure_demo_home_page

    home, created = ensure_demo_home_page()
    context = DemoContext(home=home)
    (context.result.created if created else context.result.existing).append("/")
    for _order, _label, module in demo_modules():
        module.load(context)
    return context.result
