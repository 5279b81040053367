"""French texts of the site shell's demo pages, as plain data.

Every fact, figure and quotation comes from the association's public documents: the
Make.org Foundation page on « Se reconstruire ensemble » (000), the Centres Relier leaflet
(001), the 2024 activity report (002), the « Violences, parlons-en » project (003) and the
Make.org « Grande cause » results (004). No personal data is invented: quotations keep the
author given by the document. Each domain app keeps its own texts beside its `demo.py`
(e.g. `programmes/demo_content.py`) and reuses the types and block helpers below.

Bodies use the raw StreamField format ({"type": …, "value": …}). A call-to-action
link names its target page by public path (``PageLink("/etre-contacte/")``) and a
key-figures block names its figures (``Figure`` values); the builder resolves them to the
page and to the « Chiffres clés » snippet. Pages are created in the order of ``PAGES``,
a page linking to a later one being created once its target exists; top-level pages take
their place in ``TOP_LEVEL_ORDER`` (the order of the main menu), whichever app creates
them. Typography (non-breaking spaces before ? ! : ; %, inside « », in 1 000) is applied
by the builder, so the texts below use ordinary spaces.

This module imports nothing from Django: scripts/make_demo_pdfs.py reads it.
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
    # A key of the page models the app gives the builder ("standard": StandardPage).
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


def app_section(key):
    """« Section fournie par une application »: `key` is registered by its app (see
    home/app_sections.py); without that app, the section shows nothing."""
    return {"type": "app_section", "value": {"section": key}}


# The next France Travail dates of the agenda (events app: events.apps.FRANCE_TRAVAIL_DATES).
FRANCE_TRAVAIL_DATES = "events.france_travail_dates"


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

FIGURE_SUPPORTED_2024 = Figure(
    "291",
    "jeunes ciblés par le harcèlement accompagnés, avec leur famille",
    SCHOOL_YEAR_2024,
    SOURCE_REPORT_2024,
)

FIGURE_YOUTH_AWARENESS_2024 = Figure(
    "1 507", "jeunes sensibilisés", SCHOOL_YEAR_2024, SOURCE_REPORT_2024
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

# The figures of the shell pages, in this order (a figure used in a body must be in the
# FIGURES of the app whose page shows it; a figure two apps show is found again).
FIGURES = [
    FIGURE_ONE_IN_THREE,
    FIGURE_700000,
    FIGURE_SUPPORTED_2024,
    FIGURE_YOUTH_AWARENESS_2024,
    FIGURE_TOWNS,
    FIGURE_PARTNERS,
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
    # The home page stays short on a phone: the hero says who we are, each visitor's
    # first questions are answered on their entry page (ENTRY_PAGES below), linked from
    # the first screen; the body keeps the figures and one voice.
    body=[
        key_figures("Le harcèlement en chiffres", FIGURE_ONE_IN_THREE, FIGURE_700000),
        key_figures(
            "Notre action en 2023-2024", FIGURE_SUPPORTED_2024, FIGURE_YOUTH_AWARENESS_2024
        ),
        heading("Ils en parlent"),
        QUOTE_FLORE,
        # How to support us is on /association/ (« Nous soutenir »), linked from the menu.
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
        app_section(FRANCE_TRAVAIL_DATES),
        heading("S'inscrire"),
        paragraph(
            "<p>Choisissez une date ci-dessus ou dans l'agenda : l'inscription se fait en "
            "ligne, puis vous recevez une confirmation et un rappel avant la séance. Aucune "
            f"date ne vous convient ? Écrivez-nous à {EMAIL_LINK} en indiquant ce qui vous "
            "intéresse : un groupe d'échanges, un atelier ou un webinaire. Nous vous "
            "répondrons pour vous proposer une date.</p>"
            "<p>Inutile de raconter votre histoire dans ce premier message : votre prénom et "
            "un moyen de vous recontacter suffisent.</p>"
        ),
        call_to_action(
            "Vous êtes conseiller : inscrire un jeune",
            "Orientez vers nous un jeune de moins de 26 ans qui a vécu le harcèlement, "
            "l'intimidation ou la discrimination : le formulaire d'orientation prend cinq "
            "minutes, et nous contactons le jeune avec son accord.",
            "Inscrire un jeune",
            "/orienter-un-jeune/",
        ),
        call_to_action(
            "Un webinaire ou un atelier vous intéresse ?",
            "Les dates des webinaires pour les conseillers et des ateliers « La relation aux "
            "autres en entreprise » sont dans l'agenda, avec l'inscription en ligne.",
            "S'inscrire à un webinaire ou un atelier",
            "/agenda/",
        ),
        helplines(),
    ],
)

# --- Entry pages: one per visitor, linked from the home page's first screen -----------
# Each answers that visitor's first questions and ends with their next step.

YOUTH = DemoPage(
    path="jeunes",
    title="Tu es jeune",
    intro=(
        "Tu es harcelé à l'école, en dehors ou en ligne, ou tu te sens mis à l'écart ? Tu "
        "n'es pas seul, et ce n'est pas de ta faute. Voici ce que tu peux faire, et ce que "
        "nous te proposons."
    ),
    search_description=(
        "Jeunes victimes de harcèlement ou de cyberviolences : groupes d'échanges anonymes, "
        "Question Psy, psychologues, numéros d'aide gratuits."
    ),
    body=[
        accordion(
            "Tes premières questions",
            (
                "À qui en parler, tout de suite ?",
                "<p>À un adulte en qui tu as confiance : un parent, un professeur, la "
                "conseillère principale d'éducation, l'infirmière scolaire. Tu peux aussi "
                "appeler le 3018, gratuit, anonyme et confidentiel, 7 jours sur 7 de 9 h à "
                "23 h : il t'écoute et t'aide à faire supprimer des contenus en ligne. Le Fil "
                "Santé Jeunes (0 800 235 236) répond aux 12-25 ans qui vont mal. Si tu es en "
                "danger, appelle le 119 ou le 112.</p>",
            ),
            (
                "Que proposent les Centres Relier aux jeunes ?",
                "<ul>"
                '<li><b><a href="/agenda/groupe-echanges-jeunes/">Des groupes d\'échanges en '
                "ligne</a></b>, chaque semaine : une dizaine de jeunes au plus, anonymes et "
                "sans webcam, qui parlent de leurs passions, de métiers, d'actualité, avec "
                "notre équipe ;</li>"
                '<li><b><a href="/agenda/question-psy/">Question Psy</a></b>, chaque semaine : '
                "tu poses tes questions anonymement et tu écoutes aussi les réponses données "
                "aux autres ;</li>"
                '<li><b><a href="/permanences/">une permanence de psychologues</a></b>, où tu '
                "réserves toi-même un moment pour parler, par téléphone ou en visio.</li>"
                "</ul>",
            ),
            (
                "Je reçois des messages blessants : que faire des preuves ?",
                "<p>Avant de les supprimer, fais des captures d'écran avec la date et le nom "
                "du compte, et garde-les dans un endroit sûr. Le 3018 peut t'aider à signaler "
                "les comptes et à faire retirer les contenus.</p>",
            ),
            (
                "J'ai moins de 26 ans et je cherche un emploi",
                "<p>Avec France Travail, nous proposons des groupes d'échanges chaque semaine "
                "et des ateliers « La relation aux autres en entreprise » tous les 15 jours : "
                'voir <a href="/francetravail/">l\'espace France Travail</a>.</p>',
            ),
        ),
        paragraph(
            "<p><b>Parler à une psychologue ?</b> "
            '<a href="/permanences/">Réserve un moment</a> en deux minutes, par téléphone '
            "ou en visio : un pseudonyme suffit. Chaque semaine, tu peux aussi rejoindre "
            '<a href="/agenda/groupe-echanges-jeunes/">un groupe d\'échanges entre jeunes</a> '
            'ou <a href="/agenda/question-psy/">Question Psy</a>.</p>'
        ),
        call_to_action(
            "Et maintenant ?",
            "Demande à être contacté : quelqu'un de notre équipe te répond. Tu n'as pas besoin "
            "de tout raconter par écrit.",
            "Être contacté",
            "/etre-contacte/",
        ),
        helplines("Besoin de parler à quelqu'un maintenant ?"),
    ],
)

PARENTS = DemoPage(
    path="parents",
    title="Vous êtes parent",
    intro=(
        "Vous vous inquiétez pour votre enfant, harcelé à l'école ou en ligne, et vous ne "
        "savez pas comment l'aider ? Vous n'êtes pas seul : voici ce que nous proposons aux "
        "parents."
    ),
    search_description=(
        "Parents d'un enfant harcelé ou victime de cyberviolences : séances d'information, "
        "groupes d'analyse, cafés parents, permanences de psychologues."
    ),
    body=[
        accordion(
            "Vos premières questions",
            (
                "Comment savoir ce que vit mon enfant ?",
                "<p>Nos séances d'information, en ligne, permettent aux parents d'interroger "
                "une psychologue : comment repérer qu'un jeune est ciblé par le harcèlement et "
                "comment l'accompagner. Elles sont ouvertes aussi aux enseignants et aux "
                "acteurs du territoire : chacun entend les questions que se posent les "
                'autres. Les prochaines dates sont dans <a href="/agenda/">l\'agenda</a>.</p>',
            ),
            (
                "Que proposez-vous aux parents ?",
                "<ul>"
                '<li><b><a href="/permanences/">Des permanences de psychologues</a></b>, pour '
                "les jeunes et leurs familles, à réserver en ligne ;</li>"
                '<li><b><a href="/agenda/question-psy/">Question Psy</a></b>, chaque semaine : '
                "vos questions, posées anonymement ;</li>"
                "<li><b>des groupes d'analyse des situations</b>, pour prendre du recul et "
                "trouver comment agir depuis votre place ;</li>"
                "<li><b>des « cafés parents »</b>, pour échanger avec d'autres parents.</li>"
                "</ul>",
            ),
            (
                "Et mon enfant ?",
                "<p>Il peut rejoindre nos "
                '<a href="/agenda/groupe-echanges-jeunes/">groupes d\'échanges en ligne entre '
                "jeunes</a>, chaque semaine, anonymes et sans webcam, et "
                '<a href="/permanences/">réserver une permanence de psychologues</a> '
                "à tout moment de son accompagnement. Nous travaillons avec l'établissement "
                "scolaire, en alliance éducative, pour construire une solution qui rassure "
                "chacun.</p>",
            ),
            (
                "Mon enfant est en danger",
                "<p>Appelez le 119, gratuit, 24 h/24 et 7 j/7, pour tout enfant en danger ou "
                "si vous êtes inquiet. En cas de danger immédiat, appelez le 112. Pour le "
                "harcèlement et le cyberharcèlement, le 3018 conseille aussi les parents.</p>",
            ),
        ),
        paragraph(
            "<p><b>Parler à une psychologue ?</b> "
            '<a href="/permanences/">Réservez un moment</a> en deux minutes, par téléphone ou '
            "en visio. Chaque semaine, posez aussi vos questions anonymement à "
            '<a href="/agenda/question-psy/">Question Psy</a>, et votre enfant peut rejoindre '
            '<a href="/agenda/groupe-echanges-jeunes/">un groupe d\'échanges entre '
            "jeunes</a>.</p>"
        ),
        call_to_action(
            "Et maintenant ?",
            "Demandez à être contacté par notre équipe : quelques mots et un moyen de vous "
            "recontacter suffisent.",
            "Être contacté",
            "/etre-contacte/",
        ),
        QUOTE_FAMILY,
        helplines(),
    ],
)

PROFESSIONALS = DemoPage(
    path="professionnels",
    title="Vous êtes professionnel·le",
    intro=(
        "France Travail, missions locales, santé, social, services jeunesse, associations : "
        "vous accompagnez un jeune ciblé par le harcèlement, l'intimidation, la "
        "discrimination ou les cyberviolences ? Voici comment nous travaillons avec vous."
    ),
    search_description=(
        "Professionnels de l'emploi, de la santé et du social : orienter un jeune vers les "
        "Centres Relier, webinaires France Travail, séances d'information."
    ),
    body=[
        accordion(
            "Vos premières questions",
            (
                "Qui peut nous orienter un jeune ?",
                "<p>Les conseillers de France Travail et des missions locales, les acteurs "
                "médicaux et sociaux, les services jeunesse des collectivités, les "
                "associations et les équipes des établissements scolaires.</p>",
            ),
            (
                "Comment accompagnez-vous le jeune ?",
                "<p>Chaque accompagnement s'adapte aux besoins et au contexte du jeune : "
                "parfois un seul échange suffit, avec lui, ses parents, l'équipe éducative ou "
                "le relais territorial ; parfois plusieurs interventions sont nécessaires dans "
                "la durée, pour éviter qu'il ne se mette en danger. Il peut rejoindre nos "
                "groupes d'échanges en ligne entre pairs et joindre à tout moment une "
                "permanence de psychologues.</p>",
            ),
            (
                "Vous êtes conseiller France Travail ?",
                "<p>Pour les moins de 26 ans : des groupes d'échanges chaque semaine et des "
                "ateliers « La relation aux autres en entreprise » tous les 15 jours. Pour "
                "vous : des webinaires tous les 15 jours, pour savoir quand, à qui et comment "
                "proposer ces services. Le service est référencé dans DORA. Voir "
                '<a href="/francetravail/">l\'espace France Travail</a>.</p>',
            ),
            (
                "Vous êtes un acteur de la santé ou du social ?",
                "<p>Nos séances d'information aident les adultes à mieux comprendre, repérer "
                "et accompagner les jeunes concernés. Notre guide "
                "<a href=\"/guide/\">« Maux d'enfants, mode d'emploi »</a> recense les "
                "structures qui aident les jeunes près de chez eux.</p>",
            ),
        ),
        key_figures("Notre action en 2024", FIGURE_TOWNS),
        call_to_action(
            "Et maintenant ?",
            "Orientez vers nous le jeune que vous accompagnez : nous vous recontactons.",
            "Orienter un jeune",
            "/orienter-un-jeune/",
        ),
        QUOTE_FONDATION_ENFANCE,
    ],
)

SCHOOLS = DemoPage(
    path="etablissements-scolaires",
    title="Vous êtes un établissement scolaire",
    intro=(
        "Direction, vie scolaire, enseignants, santé scolaire : nous vous aidons à prévenir "
        "le harcèlement et les cyberviolences, à repérer les élèves en souffrance et à les "
        "accompagner, en alliance éducative avec les familles."
    ),
    search_description=(
        "Établissements scolaires : prévention du harcèlement et des cyberviolences, séances "
        "d'information, kits pédagogiques, accompagnement des élèves."
    ),
    body=[
        accordion(
            "Vos premières questions",
            (
                "Que proposez-vous aux établissements ?",
                "<ul>"
                "<li><b>Des séances d'information</b> pour les équipes éducatives et les "
                "parents : mieux comprendre, savoir repérer et accompagner ;</li>"
                "<li><b>des groupes d'analyse des situations</b> pour les parents et les "
                "élèves ambassadeurs ;</li>"
                "<li><b>le programme STOP Cyberviolences</b> : 4 modules de prévention de 45 "
                "minutes, en trois versions (élèves, équipes pédagogiques, parents), et un "
                "baromètre des cyberviolences à l'échelle de l'établissement ;</li>"
                "<li><b>l'accompagnement des élèves ciblés</b> et de leur famille, hors temps "
                "scolaire.</li>"
                "</ul>"
                "<p>Pour une séance d'information, un forum de prévention ou une "
                'sensibilisation des parents : <a href="/demander-une-intervention/">demandez '
                "une intervention</a>.</p>",
            ),
            (
                "Un élève va mal : que faire ?",
                "<p>Orientez-le vers nous : nous construisons "
                "avec l'établissement, la famille et les acteurs du territoire une solution "
                "qui rassure chacun. Si l'élève est en danger, appelez le 119 ; en cas de "
                "danger immédiat, le 112.</p>",
            ),
            (
                "Où trouver des supports pour la classe ?",
                '<p>Les kits et documents à télécharger sont sur la page <a href="/ressources/">'
                "Ressources</a>, filtrables par public et par niveau scolaire.</p>",
            ),
        ),
        key_figures("Notre action en 2024", FIGURE_PARTNERS),
        call_to_action(
            "Et maintenant ?",
            "Orientez vers nous un élève qui a besoin d'aide, ou écrivez-nous pour organiser "
            "une séance d'information dans votre établissement.",
            "Orienter un élève",
            "/orienter-un-jeune/",
        ),
    ],
)

ENTRY_PAGES = [YOUTH, PARENTS, PROFESSIONALS, SCHOOLS]

# The shell's pages, in creation order.
PAGES = [
    SAFE_BROWSING,
    FRANCE_TRAVAIL,
    *ENTRY_PAGES,
]

# Order of the pages below the home page, whichever app creates them: the main menu shows
# those marked « Afficher dans les menus » in this order. A page missing from the list
# goes last. (The public URLs are stable: they are printed on flyers.)
TOP_LEVEL_ORDER = [
    "naviguer-en-securite",
    "orienter-un-jeune",  # referrals app
    "programmes",  # menu 1 (programmes app)
    "francetravail",  # menu 2
    "agenda",  # menu 3 (events app)
    "guide",  # menu 4 (guide app)
    "ressources",  # menu 5 (programmes app)
    "demander-une-intervention",  # referrals app
    "etre-contacte",  # menu 6 (referrals app)
]

# What the documents give for the legal notice: the name, the contact address of the
# leaflet (001) and the postal address under the president's signature in the activity
# report (002). They name no publication director and no host: those settings stay
# empty and the legal notice leaves them out (blocks/legal_missing.html).
SITE_SETTINGS = {
    "organisation_name": "Les Centres Relier",
    "postal_address": "5 rue Alphonse Baudin\n75011 Paris",
    "contact_email": PUBLIC_EMAIL,
    "privacy_contact": PUBLIC_EMAIL,
}
