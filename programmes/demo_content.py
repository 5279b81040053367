"""French texts of the programmes' demo content, as plain data: the programme index, the
five programme pages, /ressources/, the partners and the kits (whose small PDFs are in
`demo_files/`, made by scripts/make_demo_pdfs.py).

The sources, the StreamField format and the page links are those of `home.demo.content`,
whose types and block helpers this module reuses. It imports nothing from Django.
"""

from dataclasses import dataclass

from home.demo.content import (
    EMAIL_LINK,
    FIGURE_SUPPORTED_2024,
    FIGURE_YOUTH_AWARENESS_2024,
    SCHOOL_YEAR_2024,
    SOURCE_MAKE_ORG,
    SOURCE_REPORT_2024,
    DemoPage,
    Figure,
    accordion,
    call_to_action,
    heading,
    helplines,
    key_figures,
    paragraph,
    quote,
)


@dataclass(frozen=True)
class Service:
    name: str
    rhythm: str = ""
    description: str = ""


@dataclass(frozen=True)
class DemoProgramme(DemoPage):
    """A programme page: the fields of ProgrammePage beside the body."""

    page_type: str = "programme"
    promise: str = ""
    status: str = "propose"  # or "en_developpement"
    audiences: tuple = ()  # slugs of programmes.Audience (migration programmes/0002)
    age_min: int | None = None
    age_max: int | None = None
    services: tuple = ()  # Service values
    partners: tuple = ()  # names of PARTNERS
    actions: tuple = ()  # (label, public path) pairs: the calls to action of the page


@dataclass(frozen=True)
class DemoPartner:
    name: str
    kind: str  # mecene, action, institutionnel, scientifique, operateur
    description: str
    seed: str  # where the seeds name this partner (for maintainers, not shown)


@dataclass(frozen=True)
class DemoKit:
    title: str
    summary: str
    filename: str  # in programmes/demo_files/, made by scripts/make_demo_pdfs.py
    format: str  # guide, fiche, presentation, module, affiche
    audiences: tuple  # slugs of programmes.KitAudience
    school_levels: tuple  # slugs of programmes.SchoolLevel
    programme: str  # slug of the programme page below /programmes/


# --- Impact figures of the programme pages ----------------------------------------------

FIGURE_AWARENESS = Figure(
    "3 104",
    "jeunes sensibilisés par le dispositif « Se reconstruire ensemble »",
    "Année 2022-2023",
    SOURCE_MAKE_ORG,
)

FIGURE_PROFESSIONALS = Figure(
    "1 586",
    "professionnels formés à la prise en charge des enfants harcelés",
    source=SOURCE_MAKE_ORG,
)

FIGURE_SUPPORTED_2023 = Figure(
    "406",
    "jeunes accompagnés par un psychologue grâce au dispositif",
    "Année 2022-2023",
    SOURCE_MAKE_ORG,
)

FIGURE_ADULT_AWARENESS_2024 = Figure(
    "190",
    "adultes sensibilisés : parents, enseignants et acteurs du territoire",
    SCHOOL_YEAR_2024,
    SOURCE_REPORT_2024,
)

FIGURE_SUPPORTED_SINCE_START = Figure(
    "659",
    "jeunes accompagnés depuis la création de l'association",
    "Bilan de l'année scolaire 2023-2024",
    SOURCE_REPORT_2024,
)

FIGURE_UNEMPLOYMENT = Figure(
    "30 %",
    "des jeunes harcelés sont sans emploi un an après la fin de leurs études, contre 15 % "
    "des autres jeunes",
    source="Études citées dans le rapport d'activité 2024",
)

FIGURE_INTERVIEWS = Figure(
    "40 %",
    "des jeunes harcelés disent que cette expérience a affecté leur capacité à réussir "
    "des entretiens de recrutement",
    source="Études citées dans le rapport d'activité 2024",
)

FIGURE_ADVISERS = Figure(
    "1 000",
    "conseillers jeunesse de France Travail en Île-de-France peuvent proposer le programme",
    "2024",
    SOURCE_REPORT_2024,
)

FIGURE_CYBERVIOLENCE_DOUBLED = Figure(
    "2 fois plus",
    "de situations de cyberviolences en un an, selon les établissements scolaires interrogés",
    "2024",
    SOURCE_REPORT_2024,
)

FIGURE_PREVENTION_HOURS = Figure(
    "4 h",
    "de prévention en ligne pour chaque élève, de l'école primaire au lycée",
    source=SOURCE_REPORT_2024,
)

FIGURE_PILOT_SCHOOLS = Figure(
    "34",
    "collèges et lycées volontaires pour être établissements pilotes",
    "Début 2025",
    SOURCE_REPORT_2024,
)

# The figures the programme pages show (two of them are the home page's too).
FIGURES = [
    FIGURE_SUPPORTED_SINCE_START,
    FIGURE_SUPPORTED_2024,
    FIGURE_YOUTH_AWARENESS_2024,
    FIGURE_ADULT_AWARENESS_2024,
    FIGURE_AWARENESS,
    FIGURE_PROFESSIONALS,
    FIGURE_SUPPORTED_2023,
    FIGURE_UNEMPLOYMENT,
    FIGURE_INTERVIEWS,
    FIGURE_ADVISERS,
    FIGURE_CYBERVIOLENCE_DOUBLED,
    FIGURE_PREVENTION_HOURS,
    FIGURE_PILOT_SCHOOLS,
]

# --- Testimonials (quoted from the documents, authors as given there) ------------------

QUOTE_DASSAULT = quote(
    "La lutte contre le harcèlement scolaire et l'accompagnement des enfants qui en sont "
    "victimes sont aujourd'hui une absolue nécessité. Le projet « Se reconstruire ensemble », "
    "en apportant à la fois un soutien aux élèves, aux parents et aux encadrants, propose une "
    "démarche innovante pour répondre à cet enjeu.",
    "Marie-Hélène Habert",
    "Directrice de la communication et du mécénat, Groupe Dassault",
)

