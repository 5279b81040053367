"""French texts of the trust pages of the demo site, as plain data: /association/ (who
we are, from the documents only) and the legal pages (/mentions-legales/,
/confidentialite/, /accessibilite/, /plan-du-site/), with the footer links to them.

The association's facts come from the leaflet (001), the 2024 activity report (002) and
the Make.org Foundation page (000); see `content` for the sources and the format. The
legal pages' facts that the configuration decides (publisher, publication director,
host, retention periods, cookies, page tree) are not written here: blocks of
`home.blocks.LegalBodyBlock` show them from the site settings and the server settings.
This module imports nothing from Django: scripts/make_demo_pdfs.py reads it.
"""

from dataclasses import dataclass

from .content import EMAIL_LINK, DemoPage, heading, paragraph

# The day this accessibility statement was written (RGAA: « établissement de la
# déclaration »); an editor updates it with the statement.
ACCESSIBILITY_STATEMENT_DATE = "1er décembre 2026"


@dataclass(frozen=True)
class DemoDocument:
    """A document of the association, shown on a page by a document list."""

    title: str
    filename: str  # in home/demo/files/, made by scripts/make_demo_pdfs.py
    description: str


@dataclass(frozen=True)
class DocumentList:
    """A « Liste de documents » block naming its documents by title (the demo step puts
    the Wagtail document ids in their place)."""

    title: str
    documents: tuple  # DemoDocument values


def static(block_type):
    """A block of LegalBodyBlock that shows the settings (no value of its own)."""
    return {"type": block_type, "value": None}


ACTIVITY_REPORT_2024 = DemoDocument(
    "Rapport d'activité 2024 : l'essentiel",
    "rapport-activite-2024-essentiel.pdf",
    "Nos chiffres, notre offre, nos territoires, nos programmes, nos équipes et nos "
    "comptes de l'année 2024, en quatre pages.",
)
DOCUMENTS = [ACTIVITY_REPORT_2024]


def person(name, role):
    return f"<li><b>{name}</b> : {role}</li>"


