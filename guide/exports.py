"""The guide's exchange formats.

- Tabular rows (CSV and XLSX import and export): data·inclusion column names plus the
  guide's extensions, prefixed `relier_` (see COLUMNS).
- The public JSON export in data·inclusion format (structures and services).
"""

from relier_site import spreadsheets
from relier_site.http import attachment
from relier_site.links import absolute_url

from .models import Structure
from .reference import MOBILISATION_BY_CONTACT, MODES, PUBLICS_BY_AUDIENCE, THEMATIQUES_BY_THEME

SOURCE = "centres-relier"
LIST_SEPARATOR = ","

# name, required on import, what it holds (shown in the admin import page)
COLUMNS = [
    ("id", True, "identifiant stable de la fiche (lettres minuscules, chiffres, tirets)"),
    ("nom", True, "nom de la structure"),
    ("description", True, "ce qu'elle propose"),
    (
        "zone_eligibilite",
        True,
        "« france », des codes de départements (93,94) ou un code commune INSEE",
    ),
    ("date_maj", True, "date de dernière vérification (AAAA-MM-JJ)"),
    ("relier_themes", True, "thèmes du guide, séparés par des virgules"),
    ("telephone", False, "numéro de téléphone"),
    ("courriel", False, "adresse électronique"),
    ("site_web", False, "site internet (https://…)"),
    ("adresse", False, "adresse"),
    ("code_postal", False, "code postal"),
    ("commune", False, "commune"),
    ("code_insee", False, "code INSEE de la commune"),
    ("frais", False, "« gratuit » ou « payant »"),
    ("frais_precisions", False, "précisions sur les frais"),
    (
        "thematiques",
        False,
        "thématiques data·inclusion (calculées à l'export, ignorées à l'import)",
    ),
    ("publics", False, "publics data·inclusion (calculés à l'export, ignorés à l'import)"),
    (
        "modes_accueil",
        False,
        "modes d'accueil data·inclusion (calculés à l'export, ignorés à l'import)",
    ),
    ("relier_publics", False, "publics du guide, séparés par des virgules"),
    ("relier_age_min", False, "âge minimum"),
    ("relier_age_max", False, "âge maximum"),
    ("relier_modes", False, "presentiel, telephone, chat, visio"),
    ("relier_anonyme", False, "« oui » ou « non »"),
    ("relier_24h_24", False, "« oui » ou « non »"),
    ("relier_horaires", False, "horaires, en clair"),
    ("relier_region", False, "code de la région couverte (11 pour l'Île-de-France)"),
    ("relier_source", False, "source de la vérification"),
    ("relier_exemple", False, "« oui » pour une fiche d'exemple"),
]
COLUMN_NAMES = [name for name, _required, _help in COLUMNS]
REQUIRED_COLUMNS = [name for name, required, _help in COLUMNS if required]


# A spreadsheet would run a cell starting with one of these as a formula: exported cells
# get a leading apostrophe, which the import removes again.
def _join(values):
    return LIST_SEPARATOR.join(values)


def _yes(value):
    return "oui" if value else "non"


def zone_codes(structure):
    if structure.scope == Structure.Scope.NATIONAL:
        return ["france"]
    if structure.scope == Structure.Scope.COMMUNE:
        return [structure.code_insee]
    return structure.covered_departement_codes()


def thematiques(structure):
    return sorted(
        {t.value for theme in structure.themes.all() for t in THEMATIQUES_BY_THEME[theme.slug]}
    )


def publics(structure):
    values = {p.value for a in structure.audiences.all() for p in PUBLICS_BY_AUDIENCE[a.slug]}
    return sorted(values)


def modes_accueil(structure):
    return sorted({mode.value for field, _l, _v, mode in MODES if getattr(structure, field)})


def structure_row(structure):
    """One tabular row (dict of COLUMN_NAMES) for CSV/XLSX export."""
    return {
        "id": structure.source_id,
        "nom": structure.name,
        "description": structure.description,
        "zone_eligibilite": _join(zone_codes(structure)),
        "date_maj": structure.last_verified.isoformat(),
        "relier_themes": _join(t.slug for t in structure.themes.all()),
        "telephone": structure.phone,
        "courriel": structure.email,
        "site_web": structure.website,
        "adresse": structure.address,
        "code_postal": structure.postcode,
        "commune": structure.commune,
        "code_insee": structure.code_insee,
        "frais": "gratuit" if structure.is_free else "payant",
        "frais_precisions": structure.fees_details,
        "thematiques": _join(thematiques(structure)),
        "publics": _join(publics(structure)),
        "modes_accueil": _join(modes_accueil(structure)),
        "relier_publics": _join(a.slug for a in structure.audiences.all()),
        "relier_age_min": "" if structure.age_min is None else str(structure.age_min),
        "relier_age_max": "" if structure.age_max is None else str(structure.age_max),
        "relier_modes": _join(value for field, _l, value, _m in MODES if getattr(structure, field)),
        "relier_anonyme": _yes(structure.is_anonymous),
        "relier_24h_24": _yes(structure.always_open),
        "relier_horaires": structure.opening_hours,
        "relier_region": structure.region if structure.scope == Structure.Scope.REGION else "",
        "relier_source": structure.verification_source,
        "relier_exemple": _yes(structure.is_example),
    }


