"""The programmes' share of the demo site (see home.demo.registry): /programmes/ and the
programme pages, /ressources/, partners, kits with their documents, and the
« Relecture » workflow on the programme pages. The texts are in `demo_content`."""

from pathlib import Path

from wagtail.models import Workflow, WorkflowPage

from home.demo.build import (
    by_key,
    ensure_document,
    ensure_figures,
    ensure_pages,
    polish,
    resolve,
    type_name,
)
from home.demo.content import PageLink
from home.demo.typography import french_typography

from . import demo_content as content
from .demo_content import DemoProgramme
from .models import (
    Audience,
    Kit,
    KitAudience,
    Partner,
    ProgrammeIndexPage,
    ProgrammePage,
    ResourcesPage,
    SchoolLevel,
)

ORDER = 10

FILES_DIR = Path(__file__).resolve().parent / "demo_files"
RELECTURE_WORKFLOW = "Relecture"  # created by the migration programmes/0003

PAGE_MODELS = {
    "programme_index": ProgrammeIndexPage,
    "resources": ResourcesPage,
    "programme": ProgrammePage,
}


def load(context):
    result = context.result
    result.describe("partners", "partenaire", "partenaires", name="partenaires")
    result.describe("documents", "document", "documents", name="documents")
    result.describe("kits", "kit", "kits", name="kits")
    result.describe(
        "workflow",
        "processus « Relecture » attribué aux programmes",
        name="processus « Relecture »",
    )
    ensure_figures(context, content.FIGURES)
    _ensure_partners(result)
    ensure_pages(
        context,
        content.PAGES,
        PAGE_MODELS,
        fields=lambda spec: _programme_fields(context, spec),
        links=_actions_of,
        refuse=_refuse,
    )
    _ensure_kits(context)
    _ensure_relecture_workflow(context)


def _ensure_partners(result):
    withdrawn = [french_typography(name) for name in content.WITHDRAWN_PARTNERS]
    for partner in Partner.objects.filter(name__in=withdrawn):
        partner.delete()
        result.warnings.append(
            f"« {partner.name} » est retiré des partenaires : les documents de "
            "l'association n'en font pas un partenaire."
        )
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


def _actions(spec):
    return [
        {"type": "action", "value": {"label": label, "page": PageLink(path), "url": ""}}
        for label, path in spec.actions
    ]


def _actions_of(spec):
    return _actions(spec) if isinstance(spec, DemoProgramme) else []


def _programme_fields(context, spec):
    if not isinstance(spec, DemoProgramme):
        return {}
    partner_names = [french_typography(name) for name in spec.partners]
    return {
        "promise": french_typography(spec.promise),
        "status": spec.status,
        "age_min": spec.age_min,
        "age_max": spec.age_max,
        "audiences": by_key(Audience, "slug", list(spec.audiences)),
        "partners": by_key(Partner, "name", partner_names),
        "services": polish(
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
        "actions": polish(resolve(context, _actions(spec))),
        **{
            name: french_typography(value) if name != "icon" else value
            for name, value in content.SUMMARIES.get(spec.path, {}).items()
        },
    }


def _refuse(parent, spec, model):
    if model is ProgrammePage and parent.specific_class is not ProgrammeIndexPage:
        return (
            f"un programme se place sous une « {ProgrammeIndexPage._meta.verbose_name} », "
            f"or /{spec.parent_path}/ est une « {type_name(parent)} »."
        )
    return None


def _ensure_kits(context):
    for kit in content.KITS:
        title = french_typography(kit.title)
        if Kit.objects.filter(title=title).exists():
            continue
        programme = context.find_page(f"programmes/{kit.programme}")
        if programme is not None and programme.specific_class is not ProgrammePage:
            programme = None
        Kit.objects.create(
            title=title,
            summary=french_typography(kit.summary),
            document=ensure_document(context, title, FILES_DIR / kit.filename),
            format=kit.format,
            audiences=by_key(KitAudience, "slug", list(kit.audiences)),
            school_levels=by_key(SchoolLevel, "slug", list(kit.school_levels)),
            programme=programme.specific if programme is not None else None,
        )
        context.result.count("kits")


def _ensure_relecture_workflow(context):
    """Submit the programme pages to the « Relecture » workflow, unless /programmes/
    already has a workflow (an editor's choice is kept)."""
    index = context.find_page("programmes")
    if index is None or index.specific_class is not ProgrammeIndexPage:
        return
    if WorkflowPage.objects.filter(page=index).exists():
        return
    workflow = Workflow.objects.filter(name=RELECTURE_WORKFLOW).first()
    if workflow is None:
        context.result.warnings.append(
            f"le processus de validation « {RELECTURE_WORKFLOW} » est introuvable : lancez "
            "d'abord « manage.py migrate », puis relancez la commande."
        )
        return
    WorkflowPage.objects.create(page=index, workflow=workflow)
    context.result.count("workflow")
