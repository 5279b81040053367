"""The demo builder: turn demo texts (`content` types) into published pages, « Chiffres
clés » snippets and documents. Every app's `demo.py` uses it through these functions.

Idempotent: a page is looked up by slug under its parent and created only when missing;
an existing page is never saved again, so a second run creates no page and no revision.
Impact figures are found again by value and label, documents by title: what exists
(possibly edited since) is left as it is.
"""

from dataclasses import replace
from pathlib import Path

from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.models import Collection, Site

from home.models import FooterLinks, HomePage, ImpactFigure, LegalPage, SiteSettings, StandardPage
from home.tree import ensure_home_page

from . import content, trust
from .content import Figure, PageLink
from .typography import french_typography

FILES_DIR = Path(__file__).resolve().parent / "files"  # documents of `trust`

# Values that are identifiers, not text a visitor reads.
_UNTOUCHED_KEYS = {"type", "level", "page", "url", "section"}


def polish(value):
    """French typography on every text of a StreamField value (identifiers excepted)."""
    if isinstance(value, str):
        return french_typography(value)
    if isinstance(value, list):
        return [polish(item) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in _UNTOUCHED_KEYS else polish(item) for key, item in value.items()
        }
    return value


def page_links(value):
    """Every PageLink inside a body or a list of actions."""
    if isinstance(value, PageLink):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from page_links(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from page_links(item)


def resolve(context, value):
    """Replace every PageLink by the id of its page and every Figure by its snippet id."""
    if isinstance(value, PageLink):
        page = context.find_page(value.path)
        if page is None:
            raise LookupError(
                f"Demo content links to {value.path}, which is missing: add it to the PAGES "
                "of an app whose demo runs earlier."
            )
        return page.pk
    if isinstance(value, Figure):
        if value not in context.figure_ids:
            raise LookupError(f"Add the figure {value.value!r} to the FIGURES of its app.")
        return context.figure_ids[value]
    if isinstance(value, list):
        return [resolve(context, item) for item in value]
    if isinstance(value, dict):
        return {key: resolve(context, item) for key, item in value.items()}
    return value


def page_fields(context, spec):
    """The fields every demo page has (BasePage), typography applied, links resolved."""
    return {
        "title": french_typography(spec.title),
        "intro": french_typography(spec.intro),
        "search_description": french_typography(spec.search_description),
        "show_in_menus": spec.show_in_menus,
        "body": polish(resolve(context, spec.body)),
    }


def ensure_figures(context, figures):
    """The « Chiffres clés » snippets of `figures`, created when missing; recorded in
    `context.figure_ids` for the bodies that show them."""
    context.result.describe("figures", "chiffre clé", "chiffres clés", name="chiffres clés")
    for figure in figures:
        if figure in context.figure_ids:
            continue
        value, label = french_typography(figure.value), french_typography(figure.label)
        existing = ImpactFigure.objects.filter(value=value, label=label).first()
        if existing is None:
            existing = ImpactFigure.objects.create(
                value=value,
                label=label,
                period=french_typography(figure.period),
                source=french_typography(figure.source),
            )
            context.result.count("figures")
        context.figure_ids[figure] = existing.pk


def type_name(page):
    model = page.specific_class
    return model._meta.verbose_name if model else page.content_type.name


def ensure_pages(context, specs, page_models, *, fields=None, links=None, refuse=None):
    """Create the missing pages of `specs` (in order), each once its parent and its link
    targets exist.

    `page_models` maps a spec's `page_type` to its page model. Optional hooks:
    `fields(spec)` gives the fields beyond BasePage's, `links(spec)` the values holding
    PageLinks besides the body, `refuse(parent, spec, model)` a French reason not to
    create the page under this parent (or None).
    """
    pending = list(specs)
    while pending:
        waiting = []
        for spec in pending:
            parent = context.find_page(spec.parent_path)
            targets = [link.path for link in page_links([spec.body, links(spec) if links else []])]
            if parent is None or any(context.find_page(path) is None for path in targets):
                waiting.append(spec)
                continue
            _ensure_page(context, parent, spec, specs, page_models, fields, refuse)
        if len(waiting) == len(pending):
            urls = ", ".join(spec.url for spec in waiting)
            raise LookupError(
                f"Demo pages {urls} wait for a parent or a link target that no page of "
                "the demo content provides."
            )
        pending = waiting


def _ensure_page(context, parent, spec, specs, page_models, fields, refuse):
    model = page_models[spec.page_type]
    result = context.result
    existing = parent.get_children().filter(slug=spec.slug).first()
    if existing is not None:
        result.existing.append(spec.url)
        if existing.specific_class is not model:
            result.warnings.append(
                f"la page {spec.url} existe déjà, mais c'est une « {type_name(existing)} » "
                f"et non une « {model._meta.verbose_name} » : elle est laissée telle quelle. "
                "Pour obtenir la bonne page, supprimez-la dans l'administration puis "
                "relancez la commande."
            )
        return
    reason = refuse(parent, spec, model) if refuse else None
    if reason:
        result.skipped.append(spec.url)
        result.warnings.append(f"la page {spec.url} n'est pas créée : {reason}")
        return
    values = page_fields(context, spec) | (fields(spec) if fields else {})
    page = model(slug=spec.slug, **values)
    right_sibling = _next_sibling(parent, spec, specs)
    if right_sibling is None:
        parent.add_child(instance=page)
    else:
        right_sibling.add_sibling(pos="left", instance=page)
    page.save_revision().publish()
    result.created.append(spec.url)


def _next_sibling(parent, spec, specs):
    """The existing sibling that comes after `spec`, so that a page created late still
    takes its place in the menus: below the home page, the order is
    `content.TOP_LEVEL_ORDER` (shared by every app); deeper, the order of `specs`."""
    if spec.parent_path == "":
        order = content.TOP_LEVEL_ORDER
    else:
        order = [other.slug for other in specs if other.parent_path == spec.parent_path]
    return _first_existing_after(parent, spec.slug, order)


def _first_existing_after(parent, slug, order):
    if slug not in order:
        return None  # goes last
    later = order[order.index(slug) + 1 :]
    return parent.get_children().filter(slug__in=later).order_by("path").first()


def add_top_level_page(context, page):
    """Add `page` (not saved yet) below the home page at its place in
    `content.TOP_LEVEL_ORDER`: before the first existing page that comes after it."""
    right_sibling = _first_existing_after(context.home, page.slug, content.TOP_LEVEL_ORDER)
    if right_sibling is None:
        return context.home.add_child(instance=page)
    return right_sibling.add_sibling(pos="left", instance=page)


def ensure_document(context, title, path):
    """The Wagtail document titled `title`, created from the file at `path` when missing."""
    context.result.describe("documents", "document", "documents", name="documents")
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    if not path.is_file():
        raise LookupError(
            f"{path} is missing: run `python3 -m uv run --with fpdf2 python "
            "scripts/make_demo_pdfs.py`."
        )
    document = Document(title=title, collection=Collection.get_first_root_node())
    with path.open("rb") as handle:
        document.file.save(path.name, File(handle), save=False)
    document._set_document_file_metadata()  # opens the stored file: close it
    document.file.close()
    document.save()
    context.result.count("documents")
    return document


def by_key(model, key, wanted):
    """The rows of `model` whose `key` is in `wanted`, in the order of `wanted`."""
    found = {getattr(row, key): row for row in model.objects.filter(**{f"{key}__in": wanted})}
    missing = [value for value in wanted if value not in found]
    if missing:
        raise LookupError(f"Demo content names unknown {model.__name__} values: {missing}")
    return [found[value] for value in wanted]


# --- The shell's own share (home/demo/__init__.py calls load_shell) ----------------------


def ensure_demo_home_page():
    """The site's HomePage (created bare when missing) and whether it was created."""
    existed = HomePage.objects.exists()
    home = ensure_home_page(
        title=french_typography(content.HOME.title),
        intro=french_typography(content.HOME.intro),
        search_description=french_typography(content.HOME.search_description),
    )
    return home, not existed


def load_shell(context):
    """The shell's pages (standard pages, safe browsing, the entry pages), the home
    page's content and the site settings."""
    ensure_figures(context, content.FIGURES)
    ensure_pages(context, content.PAGES, {"standard": StandardPage})
    _fill_home(context)
    _ensure_site_settings(Site.objects.get(is_default_site=True))


def _fill_home(context):
    """Give the home page its content and first revision, unless it already has one.

    `ensure_home_page` creates the page without a revision; once it has one (from an
    earlier run or from an editor), the page is left exactly as it is.
    """
    home = context.home
    if home.revisions.exists():
        return
    fields = page_fields(context, content.HOME)
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


# --- The trust pages (/association/ and the legal pages) and the footer links ------------


def load_trust_pages(context):
    """/association/ with its documents, the legal pages, and the footer links to them
    (filled once, when the footer has none: an editor's links are kept)."""
    documents = {
        document: ensure_document(
            context, french_typography(document.title), FILES_DIR / document.filename
        )
        for document in trust.DOCUMENTS
    }
    specs = [replace(spec, body=_with_documents(spec.body, documents)) for spec in trust.PAGES]
    ensure_pages(context, specs, {"standard": StandardPage, "legal": LegalPage})
    _ensure_footer_links(context, trust.FOOTER_LINKS)


def _with_documents(body, documents):
    """The body with each `trust.DocumentList` turned into a « Liste de documents »."""
    return [
        {
            "type": "document_list",
            "value": {
                "title": block.title,
                "documents": [
                    {"document": documents[item].pk, "description": item.description}
                    for item in block.documents
                ],
            },
        }
        if isinstance(block, trust.DocumentList)
        else block
        for block in body
    ]


def _ensure_footer_links(context, links):
    footer = FooterLinks.for_site(Site.objects.get(is_default_site=True))
    if footer.links:
        return
    found = [(label, context.find_page(path)) for label, path in links]
    footer.links = [
        ("link", {"label": french_typography(label), "page": page, "url": ""})
        for label, page in found
        if page is not None
    ]
    footer.save()
