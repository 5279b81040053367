"""Demo content of the referrals app: the three form pages and a routing rule.

`load(context)` follows the demo-content contract of `manage.py load_demo_content`:
idempotent, it creates only what is missing. It runs before the shell's pages (ORDER
-10), because the home page, the entry pages and the programme pages link to the forms:
/etre-contacte/ (in the main menu), /orienter-un-jeune/ and /demander-une-intervention/
(not in the menu), each at its place in `home.demo.content.TOP_LEVEL_ORDER`.

On a site built by an earlier version, /orienter-un-jeune/ and /etre-contacte/ may still
be the placeholder « Page standard » the shell used to create: each is turned in place
into its form page, with the same id (so every link to it, an editor's included, keeps
working), slug and place in the menu.
"""

from django.db import connection

from home.demo.build import add_top_level_page, polish
from home.demo.typography import french_typography
from home.models import StandardPage
from relier_site.roles import ACCOMPAGNEMENT

from .models import Kind, ReferralFormPage, RoutingRule

# Before the shell's pages (0), which link to the forms. (The agenda also runs at -10.)
ORDER = -10

HELPLINES_BLOCK = {"type": "helplines", "value": {"title": "Besoin d'aide maintenant ?"}}

PAGES = {
    Kind.ORIENTATION: {
        "slug": "orienter-un-jeune",
        "title": "Orienter un jeune",
        "intro": (
            "Vous êtes un professionnel et vous accompagnez un jeune ciblé par le "
            "harcèlement, l'intimidation ou les cyberviolences ? Orientez-le vers les "
            "Centres Relier : nous le contactons, avec son accord. Avant d'envoyer ce "
            "formulaire, demandez-lui s'il est d'accord, et n'y écrivez ni son nom de "
            "famille ni le détail de sa situation."
        ),
        "search_description": (
            "Conseillers France Travail, missions locales, établissements scolaires, "
            "associations : orientez vers les Centres Relier un jeune victime de harcèlement."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Ce formulaire prend cinq minutes. Nous parlerons de sa situation "
                    "avec le jeune lui-même, de façon confidentielle.</p>"
                ),
            },
        ],
        "confirmation_text": (
            "<ul><li>Une personne de l'équipe contacte le jeune dans les prochains jours "
            "ouvrés, de la façon qu'il préfère.</li>"
            "<li>Vous recevez un courriel de confirmation avec ce numéro, puis un message "
            "quand la demande est prise en charge.</li>"
            "<li>Pour toute question sur cette orientation, donnez ce numéro.</li></ul>"
        ),
    },
    Kind.CONTACT: {
        "slug": "etre-contacte",
        "title": "Être contacté",
        "show_in_menus": True,
        "intro": (
            "Vous vivez du harcèlement ou des cyberviolences, ou vous êtes inquiet pour votre "
            "enfant ? Laissez-nous un moyen de vous joindre : l'équipe des Centres Relier "
            "vous rappelle."
        ),
        "search_description": (
            "Jeunes et familles : demandez à être contacté par l'équipe des Centres Relier si "
            "vous vivez du harcèlement ou des cyberviolences."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Tu n'es pas seul, et ce n'est pas de ta faute. Un prénom ou un "
                    "pseudonyme suffit : tu n'as pas besoin de tout raconter par écrit.</p>"
                    "<p>Nous ne sommes pas un service d'urgence. Si tu es en danger ou si tu "
                    "as besoin de parler à quelqu'un tout de suite, appelle l'un des numéros "
                    "gratuits en haut de la page.</p>"
                    "<p>Tu préfères choisir toi-même un moment pour parler à une psychologue ? "
                    '<a href="/permanences/">Réserve une permanence</a>, par téléphone ou en '
                    "visio. Tu peux aussi poser tes questions anonymement lors de "
                    '<a href="/agenda/question-psy/">Question Psy</a>.</p>'
                ),
            },
        ],
        "confirmation_text": (
            "<ul><li>Une personne de l'équipe vous appelle ou vous écrit dans les prochains "
            "jours ouvrés, au moment que vous avez indiqué.</li>"
            "<li>Rien n'est décidé sans vous : vous pouvez changer d'avis à tout moment.</li>"
            '<li>En attendant, nos <a href="/guide/">structures d\'aide près de chez '
            "vous</a> peuvent aussi vous écouter.</li></ul>"
        ),
    },
    Kind.INTERVENTION: {
        "slug": "demander-une-intervention",
        "title": "Demander une intervention",
        "intro": (
            "Établissements scolaires, agences France Travail, collectivités, associations : "
            "demandez une séance d'information, un forum de prévention, une sensibilisation "
            "des parents ou un atelier en agence."
        ),
        "search_description": (
            "Demandez aux Centres Relier une séance d'information, un forum de prévention, "
            "une sensibilisation des parents ou un atelier en agence France Travail."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Décrivez votre projet en quelques lignes : nous revenons vers vous "
                    'pour en construire le contenu. Nos <a href="/ressources/">kits et '
                    "documents</a> peuvent déjà vous aider à préparer la séance.</p>"
                ),
            },
        ],
        "confirmation_text": (
            "<ul><li>Une personne de l'équipe vous écrit ou vous appelle dans les prochains "
            "jours ouvrés pour préparer l'intervention avec vous.</li>"
            "<li>Un courriel de confirmation vient de partir, avec ce numéro.</li></ul>"
        ),
    },
}