ASSOCIATION = DemoPage(
    path="association",
    title="L'association",
    intro=(
        "Les Centres Relier sont une association portée par un collectif d'experts. Nous "
        "aidons les enfants et les jeunes ciblés par le harcèlement à se reconstruire, avec "
        "leur famille, leur établissement scolaire et les acteurs de leur territoire."
    ),
    search_description=(
        "Mission, histoire, conseil d'administration, conseil scientifique, équipe et "
        "comptes des Centres Relier."
    ),
    body=[
        heading("Notre mission"),
        paragraph(
            "<p>Les Centres Relier s'adressent à des enfants victimes de harcèlement scolaire "
            "en voie de décrochage. Notre objectif : empêcher l'échec scolaire, leur redonner "
            "confiance en eux-mêmes et dans les adultes, rompre l'isolement social et éviter "
            "une mise en danger.</p>"
            "<p>Nous agissons sur trois plans :</p>"
            "<ul>"
            "<li><b>politique publique</b> : intégrer la prise en charge des enfants harcelés "
            "dans les dispositifs des villes, en partenariat avec les établissements "
            "scolaires ;</li>"
            "<li><b>organisationnel</b> : apporter à un problème complexe une solution simple, "
            "facile à mettre en place avec les ressources qui existent déjà sur le "
            "territoire ;</li>"
            "<li><b>humain</b> : aider les enfants à trouver des espaces de répit pour se "
            "reconstruire, et aider les familles, les établissements et les acteurs du "
            "territoire à construire ensemble des solutions adaptées.</li>"
            "</ul>"
        ),
        heading("Notre histoire"),
        paragraph(
            "<p>Le projet Relier est lauréat 2021 de la Fondation pour l'enfance. Depuis plus "
            "de six ans, nous tissons des liens étroits avec des dizaines de structures "
            "partenaires : établissements scolaires, collectivités, associations, parents "
            "d'élèves. Nous agissons dans deux régions pilotes, l'Île-de-France et La "
            "Réunion, et avons accompagné 659 jeunes depuis notre création.</p>"
            "<p>En 2024, nous avons constaté que nous repérions trop peu de jeunes en "
            "souffrance : un collège de 400 élèves reçoit en moyenne 20 signalements par an, "
            "et nous en confie 3 ou 4, les plus complexes. Avec nos partenaires, nous avons "
            "donc lancé deux programmes qui réunissent prévention, signalement et "
            'accompagnement : <a href="/programmes/stop-cyberviolences/">STOP '
            'Cyberviolences</a> et <a href="/programmes/relier-vers-lemploi/">Relier vers '
            "l'emploi</a>, déployés en 2025.</p>"
            "<p>Notre objectif pour la suite : accompagner les jeunes en souffrance depuis "
            "leur entrée dans le collectif jusqu'à leur entrée dans l'emploi, à travers quatre "
            'moments de vie (voir <a href="/programmes/">nos programmes</a>).</p>'
        ),
        heading("Le conseil d'administration"),
        paragraph(
            "<ul>"
            + person(
                "Sabine Parnigi-Delefosse",
                "co-présidente, responsable transformation du groupe CNP Assurances",
            )
            + person("Stéphanie Bascou", "co-présidente, directrice adjointe Région Grand Est")
            + person(
                "Eric Wuillai",
                "membre du conseil d'administration, président du conseil d'administration "
                "de CBo Territoria",
            )
            + person(
                "Stéphane Bonnegrant", "secrétaire, expert en médias sociaux et marketing digital"
            )
            + "</ul>"
        ),
        heading("Le conseil scientifique"),
        paragraph(
            "<ul>"
            + person(
                "Liliane Pelletier",
                "professeure en sciences de l'éducation, Institut des sciences et pratiques "
                "d'éducation et de formation (ISPEF), laboratoire Éducation, cultures, "
                "politiques de l'université Lumière Lyon 2",
            )
            + person(
                "Muriel Epstein",
                "maîtresse de conférences en sciences de l'éducation et de la formation au "
                "laboratoire EMA (École, mutations, apprentissages), CY Cergy Paris "
                "Université",
            )
            + person(
                "Julien Masson",
                "enseignant-chercheur, laboratoire Parcours de santé systémique, université "
                "Claude Bernard Lyon 1",
            )
            + "</ul>"
            "<p>L'évaluation de notre impact est menée depuis plus de trois ans par Cécile "
            "Pédro, doctorante de l'université Lyon 2, sous la supervision de Liliane "
            "Pelletier.</p>"
        ),
        heading("L'équipe scientifique de STOP Cyberviolences", "h3"),
        paragraph(
            "<ul>"
            + person(
                "Sigolène Crouchot-Schiex", "enseignante et chercheuse, CY Cergy Paris Université"
            )
            + person(
                "François Bowen",
                "professeur au département de psychopédagogie et d'andragogie, Faculté des "
                "sciences de l'éducation de l'Université de Montréal",
            )
            + person(
                "Eric Morissette",
                "professeur de formation pratique, Faculté des sciences de l'éducation de "
                "l'Université de Montréal",
            )
            + person(
                "Caroline Levasseur",
                "chargée de cours et agente de recherche, Faculté des sciences de l'éducation "
                "de l'Université de Montréal",
            )
            + "</ul>"
        ),
        heading("L'équipe"),
        paragraph(
            "<ul>"
            + person(
                "Daniel Jasmin",
                "directeur général depuis avril 2024 et co-fondateur, en charge du montage "
                "et du pilotage des projets",
            )
            + person(
                "Françoise Jasmin",
                "psychologue clinicienne référente et formatrice, 30 ans d'accompagnement "
                "(suivi thérapeutique, insertion professionnelle, éducation, cellules de "
                "crise…)",
            )
            + "</ul>"
            "<p>Autour d'eux : des psychologues, qui s'entretiennent avec les jeunes et les "
            "familles ; des écoutants sociaux et des psychologues en fin d'études, qui "
            "animent les groupes d'échanges en ligne ; une coordinatrice des plateformes en "
            "ligne et des experts en mécénat de compétences ; des jeunes en service civique ; "
            "et de nombreux bénévoles qui viennent partager leur expérience de vie avec les "
            "jeunes.</p>"
        ),
        heading("Nos comptes 2024"),
        paragraph(
            "<ul>"
            "<li>Produits : 368 413 euros (subventions privées 293 505 euros, subventions "
            "publiques 54 167 euros, aides à l'emploi et service civique 20 641 euros, dons "
            "de particuliers 100 euros) ;</li>"
            "<li>charges : 248 966 euros, dont 208 586 euros de salaires ;</li>"
            "<li>résultat d'exploitation : 119 447 euros, consacrés au développement de "
            "l'activité en 2025 ;</li>"
            "<li>mécénat de compétences : 471 312 euros de contributions en 2024.</li>"
            "</ul>"
        ),
        DocumentList("Nos documents", (ACTIVITY_REPORT_2024,)),
        heading("Nous soutenir"),
        paragraph(
            "<p>Vous pouvez vous engager à nos côtés par le mécénat de compétences, en "
            "contribuant à nos projets, ou par le mécénat financier. Pour en parler, "
            f"écrivez-nous à {EMAIL_LINK}.</p>"
        ),
    ],
)

