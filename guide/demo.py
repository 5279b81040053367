"""Demo content of the guide: the /guide/ page and its structures.

The national services are real, publicly documented numbers; VERIFIED_ON is the date
these demo entries were written, so the team re-checks them like any other entry (they
appear in the freshness report after GUIDE_FRESHNESS_MONTHS). The local entries for
Île-de-France and La Réunion are examples, marked « Exemple fictif » on the site, with
no phone number or address.

`load(context)` follows the demo-content contract of `manage.py load_demo_content`:
idempotent, it creates only what is missing. On a site where /guide/ is still the
placeholder « Page standard », it replaces that page in place (same slug, same
position in the menu).
"""

import datetime

from home.demo.typography import french_typography
from home.models import StandardPage

from .models import Audience, Departement, GuideIndexPage, Structure, Theme

ORDER = 30
SLUG = "guide"
NEXT_IN_MENU = ["ressources", "etre-contacte"]
VERIFIED_ON = datetime.date(2026, 12, 1)
OFFICIAL_SITE = "contenu de démonstration, d'après le site officiel du service"

PAGE = {
    "title": "Maux d'enfants, mode d'emploi",
    "intro": (
        "Notre guide recense les structures qui peuvent aider les jeunes en souffrance et "
        "leurs familles, près de chez vous. Cherchez par code postal ou par département, "
        "par thème, selon la personne concernée et son âge."
    ),
    "search_description": (
        "Maux d'enfants, mode d'emploi : le guide des Centres Relier pour trouver près de "
        "chez vous les structures qui aident les jeunes en souffrance."
    ),
    "body": [
        {"type": "heading", "value": {"text": "Une structure manque au guide ?", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Vous connaissez une structure qui devrait figurer dans le guide, ou une "
                'information a changé ? <a href="/etre-contacte/">Écrivez-nous</a>.</p>'
            ),
        },
    ],
}