QUOTE_PARTICIPANT = quote(
    "J'aime énormément ce moment où nous pouvons échanger tout en apprenant des choses ou en "
    "partageant nos passions.",
    "Une participante",
    "Groupes d'échanges en ligne, rapport d'activité 2024",
)

QUOTE_PAUL = quote(
    "Pendant les temps d'écoute, au début j'étais un peu stressé de parler parce que je "
    "n'avais jamais vraiment parlé de manière franche. Mais après c'était bien, je me sentais "
    "avec un poids en moins.",
    "Paul, 13 ans",
    "Rapport d'activité 2024",
)

QUOTE_EVRY = quote(
    "Le harcèlement n'est pas un sujet tabou, c'est l'affaire de tous. En parler, c'est "
    "commencer à le combattre. Il faut donner les moyens à tous les acteurs qui se mobilisent "
    "localement.",
    "Corinne Bourgeois",
    "Adjointe au maire d'Évry-Courcouronnes, chargée de la petite enfance",
)

QUOTE_CAREERS = quote(
    "On peut changer de métier, c'est pas grave, ça rassure.",
    "Un jeune participant",
    "Groupes d'échanges en ligne, rapport d'activité 2024",
)

QUOTE_PRIME_MINISTER = quote(
    "Le développement d'un outil opérationnel, à la portée des jeunes, du CM1 à la "
    "Terminale, pour sensibiliser les élèves aux dangers que peuvent représenter les écrans "
    "et la désinformation est une innovation importante dans la lutte contre la violence "
    "numérique.",
    "Gabriel Attal, Premier ministre",
    "Lettre du 24 juin 2024, rapport d'activité 2024",
)

QUOTE_RECTOR = quote(
    "Ce projet « STOP cyberviolences », qui vise à prévenir et accompagner les situations de "
    "cyberviolences vécues par les élèves, notamment via les réseaux sociaux, s'inscrit "
    "parfaitement dans la stratégie nationale et académique de lutte contre le cyber "
    "harcèlement.",
    "Gilles Halbout, recteur de l'académie d'Orléans-Tours",
    "Lettre du 6 juillet 2023, rapport d'activité 2024",
)

# --- Pages ------------------------------------------------------------------------------

PROGRAMMES = DemoPage(
    path="programmes",
    title="Nos programmes",
    show_in_menus=True,
    page_type="programme_index",
    intro=(
        "De la maternelle à l'entrée dans l'emploi, nos programmes accompagnent les jeunes "
        "ciblés par le harcèlement à chaque moment clé, avec leurs parents et les adultes "
        "qui les entourent."
    ),
    search_description=(
        "Se reconstruire ensemble, Relier vers l'emploi, STOP Cyberviolences, Monster Moods "
        "et Monster Messenger : les programmes des Centres Relier."
    ),
    body=[
        heading("Quatre moments de vie"),
        paragraph(
            "<p>Notre objectif : accompagner les jeunes en souffrance depuis leur entrée dans "
            "le collectif jusqu'à leur entrée dans l'emploi, à travers quatre moments de vie :</p>"
            "<ol>"
            "<li>l'entrée en maternelle, avec le jeu des émotions <a href=\"/programmes/"
            'monster-moods/">Monster Moods</a>, un projet pour 2025 ;</li>'
            "<li>le premier téléphone portable, avec l'agent conversationnel <a href=\"/"
            'programmes/monster-messenger/">Monster Messenger</a>, en développement ;</li>'
            "<li>la scolarité de l'école primaire au lycée, avec "
            '<a href="/programmes/stop-cyberviolences/">STOP Cyberviolences</a> ;</li>'
            "<li>l'entrée dans le monde du travail, avec "
            '<a href="/programmes/relier-vers-lemploi/">Relier vers l\'emploi</a>.</li>'
            "</ol>"
            "<p>À chaque étape, "
            '<a href="/programmes/se-reconstruire-ensemble/">Se reconstruire ensemble</a> '
            "offre aux jeunes victimes des groupes de parole en ligne, et aux jeunes comme à "
            'leurs parents des <a href="/permanences/">permanences de psychologues</a>.</p>'
        ),
        key_figures(
            "L'association en chiffres",
            FIGURE_SUPPORTED_SINCE_START,
            FIGURE_SUPPORTED_2024,
            FIGURE_YOUTH_AWARENESS_2024,
            FIGURE_ADULT_AWARENESS_2024,
        ),
        heading("Pour les collectivités : un Centre Relier sur votre territoire"),
        paragraph(
            "<p>Un Centre Relier est un tiers-lieu éducatif et social. C'est un cadre neutre, "
            "où parents, établissements scolaires et acteurs du territoire construisent "
            "ensemble une solution sécurisante pour chaque enfant, et un espace de répit, où "
            "les enfants victimes de harcèlement prennent le temps de se reconstruire. Nous "
            "accompagnons les collectivités (aide au montage et suivi, formation, analyse de "
            "pratiques, réseau de psychologues), en partenariat avec les établissements "
            "scolaires.</p>"
        ),
        heading("Les sept étapes de la mise en œuvre", "h3"),
        paragraph(
            "<ol>"
            "<li>Intégrer le dispositif dans la politique publique du territoire, avec le "
            "soutien des élus.</li>"
            "<li>Établir des partenariats avec les établissements scolaires, en alliance "
            "éducative.</li>"
            "<li>Constituer une équipe d'accompagnement : animateurs sociaux et psychologues "
            "à temps partiel, formés et accompagnés par la psychologue référente des Centres "
            "Relier.</li>"
            "<li>Identifier un espace d'accueil parmi les ressources existantes : tiers-lieu "
            "déjà actif, locaux libres pendant les périodes scolaires.</li>"
            "<li>Mobiliser les acteurs du territoire : réunion de lancement et atelier "
            "participatif avec les partenaires sociaux, les réseaux de santé et les "
            "associations.</li>"
            "<li>Sensibiliser les parents : conférences participatives, groupes de parole "
            "entre parents.</li>"
            "<li>Obtenir des soutiens financiers (ARS, CAF, partenaires, fondations) pour "
            "assurer la viabilité de la structure.</li>"
            "</ol>"
            "<p>Vous représentez une collectivité, une académie ou un établissement ? "
            f"Écrivez-nous à {EMAIL_LINK}.</p>"
        ),
    ],
)