LEGAL_NOTICE = DemoPage(
    path="mentions-legales",
    title="Mentions légales",
    page_type="legal",
    intro="Qui publie ce site, qui l'héberge, et comment nous joindre.",
    search_description=(
        "Mentions légales du site des Centres Relier : éditeur, directeur de la publication, "
        "hébergeur, contact."
    ),
    body=[
        heading("Éditeur, publication et hébergement"),
        static("publisher"),
        heading("Nous contacter"),
        paragraph(
            f"<p>Pour toute question sur le site, écrivez-nous à {EMAIL_LINK}. Si vous avez "
            "besoin d'aide tout de suite, les numéros d'aide gratuits sont en haut et en bas "
            "de chaque page.</p>"
        ),
        heading("Contenus et liens"),
        paragraph(
            "<p>Les textes, chiffres et témoignages de ce site viennent des documents de "
            "l'association (rapport d'activité 2024, dépliant des Centres Relier) et de la "
            "page « Se reconstruire ensemble » de Make.org Foundation. Les témoignages sont "
            "cités avec le prénom et l'âge que donnent ces documents, jamais avec un nom "
            "complet de jeune.</p>"
            "<p>Pour reprendre un contenu du site, écrivez-nous. Les liens vers d'autres "
            "sites sont donnés pour vous aider ; nous ne sommes pas responsables de leur "
            "contenu.</p>"
        ),
        heading("Données personnelles et cookies"),
        paragraph(
            '<p>Voir notre <a href="/confidentialite/">politique de confidentialité</a>. Le '
            "site ne dépose aucun cookie de suivi ou de publicité.</p>"
        ),
    ],
)

