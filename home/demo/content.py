"""French texts of the demo site, as plain data.

Every fact, figure and quotation comes from the association's public documents
(see /work/shared/seeds/README.md): the Make.org Foundation page on « Se reconstruire
ensemble » (000), the Centres Relier leaflet (001), the 2024 activity report (002), the
« Violences, parlons-en » project (003) and the Make.org « Grande cause » results (004).
No personal data is invented: quotations keep the author given by the document.

Bodies use the raw StreamField format ({"type": …, "value": …}). A call-to-action
link names its target page by public path (``PageLink("/etre-contacte/")``) and a
key-figures block names its figures (``Figure`` values of ``FIGURES``); the builder
resolves them to the page and to the « Chiffres clés » snippet. Pages are created in
the order of ``PAGES`` (their order in the menus), a page linking to a later one being
created once its target exists. Typography (non-breaking spaces before ? ! : ; %,
inside « », in 1 000) is applied by the builder, so the texts below use ordinary spaces.

This module imports nothing from Django: scripts/make_demo_pdfs.py reads the kits here.
"""

from dataclasses import dataclass, field

PUBLIC_EMAIL = "contact@centresrelier.org"  # leaflet (001), the association's own contact
EMAIL_LINK = f'<a href="mailto:{PUBLIC_EMAIL}">{PUBLIC_EMAIL}</a>'


@dataclass(frozen=True)
class PageLink:
    """A page of the demo tree named by its public path, e.g. "/etre-contacte/"."""

    path: str


@dataclass(frozen=True)
class Figure:
    """An impact figure (« Chiffres clés » snippet), found again by value and label."""

    value: str
    label: str
    period: str = ""
    source: str = ""


@dataclass(frozen=True)
class DemoPage:
    path: str  # public path without slashes at the ends, e.g. "programmes/monster-moods"
    title: str
    intro: str
    search_description: str
    body: list = field(default_factory=list)
    show_in_menus: bool = False
    # "standard" (StandardPage), "programme_index", "resources" or "programme".
    page_type: str = "standard"

    @property
    def slug(self):
        return self.path.rsplit("/", 1)[-1]

    @property
    def parent_path(self):
        return self.path.rpartition("/")[0]

    @property
    def url(self):
        return f"/{self.path}/"


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
    filename: str  # in home/demo/files/, made by scripts/make_demo_pdfs.py
    format: str  # guide, fiche, presentation, module, affiche
    audiences: tuple  # slugs of programmes.KitAudience
    school_levels: tuple  # slugs of programmes.SchoolLevel
    programme: str  # slug of the programme page below /programmes/


# --- StreamField blocks (raw format, see home/blocks.py) -------------------------------


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, author="", context=""):
    return {"type": "quote", "value": {"quote": text, "author": author, "context": context}}


def key_figures(title, *figures):
    """Key figures chosen among ``FIGURES`` (the builder replaces them by snippet ids)."""
    return {"type": "key_figures", "value": {"title": title, "figures": list(figures)}}


def call_to_action(title, text, label, path):
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "link": {"label": label, "page": PageLink(path), "url": ""},
        },
    }


def accordion(title, *items):
    return {
        "type": "accordion",
        "value": {
            "title": title,
            "items": [{"question": question, "answer": answer} for question, answer in items],
        },
    }


def helplines(title="Besoin d'aide maintenant ?"):
    return {"type": "helplines", "value": {"title": title}}


# --- Impact figures (« Chiffres clés » snippets), with period and source ---------------

SOURCE_MAKE_ORG = "Make.org Foundation, page « Se reconstruire ensemble »"  # seed 000
SOURCE_REPORT_2024 = "Rapport d'activité 2024 des Centres Relier"  # seed 002
SCHOOL_YEAR_2024 = "Année scolaire 2023-2024"