RESOURCES = DemoPage(
    path="ressources",
    title="Ressources",
    show_in_menus=True,
    page_type="resources",
    intro=(
        "Des outils et des documents pour les établissements scolaires et les parents, pour "
        "prévenir le harcèlement et les cyberviolences et accompagner les jeunes."
    ),
    search_description=(
        "Outils de prévention, kits et documents des Centres Relier pour les établissements "
        "scolaires et les parents face au harcèlement."
    ),
    body=[
        heading("D'autres ressources arrivent bientôt"),
        paragraph(
            "<p>Nous ajouterons d'autres documents au fil des programmes, comme, demain, le "
            'jeu des émotions <a href="/programmes/monster-moods/">Monster Moods</a> pour la '
            "maternelle, un projet pour 2025. Nos séances d'information aident aussi les "
            "adultes à mieux comprendre, repérer et accompagner un jeune concerné : voir "
            '<a href="/agenda/">l\'agenda</a>.</p>'
        ),
        paragraph(
            "<p>Vous souhaitez une séance d'information, un forum de prévention ou une "
            "sensibilisation des parents dans votre établissement ? "
            '<a href="/demander-une-intervention/">Demandez une intervention</a>.</p>'
        ),
        paragraph(
            "<p>Vous cherchez un document en particulier, par exemple notre rapport d'activité "
            "2024 ou le bilan d'impact du programme « Se reconstruire ensemble » ? "
            f"Écrivez-nous à {EMAIL_LINK}.</p>"
        ),
    ],
)

# --- Programmes (ProgrammePage below /programmes/) -------------------------------------
# The services, the calls to action and the partners are fields of the page (shown by its
# template above and below the body); the body tells why, for whom, and with what effect.

REBUILD_TOGETHER = DemoProgramme(
    path="programmes/se-reconstruire-ensemble",
    title="Se reconstruire ensemble",
    intro=(
        "Avec Make.org Foundation, qui accompagne son déploiement national, le programme "
        "offre aux jeunes un espace de parole où ils se sentent moins seuls, et aide leurs "
        "parents à repérer ce que vit leur enfant et à l'accompagner."
    ),
    search_description=(
        "Groupes de parole en ligne pour les jeunes victimes de harcèlement, permanences "
        "de psychologues pour les jeunes et leurs parents."
    ),
    promise=(
        "Des groupes de parole en ligne pour les jeunes victimes de harcèlement, et des "
        "permanences de psychologues pour eux et leurs parents."
    ),
    audiences=("jeunes", "parents", "equipes-educatives", "collectivites"),
    services=(
        Service(
            "Groupes d'échanges en ligne entre jeunes",
            "Chaque semaine, en ligne, anonymes et sans webcam",
            "Une dizaine de jeunes au plus, venus de territoires différents, parlent de leurs "
            "passions, de métiers, d'actualité. Les échanges sont encadrés par notre équipe.",
        ),
        Service(
            "Question Psy",
            "Chaque semaine, en ligne",
            "Jeunes et familles posent leurs questions anonymement, et écoutent aussi les "
            "réponses données aux autres.",
        ),
        Service(
            "Permanences de psychologues",
            "À tout moment de l'accompagnement",
            "Depuis 2025, les permanences remplacent les entretiens individuels sur "
            "rendez-vous : jeunes, parents, équipes éducatives et acteurs du territoire y "
            "joignent une psychologue dès qu'ils en ont besoin.",
        ),
        Service(
            "Séances d'information pour les adultes",
            "Une heure en visioconférence, gratuite",
            "Parents, enseignants, acteurs médicaux, sociaux et du territoire : comprendre, "
            "savoir repérer un jeune victime et l'accompagner. Chacun entend aussi les "
            "questions des autres.",
        ),
        Service(
            "Groupes d'analyse des situations",
            "Pour les parents et les élèves ambassadeurs",
            "Prendre du recul sur une situation et trouver comment agir depuis sa place.",
        ),
    ),
    actions=(
        ("Être contacté", "/etre-contacte/"),
        ("Orienter un jeune", "/orienter-un-jeune/"),
        ("Voir les prochaines séances", "/agenda/"),
    ),
    partners=(
        "Make.org Foundation",
        "Fondation pour l'enfance",
        "Groupe Dassault",
        "Banque des Territoires",
        "Ville d'Évry-Courcouronnes",
        "CAF de La Réunion",
        "ANPEIP La Réunion",
        "Université Lumière Lyon 2",
        "Centre social Adésir",
    ),
    body=[
        heading("Pour qui ?"),
        paragraph(
            "<p>Pour les enfants et les adolescents victimes de harcèlement scolaire, de "
            "cyberharcèlement ou de violences, et pour leurs parents, qui se sentent souvent "
            "démunis pour les accompagner. Les séances d'information sont aussi ouvertes aux "
            "enseignants et aux acteurs du territoire.</p>"
        ),
        heading("Pourquoi ?"),
        paragraph(
            "<p>On compte plus de 700 000 enfants victimes de harcèlement chaque année. Les "
            "conséquences peuvent être dramatiques : déscolarisation, dépression, et parfois "
            "jusqu'au suicide. Les dispositifs de prévention se sont développés, mais "
            "l'accompagnement psychologique des victimes reste trop peu organisé. Il est "
            "pourtant déterminant pour qu'un enfant se reconstruise.</p>"
        ),
        heading("Un cadre bienveillant"),
        paragraph(
            "<p>Dans les groupes d'échanges, chaque jeune peut être lui-même, se sentir "
            "entouré et compris. Cela l'aide à éviter les comportements à risque, et laisse "
            "aux adultes le temps de construire avec lui une solution adaptée.</p>"
            "<p>Jeunes et parents peuvent aussi parler à une psychologue : "
            '<a href="/permanences/">réservez une permanence</a> en ligne, par téléphone ou '
            "en visio.</p>"
            "<p>Les séances d'information pour les adultes touchent un large public : elles "
            "sont aussi proposées en entreprise, grâce à des réseaux de professionnels "
            "partenaires.</p>"
        ),
        heading("Un réseau sur chaque territoire"),
        paragraph(
            "<p>En Île-de-France et à La Réunion, avec les académies, les établissements "
            "scolaires et les associations de parents d'élèves, nous intervenons dans les "
            "forums de prévention pour repérer les jeunes qui ont besoin d'aide. Notre guide "
            "<a href=\"/guide/\">« Maux d'enfants, mode d'emploi »</a> recense les structures "
            "du territoire qui peuvent les aider.</p>"
        ),
        key_figures(
            "L'impact du programme",
            FIGURE_AWARENESS,
            FIGURE_PROFESSIONALS,
            FIGURE_SUPPORTED_2023,
        ),
        paragraph(
            "<p>« Se reconstruire ensemble » fait partie du plan d'actions de la Grande cause "
            "Make.org pour la protection de l'enfance. Make.org Foundation accompagne les "
            "Centres Relier pour accélérer son déploiement national. L'objectif : assurer le "
            "suivi de 1 000 à 1 200 enfants sur 16 territoires.</p>"
        ),
        heading("Ils en parlent"),
        QUOTE_PAUL,
        QUOTE_PARTICIPANT,
        QUOTE_DASSAULT,
        QUOTE_EVRY,
        accordion(
            "Questions fréquentes",
            (
                "Faut-il allumer sa caméra dans les groupes d'échanges ?",
                "<p>Non. Les groupes se retrouvent sans webcam, et chaque jeune reste anonyme.</p>",
            ),
            (
                "De quoi parle-t-on dans les groupes ?",
                "<p>De ce qui intéresse les jeunes : leurs passions, l'actualité, les "
                "métiers. Une dizaine de jeunes au plus participent, et notre équipe encadre "
                "les échanges.</p>",
            ),
            (
                "Les séances d'information pour les parents sont-elles payantes ?",
                "<p>Non, elles sont gratuites.</p>",
            ),
        ),
        paragraph(
            "<p>Vous êtes un établissement scolaire ou un partenaire ? "
            '<a href="/demander-une-intervention/?programme=se-reconstruire-ensemble">'
            "Demandez une séance d'information ou une sensibilisation des parents</a>.</p>"
        ),
        call_to_action(
            "Votre enfant est concerné ?",
            "Vous êtes un jeune ou un parent : demandez à être contacté par notre équipe.",
            "Être contacté",
            "/etre-contacte/",
        ),
        helplines(),
    ],
)