PRIVACY = DemoPage(
    path="confidentialite",
    title="Politique de confidentialité",
    page_type="legal",
    intro=(
        "Ce que nous faisons des informations que vous nous confiez : pourquoi, combien de "
        "temps, qui les voit, et comment exercer vos droits."
    ),
    search_description=(
        "Données personnelles sur le site des Centres Relier : finalités, bases légales, "
        "durées de conservation, destinataires, droits, cookies."
    ),
    body=[
        heading("En bref"),
        paragraph(
            "<ul>"
            "<li>Nous ne demandons que ce qui sert à vous répondre ou à accompagner un "
            "jeune.</li>"
            "<li>Seule l'équipe qui accompagne les jeunes voit vos informations. Nous ne les "
            "vendons ni ne les prêtons à personne.</li>"
            "<li>Elles sont effacées ou rendues anonymes au bout des durées indiquées "
            "ci-dessous, automatiquement, chaque nuit.</li>"
            "<li>Aucun cookie de suivi, aucune mesure d'audience, aucun contenu d'un autre "
            "site.</li>"
            "</ul>"
        ),
        heading("Qui est responsable de vos données ?"),
        paragraph(
            "<p>L'association Les Centres Relier, qui publie ce site (ses coordonnées sont "
            'dans les <a href="/mentions-legales/">mentions légales</a>). Pour toute question '
            "sur vos données, utilisez le contact donné plus bas, dans « Vos droits ».</p>"
        ),
        heading("Pourquoi nous utilisons vos données, et sur quelle base"),
        heading("Orienter un jeune (professionnels)", "h3"),
        paragraph(
            "<p>Formulaire « Orienter un jeune ». Nous utilisons vos coordonnées "
            "professionnelles et ce que vous nous dites du jeune pour le contacter, lui et sa "
            "famille, et organiser son accompagnement avec vous. <b>Base légale</b> : "
            "l'intérêt légitime de l'association à accompagner les jeunes qu'on lui oriente "
            "(article 6.1.f du RGPD) ; pour ce qui touche à la santé ou au bien-être du "
            "jeune, le consentement du jeune ou de ses parents, que vous recueillez avant de "
            "nous écrire (article 9.2.a).</p>"
        ),
        heading("Être contacté (jeunes et familles)", "h3"),
        paragraph(
            "<p>Formulaire « Être contacté ». Nous utilisons votre prénom, le moyen de vous "
            "joindre que vous choisissez et ce que vous souhaitez nous dire pour vous "
            "rappeler et vous proposer un accompagnement. <b>Base légale</b> : votre "
            "consentement (articles 6.1.a et 9.2.a du RGPD), que vous pouvez retirer à tout "
            "moment.</p>"
        ),
        heading("Demander une intervention (établissements et partenaires)", "h3"),
        paragraph(
            "<p>Formulaire « Demander une intervention ». Nous utilisons vos coordonnées "
            "professionnelles et la description de votre demande pour vous répondre et "
            "organiser l'intervention. <b>Base légale</b> : les mesures prises à votre "
            "demande avant une intervention (article 6.1.b du RGPD).</p>"
        ),
        heading("S'inscrire à un groupe, une séance, un atelier ou un webinaire", "h3"),
        paragraph(
            "<p>Formulaires d'inscription de l'agenda. Nous utilisons votre nom ou prénom et "
            "votre adresse électronique pour enregistrer votre inscription, gérer la liste "
            "d'attente et vous envoyer la confirmation, le rappel et, le cas échéant, le "
            "lien de la séance. <b>Base légale</b> : votre demande d'inscription (article "
            "6.1.b du RGPD).</p>"
        ),
        heading("Comptes de l'équipe", "h3"),
        paragraph(
            "<p>Les membres de l'équipe ont un compte pour l'espace d'administration : nom, "
            "adresse électronique, mot de passe chiffré, double authentification. Les "
            "tentatives de connexion échouées sont retenues un temps limité pour bloquer "
            "les essais de mots de passe. <b>Base légale</b> : l'intérêt légitime de "
            "l'association à protéger les données qu'elle garde (article 6.1.f du RGPD). Un "
            "compte est supprimé quand la personne quitte l'équipe.</p>"
        ),
        heading("Combien de temps nous les gardons"),
        paragraph(
            "<p>Ces durées sont celles que le site applique lui-même : chaque nuit, il "
            "efface ou rend anonyme ce qui a dépassé sa durée.</p>"
        ),
        static("retention_periods"),
        heading("Qui peut les voir"),
        paragraph(
            "<p>Seuls les membres de l'équipe qui accompagnent les jeunes et les familles "
            "(psychologues, coordinatrices et coordinateurs) et les personnes qui administrent "
            "le site voient les demandes et les inscriptions. L'équipe qui rédige les pages "
            "du site n'y a pas accès. Les courriels de notification envoyés à l'équipe ne "
            "contiennent qu'un numéro de dossier, jamais vos informations.</p>"
            "<p>Nos prestataires techniques, l'hébergeur du site (voir les "
            '<a href="/mentions-legales/">mentions légales</a>) et le service qui achemine '
            "nos courriels, traitent ces données pour notre compte et seulement sur nos "
            "instructions. Si le suivi des erreurs techniques est activé, les rapports "
            "d'erreur ne contiennent ni le contenu des formulaires, ni les paramètres des "
            "adresses, ni les cookies, ni l'identité des personnes.</p>"
        ),
        heading("Vos droits, et comment les exercer"),
        paragraph(
            "<p>Vous pouvez à tout moment demander à voir les informations que nous avons sur "
            "vous, les faire corriger ou effacer, limiter leur utilisation, vous y opposer, "
            "les recevoir dans un format réutilisable, et retirer votre consentement. Un "
            "jeune peut exercer ces droits lui-même ; un parent peut aussi les exercer pour "
            "son enfant.</p>"
            "<p>Nous vous répondons dans un délai d'un mois. Pour être sûrs de répondre à la "
            "bonne personne, nous pouvons vous poser une question pour vérifier votre "
            "identité.</p>"
        ),
        static("privacy_contact"),
        heading("Réclamation auprès de la CNIL", "h3"),
        paragraph(
            "<p>Si vous pensez que vos droits ne sont pas respectés, vous pouvez adresser une "
            "réclamation à la Commission nationale de l'informatique et des libertés (CNIL), "
            "en ligne sur cnil.fr ou par courrier : CNIL, 3 place de Fontenoy, TSA 80715, "
            "75334 Paris Cedex 07.</p>"
        ),
        heading("Cookies"),
        paragraph(
            "<p>Le site ne dépose <b>aucun cookie de suivi ou de publicité</b> et n'utilise "
            "<b>aucun outil de mesure d'audience</b>. Les pages que vous lisez ne déposent "
            "aucun cookie, et aucun cookie du site ne survit à la fermeture de votre "
            "navigateur. Seuls ces deux cookies techniques peuvent être déposés, et "
            "seulement dans ces cas :</p>"
        ),
        static("cookies"),
        paragraph(
            "<p>Ils sont indispensables au service que vous demandez : ils ne demandent donc "
            "pas votre accord. Le site ne charge rien depuis un autre site (ni police, ni "
            "vidéo, ni carte) : aucun autre organisme ne peut déposer de cookie par notre "
            'site. Pour ne laisser aucune trace, voir <a href="/naviguer-en-securite/">'
            "Naviguer en sécurité</a>.</p>"
        ),
    ],
)

