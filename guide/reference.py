"""The guide's own lists (themes, audiences, ways to reach a service) and how each maps
to the data·inclusion reference lists of the `data-inclusion-schema` package."""

from data_inclusion.schema.v1 import ModeAccueil, ModeMobilisation, Public, Thematique

T = Thematique

# slug, label, data·inclusion thématiques
THEMES = [
    ("ecoute", "Écoute", [T.REMOBILISATION__BIEN_ETRE_CONFIANCE_EN_SOI]),
    (
        "harcelement-scolaire",
        "Harcèlement scolaire",
        [T.FAMILLE__SURMONTER_CONFLITS_SEPARATION_VIOLENCE],
    ),
    ("cyberviolences", "Cyberviolences", [T.FAMILLE__SURMONTER_CONFLITS_SEPARATION_VIOLENCE]),
    ("sante-mentale", "Santé mentale", [T.SANTE__SANTE_MENTALE]),
    (
        "violences-intrafamiliales",
        "Violences intrafamiliales",
        [T.FAMILLE__SURMONTER_CONFLITS_SEPARATION_VIOLENCE],
    ),
    (
        "discriminations-lgbtqia",
        "Discriminations et LGBTQIA+",
        [
            T.DIFFICULTES_ADMINISTRATIVES_OU_JURIDIQUES__CONNAITRE_SES_DROITS_FACE_A_UNE_DISCRIMINATION
        ],
    ),
    (
        "droits-justice",
        "Droits et justice",
        [
            T.DIFFICULTES_ADMINISTRATIVES_OU_JURIDIQUES__ACCOMPAGNEMENT_POUR_LACCES_AUX_DROITS,
            T.DIFFICULTES_ADMINISTRATIVES_OU_JURIDIQUES__PRENDRE_EN_COMPTE_UNE_PROBLEMATIQUE_JUDICIAIRE,
        ],
    ),
    (
        "scolarite-orientation",
        "Scolarité et orientation",
        [
            T.SE_FORMER__TROUVER_SA_FORMATION,
            T.CHOISIR_UN_METIER__DECOUVRIR_UN_METIER_OU_UN_SECTEUR_DACTIVITE,
        ],
    ),
    (
        "insertion-emploi",
        "Insertion et emploi",
        [
            T.TROUVER_UN_EMPLOI__REPONDRE_A_DES_OFFRES_DEMPLOI,
            T.PREPARER_SA_CANDIDATURE__VALORISER_SES_COMPETENCES,
        ],
    ),
    ("parentalite", "Parentalité", [T.FAMILLE__SOUTIEN_A_LA_PARENTALITE_ET_A_LEDUCATION]),
]

# slug, label, data·inclusion publics
AUDIENCES = [
    ("enfants", "Enfants", [Public.JEUNES, Public.FAMILLES]),
    ("adolescents", "Adolescents", [Public.JEUNES]),
    ("jeunes-adultes", "Jeunes adultes", [Public.JEUNES, Public.ETUDIANTS]),
    ("parents", "Parents", [Public.FAMILLES]),
    ("professionnels", "Professionnels", []),
]

# field name on Structure, label, extension value, data·inclusion mode d'accueil
MODES = [
    ("in_person", "Sur place", "presentiel", ModeAccueil.EN_PRESENTIEL),
    ("by_phone", "Par téléphone", "telephone", ModeAccueil.A_DISTANCE),
    ("by_chat", "Par tchat", "chat", ModeAccueil.A_DISTANCE),
    ("by_video", "En visio", "visio", ModeAccueil.A_DISTANCE),
]

MOBILISATION_BY_CONTACT = {
    "phone": ModeMobilisation.TELEPHONER,
    "email": ModeMobilisation.ENVOYER_UN_COURRIEL,
    "website": ModeMobilisation.UTILISER_LIEN_MOBILISATION,
    "in_person": ModeMobilisation.SE_PRESENTER,
}

THEME_LABELS = {slug: label for slug, label, _ in THEMES}
AUDIENCE_LABELS = {slug: label for slug, label, _ in AUDIENCES}
THEMATIQUES_BY_THEME = {slug: thematiques for slug, _, thematiques in THEMES}
PUBLICS_BY_AUDIENCE = {slug: publics for slug, _, publics in AUDIENCES}
MODE_FIELDS = {value: field for field, _label, value, _mode in MODES}