TOWARDS_EMPLOYMENT = DemoProgramme(
    path="programmes/relier-vers-lemploi",
    title="Relier vers l'emploi",
    intro=(
        "Un programme mené avec France Travail Île-de-France et centré sur la relation aux "
        "autres en entreprise : des groupes d'échanges et des ateliers pour les jeunes, des "
        "webinaires pour les conseillers qui les accompagnent."
    ),
    search_description=(
        "Relier vers l'emploi : groupes d'échanges, ateliers et webinaires avec France "
        "Travail pour les jeunes qui ont vécu le harcèlement."
    ),
    promise=(
        "Aider les jeunes qui ont vécu le harcèlement, l'intimidation ou la discrimination à "
        "trouver leur place dans le monde du travail."
    ),
    audiences=("jeunes", "professionnels-insertion"),
    age_max=25,  # « jeunes (- 26 ans) » in the 2024 report
    services=(
        Service(
            "Groupes d'échanges pour les jeunes de moins de 26 ans",
            "Chaque semaine, en visio",
            "Des groupes anonymes, animés par des psychologues, pour reprendre confiance "
            "dans sa capacité à évoluer en groupe.",
        ),
        Service(
            "Ateliers « La relation aux autres en entreprise »",
            "Tous les 15 jours, en visio ou en agence",
            "Pour les jeunes : déchiffrer les relations en entreprise, savoir gérer les "
            "entretiens, se faire une place et construire des relations durables avec ses "
            "futurs collègues. Les entreprises y participent aussi, après une séance de "
            "préparation avec notre équipe, pour comprendre les appréhensions des jeunes.",
        ),
        Service(
            "Webinaires pour les conseillers et les psychologues du travail",
            "Tous les 15 jours, en visio ou en agence",
            "Pour les conseillers de France Travail et les psychologues du travail : savoir "
            "quand, à qui et comment proposer ces services aux jeunes.",
        ),
    ),
    actions=(
        ("Inscrire un jeune", "/orienter-un-jeune/"),
        ("S'inscrire à un webinaire ou un atelier", "/agenda/"),
        ("Espace France Travail", "/francetravail/"),
    ),
    partners=("France Travail Île-de-France", "Unis-Cité"),
    body=[
        heading("Pourquoi ce programme ?"),
        paragraph(
            "<p>Le harcèlement, les intimidations et les discriminations vécus pendant la "
            "jeunesse abîment l'estime de soi, et laissent des traces jusque dans la "
            "recherche d'emploi. Les études montrent que les jeunes qui ont été harcelés "
            "mettent deux fois plus de temps pour accéder à l'emploi.</p>"
        ),
        key_figures(
            "Le harcèlement freine l'accès à l'emploi",
            FIGURE_UNEMPLOYMENT,
            FIGURE_INTERVIEWS,
        ),
        heading("Pour qui ?"),
        paragraph(
            "<ul>"
            "<li>Les jeunes de moins de 26 ans en recherche d'emploi qui ont été victimes de "
            "harcèlement, d'intimidation ou de discrimination ;</li>"
            "<li>les conseillers jeunesse et les psychologues du travail de France Travail qui "
            "les accompagnent ;</li>"
            "<li>les entreprises qui souhaitent mieux accueillir ces jeunes.</li>"
            "</ul>"
        ),
        heading("La relation aux autres au cœur du programme"),
        paragraph(
            "<p>Le programme aide chaque jeune à travailler sur sa crainte d'être évalué, "
            "d'intégrer un nouveau collectif, et que l'entreprise ou l'organisation qu'il "
            "rejoint ne le protège pas.</p>"
        ),
        QUOTE_CAREERS,
        heading("Où en est le programme ?"),
        paragraph(
            "<p>Le programme s'adresse aux 1 000 conseillers jeunesse de France Travail en "
            "Île-de-France. Le service est intégré à DORA, qui permet aux agents du service "
            "public d'orienter les jeunes demandeurs d'emploi vers ce dispositif. Des échanges "
            "sont en cours avec Unis-Cité, pour le proposer aux jeunes volontaires du Service "
            "civique, et avec France Travail à La Réunion, pour le déployer sur l'île.</p>"
        ),
        key_figures("Le programme en Île-de-France", FIGURE_ADVISERS),
        call_to_action(
            "S'inscrire à un groupe, un atelier ou un webinaire",
            "Toutes les informations pratiques sont réunies dans l'espace France Travail.",
            "Aller à l'espace France Travail",
            "/francetravail/",
        ),
    ],
)

