"""Turn the demo texts of `home.demo.content` into published pages, snippets, documents
and site settings.

Idempotent: a page is looked up by slug under its parent and created only when missing;
an existing page is never saved again, so a second run creates no page and no revision.
Impact figures are found again by value and label, partners by name, documents and kits
by title: what exists (possibly edited since) is left as it is.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, Site, Workflow, WorkflowPage

from home.models import HomePage, ImpactFigure, SiteSettings, StandardPage
from home.tree import ensure_home_page
from programmes.models import (
    Audience,
    Kit,
    KitAudience,
    Partner,
    ProgrammeIndexPage,
    ProgrammePage,
    ResourcesPage,
    SchoolLevel,
)

from . import content
from .content import DemoPage, DemoProgramme, Figure, PageLink
from .typography import french_typography

FILES_DIR = Path(__file__).resolve().parent / "files"
RELECTURE_WORKFLOW = "Relecture"  # created by the migration programmes/0003

PAGE_MODELS = {
    "standard": StandardPage,
    "programme_index": ProgrammeIndexPage,
    "resources": ResourcesPage,
    "programme": ProgrammePage,
}

# Values that are identifiers, not text a visitor reads.
_UNTOUCHED_KEYS = {"type", "level", "page", "url"}


def _polish(value):
    if isinstance(value, str):
        return french_typography(value)
    if isinstance(value, list):
        return [_polish(item) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in _UNTOUCHED_KEYS else _polish(item) for key, item in value.items()
        }
    return value


def find_page(home, path):
    """The page at public `path` ("/a/b/" or "a/b") below `home`, or None."""
    page = home
    for slug in [part for part in path.split("/") if part]:
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            return None
    return page


def _page_links(value):
    """Every PageLink inside a body or a list of actions."""
    if isinstance(value, PageLink):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _page_links(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _page_links(item)


def _resolve(value, home, figure_ids):
    """Replace every PageLink by the id of its page and every Figure by its snippet id."""
    if isinstance(value, PageLink):
        page = find_page(home, value.path)
        if page is None:
            raise LookupError(
                f"Demo content links to {value.path}, which is missing: add it to "
                "home.demo.content.PAGES."
            )
        return page.pk
    if isinstance(value, Figure):
        if value not in figure_ids:
            raise LookupError(f"Add the figure {value.value!r} to home.demo.content.FIGURES.")
        return figure_ids[value]
    if isinstance(value, list):
        return [_resolve(item, home, figure_ids) for item in value]
    if isinstance(value, dict):
        return {key: _resolve(item, home, figure_ids) for key, item in value.items()}
    return value


def _actions(spec: DemoProgramme):
    return [
        {"type": "action", "value": {"label": label, "page": PageLink(path), "url": ""}}
        for label, path in spec.actions
    ]


def _by_key(model, key, wanted):
    """The rows of `model` whose `key` is in `wanted`, in the order of `wanted`."""
    found = {getattr(row, key): row for row in model.objects.filter(**{f"{key}__in": wanted})}
    missing = [value for value in wanted if value not in found]
    if missing:
        raise LookupError(f"Demo content names unknown {model.__name__} values: {missing}")
    return [found[value] for value in wanted]


def page_fields(spec: DemoPage, home, figure_ids):
    fields = {
        "title": french_typography(spec.title),
        "intro": french_typography(spec.intro),
        "search_description": french_typography(spec.search_description),
        "show_in_menus": spec.show_in_menus,
        "body": _polish(_resolve(spec.body, home, figure_ids)),
    }
    if isinstance(spec, DemoProgramme):
        partner_names = [french_typography(name) for name in spec.partners]
        fields |= {
            "promise": french_typography(spec.promise),
            "status": spec.status,
            "age_min": spec.age_min,
            "age_max": spec.age_max,
            "audiences": _by_key(Audience, "slug", list(spec.audiences)),
            "partners": _by_key(Partner, "name", partner_names),
            "services": _polish(
                [
                    {
                        "type": "service",
                        "value": {
                            "name": service.name,
                            "rhythm": service.rhythm,
                            "description": service.description,
                        },
                    }
                    for service in spec.services
                ]
            ),
            "actions": _polish(_resolve(_actions(spec), home, figure_ids)),
        }
    return fields


@dataclass
class DemoResult:
    created: list = field(default_factory=list)  # page urls
    existing: list = field(default_factory=list)  # page urls
    skipped: list = field(default_factory=list)  # page urls not created (see warnings)
    warnings: list = field(default_factory=list)  # French sentences for the operator
    added: dict = field(default_factory=dict)  # "figures", "partners", … -> number created

    def count(self, kind, number=1):
        self.added[kind] = self.added.get(kind, 0) + number


@transaction.atomic
def load_demo_content():
    """Build the demo site (pages, figures, partners, kits and their documents, the
    « Relecture » workflow on the programmes, site settings); return what was done."""
    result = DemoResult()
    home_existed = HomePage.objects.exists()
    home = ensure_home_page(
        title=french_typography(content.HOME.title),
        intro=french_typography(content.HOME.intro),
        search_description=french_typography(content.HOME.search_description),
    )
    figure_ids = _ensure_figures(result)
    _ensure_partners(result)
    _ensure_pages(home, figure_ids, result)
    _fill_home(home, figure_ids)
    (result.existing if home_existed else result.created).insert(0, "/")
    _ensure_site_settings(Site.objects.get(is_default_site=True))
    _ensure_kits(home, result)
    _ensure_relecture_workflow(home, result)
    __import__("guide.demo", fromlist=["load"]).load(__import__("types").SimpleNamespace(home=home, result=result, find_page=lambda path: find_page(home, path)))  # TEMPORARY (guide branch): remove at merge, the `layers` demo registry calls guide.demo.load  # noqa: E501  # fmt: skip
    return result


def _ensure_figures(result):
    """The « Chiffres clés » snippets of the demo, by Figure; created when missing."""
    ids = {}
    for figure in content.FIGURES:
        value, label = french_typography(figure.value), french_typography(figure.label)
        existing = ImpactFigure.objects.filter(value=value, label=label).first()
        if existing is None:
            existing = ImpactFigure.objects.create(
                value=value,
                label=label,
                period=french_typography(figure.period),
                source=french_typography(figure.source),
            )
            result.count("figures")
        ids[figure] = existing.pk
    return ids


def _ensure_partners(result):
    existing = set(Partner.objects.values_list("name", flat=True))
    for order, partner in enumerate(content.PARTNERS):
        name = french_typography(partner.name)
        if name in existing:
            continue
        Partner.objects.create(
            name=name,
            kind=partner.kind,
            description=french_typography(partner.description),
            sort_order=order,
        )
        result.count("partners")


def _type_name(page):
    model = page.specific_class
    return model._meta.verbose_name if model else page.content_type.name


def _ensure_pages(home, figure_ids, result):
    """Create the missing pages of `content.PAGES`, each once its link targets exist."""
    pending = list(content.PAGES)
    while pending:
        waiting = []
        for spec in pending:
            parent = find_page(home, spec.parent_path)
            targets = [link.path for link in _page_links([spec.body, _actions_of(spec)])]
            if parent is None or any(find_page(home, path) is None for path in targets):
                waiting.append(spec)
                continue
            _ensure_page(home, parent, spec, figure_ids, result)
        if len(waiting) == len(pending):
            urls = ", ".join(spec.url for spec in waiting)
            raise LookupError(
                f"Demo pages {urls} wait for a parent or a link target that no page of "
                "home.demo.content.PAGES provides."
            )
        pending = waiting


def _actions_of(spec):
    return _actions(spec) if isinstance(spec, DemoProgramme) else []


def _ensure_page(home, parent, spec, figure_ids, result):
    model = PAGE_MODELS[spec.page_type]
    existing = parent.get_children().filter(slug=spec.slug).first()
    if existing is not None:
        result.existing.append(spec.url)
        if existing.specific_class is not model:
            result.warnings.append(
                f"la page {spec.url} existe déjà, mais c'est une « {_type_name(existing)} » "
                f"et non une « {model._meta.verbose_name} » : elle est laissée telle quelle. "
                "Pour obtenir la bonne page, supprimez-la dans l'administration puis "
                "relancez la commande."
            )
        return
    if model is ProgrammePage and parent.specific_class is not ProgrammeIndexPage:
        result.skipped.append(spec.url)
        result.warnings.append(
            f"la page {spec.url} n'est pas créée : un programme se place sous une « "
            f"{ProgrammeIndexPage._meta.verbose_name} », or /{spec.parent_path}/ est une « "
            f"{_type_name(parent)} »."
        )
        return
    page = model(slug=spec.slug, **page_fields(spec, home, figure_ids))
    right_sibling = _next_sibling(parent, spec)
    if right_sibling is None:
        parent.add_child(instance=page)
    else:
        right_sibling.add_sibling(pos="left", instance=page)
    page.save_revision().publish()
    result.created.append(spec.url)


def _next_sibling(parent, spec):
    """The existing sibling that comes after `spec` in `content.PAGES`, so that a page
    created late still takes its place in the menus."""
    siblings = [other.slug for other in content.PAGES if other.parent_path == spec.parent_path]
    later = siblings[siblings.index(spec.slug) + 1 :]
    return parent.get_children().filter(slug__in=later).order_by("path").first()


def _fill_home(home, figure_ids):
    """Give the home page its content and first revision, unless it already has one.

    `ensure_home_page` creates the page without a revision; once it has one (from an
    earlier run or from an editor), the page is left exactly as it is.
    """
    if home.revisions.exists():
        return
    fields = page_fields(content.HOME, home, figure_ids)
    for name in ("intro", "search_description", "body"):
        if not getattr(home, name):
            setattr(home, name, fields[name])
    home.save_revision().publish()


def _ensure_site_settings(site):
    """Create the site's settings with the association's public contact, or fill the
    contact fields left empty; values set by an editor are kept."""
    settings = SiteSettings.objects.filter(site=site).first()
    if settings is None:
        SiteSettings.objects.create(site=site, **content.SITE_SETTINGS)
        return
    changed = False
    for name, value in content.SITE_SETTINGS.items():
        if not getattr(settings, name):
            setattr(settings, name, value)
            changed = True
    if changed:
        settings.save()


def _ensure_document(title, filename, result):
    """The Wagtail document titled `title`, created from home/demo/files/ when missing."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    path = FILES_DIR / filename
    if not path.is_file():
        raise LookupError(
            f"{path} is missing: run `python3 -m uv run --with fpdf2 python "
            "scripts/make_demo_pdfs.py`."
        )
    document = Document(title=title, collection=Collection.get_first_root_node())
    with path.open("rb") as handle:
        document.file.save(filename, File(handle), save=False)
    document._set_document_file_metadata()
    document.save()
    result.count("documents")
    return document