NATIONAL = [
    {
        "source_id": "3018-e-enfance",
        "name": "3018, le numéro contre le harcèlement et les violences numériques",
        "description": (
            "Le 3018 écoute, conseille et accompagne les jeunes victimes de harcèlement, à "
            "l'école ou en ligne, et de violences numériques, ainsi que leurs parents et les "
            "professionnels. Il peut faire supprimer des contenus en ligne. Service géré par "
            "l'association e-Enfance."
        ),
        "phone": "3018",
        "website": "https://3018.fr/",
        "opening_hours": "7 j/7, de 9 h à 23 h",
        "themes": ["harcelement-scolaire", "cyberviolences", "ecoute"],
        "audiences": ["enfants", "adolescents", "parents", "professionnels"],
        "by_phone": True,
        "by_chat": True,
        "is_anonymous": True,
    },
    {
        "source_id": "119-enfance-en-danger",
        "name": "119 Allô Enfance en danger",
        "description": (
            "Le 119 répond aux enfants et aux adolescents en danger ou en risque de l'être, "
            "et aux adultes inquiets pour un enfant. L'appel est gratuit, confidentiel et "
            "n'apparaît pas sur les factures de téléphone."
        ),
        "phone": "119",
        "website": "https://www.allo119.gouv.fr/",
        "always_open": True,
        "themes": ["violences-intrafamiliales", "ecoute", "droits-justice"],
        "audiences": ["enfants", "adolescents", "parents", "professionnels"],
        "by_phone": True,
        "by_chat": True,
    },
    {
        "source_id": "3114-prevention-suicide",
        "name": "3114, numéro national de prévention du suicide",
        "description": (
            "Des soignants formés répondent aux personnes en détresse ou qui pensent au "
            "suicide, à leurs proches et aux professionnels, gratuitement et de façon "
            "confidentielle."
        ),
        "phone": "3114",
        "website": "https://3114.fr/",
        "always_open": True,
        "themes": ["sante-mentale", "ecoute"],
        "audiences": ["adolescents", "jeunes-adultes", "parents", "professionnels"],
        "by_phone": True,
    },
    {
        "source_id": "fil-sante-jeunes",
        "name": "Fil Santé Jeunes",
        "description": (
            "Des professionnels répondent aux questions des 12-25 ans sur la santé, le mal-être, "
            "les relations amoureuses et la sexualité, par téléphone ou par tchat, "
            "anonymement et gratuitement."
        ),
        "phone": "0 800 235 236",
        "website": "https://www.filsantejeunes.com/",
        "opening_hours": "7 j/7, de 9 h à 23 h",
        "themes": ["sante-mentale", "ecoute"],
        "audiences": ["adolescents", "jeunes-adultes"],
        "age_min": 12,
        "age_max": 25,
        "by_phone": True,
        "by_chat": True,
        "is_anonymous": True,
    },
    {
        "source_id": "17-police-secours",
        "name": "17 Police secours",
        "description": (
            "En cas de danger immédiat ou pour signaler une infraction en cours, le 17 "
            "joint la police ou la gendarmerie."
        ),
        "phone": "17",
        "always_open": True,
        "themes": ["droits-justice", "violences-intrafamiliales"],
        "audiences": ["enfants", "adolescents", "jeunes-adultes", "parents", "professionnels"],
        "by_phone": True,
    },
    {
        "source_id": "112-urgences",
        "name": "112, numéro d'urgence européen",
        "description": (
            "Le 112 joint les secours (pompiers, SAMU, police) depuis n'importe quel "
            "téléphone, partout dans l'Union européenne."
        ),
        "phone": "112",
        "always_open": True,
        "themes": ["sante-mentale", "droits-justice"],
        "audiences": ["enfants", "adolescents", "jeunes-adultes", "parents", "professionnels"],
        "by_phone": True,
    },
    {
        "source_id": "114-urgences-sourds",
        "name": "114, urgences pour les personnes sourdes ou malentendantes",
        "description": (
            "Le 114 reçoit les appels d'urgence des personnes sourdes, malentendantes, "
            "aphasiques ou dysphasiques, par SMS, tchat, visio ou fax, et alerte les secours."
        ),
        "phone": "114",
        "website": "https://www.info.urgence114.fr/",
        "always_open": True,
        "themes": ["droits-justice", "sante-mentale"],
        "audiences": ["enfants", "adolescents", "jeunes-adultes", "parents", "professionnels"],
        "by_chat": True,
        "by_video": True,
    },
]

EXAMPLE_NOTE = (
    " Cette fiche est un exemple : elle montre comment le guide présentera les structures "
    "de ce territoire."
)

EXAMPLES = [
    {
        "source_id": "exemple-ecoute-jeunes-93",
        "name": "Exemple : lieu d'écoute pour les jeunes en Seine-Saint-Denis",
        "description": "Un lieu d'accueil où les 11-21 ans parlent à un psychologue, "
        "sans rendez-vous." + EXAMPLE_NOTE,
        "scope": Structure.Scope.DEPARTEMENT,
        "departements": ["93"],
        "themes": ["ecoute", "sante-mentale", "harcelement-scolaire"],
        "audiences": ["adolescents", "jeunes-adultes"],
        "age_min": 11,
        "age_max": 21,
        "in_person": True,
        "is_anonymous": True,
    },
    {
        "source_id": "exemple-parents-ile-de-france",
        "name": "Exemple : soutien aux parents en Île-de-France",
        "description": "Des groupes de parole pour les parents d'enfants harcelés, "
        "en visio et sur place." + EXAMPLE_NOTE,
        "scope": Structure.Scope.REGION,
        "region": "11",
        "themes": ["parentalite", "harcelement-scolaire"],
        "audiences": ["parents"],
        "in_person": True,
        "by_video": True,
    },
    {
        "source_id": "exemple-permanence-psy-974",
        "name": "Exemple : permanence psychologique à La Réunion",
        "description": "Une permanence où les jeunes et leurs familles rencontrent un psychologue."
        + EXAMPLE_NOTE,
        "scope": Structure.Scope.DEPARTEMENT,
        "departements": ["974"],
        "themes": ["sante-mentale", "ecoute"],
        "audiences": ["enfants", "adolescents", "parents"],
        "in_person": True,
    },
    {
        "source_id": "exemple-cyberviolences-974",
        "name": "Exemple : aide aux victimes de cyberviolences à La Réunion",
        "description": "Un accompagnement des jeunes victimes de cyberviolences "
        "et de leurs parents." + EXAMPLE_NOTE,
        "scope": Structure.Scope.DEPARTEMENT,
        "departements": ["974"],
        "themes": ["cyberviolences", "droits-justice"],
        "audiences": ["adolescents", "jeunes-adultes", "parents"],
        "by_phone": False,
        "by_video": True,
    },
]