STOP_CYBERVIOLENCE = DemoProgramme(
    path="programmes/stop-cyberviolences",
    title="STOP Cyberviolences",
    intro=(
        "Mené avec des associations et des chercheurs en France et au Québec, le programme "
        "donne aux établissements, aux élèves et aux parents des outils concrets : modules "
        "de prévention, sessions avec des experts, conseils de psychologues."
    ),
    search_description=(
        "STOP Cyberviolences : modules de prévention, sessions avec un expert et une "
        "psychologue, accompagnement des jeunes, du CM1 à la terminale."
    ),
    promise=(
        "Prévenir les cyberviolences, les repérer et accompagner les jeunes victimes, témoins "
        "et auteurs, du CM1 à la terminale."
    ),
    audiences=("jeunes", "parents", "equipes-educatives"),
    services=(
        Service(
            "Modules de prévention en ligne",
            "4 thèmes de 45 minutes, accessibles à tout moment",
            "En trois versions : élèves, équipes pédagogiques, parents. Avec des boutons de "
            "signalement et un baromètre des cyberviolences à l'échelle de l'établissement.",
        ),
        Service(
            "Sessions d'approfondissement avec un expert et une psychologue",
            "Chaque mois en ligne, ou dans l'établissement à la demande",
            "Les sessions en ligne sont ouvertes à toutes et à tous.",
        ),
        Service(
            "Conseils anonymes de psychologues",
            "En ligne",
            "Pour les victimes, les témoins et les auteurs de cyberviolences.",
        ),
        Service(
            "Groupes d'échanges pour les jeunes victimes",
            "En ligne, animés par des psychologues",
            "Un espace de parole anonyme pour se reconstruire avec d'autres jeunes.",
        ),
    ),
    actions=(
        ("Être contacté", "/etre-contacte/"),
        ("S'inscrire à une session d'approfondissement", "/agenda/"),
    ),
    partners=(
        "Génération Numérique",
        "L'École des Réseaux Sociaux",
        "Laboratoire EMA, CY Cergy Paris Université",
        "Stop Cyberviolences (Québec)",
        "Institut Pacifique",
        "Université de Montréal",
        "Groupe Astek",
        "Data for Good",
        "Innovation Lab de l'université Concordia",
    ),
    body=[
        heading("Pourquoi ce programme ?"),
        paragraph(
            "<p>Les établissements scolaires que nous avons interrogés le confirment : les "
            "situations de cyberviolences vécues par les élèves ont doublé en un an. Leurs "
            "conséquences se font sentir dans la vie réelle : sur les apprentissages, le "
            "bien-être, la persévérance scolaire et le climat de l'établissement. Face à cette "
            "menace souvent invisible, les adultes se sentent démunis.</p>"
        ),
        heading("Pour qui ?"),
        paragraph(
            "<p>Pour les élèves, du CM1 à la terminale, leurs équipes pédagogiques et leurs "
            "parents. Le programme accompagne les jeunes victimes, mais aussi les témoins et "
            "les auteurs de cyberviolences.</p>"
        ),
        heading("Prévenir, comprendre, accompagner, assister"),
        paragraph(
            "<p>Le programme réunit la prévention, le signalement et l'accompagnement. Des "
            "agents conversationnels, en cours de développement avec "
            '<a href="/programmes/monster-messenger/">Monster Messenger</a>, aideront les '
            "jeunes lors de leurs échanges en ligne, et les enseignants et les parents à "
            "répondre à leurs questions, en classe comme à la maison.</p>"
            "<p>Le programme offre un cadre pour réaliser 4 des 10 heures annuelles de "
            "sensibilisation prévues par le programme pHARe de lutte contre le "
            "harcèlement.</p>"
        ),
        key_figures(
            "En chiffres",
            FIGURE_CYBERVIOLENCE_DOUBLED,
            FIGURE_PREVENTION_HOURS,
            FIGURE_PILOT_SCHOOLS,
        ),
        heading("En France et au Québec"),
        paragraph(
            "<p>En France, le programme est mené avec l'association Génération Numérique, "
            "L'École des Réseaux Sociaux et le laboratoire EMA (École, mutations, "
            "apprentissages) de CY Cergy Paris Université. Au Québec, il est développé avec "
            "l'organisme Stop Cyberviolences, l'Institut Pacifique et l'Université de "
            "Montréal.</p>"
            "<p>Il a reçu de nombreux soutiens, notamment celui du Premier ministre en juin "
            "2024 et du ministère de l'Éducation du Québec. Le recteur de l'académie "
            "d'Orléans-Tours a manifesté son intérêt pour en faire l'académie pilote, sous "
            "réserve que le programme trouve ses financements.</p>"
            "<p>Votre établissement souhaite participer ? Écrivez-nous à "
            f"{EMAIL_LINK}.</p>"
        ),
        QUOTE_PRIME_MINISTER,
        QUOTE_RECTOR,
        heading("Tu es victime de cyberviolences ?"),
        paragraph(
            "<p>Garde une trace des messages (captures d'écran) et appelle le 3018 : c'est "
            "gratuit, anonyme et confidentiel. Le 3018 peut aussi t'aider à faire supprimer "
            "des contenus.</p>"
        ),
        paragraph(
            "<p>Vous êtes un établissement scolaire ou un partenaire ? "
            '<a href="/demander-une-intervention/?programme=stop-cyberviolences">'
            "Demandez une intervention STOP Cyberviolences</a>.</p>"
        ),
        call_to_action(
            "Un jeune est concerné ?",
            "Jeunes et familles : demandez à être contacté par notre équipe.",
            "Être contacté",
            "/etre-contacte/",
        ),
        helplines(),
    ],
)