def _ensure_kits(home, result):
    for kit in content.KITS:
        title = french_typography(kit.title)
        if Kit.objects.filter(title=title).exists():
            continue
        programme = find_page(home, f"programmes/{kit.programme}")
        if programme is not None and programme.specific_class is not ProgrammePage:
            programme = None
        Kit.objects.create(
            title=title,
            summary=french_typography(kit.summary),
            document=_ensure_document(title, kit.filename, result),
            format=kit.format,
            audiences=_by_key(KitAudience, "slug", list(kit.audiences)),
            school_levels=_by_key(SchoolLevel, "slug", list(kit.school_levels)),
            programme=programme.specific if programme is not None else None,
        )
        result.count("kits")


def _ensure_relecture_workflow(home, result):
    """Submit the programme pages to the « Relecture » workflow, unless /programmes/
    already has a workflow (an editor's choice is kept)."""
    index = find_page(home, "programmes")
    if index is None or index.specific_class is not ProgrammeIndexPage:
        return
    if WorkflowPage.objects.filter(page=index).exists():
        return
    workflow = Workflow.objects.filter(name=RELECTURE_WORKFLOW).first()
    if workflow is None:
        result.warnings.append(
            f"le processus de validation « {RELECTURE_WORKFLOW} » est introuvable : lancez "
            "d'abord « manage.py migrate », puis relancez la commande."
        )
        return
    WorkflowPage.objects.create(page=index, workflow=workflow)
    result.count("workflow")