FIGURE_ONE_IN_THREE = Figure(
    "1 jeune sur 3",
    "souffre des conséquences du harcèlement",
    source="UNESCO, cité par Make.org Foundation",
)
FIGURE_700000 = Figure(
    "700 000",
    "élèves victimes de harcèlement scolaire chaque année",
    source=SOURCE_MAKE_ORG,
)
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
FIGURE_SUPPORTED_2024 = Figure(
    "291",
    "jeunes ciblés par le harcèlement accompagnés, avec leur famille",
    SCHOOL_YEAR_2024,
    SOURCE_REPORT_2024,
)
FIGURE_YOUTH_AWARENESS_2024 = Figure(
    "1 507", "jeunes sensibilisés", SCHOOL_YEAR_2024, SOURCE_REPORT_2024
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
FIGURE_TOWNS = Figure(
    "74",
    "communes d'où viennent les jeunes que nous accompagnons",
    "2024",
    SOURCE_REPORT_2024,
)
FIGURE_PARTNERS = Figure(
    "57",
    "partenaires soutenus : établissements scolaires et acteurs du territoire",
    "2024",
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

# Every figure the demo creates, in this order (a figure used in a body must be here).
FIGURES = [
    FIGURE_ONE_IN_THREE,
    FIGURE_700000,
    FIGURE_SUPPORTED_2024,
    FIGURE_YOUTH_AWARENESS_2024,
    FIGURE_ADULT_AWARENESS_2024,
    FIGURE_SUPPORTED_SINCE_START,
    FIGURE_TOWNS,
    FIGURE_PARTNERS,
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

QUOTE_FLORE = quote(
    # "qui ne sentent pas bien" in the report: the missing "se" is restored.
    "Relier m'a permis de me changer les idées. Ça m'a fait du bien et ça m'a redonné "
    "confiance en moi. J'aimerais en parler à d'autres enfants qui ne se sentent pas bien, "
    "ça va les aider.",
    "Flore, 13 ans",
    "Rapport d'activité 2024",
)
QUOTE_FAMILY = quote(
    "Merci pour tout ce que vous faites. On se sent entendu.",
    "Une famille",
    "Rapport d'activité 2024",
)
QUOTE_FONDATION_ENFANCE = quote(
    "Le projet Relier est lauréat 2021 de la Fondation pour l'enfance. En l'accompagnant, "
    "je constate chaque jour son impact grandissant. Relier les enfants harcelés à leur "
    "environnement, c'est lutter efficacement contre le harcèlement scolaire et l'exclusion "
    "sociale des enfants.",
    "Clémence Lisembard",
    "Responsable des missions sociales, Fondation pour l'enfance",
)
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
WRITE_TO_US = (
    f"<p>En attendant, écrivez-nous à {EMAIL_LINK} : quelques mots et un moyen de vous "
    "recontacter suffisent. Vous n'avez pas besoin de tout raconter par écrit.</p>"
)

# --- Pages ------------------------------------------------------------------------------

HOME = DemoPage(
    path="",
    title="Les Centres Relier",
    intro=(
        "Nous aidons les jeunes victimes de harcèlement scolaire et de cyberviolences à se "
        "reconstruire, et nous soutenons leurs parents et les professionnels qui les "
        "entourent."
    ),
    search_description=(
        "Les Centres Relier aident les jeunes victimes de harcèlement scolaire et de "
        "cyberviolences, et leurs parents, à se reconstruire."
    ),
    body=[
        heading("Qui sommes-nous ?"),
        paragraph(
            "<p>Les Centres Relier sont une association portée par un collectif d'experts. "
            "Notre équipe de psychologues, d'écoutants et de bénévoles accompagne les jeunes "
            "ciblés par le harcèlement, l'intimidation, la discrimination ou les "
            "cyberviolences, ainsi que leurs familles.</p>"
            "<p>Notre but : aider chaque jeune à reprendre confiance en lui-même et dans les "
            "adultes, à sortir de l'isolement et à poursuivre sa scolarité, sans se mettre en "
            "danger. Nous travaillons avec les établissements scolaires, les villes, les "
            "associations et les parents d'élèves, en Île-de-France et à La Réunion.</p>"
            "<p>Dans nos espaces de parole en ligne, anonymes et bienveillants, les jeunes "
            "découvrent qu'ils ont toute leur place dans un groupe, avec leur richesse, leur "
            "diversité et leur sensibilité. Et ils se sentent moins seuls.</p>"
        ),
        key_figures("Le harcèlement en chiffres", FIGURE_ONE_IN_THREE, FIGURE_700000),
        key_figures(
            "Notre action en 2023-2024",
            FIGURE_SUPPORTED_2024,
            FIGURE_YOUTH_AWARENESS_2024,
            FIGURE_TOWNS,
            FIGURE_PARTNERS,
        ),
        heading("Ce que nous proposons"),
        paragraph(
            "<ul>"
            "<li><b>Des groupes d'échanges en ligne</b>, chaque semaine : une dizaine de "
            "jeunes au plus, anonymes et sans webcam, parlent de leurs passions, de métiers, "
            "d'actualité. Les échanges sont encadrés par notre équipe.</li>"
            "<li><b>Question Psy</b> : chaque semaine, jeunes et familles posent leurs "
            "questions anonymement et écoutent aussi les réponses données aux autres.</li>"
            "<li><b>Des permanences de psychologues</b>, que les jeunes peuvent joindre à tout "
            "moment de leur accompagnement.</li>"
            "<li><b>Des groupes d'analyse des situations</b> pour les parents et les élèves "
            "ambassadeurs : prendre du recul et trouver comment agir depuis sa place.</li>"
            "<li><b>Des séances d'information</b> pour les adultes (parents, équipes "
            "éducatives, acteurs médicaux et sociaux) : mieux comprendre, savoir repérer et "
            "accompagner les jeunes concernés.</li>"
            "</ul>"
            '<p>Découvrez aussi <a href="/programmes/">nos programmes</a> et notre guide '
            "<a href=\"/guide/\">« Maux d'enfants, mode d'emploi »</a>, qui recense les "
            "structures qui peuvent aider les jeunes en souffrance près de chez vous.</p>"
        ),
        call_to_action(
            "Vous êtes un jeune ou un parent ?",
            "Vous vivez du harcèlement ou des cyberviolences, ou vous êtes inquiet pour votre "
            "enfant ? Demandez à être contacté par notre équipe.",
            "Être contacté",
            "/etre-contacte/",
        ),
        call_to_action(
            "Vous êtes un professionnel ?",
            "Établissement scolaire, service jeunesse, acteur de la santé, du social ou de "
            "l'emploi : orientez vers nous un jeune qui a besoin d'aide.",
            "Orienter un jeune",
            "/orienter-un-jeune/",
        ),
        heading("Ils en parlent"),
        QUOTE_FLORE,
        QUOTE_FAMILY,
        QUOTE_FONDATION_ENFANCE,
        heading("Nous soutenir"),
        paragraph(
            "<p>Nous avons besoin de votre soutien pour agir durablement. Vous pouvez vous "
            "engager à nos côtés par le mécénat de compétences, en contribuant à nos projets, "
            "ou par le mécénat financier. Pour en parler, écrivez-nous à "
            f"{EMAIL_LINK}.</p>"
        ),
        helplines(),
    ],
)

SAFE_BROWSING = DemoPage(
    path="naviguer-en-securite",
    title="Naviguer en sécurité",
    intro=(
        "Vous craignez que quelqu'un voie que vous consultez ce site ? Voici comment le "
        "quitter en un instant, naviguer sans laisser de traces et effacer votre historique."
    ),
    search_description=(
        "Quitter le site en un clic ou en appuyant trois fois sur Maj, navigation privée, "
        "historique, appareil partagé : naviguer en sécurité."
    ),
    body=[
        heading("Quitter le site en un instant"),
        paragraph(
            "<p>Sur chaque page, le bouton <b>« Quitter le site »</b>, en haut de l'écran, "
            "ouvre immédiatement un site neutre, sans rapport avec le nôtre. Sur un téléphone, "
            "il reste visible quand vous faites défiler la page.</p>"
            "<p>Sur un ordinateur, vous pouvez aussi <b>appuyer trois fois de suite sur la "
            "touche Maj</b> (la touche ⇧ Shift, celle des majuscules) : le site se ferme de "
            "la même façon. Si vous appuyez sur une autre touche entre-temps, le compte repart "
            "de zéro : vous pouvez donc écrire des majuscules dans un formulaire sans "
            "risque.</p>"
            "<p>Le bouton comme le raccourci <b>remplacent la page en cours dans l'historique "
            "du navigateur</b> : le bouton « Retour » ne ramène pas sur cette page. Attention : "
            "les autres pages de notre site que vous avez consultées restent dans "
            "l'historique. Pour ne laisser aucune trace, utilisez la navigation privée ou "
            "effacez votre historique, comme expliqué ci-dessous.</p>"
        ),
        heading("Utiliser la navigation privée"),
        paragraph(
            "<p>En navigation privée, le navigateur ne garde ni l'historique des pages "
            "visitées, ni les cookies, une fois la fenêtre fermée.</p>"
        ),
        heading("Sur un ordinateur", "h3"),
        paragraph(
            "<ul>"
            "<li>Chrome et Edge : touches Ctrl + Maj + N (Cmd + Maj + N sur Mac) ;</li>"
            "<li>Firefox : Ctrl + Maj + P (Cmd + Maj + P sur Mac) ;</li>"
            "<li>Safari sur Mac : Cmd + Maj + N.</li>"
            "</ul>"
        ),
        heading("Sur un téléphone ou une tablette", "h3"),
        paragraph(
            "<ul>"
            "<li>Chrome : touchez le menu (les trois points), puis « Nouvel onglet de "
            "navigation privée » ;</li>"
            "<li>Safari sur iPhone ou iPad : touchez le bouton des onglets, puis choisissez "
            "« Privée » ;</li>"
            "<li>Samsung Internet : touchez le bouton des onglets, puis « Activer le mode "
            "Secret ».</li>"
            "</ul>"
            "<p>Pensez à fermer la fenêtre privée quand vous avez fini. La navigation privée "
            "ne cache rien aux personnes qui regardent votre écran, ni au réseau de l'école "
            "ou de l'entreprise, et les fichiers téléchargés restent sur l'appareil.</p>"
        ),
        heading("Effacer votre historique"),
        paragraph(
            "<p>Vous pouvez effacer seulement les pages de notre site, sans tout supprimer : "
            "c'est plus discret.</p>"
        ),
        heading("Sur un ordinateur", "h3"),
        paragraph(
            "<ul>"
            "<li>Ouvrez l'historique du navigateur (Ctrl + H sous Windows, menu Historique "
            "sur Mac) ;</li>"
            "<li>cherchez « Centres Relier », sélectionnez les pages trouvées et "
            "supprimez-les ;</li>"
            "<li>pour tout effacer d'un coup : Ctrl + Maj + Suppr sous Windows, puis "
            "choisissez la période et validez.</li>"
            "</ul>"
        ),
        heading("Sur un téléphone ou une tablette", "h3"),
        paragraph(
            "<ul>"
            "<li>Chrome : menu (les trois points), « Historique », puis supprimez les pages "
            "une à une ou touchez « Effacer les données de navigation » ;</li>"
            "<li>Safari sur iPhone ou iPad : touchez le bouton des signets, puis l'onglet "
            "Historique, et faites glisser une page vers la gauche pour la supprimer. Pour "
            "tout effacer : Réglages, Safari, puis « Effacer historique, données de "
            "site ».</li>"
            "</ul>"
        ),
        heading("Sur un appareil partagé"),
        paragraph(
            "<ul>"
            "<li>Utilisez de préférence la navigation privée ;</li>"
            "<li>n'enregistrez pas vos mots de passe et déconnectez-vous de vos comptes "
            "(messagerie, réseaux sociaux) avant de rendre l'appareil ;</li>"
            "<li>si vous nous avez écrit, supprimez le message de vos éléments envoyés, "
            "puis de la corbeille ;</li>"
            "<li>si vous craignez que votre téléphone soit surveillé, utilisez un appareil de "
            "confiance : celui d'un ami ou d'un proche, ou un ordinateur en accès libre, au CDI "
            "ou à la médiathèque par exemple.</li>"
            "</ul>"
        ),
        heading("Ce que notre site enregistre"),
        paragraph(
            "<p>Notre site ne dépose <b>aucun cookie de suivi ou de publicité</b> et "
            "n'utilise <b>aucun outil de mesure d'audience</b>. Il ne charge aucun contenu "
            "venant d'autres sites (polices, vidéos, cartes). Seuls des cookies techniques, "
            "indispensables, peuvent être utilisés, par exemple pour sécuriser l'envoi d'un "
            "formulaire.</p>"
        ),
        heading("Besoin de parler à quelqu'un maintenant ?"),
        paragraph(
            "<p>Ces numéros sont gratuits. Le 3018 vous écoute et vous conseille en cas de "
            "harcèlement ou de cyberharcèlement. Le 119 répond à tout enfant en danger, et à "
            "tout adulte inquiet pour un enfant. Le 3114 répond si vous pensez au suicide ou "
            "si vous vous inquiétez pour un proche. En cas de danger immédiat, appelez le "
            "112.</p>"
        ),
        helplines(""),
        accordion(
            "Questions fréquentes",
            (
                "Le bouton « Quitter le site » efface-t-il tout mon historique ?",
                "<p>Non. Il remplace seulement la page en cours dans l'historique. Les autres "
                "pages de notre site que vous avez visitées y restent : utilisez la "
                "navigation privée ou effacez-les comme expliqué plus haut.</p>",
            ),
            (
                "Que se passe-t-il si j'appuie trois fois sur Maj par erreur ?",
                "<p>Vous arrivez sur le site neutre. Rien de grave : vous pouvez revenir sur "
                "notre site quand vous le souhaitez. Ce que vous aviez commencé à écrire dans "
                "un formulaire n'est pas conservé.</p>",
            ),
            (
                "Le raccourci Maj fonctionne-t-il sur un téléphone ?",
                "<p>Non, il faut un clavier. Sur un téléphone ou une tablette, touchez le bouton "
                "« Quitter le site », toujours visible en haut de l'écran.</p>",
            ),
            (
                "La navigation privée me rend-elle invisible ?",
                "<p>Non. Elle évite seulement que l'appareil garde une trace des pages "
                "visitées. Une personne qui regarde votre écran, ou le réseau de l'école ou de "
                "l'entreprise, peut toujours voir ce que vous consultez.</p>",
            ),
            (
                "Quelqu'un peut-il voir que j'ai appelé le 119 ?",
                "<p>L'appel au 119 est gratuit et n'apparaît pas sur les factures de "
                "téléphone. Il reste en revanche dans le journal d'appels de votre téléphone : "
                "vous pouvez l'en supprimer.</p>",
            ),
            (
                "Je reçois des messages blessants : dois-je les effacer ?",
                "<p>Avant de les supprimer, gardez-en une preuve (captures d'écran avec la "
                "date et le nom du compte) dans un endroit sûr. Le 3018, gratuit, anonyme et "
                "confidentiel, peut vous aider à faire supprimer ces contenus et à signaler "
                "les comptes.</p>",
            ),
        ),
    ],
)

REFERRAL = DemoPage(
    path="orienter-un-jeune",
    title="Orienter un jeune",
    intro=(
        "Vous êtes un professionnel et vous accompagnez un jeune ciblé par le harcèlement ou "
        "les cyberviolences ? Vous pouvez l'orienter vers les Centres Relier."
    ),
    search_description=(
        "Professionnels de l'éducation, de la santé, du social ou de l'emploi : orientez "
        "vers les Centres Relier un jeune victime de harcèlement."
    ),
    body=[
        heading("Qui peut nous orienter un jeune ?"),
        paragraph(
            "<p>Les équipes des établissements scolaires (direction, vie scolaire, "
            "enseignants, santé scolaire), les services jeunesse des collectivités, les "
            "associations, les acteurs médicaux et sociaux, les conseillers de France Travail "
            "et des missions locales.</p>"
        ),
        heading("Comment nous accompagnons le jeune"),
        paragraph(
            "<p>Chaque accompagnement s'adapte aux besoins et au contexte du jeune. Parfois, "
            "un seul échange avec les parents, avec l'équipe éducative, avec le relais "
            "territorial ou avec le jeune suffit. Dans d'autres situations, plusieurs "
            "interventions sont nécessaires dans la durée, pour éviter que le jeune ne se "
            "mette en danger. Certains jeunes trouvent aussi un cadre pour se reconstruire en "
            "participant, dans la durée, à nos groupes d'échanges en ligne entre pairs.</p>"
            "<p>À tout moment, les jeunes peuvent joindre une permanence de psychologues. "
            "Nous travaillons en alliance éducative : l'établissement, la famille et les "
            "acteurs du territoire construisent ensemble une solution qui rassure "
            "chacun.</p>"
            "<p>Pour les équipes éducatives, nous proposons aussi des séances d'information "
            "et des groupes d'analyse des situations : voir <a href=\"/agenda/\">l'agenda</a> "
            'et <a href="/programmes/">nos programmes</a>.</p>'
        ),
        heading("Le formulaire d'orientation arrive bientôt"),
        paragraph(
            "<p>Le formulaire en ligne sera disponible très prochainement sur cette page. En "
            f"attendant, écrivez-nous à {EMAIL_LINK} en indiquant votre structure, votre "
            "fonction et un moyen de vous joindre : nous vous recontacterons.</p>"
            "<p><b>Merci de ne pas écrire dans ce message le nom du jeune ni le détail de sa "
            "situation.</b> Nous recueillerons ensemble, de façon confidentielle, les "
            "informations utiles.</p>"
        ),
        heading("Si le jeune est en danger"),
        paragraph(
            "<p>Si vous pensez qu'un enfant est en danger ou risque de l'être, appelez le 119, "
            "gratuit, 24 h/24 et 7 j/7. En cas de danger immédiat, appelez le 112. Pour le "
            "harcèlement et le cyberharcèlement, le 3018 conseille les jeunes, les parents et "
            "les professionnels.</p>"
        ),
        helplines(""),
    ],
)

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
            'monster-moods/">Monster Moods</a> ;</li>'
            "<li>le premier téléphone portable, avec l'agent conversationnel <a href=\"/"
            'programmes/monster-messenger/">Monster Messenger</a>, en développement ;</li>'
            "<li>la scolarité de l'école primaire au lycée, avec "
            '<a href="/programmes/stop-cyberviolences/">STOP Cyberviolences</a> ;</li>'
            "<li>l'entrée dans le monde du travail, avec "
            '<a href="/programmes/relier-vers-lemploi/">Relier vers l\'emploi</a>.</li>'
            "</ol>"
            "<p>À chaque étape, "
            '<a href="/programmes/se-reconstruire-ensemble/">Se reconstruire ensemble</a> '
            "offre aux jeunes victimes des groupes de parole en ligne, et à leurs parents "
            "l'appui de psychologues spécialisés.</p>"
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

FRANCE_TRAVAIL = DemoPage(
    path="francetravail",
    title="Espace France Travail",
    show_in_menus=True,
    intro=(
        "Jeunes de moins de 26 ans, conseillers et psychologues du travail de France Travail : "
        "retrouvez ici les groupes, les ateliers et les webinaires du programme Relier vers "
        "l'emploi."
    ),
    search_description=(
        "Groupes d'échanges chaque semaine pour les moins de 26 ans, ateliers et webinaires "
        "tous les 15 jours : l'espace France Travail des Centres Relier."
    ),
    body=[
        paragraph(
            "<p>Les Centres Relier et France Travail Île-de-France accompagnent ensemble les "
            "jeunes qui ont vécu le harcèlement, l'intimidation ou la discrimination, pour "
            "les aider à trouver leur place dans le monde du travail. "
            '<a href="/programmes/relier-vers-lemploi/">En savoir plus sur le programme '
            "Relier vers l'emploi</a></p>"
        ),
        heading("Vous avez moins de 26 ans"),
        heading("Des groupes d'échanges, chaque semaine", "h3"),
        paragraph(
            "<p>En visio, anonymes et animés par des psychologues : pour reprendre confiance "
            "dans votre capacité à trouver votre place dans un groupe.</p>"
        ),
        heading("Des ateliers « La relation aux autres en entreprise », tous les 15 jours", "h3"),
        paragraph(
            "<p>En visio ou dans une agence France Travail : comment se passent les "
            "entretiens, comment se faire une place et construire des relations durables avec "
            "ses futurs collègues.</p>"
        ),
        heading("Vous êtes conseiller ou psychologue du travail"),
        heading("Des webinaires, tous les 15 jours", "h3"),
        paragraph(
            "<p>En visio ou en agence : pour savoir quand, à qui et comment proposer ces "
            "services aux jeunes que vous accompagnez. Le service est aussi référencé dans "
            "DORA.</p>"
        ),
        heading("Vous êtes une entreprise"),
        paragraph(
            "<p>Participez à un atelier pour mieux comprendre les appréhensions des jeunes. "
            "Une séance de préparation avec notre équipe a lieu avant chaque atelier.</p>"
        ),
        heading("S'inscrire"),
        paragraph(
            "<p>L'inscription en ligne ouvre bientôt : les formulaires prendront place sur les "
            "pages ci-dessous. En attendant, écrivez-nous à "
            f"{EMAIL_LINK} en indiquant ce qui vous intéresse : un groupe d'échanges, un "
            "atelier ou un webinaire. Nous vous répondrons pour vous proposer une date.</p>"
            "<p>Inutile de raconter votre histoire dans ce premier message : votre prénom et "
            "un moyen de vous recontacter suffisent.</p>"
        ),
        call_to_action(
            "Vous êtes conseiller : inscrire un jeune",
            "Orientez vers nous un jeune de moins de 26 ans qui a vécu le harcèlement, "
            "l'intimidation ou la discrimination. Le formulaire d'orientation arrive très "
            "bientôt sur cette page ; elle vous dit déjà comment nous joindre.",
            "Inscrire un jeune",
            "/orienter-un-jeune/",
        ),
        call_to_action(
            "Un webinaire ou un atelier vous intéresse ?",
            "Les dates des webinaires pour les conseillers et des ateliers « La relation aux "
            "autres en entreprise » seront publiées dans l'agenda, avec l'inscription en "
            "ligne. Merci de votre patience !",
            "S'inscrire à un webinaire ou un atelier",
            "/agenda/",
        ),
        helplines(),
    ],
)

AGENDA = DemoPage(
    path="agenda",
    title="Agenda",
    show_in_menus=True,
    intro=(
        "Groupes d'échanges, Question Psy, séances d'information, ateliers et webinaires : "
        "toutes nos dates seront bientôt réunies ici."
    ),
    search_description=(
        "L'agenda des Centres Relier : groupes d'échanges pour les jeunes, séances "
        "d'information pour les parents, ateliers et webinaires."
    ),
    body=[
        paragraph(
            "<p>L'agenda en ligne, avec les dates et l'inscription, arrive bientôt sur cette "
            "page. Voici déjà les rendez-vous que nous proposons régulièrement.</p>"
        ),
        heading("Pour les jeunes"),
        paragraph(
            "<ul>"
            "<li>Les groupes d'échanges en ligne entre jeunes : chaque semaine, anonymes ;</li>"
            "<li>Question Psy : chaque semaine, pour poser ses questions anonymement ;</li>"
            "<li>pour les moins de 26 ans accompagnés par France Travail : des groupes "
            "d'échanges chaque semaine et des ateliers « La relation aux autres en "
            'entreprise » tous les 15 jours (voir <a href="/francetravail/">l\'espace '
            "France Travail</a>).</li>"
            "</ul>"
        ),
        heading("Pour les parents et les professionnels"),
        paragraph(
            "<ul>"
            "<li>Des séances d'information pour mieux comprendre, repérer et accompagner les "
            "jeunes concernés ;</li>"
            "<li>les sessions d'approfondissement STOP Cyberviolences, avec un expert et une "
            "psychologue : chaque mois, en ligne, ouvertes à toutes et à tous ;</li>"
            "<li>les webinaires pour les conseillers et les psychologues du travail de France "
            "Travail : tous les 15 jours.</li>"
            "</ul>"
            "<p>Pour connaître les prochaines dates dès maintenant, écrivez-nous à "
            f"{EMAIL_LINK}.</p>"
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
            "<p>Nous ajouterons d'autres documents au fil des programmes, comme le jeu des "
            'émotions <a href="/programmes/monster-moods/">Monster Moods</a> pour la '
            "maternelle. Nos séances d'information aident aussi les adultes à mieux "
            "comprendre, repérer et accompagner un jeune concerné : voir "
            '<a href="/agenda/">l\'agenda</a>.</p>'
        ),
        paragraph(
            "<p>Vous cherchez un document en particulier, par exemple notre rapport d'activité "
            "2024 ou le bilan d'impact du programme « Se reconstruire ensemble » ? "
            f"Écrivez-nous à {EMAIL_LINK}.</p>"
        ),
    ],
)

CONTACT = DemoPage(
    path="etre-contacte",
    title="Être contacté",
    show_in_menus=True,
    intro=(
        "Vous vivez du harcèlement ou des cyberviolences, ou vous êtes inquiet pour votre "
        "enfant ? Demandez à être contacté par l'équipe des Centres Relier."
    ),
    search_description=(
        "Jeunes et familles : demandez à être contacté par l'équipe des Centres Relier si "
        "vous vivez du harcèlement ou des cyberviolences."
    ),
    body=[
        heading("Tu es jeune"),
        paragraph(
            "<p>Tu es harcelé à l'école, en dehors ou en ligne, ou tu te sens mis à l'écart ? "
            "Tu n'es pas seul, et ce n'est pas de ta faute. Tu peux rejoindre nos groupes "
            "d'échanges en ligne : anonymes, sans webcam, avec d'autres jeunes qui "
            "comprennent ce que tu vis. Tu peux aussi poser tes questions anonymement lors de "
            "Question Psy, ou parler à une psychologue lors d'une permanence.</p>"
        ),
        heading("Vous êtes parent ou proche"),
        paragraph(
            "<p>Vous vous inquiétez pour votre enfant et vous ne savez pas comment l'aider ? "
            "Nos psychologues peuvent vous accompagner. Vous pouvez aussi participer à nos "
            "séances d'information, aux groupes d'analyse des situations ou aux « cafés "
            "parents », pour échanger avec d'autres parents.</p>"
        ),
        heading("Comment nous joindre"),
        paragraph(
            "<p>Le formulaire de demande de contact arrive bientôt sur cette page.</p>"
            + WRITE_TO_US
            + "<p>Nous ne sommes pas un service d'urgence. Si tu es en danger ou si tu as "
            "besoin de parler à quelqu'un tout de suite, appelle l'un de ces numéros "
            "gratuits.</p>"
        ),
        helplines("Besoin de parler à quelqu'un maintenant ?"),
        call_to_action(
            "Vous utilisez un appareil partagé ?",
            "Découvrez comment quitter ce site en un instant et naviguer sans laisser de traces.",
            "Naviguer en sécurité",
            "/naviguer-en-securite/",
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
        "Groupes de parole en ligne pour les jeunes victimes de harcèlement et "
        "accompagnement des parents par des psychologues."
    ),
    promise=(
        "Des groupes de parole en ligne pour les jeunes victimes de harcèlement, et des "
        "psychologues aux côtés de leurs parents."
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
            "Les jeunes peuvent joindre une psychologue dès qu'ils en ont besoin.",
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
        Service(
            "Accompagnement des parents",
            "Individuel, avec une psychologue spécialisée",
            "Pour aider les parents à repérer ce que vit leur enfant et à le soutenir.",
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
                "<p>Non. L'heure de visioconférence avec une psychologue est gratuite.</p>",
            ),
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
        "Académie d'Orléans-Tours",
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
            "d'Orléans-Tours a manifesté son intérêt pour en faire l'académie pilote.</p>"
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
    intro=(
        "Avec de petites créatures et des « monstres des émotions », les enfants rejouent "
        "leur journée à l'école, à la maison, au parc de jeux et dans le monde numérique, "
        "accompagnés par leurs enseignants ou leurs parents."
    ),
    search_description=(
        "Monster Moods, le jeu des émotions des Centres Relier pour les enfants de 3 à 6 "
        "ans, à jouer avec les enseignants ou les parents."
    ),
    promise=(
        "Un jeu de société pour aider les enfants de 3 à 6 ans à comprendre leurs émotions, "
        "à l'école comme à la maison."
    ),
    audiences=("jeunes", "parents", "equipes-educatives"),
    age_min=3,
    age_max=6,
    services=(
        Service(
            "Le jeu des émotions Monster Moods",
            "En classe ou à la maison, avec un adulte",
            "Un jeu de société ludique et éducatif, en quatre univers (l'école, la maison, le "
            "parc de jeux, le monde numérique), pour mieux comprendre les situations que "
            "l'enfant traverse.",
        ),
    ),
    actions=(("Être contacté", "/etre-contacte/"),),
    body=[
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
        ),
        heading("Où en est le jeu ?"),
        paragraph(
            "<p>Monster Moods fait partie des projets que l'association développe à partir de "
            "2025. Pour en savoir plus, écrivez-nous à "
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

# Creation order: the order of the top-level pages shown in menus is the order of the
# main menu. A page whose call to action points to a later page is created once its
# target exists, and still takes its place in this order.
PAGES = [
    SAFE_BROWSING,
    REFERRAL,
    PROGRAMMES,  # menu 1
    FRANCE_TRAVAIL,  # menu 2
    AGENDA,  # menu 3
    # /guide/ (menu 4) comes from the guide app (guide/demo.py), placed before /ressources/.
    RESOURCES,  # menu 5
    CONTACT,  # menu 6
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
        "Académie d'Orléans-Tours",
        "institutionnel",
        "S'est engagée à accompagner le déploiement de STOP Cyberviolences.",
        "002 (lettre du recteur, 6 juillet 2023)",
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

# --- Kits for schools and parents (Kit snippets at /ressources/) ----------------------
# Each PDF is a small real document written from the seeds, made once by
# scripts/make_demo_pdfs.py and shipped in home/demo/files/.

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

SITE_SETTINGS = {
    "organisation_name": "Les Centres Relier",
    "contact_email": PUBLIC_EMAIL,
    "privacy_contact": PUBLIC_EMAIL,
}