MONSTER_MOODS = DemoProgramme(
    path="programmes/monster-moods",
    title="Monster Moods",
    # « Perspectives 2025 » of the 2024 activity report: a project, not an offer yet.
    status="en_developpement",
    intro=(
        "Un projet de l'association pour 2025 : un jeu des émotions où, avec de petites "
        "créatures et des « monstres des émotions », les enfants rejoueront leur journée "
        "à l'école, à la maison, au parc de jeux et dans le monde numérique."
    ),
    search_description=(
        "Monster Moods, projet 2025 des Centres Relier : un jeu des émotions pour les "
        "enfants de 3 à 6 ans, à jouer avec les enseignants ou les parents."
    ),
    promise=(
        "Projet pour 2025 : un jeu de société pour aider les enfants de 3 à 6 ans à "
        "comprendre leurs émotions, à l'école comme à la maison."
    ),
    audiences=("jeunes", "parents", "equipes-educatives"),
    age_min=3,
    age_max=6,
    services=(
        Service(
            "Le jeu des émotions Monster Moods (en projet)",
            "Prévu en classe ou à la maison, avec un adulte",
            "Un jeu de société ludique et éducatif, en quatre univers (l'école, la maison, le "
            "parc de jeux, le monde numérique), pour mieux comprendre les situations que "
            "l'enfant traverse. Le jeu n'est pas encore disponible.",
        ),
    ),
    actions=(("Découvrir nos programmes disponibles", "/programmes/"),),
    body=[
        heading("Un projet pour 2025"),
        paragraph(
            "<p>Monster Moods figure parmi les « Perspectives 2025 » de notre rapport "
            "d'activité 2024. Ce n'est pas encore un programme que nous proposons : le jeu "
            "n'est pas disponible et il n'y a pas d'inscription. Nous annoncerons ici son "
            "lancement.</p>"
        ),
        heading("Pour qui ?"),
        paragraph(
            "<p>Pour les enfants de 3 à 6 ans, au moment de leur entrée à l'école maternelle, "
            "avec leurs enseignants ou leurs parents.</p>"
        ),
        heading("Pourquoi dès la maternelle ?"),
        paragraph(
            "<p>L'entrée en maternelle est le premier des quatre moments de vie où nous "
            "voulons accompagner les enfants, de leur entrée dans le collectif jusqu'à leur "
            "entrée dans l'emploi. Viendront ensuite le premier téléphone portable, avec "
            '<a href="/programmes/monster-messenger/">Monster Messenger</a>, la scolarité de '
            "l'école primaire au lycée, avec "
            '<a href="/programmes/stop-cyberviolences/">STOP Cyberviolences</a>, puis '
            "l'entrée dans le monde du travail, avec "
            '<a href="/programmes/relier-vers-lemploi/">Relier vers l\'emploi</a>.</p>'
            "<p>Pour suivre le projet, écrivez-nous à "
            f"{EMAIL_LINK}.</p>"
        ),
    ],
)

MONSTER_MESSENGER = DemoProgramme(
    path="programmes/monster-messenger",
    title="Monster Messenger",
    status="en_developpement",
    intro=(
        "Monster Messenger proposera aux jeunes des stratégies pour surmonter les situations "
        "qui les perturbent en ligne, et les aidera à trouver de l'aide auprès de leur "
        "entourage."
    ),
    search_description=(
        "Monster Messenger, l'agent conversationnel des Centres Relier qui guidera les "
        "jeunes dans leurs échanges en ligne : en développement."
    ),
    promise=(
        "Un agent conversationnel qui guide les jeunes dans leurs échanges en ligne, dès "
        "leur premier téléphone portable."
    ),
    audiences=("jeunes", "parents", "equipes-educatives"),
    services=(
        Service(
            "Un guide pour les jeunes",
            "Pendant leurs échanges en ligne",
            "L'agent propose des stratégies pour surmonter les situations qui perturbent le "
            "jeune et l'aide à trouver de l'aide auprès de son entourage. En cas de situation "
            "grave, il l'oriente vers les personnes-ressources et les services d'aide de "
            "l'académie et du territoire.",
        ),
        Service(
            "Des agents pour les parents et les enseignants",
            "En classe et à la maison",
            "Pour mieux répondre aux questions des jeunes et les accompagner dans leurs "
            "pratiques en ligne.",
        ),
    ),
    actions=(("Être contacté", "/etre-contacte/"),),
    partners=("Data for Good", "Innovation Lab de l'université Concordia"),
    body=[
        heading("Le premier téléphone portable, un moment clé"),
        paragraph(
            "<p>Le premier téléphone portable est le deuxième des quatre moments de vie où "
            "nous voulons accompagner les jeunes, après l'entrée en maternelle avec "
            '<a href="/programmes/monster-moods/">Monster Moods</a>. C\'est souvent là que '
            "commencent les premières interactions en ligne, et parfois les premières "
            "situations qui blessent.</p>"
        ),
        heading("Où en est le projet ?"),
        paragraph(
            "<p>Monster Messenger est en développement. Nous le construisons depuis 2025 avec "
            "le collectif engagé Data for Good et l'Innovation Lab de l'université Concordia. "
            "Nous discutons avec un opérateur téléphonique pour que l'agent soit proposé au "
            "moment de l'achat du premier téléphone portable.</p>"
        ),
        accordion(
            "Questions fréquentes",
            (
                "Monster Messenger remplace-t-il les adultes ?",
                "<p>Non. Il aide le jeune à trouver de l'aide auprès de son entourage et, en "
                "cas de situation grave, l'oriente vers les bonnes personnes. D'autres agents "
                "aident les parents et les enseignants à mieux répondre à ses questions.</p>",
            ),
            (
                "Mon enfant vit déjà des cyberviolences : que faire ?",
                "<p>Gardez une trace des messages (captures d'écran) et appelez le 3018 : "
                "c'est gratuit, anonyme et confidentiel. Vous pouvez aussi demander à être "
                "contacté par notre équipe et découvrir le programme "
                '<a href="/programmes/stop-cyberviolences/">STOP Cyberviolences</a>.</p>',
            ),
            (
                "Quand pourra-t-on l'utiliser ?",
                "<p>Nous annoncerons son ouverture sur cette page. Pour suivre le projet, "
                f"écrivez-nous à {EMAIL_LINK}.</p>",
            ),
        ),
        helplines(),
    ],
)