def _exported_structures(live_only):
    queryset = Structure.objects.filter(live=True) if live_only else Structure.objects.all()
    return queryset.order_by("source_id").prefetch_related("themes", "audiences", "departements")


def rows(live_only=False):
    for structure in _exported_structures(live_only).iterator(chunk_size=500):
        yield structure_row(structure)


def _table():
    for row in rows():
        yield [row[name] for name in COLUMN_NAMES]


def export(file_format):
    """The CSV (`,` between cells, as data·inclusion files) or XLSX exchange file, which
    the import reads back."""
    return spreadsheets.write(
        file_format, COLUMN_NAMES, _table(), title="structures", delimiter=LIST_SEPARATOR
    )


def export_response(file_format, filename):
    return attachment(
        export(file_format), f"{filename}.{file_format}", spreadsheets.CONTENT_TYPES[file_format]
    )


# --- data·inclusion JSON -----------------------------------------------------------


def _structure_id(structure):
    return f"{SOURCE}--{structure.source_id}"


def _structure_page_url(structure, index_url):
    return absolute_url(f"{index_url}structures/{structure.source_id}/") if index_url else None


def _index_url():
    from .models import GuideIndexPage

    page = GuideIndexPage.objects.live().first()
    return page.url if page else None


def _address(structure):
    return {
        "commune": structure.commune or None,
        "code_postal": structure.postcode or None,
        "code_insee": structure.code_insee or None,
        "adresse": structure.address or None,
        "telephone": structure.phone or None,
        "courriel": structure.email or None,
    }


def data_inclusion_structures():
    index_url = _index_url()
    return [
        {
            "source": SOURCE,
            "id": _structure_id(s),
            "nom": s.name,
            "date_maj": s.last_verified.isoformat(),
            "description": s.description,
            "lien_source": _structure_page_url(s, index_url),
            "site_web": s.website or None,
            "horaires_accueil": "24/7" if s.always_open else None,
            **_address(s),
        }
        for s in _exported_structures(live_only=True)
    ]


def _mobilisation(structure):
    modes = []
    if structure.phone:
        modes.append(MOBILISATION_BY_CONTACT["phone"].value)
    if structure.email:
        modes.append(MOBILISATION_BY_CONTACT["email"].value)
    if structure.website:
        modes.append(MOBILISATION_BY_CONTACT["website"].value)
    if structure.in_person:
        modes.append(MOBILISATION_BY_CONTACT["in_person"].value)
    return modes or None


def _publics_precisions(structure):
    parts = []
    if structure.age_range:
        parts.append(structure.age_range.capitalize())
    audiences = [a.name.lower() for a in structure.audiences.all()]
    if audiences:
        parts.append("Pour : " + ", ".join(audiences))
    if structure.is_anonymous:
        parts.append("Anonyme")
    return ". ".join(parts) + "." if parts else None


def data_inclusion_services():
    """One service per structure: what the structure offers young people and families."""
    index_url = _index_url()
    services = []
    for s in _exported_structures(live_only=True):
        audience_slugs = {a.slug for a in s.audiences.all()}
        services.append(
            {
                "source": SOURCE,
                "structure_id": _structure_id(s),
                "id": f"{_structure_id(s)}--accueil",
                "nom": s.name,
                "description": s.description,
                "lien_source": _structure_page_url(s, index_url),
                "date_maj": s.last_verified.isoformat(),
                "thematiques": thematiques(s) or None,
                "frais": "gratuit" if s.is_free else "payant",
                "frais_precisions": s.fees_details or None,
                "publics": publics(s) or None,
                "publics_precisions": _publics_precisions(s),
                "modes_accueil": modes_accueil(s) or None,
                "zone_eligibilite": zone_codes(s) or None,
                "lien_mobilisation": s.website or None,
                "modes_mobilisation": _mobilisation(s),
                "mobilisable_par": ["usagers", "professionnels"]
                if "professionnels" in audience_slugs
                else ["usagers"],
                "horaires_accueil": "24/7" if s.always_open else None,
                **_address(s),
            }
        )
    return services
