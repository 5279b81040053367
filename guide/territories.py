"""French départements and régions, and postcode → département resolution.

Reference data shipped with the code (INSEE Code officiel géographique): no network
access at run time. Each name carries the article French uses before it
(« couvre la Seine-Saint-Denis », « couvre Paris », « couvre La Réunion »).
"""

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    article: str  # "le ", "la ", "l'", "les " or ""

    @property
    def with_article(self):
        return f"{self.article}{self.name}"


@dataclass(frozen=True)
class Departement:
    code: str
    name: str
    article: str
    region_code: str

    @property
    def with_article(self):
        return f"{self.article}{self.name}"

    @property
    def region(self):
        return REGIONS[self.region_code]

    @property
    def label(self):
        """« Seine-Saint-Denis (93) »."""
        return f"{self.name} ({self.code})"


REGIONS = {
    code: Region(code, name, article)
    for code, name, article in [
        ("84", "Auvergne-Rhône-Alpes", "l'"),
        ("27", "Bourgogne-Franche-Comté", "la "),
        ("53", "Bretagne", "la "),
        ("24", "Centre-Val de Loire", "le "),
        ("94", "Corse", "la "),
        ("44", "Grand Est", "le "),
        ("32", "Hauts-de-France", "les "),
        ("11", "Île-de-France", "l'"),
        ("28", "Normandie", "la "),
        ("75", "Nouvelle-Aquitaine", "la "),
        ("76", "Occitanie", "l'"),
        ("52", "Pays de la Loire", "les "),
        ("93", "Provence-Alpes-Côte d'Azur", "la "),
        ("01", "Guadeloupe", "la "),
        ("02", "Martinique", "la "),
        ("03", "Guyane", "la "),
        ("04", "La Réunion", ""),
        ("06", "Mayotte", ""),
    ]
}

_DEPARTEMENTS = [
    ("01", "Ain", "l'", "84"),
    ("02", "Aisne", "l'", "32"),
    ("03", "Allier", "l'", "84"),
    ("04", "Alpes-de-Haute-Provence", "les ", "93"),
    ("05", "Hautes-Alpes", "les ", "93"),
    ("06", "Alpes-Maritimes", "les ", "93"),
    ("07", "Ardèche", "l'", "84"),
    ("08", "Ardennes", "les ", "44"),
    ("09", "Ariège", "l'", "76"),
    ("10", "Aube", "l'", "44"),
    ("11", "Aude", "l'", "76"),
    ("12", "Aveyron", "l'", "76"),
    ("13", "Bouches-du-Rhône", "les ", "93"),
    ("14", "Calvados", "le ", "28"),
    ("15", "Cantal", "le ", "84"),
    ("16", "Charente", "la ", "75"),
    ("17", "Charente-Maritime", "la ", "75"),
    ("18", "Cher", "le ", "24"),
    ("19", "Corrèze", "la ", "75"),
    ("2A", "Corse-du-Sud", "la ", "94"),
    ("2B", "Haute-Corse", "la ", "94"),
    ("21", "Côte-d'Or", "la ", "27"),
    ("22", "Côtes-d'Armor", "les ", "53"),
    ("23", "Creuse", "la ", "75"),
    ("24", "Dordogne", "la ", "75"),
    ("25", "Doubs", "le ", "27"),
    ("26", "Drôme", "la ", "84"),
    ("27", "Eure", "l'", "28"),
    ("28", "Eure-et-Loir", "l'", "24"),
    ("29", "Finistère", "le ", "53"),
    ("30", "Gard", "le ", "76"),
    ("31", "Haute-Garonne", "la ", "76"),
    ("32", "Gers", "le ", "76"),
    ("33", "Gironde", "la ", "75"),
    ("34", "Hérault", "l'", "76"),
    ("35", "Ille-et-Vilaine", "l'", "53"),
    ("36", "Indre", "l'", "24"),
    ("37", "Indre-et-Loire", "l'", "24"),
    ("38", "Isère", "l'", "84"),
    ("39", "Jura", "le ", "27"),
    ("40", "Landes", "les ", "75"),
    ("41", "Loir-et-Cher", "le ", "24"),
    ("42", "Loire", "la ", "84"),
    ("43", "Haute-Loire", "la ", "84"),
    ("44", "Loire-Atlantique", "la ", "52"),
    ("45", "Loiret", "le ", "24"),
    ("46", "Lot", "le ", "76"),
    ("47", "Lot-et-Garonne", "le ", "75"),
    ("48", "Lozère", "la ", "76"),
    ("49", "Maine-et-Loire", "le ", "52"),
    ("50", "Manche", "la ", "28"),
    ("51", "Marne", "la ", "44"),
    ("52", "Haute-Marne", "la ", "44"),
    ("53", "Mayenne", "la ", "52"),
    ("54", "Meurthe-et-Moselle", "la ", "44"),
    ("55", "Meuse", "la ", "44"),
    ("56", "Morbihan", "le ", "53"),
    ("57", "Moselle", "la ", "44"),
    ("58", "Nièvre", "la ", "27"),
    ("59", "Nord", "le ", "32"),
    ("60", "Oise", "l'", "32"),
    ("61", "Orne", "l'", "28"),
    ("62", "Pas-de-Calais", "le ", "32"),
    ("63", "Puy-de-Dôme", "le ", "84"),
    ("64", "Pyrénées-Atlantiques", "les ", "75"),
    ("65", "Hautes-Pyrénées", "les ", "76"),
    ("66", "Pyrénées-Orientales", "les ", "76"),
    ("67", "Bas-Rhin", "le ", "44"),
    ("68", "Haut-Rhin", "le ", "44"),
    ("69", "Rhône", "le ", "84"),
    ("70", "Haute-Saône", "la ", "27"),
    ("71", "Saône-et-Loire", "la ", "27"),
    ("72", "Sarthe", "la ", "52"),
    ("73", "Savoie", "la ", "84"),
    ("74", "Haute-Savoie", "la ", "84"),
    ("75", "Paris", "", "11"),
    ("76", "Seine-Maritime", "la ", "28"),
    ("77", "Seine-et-Marne", "la ", "11"),
    ("78", "Yvelines", "les ", "11"),
    ("79", "Deux-Sèvres", "les ", "75"),
    ("80", "Somme", "la ", "32"),
    ("81", "Tarn", "le ", "76"),
    ("82", "Tarn-et-Garonne", "le ", "76"),
    ("83", "Var", "le ", "93"),
    ("84", "Vaucluse", "le ", "93"),
    ("85", "Vendée", "la ", "52"),
    ("86", "Vienne", "la ", "75"),
    ("87", "Haute-Vienne", "la ", "75"),
    ("88", "Vosges", "les ", "44"),
    ("89", "Yonne", "l'", "27"),
    ("90", "Territoire de Belfort", "le ", "27"),
    ("91", "Essonne", "l'", "11"),
    ("92", "Hauts-de-Seine", "les ", "11"),
    ("93", "Seine-Saint-Denis", "la ", "11"),
    ("94", "Val-de-Marne", "le ", "11"),
    ("95", "Val-d'Oise", "le ", "11"),
    ("971", "Guadeloupe", "la ", "01"),
    ("972", "Martinique", "la ", "02"),
    ("973", "Guyane", "la ", "03"),
    ("974", "La Réunion", "", "04"),
    ("976", "Mayotte", "", "06"),
]