# Creation order (pages below /programmes/ in this order).
PAGES = [
    PROGRAMMES,
    RESOURCES,
    REBUILD_TOGETHER,
    TOWARDS_EMPLOYMENT,
    STOP_CYBERVIOLENCE,
    MONSTER_MOODS,
    MONSTER_MESSENGER,
]

# --- Partners (snippets), only organisations the documents name -----------------------
# In editors' order: patrons, institutions, action partners, scientific partners,
# operators. Which programme each one supports is said on the programme above.

PARTNERS = [
    DemoPartner(
        "Fondation pour l'enfance",
        "mecene",
        "Le projet Relier est lauréat 2021 de la Fondation pour l'enfance.",
        "000 (témoignage de Clémence Lisembard)",
    ),
    DemoPartner(
        "Groupe Dassault",
        "mecene",
        "Soutient le dispositif « Se reconstruire ensemble ».",
        "000 (témoignage de Marie-Hélène Habert)",
    ),
    DemoPartner(
        "Banque des Territoires",
        "mecene",
        "Soutient le programme « Prévenir le cyberharcèlement des enfants » à La Réunion.",
        "002 (Zoom sur le programme mené avec l'appui de la Banque des territoires)",
    ),
    DemoPartner(
        "Fondation Ramsay Santé",
        "mecene",
        "Grâce à elle, notre système de suivi des jeunes est ouvert à d'autres associations.",
        "002 (Aider les autres associations)",
    ),
    DemoPartner(
        "Groupe Astek",
        "mecene",
        "Ses consultants développent, en mécénat de compétences, la plateforme STOP "
        "Cyberviolences et notre système d'information.",
        "002 (Les équipes investies ; développement de la plateforme)",
    ),
    DemoPartner(
        "France Travail Île-de-France",
        "institutionnel",
        "Partenaire du programme Relier vers l'emploi.",
        "002 (Relier vers l'emploi)",
    ),
    DemoPartner(
        "Ville d'Évry-Courcouronnes",
        "institutionnel",
        "Le dispositif Relier y est mis en œuvre.",
        "000 (témoignage de Corinne Bourgeois), 002 (Essonne)",
    ),
    DemoPartner(
        "CAF de La Réunion",
        "institutionnel",
        "Soutient l'accompagnement des jeunes à Sainte-Marie, à La Réunion.",
        "002 (Zoom sur le programme mené avec l'appui de la Banque des territoires)",
    ),
    DemoPartner(
        "Make.org Foundation",
        "action",
        "Accompagne le déploiement national de « Se reconstruire ensemble » et la recherche "
        "de financements.",
        "000",
    ),
    DemoPartner(
        "Génération Numérique",
        "action",
        "Association partenaire de STOP Cyberviolences en France.",
        "002 (Les partenaires du programme STOP Cyberviolences)",
    ),
    DemoPartner(
        "L'École des Réseaux Sociaux",
        "action",
        "Association partenaire de STOP Cyberviolences ; son jeu de cartes de prévention est "
        "distribué dans les écoles et les collèges de La Réunion.",
        "002 (Les partenaires du programme STOP Cyberviolences ; La Réunion)",
    ),
    DemoPartner(
        "Stop Cyberviolences (Québec)",
        "action",
        "Organisme partenaire de STOP Cyberviolences au Québec.",
        "002 (Les partenaires du programme STOP Cyberviolences)",
    ),
    DemoPartner(
        "Institut Pacifique",
        "action",
        "Organisme partenaire de STOP Cyberviolences au Québec.",
        "002 (Les partenaires du programme STOP Cyberviolences)",
    ),
    DemoPartner(
        "Unis-Cité",
        "action",
        "Partenaire pour proposer Relier vers l'emploi aux jeunes volontaires du Service civique.",
        "002 (Plan de déploiement ; La Réunion)",
    ),
    DemoPartner(
        "ANPEIP La Réunion",
        "action",
        "Partenaire des sensibilisations destinées aux parents, à La Réunion.",
        "002 (Le déploiement territorial à La Réunion)",
    ),
    DemoPartner(
        "Data for Good",
        "action",
        "Collectif engagé qui développe avec nous l'agent conversationnel Monster Messenger "
        "et le baromètre des cyberviolences.",
        "002 (STOP Cyberviolences ; Monster Messenger)",
    ),
    DemoPartner(
        "Innovation Lab de l'université Concordia",
        "action",
        "Accompagne l'adaptation de STOP Cyberviolences au Québec et le développement de "
        "Monster Messenger.",
        "002 (Adaptation du programme au Québec ; Monster Messenger)",
    ),
    DemoPartner(
        "Laboratoire EMA, CY Cergy Paris Université",
        "scientifique",
        "Laboratoire de recherche École, mutations, apprentissages, partenaire de STOP "
        "Cyberviolences.",
        "002 (Les partenaires du programme ; conseil scientifique)",
    ),
    DemoPartner(
        "Université de Montréal",
        "scientifique",
        "Des chercheurs de sa Faculté des sciences de l'éducation forment l'équipe "
        "scientifique de STOP Cyberviolences au Québec.",
        "002 (L'équipe scientifique de STOP Cyberviolences)",
    ),
    DemoPartner(
        "Université Lumière Lyon 2",
        "scientifique",
        "Une doctorante de l'université évalue l'impact de nos actions depuis plus de trois ans.",
        "002 (Mesure d'impact)",
    ),
    DemoPartner(
        "Centre social Adésir",
        "operateur",
        "Coordonne l'accompagnement des jeunes à Sainte-Marie, à La Réunion.",
        "002 (Le déploiement territorial à La Réunion)",
    ),
]