def load(context):
    result = context.result
    result.describe(
        "routing_rules",
        "règle d'acheminement",
        "règles d'acheminement",
        name="règles d'acheminement",
    )
    for kind, spec in PAGES.items():
        _ensure_form_page(context, kind, spec)
    if not RoutingRule.objects.exists():
        from django.contrib.auth.models import Group

        RoutingRule.objects.create(group=Group.objects.filter(name=ACCOMPAGNEMENT).first())
        result.count("routing_rules")


def _fields(spec):
    return {
        "title": french_typography(spec["title"]),
        "intro": french_typography(spec["intro"]),
        "search_description": french_typography(spec["search_description"]),
        "body": polish([*spec["body"], HELPLINES_BLOCK]),
        "confirmation_text": french_typography(spec["confirmation_text"]),
    }


def _ensure_form_page(context, kind, spec):
    url = f"/{spec['slug']}/"
    result = context.result
    existing = context.find_page(spec["slug"])
    if existing is not None and existing.specific_class is ReferralFormPage:
        if url not in result.created and url not in result.existing:
            result.existing.append(url)
        return
    if existing is not None and existing.specific_class is not StandardPage:
        result.warnings.append(
            f"la page {url} existe déjà et n'est ni le formulaire ni la page provisoire : "
            "elle est laissée telle quelle. Pour obtenir le formulaire, supprimez-la dans "
            "l'administration puis relancez la commande."
        )
        return
    if ReferralFormPage.objects.filter(kind=kind).exists():
        return  # an editor moved the form elsewhere
    if existing is not None:
        page = _convert_in_place(existing, kind, spec)
        if url in result.existing:
            result.existing.remove(url)
    else:
        page = ReferralFormPage(
            slug=spec["slug"],
            kind=kind,
            show_in_menus=spec.get("show_in_menus", False),
            **_fields(spec),
        )
        add_top_level_page(context, page)
    page.save_revision().publish()
    if url not in result.created:
        result.created.append(url)


def _convert_in_place(placeholder, kind, spec):
    """Turn the placeholder StandardPage into a ReferralFormPage with the same page row
    (id, path in the tree, slug, menu flag): its StandardPage row is replaced by a
    ReferralFormPage row and its content type changes; links to it stay valid."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    page_id = placeholder.pk
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(StandardPage._meta.db_table)
        column = connection.ops.quote_name(StandardPage._meta.pk.column)
        cursor.execute(f"DELETE FROM {table} WHERE {column} = %s", [page_id])  # noqa: S608
    Page.objects.filter(pk=page_id).update(
        content_type=ContentType.objects.get_for_model(ReferralFormPage)
    )
    base = Page.objects.get(pk=page_id)
    page = ReferralFormPage(page_ptr=base, kind=kind)
    for field in Page._meta.concrete_fields:
        setattr(page, field.attname, getattr(base, field.attname))
    for name, value in _fields(spec).items():
        setattr(page, name, value)
    page.save_base(raw=True)
    return ReferralFormPage.objects.get(pk=page_id)