def load(context):
    _ensure_page(context)
    _ensure_structures(context.result)


def _ensure_page(context):
    url = f"/{SLUG}/"
    existing = context.find_page(SLUG)
    if existing is not None and existing.specific_class is GuideIndexPage:
        if url not in context.result.created and url not in context.result.existing:
            context.result.existing.append(url)
        return
    if existing is not None and existing.specific_class is not StandardPage:
        context.result.warnings.append(
            f"la page {url} existe déjà et n'est ni le guide ni la page provisoire : elle est "
            "laissée telle quelle. Pour obtenir le guide, supprimez-la dans "
            "l'administration puis relancez la commande."
        )
        return
    parent = context.home
    # In the main menu the guide comes before the resources and the contact page.
    right_sibling = parent.get_children().filter(slug__in=NEXT_IN_MENU).order_by("path").first()
    show_in_menus = True
    if existing is not None:
        # The placeholder « Page standard » of earlier versions: replaced in place.
        parent = existing.get_parent()
        right_sibling = existing.get_next_sibling()
        show_in_menus = existing.show_in_menus
        existing.delete()
        if url in context.result.existing:
            context.result.existing.remove(url)
    page = GuideIndexPage(
        slug=SLUG,
        title=french_typography(PAGE["title"]),
        intro=french_typography(PAGE["intro"]),
        search_description=french_typography(PAGE["search_description"]),
        show_in_menus=show_in_menus,
        body=_polish(PAGE["body"]),
    )
    if right_sibling is not None:
        right_sibling.add_sibling(pos="left", instance=page)
    else:
        parent.add_child(instance=page)
    page.save_revision().publish()
    if url not in context.result.created:
        context.result.created.append(url)


def _polish(value):
    """French typography in the texts of the body (not in identifiers such as `level`)."""
    if isinstance(value, str):
        return french_typography(value)
    if isinstance(value, list):
        return [_polish(item) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in ("type", "level") else _polish(item) for key, item in value.items()
        }
    return value


def _ensure_structures(result):
    result.describe("guide_structures", "fiche du guide", "fiches du guide", name="fiches du guide")
    existing = set(Structure.objects.values_list("source_id", flat=True))
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    departements = {d.code: d for d in Departement.objects.all()}
    specs = [
        {"scope": Structure.Scope.NATIONAL, "verification_source": OFFICIAL_SITE, **spec}
        for spec in NATIONAL
    ] + [
        {"is_example": True, "verification_source": "exemple de démonstration", **spec}
        for spec in EXAMPLES
    ]
    for spec in specs:
        if spec["source_id"] in existing:
            continue
        spec = dict(spec)
        structure = Structure(
            themes=[themes[slug] for slug in spec.pop("themes")],
            audiences=[audiences[slug] for slug in spec.pop("audiences", [])],
            departements=[departements[code] for code in spec.pop("departements", [])],
            last_verified=VERIFIED_ON,
            live=False,
            **{
                key: french_typography(value) if key in ("name", "description") else value
                for key, value in spec.items()
            },
        )
        structure.full_clean()
        structure.save()
        structure.save_revision().publish()
        result.count("guide_structures")