# Organisations an earlier demo content listed as partners although the documents do not
# make them one: the demo step removes them from existing sites. The rector of the
# Académie d'Orléans-Tours committed to STOP Cyberviolences only « sous réserve que les
# porteurs du projet parviennent à trouver des sources de financement » (002, letter of
# 6 July 2023): an interest, not a partnership.
WITHDRAWN_PARTNERS = ["Académie d'Orléans-Tours"]

# --- Kits for schools and parents (Kit snippets at /ressources/) ----------------------
# Each PDF is a small real document written from the seeds, made once by
# scripts/make_demo_pdfs.py and shipped in programmes/demo_files/.

KITS = [
    DemoKit(
        title="Kit parents : mobiliser l'établissement scolaire",
        summary=(
            "Pour les parents d'élèves qui veulent que l'école, le collège ou le lycée de "
            "leur enfant agisse contre les cyberviolences. Le kit présente ce que le "
            "programme STOP Cyberviolences apporte à l'établissement, propose quatre étapes "
            "pour en parler avec la direction, et rappelle quoi faire si votre enfant est "
            "concerné."
        ),
        filename="kit-parents-mobiliser-etablissement.pdf",
        format="guide",
        audiences=("parents",),
        school_levels=("elementaire", "college", "lycee"),
        programme="stop-cyberviolences",
    ),
    DemoKit(
        title="STOP Cyberviolences : présentation des modules de prévention",
        summary=(
            "Les quatre volets du programme (prévenir, comprendre, accompagner, assister) et "
            "ses modules de prévention en ligne : 4 thèmes de 45 minutes, en versions "
            "élèves, équipes pédagogiques et parents, du CM1 à la terminale. Pour préparer "
            "la mise en place du programme dans un établissement, dans le cadre des heures "
            "de sensibilisation du programme pHARe."
        ),
        filename="stop-cyberviolences-modules-prevention.pdf",
        format="presentation",
        audiences=("eleves", "equipes-pedagogiques", "parents"),
        school_levels=("elementaire", "college", "lycee"),
        programme="stop-cyberviolences",
    ),
    DemoKit(
        title="Maux d'enfants, mode d'emploi : présentation du guide",
        summary=(
            "Notre guide recense, sur chaque territoire, les structures qui peuvent aider "
            "les jeunes en souffrance et leurs familles. Cette présentation explique à quoi "
            "il sert et comment y trouver une structure près de chez vous, et rappelle les "
            "numéros d'aide nationaux et gratuits."
        ),
        filename="maux-d-enfants-presentation-du-guide.pdf",
        format="guide",
        audiences=("parents", "equipes-pedagogiques"),
        school_levels=("maternelle", "elementaire", "college", "lycee"),
        programme="se-reconstruire-ensemble",
    ),
    DemoKit(
        title="Fiche enseignants : repérer et accompagner un élève ciblé par le harcèlement",
        summary=(
            "Une fiche pratique pour les équipes pédagogiques et éducatives : ce qui peut "
            "alerter, comment réagir avec la direction et la famille, et comment orienter un "
            "élève vers les Centres Relier. Avec les numéros d'aide à afficher ou à "
            "transmettre."
        ),
        filename="fiche-enseignants-reperer-accompagner.pdf",
        format="fiche",
        audiences=("equipes-pedagogiques",),
        school_levels=("elementaire", "college", "lycee"),
        programme="se-reconstruire-ensemble",
    ),
]


# --- Summary box (« En bref ») and card pictogram of each programme page ---------------
# Only what the documents say: a line left out is not shown on the page.
SUMMARIES = {
    "programmes/se-reconstruire-ensemble": {
        "icon": "chat-heart",
        "schedule": "Chaque semaine, en ligne : groupes d'échanges entre jeunes et Question Psy",
        "duration": "Selon les besoins de chaque jeune : d'un seul échange à un "
        "accompagnement dans la durée",
        "cost": "Séances d'information gratuites pour les parents",
        "how_to_join": "Demandez à être contacté, ou faites-vous orienter par un "
        "professionnel qui vous accompagne.",
    },
    "programmes/relier-vers-lemploi": {
        "icon": "briefcase",
        "schedule": "Groupes d'échanges chaque semaine ; ateliers et webinaires tous les 15 "
        "jours, en visio ou en agence",
        "how_to_join": "Par votre conseiller France Travail, ou depuis l'espace France "
        "Travail de ce site.",
    },
    "programmes/stop-cyberviolences": {
        "icon": "shield-check",
        "schedule": "Modules en ligne accessibles à tout moment ; sessions "
        "d'approfondissement chaque mois, en ligne",
        "duration": "4 modules de prévention de 45 minutes",
        "how_to_join": "Écrivez-nous pour que votre établissement rejoigne le programme.",
    },
    "programmes/monster-moods": {"icon": "heart"},
    "programmes/monster-messenger": {"icon": "chat-heart"},
}