ACCESSIBILITY = DemoPage(
    path="accessibilite",
    title="Déclaration d'accessibilité",
    page_type="legal",
    intro=(
        "Les Centres Relier s'engagent à rendre leur site accessible à toutes et à tous, "
        "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005."
    ),
    search_description=(
        "Déclaration d'accessibilité du site des Centres Relier (RGAA 4.1) : état de "
        "conformité, contrôles réalisés, contact et voies de recours."
    ),
    body=[
        paragraph(
            "<p>Cette déclaration d'accessibilité s'applique au site public des Centres Relier.</p>"
        ),
        heading("État de conformité"),
        paragraph(
            "<p>Le site des Centres Relier est <b>partiellement conforme</b> avec le "
            "référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1. "
            "Aucun audit complet des critères du RGAA n'a encore été réalisé : nous ne "
            "pouvons donc pas encore publier de taux de conformité.</p>"
        ),
        heading("Résultats des tests"),
        heading("Contrôles automatiques", "h3"),
        paragraph(
            "<p>À chaque modification du site, sa suite de tests ouvre chaque type de page "
            "(accueil, pages de contenu, programmes, ressources, guide « Maux d'enfants, mode "
            "d'emploi », recherche, formulaires, pages légales, pages d'erreur) dans le "
            "navigateur Chromium, sur un écran de téléphone (390 pixels de large) et sur un "
            "écran d'ordinateur (1 280 pixels), et les analyse avec axe-core selon les "
            "critères des WCAG 2.1, niveaux A et AA, ainsi que la taille minimale des zones à "
            "toucher des WCAG 2.2. Une modification qui crée la moindre erreur est "
            "refusée.</p>"
            "<p>Ces tests vérifient aussi, au clavier : que le lien « Aller au contenu » est "
            "le premier élément atteint et qu'il mène au contenu ; que le bouton « Quitter le "
            "site » et le raccourci des trois appuis sur Maj fonctionnent ; qu'après un "
            "formulaire mal rempli, le récapitulatif des erreurs prend le focus et mène à "
            "chaque champ concerné.</p>"
        ),
        heading("Contrôles manuels", "h3"),
        paragraph(
            "<p>Les pages sont rédigées et relues pour être faciles à lire ; les formulaires "
            "ont un libellé, une aide et un message d'erreur en français pour chaque champ. "
            "Le site n'a pas encore été testé par des personnes utilisant un lecteur d'écran "
            "(NVDA, VoiceOver) ou une commande vocale : ces tests feront partie de l'audit "
            "complet.</p>"
        ),
        heading("Contenus non accessibles"),
        heading("Non-conformités", "h3"),
        paragraph(
            "<p>Les contrôles automatiques ne relèvent aucune erreur à ce jour, mais ils ne "
            "couvrent qu'une partie des critères du RGAA. Les documents PDF à télécharger "
            "(kits et ressources) ne sont pas balisés : un lecteur d'écran les lit, mais sans "
            "titres ni listes structurés. Écrivez-nous : nous vous envoyons leur contenu "
            "dans un format accessible.</p>"
        ),
        heading("Dérogations pour charge disproportionnée", "h3"),
        paragraph("<p>Aucune.</p>"),
        heading("Contenus non soumis à l'obligation d'accessibilité", "h3"),
        paragraph("<p>Aucun.</p>"),
        heading("Établissement de cette déclaration"),
        paragraph(
            f"<p>Cette déclaration a été établie le {ACCESSIBILITY_STATEMENT_DATE}.</p>"
            "<p><b>Technologies utilisées</b> : HTML, CSS et JavaScript (le site fonctionne "
            "aussi sans JavaScript).</p>"
            "<p><b>Environnement de test</b> : navigateur Chromium, avec axe-core, sur Linux, "
            "aux largeurs de 390 et 1 280 pixels.</p>"
        ),
        heading("Retour d'information et contact"),
        paragraph(
            "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service du site, écrivez-"
            f"nous à {EMAIL_LINK} : nous vous indiquerons une autre façon d'y accéder ou vous "
            "enverrons le contenu sous une autre forme.</p>"
        ),
        heading("Voies de recours"),
        paragraph(
            "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche "
            "d'accéder à un contenu ou à un service, et que notre réponse ne vous satisfait "
            "pas, vous pouvez :</p>"
            "<ul>"
            "<li>écrire un message au Défenseur des droits, avec le formulaire en ligne de "
            "defenseurdesdroits.fr ;</li>"
            "<li>contacter le délégué du Défenseur des droits de votre région ;</li>"
            "<li>envoyer un courrier, gratuit, sans timbre : Défenseur des droits, Libre "
            "réponse 71120, 75342 Paris Cedex 07.</li>"
            "</ul>"
        ),
    ],
)

SITE_MAP = DemoPage(
    path="plan-du-site",
    title="Plan du site",
    page_type="legal",
    intro="Toutes les pages du site, telles qu'elles sont rangées.",
    search_description="Le plan du site des Centres Relier : toutes les pages publiées.",
    body=[
        static("site_map"),
        paragraph(
            '<p>Vous cherchez un document ou un kit ? Utilisez la <a href="/recherche/">'
            'recherche</a> ou la page des <a href="/ressources/">ressources</a>.</p>'
        ),
    ],
)

# Creation order; these pages are not in the main menu: the footer links to them.
PAGES = [ASSOCIATION, LEGAL_NOTICE, PRIVACY, ACCESSIBILITY, SITE_MAP]

# The footer links (Paramètres › Liens du pied de page), filled once when empty. RGAA
# asks for the conformity state in the link to the accessibility statement.
FOOTER_LINKS = [
    ("L'association", "/association/"),
    ("Mentions légales", "/mentions-legales/"),
    ("Confidentialité", "/confidentialite/"),
    ("Accessibilité : partiellement conforme", "/accessibilite/"),
    ("Plan du site", "/plan-du-site/"),
]