DEPARTEMENTS = {
    code: Departement(code, name, art, region) for code, name, art, region in _DEPARTEMENTS
}

# Postcodes of French territories that are not départements.
_NOT_DEPARTEMENTS = {
    "97133": "Saint-Barthélemy",
    "97150": "Saint-Martin",
    "975": "Saint-Pierre-et-Miquelon",
    "980": "Monaco",
    "984": "les Terres australes et antarctiques françaises",
    "986": "Wallis-et-Futuna",
    "987": "la Polynésie française",
    "988": "la Nouvelle-Calédonie",
}


class TerritoryError(ValueError):
    """A territory the guide cannot resolve; its message is French, for visitors."""


def departements_of_region(region_code):
    return [d for d in DEPARTEMENTS.values() if d.region_code == region_code]


def departement_for_postcode(postcode):
    """The Departement of a 5-digit French postcode; TerritoryError otherwise."""
    if not (len(postcode) == 5 and postcode.isascii() and postcode.isdigit()):
        raise TerritoryError("Un code postal s'écrit avec 5 chiffres, par exemple 93200.")
    for prefix in (postcode, postcode[:3]):
        if prefix in _NOT_DEPARTEMENTS:
            raise TerritoryError(
                f"Le code postal {postcode} correspond à {_NOT_DEPARTEMENTS[prefix]}, qui "
                "n'est pas un département : le guide ne couvre pas encore ce territoire."
            )
    if postcode.startswith("20"):
        # Corsica: 20000–20199 Corse-du-Sud, 20200 and above Haute-Corse.
        return DEPARTEMENTS["2A" if int(postcode) < 20200 else "2B"]
    code = postcode[:3] if postcode[:2] in ("97", "98") else postcode[:2]
    departement = DEPARTEMENTS.get(code)
    if departement is None or code == "20":
        raise TerritoryError(
            f"Le code postal {postcode} ne correspond à aucun département français. "
            "Vérifiez-le, ou indiquez le numéro du département (par exemple 93 ou 974)."
        )
    return departement


def _folded(text):
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.lower().replace("-", " ").replace("'", " ").split())


_BY_NAME = {_folded(d.name): d for d in DEPARTEMENTS.values()}
_BY_NAME[_folded("Réunion")] = DEPARTEMENTS["974"]


def resolve_territory(value):
    """The Departement meant by what a visitor typed: a postcode (93200), a département
    code (93, 2A, 974) or a name (Seine-Saint-Denis). TerritoryError with a French
    message otherwise."""
    text = " ".join(str(value).split())
    if not text:
        raise TerritoryError("Indiquez un code postal ou un département.")
    compact = text.replace(" ", "").upper()
    if compact.isdigit() and len(compact) == 5:
        return departement_for_postcode(compact)
    if compact in DEPARTEMENTS:
        return DEPARTEMENTS[compact]
    if compact.isdigit() and len(compact) == 1:
        compact = "0" + compact
        if compact in DEPARTEMENTS:
            return DEPARTEMENTS[compact]
    if compact == "20":
        raise TerritoryError(
            "La Corse compte deux départements : indiquez 2A (Corse-du-Sud) ou 2B "
            "(Haute-Corse), ou votre code postal."
        )
    if by_name := _BY_NAME.get(_folded(text)):
        return by_name
    if compact.isdigit():
        raise TerritoryError(
            f"« {text[:10]} » n'est ni un code postal (5 chiffres) ni un numéro de "
            "département (par exemple 93, 2A ou 974)."
        )
    raise TerritoryError(
        "Nous ne reconnaissons pas ce territoire. Indiquez un code postal (par exemple "
        "93200), un numéro de département (93, 2A, 974) ou le nom du département."
    )


def departement_for_insee_code(code):
    """The Departement of an INSEE commune code (93008, 2A004, 97411), or None."""
    code = (code or "").upper()
    if code[:2] in ("97", "98"):
        return DEPARTEMENTS.get(code[:3])
    return DEPARTEMENTS.get(code[:2])
