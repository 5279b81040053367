"""Write the small PDFs of the demo content: the kits into programmes/demo_files/, the
association's documents (`home.demo.trust.DOCUMENTS`) into home/demo/files/.

Run once, when a text below changes, and commit the PDFs (each under 30 KB):

    python3 -m uv run --with fpdf2 python scripts/make_demo_pdfs.py

fpdf2 is used ad hoc and is not a dependency of the project: the site only serves the
files. Titles and file names come from `programmes.demo_content.KITS`; the texts below
are written from the association's documents (mostly the 2024 activity report, 002, see
home/demo/content.py). The output is reproducible: same texts, same bytes.
"""

import datetime
import sys
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from home.demo.content import PUBLIC_EMAIL  # noqa: E402
from home.demo.trust import DOCUMENTS  # noqa: E402
from home.demo.typography import french_typography  # noqa: E402
from programmes.demo_content import KITS  # noqa: E402

OUTPUT = ROOT / "programmes" / "demo_files"
DOCUMENTS_OUTPUT = ROOT / "home" / "demo" / "files"
MAX_BYTES = 30_000
# Helvetica is one of the 14 standard PDF fonts: nothing is embedded, so the files stay
# small. fpdf2 declares it with WinAnsiEncoding, i.e. Windows-1252, which holds every
# French character (é, à, ç, œ, « », the non-breaking space).
FAMILY = "Helvetica"
ENCODING = "windows-1252"
CREATED = datetime.datetime(2025, 1, 15, tzinfo=datetime.UTC)
TEAL = (29, 92, 99)
FOOTER = f"Les Centres Relier · {PUBLIC_EMAIL} · centresrelier.org"
HELPLINES = [
    "3018 : harcèlement et cyberharcèlement, 7j/7 de 9h à 23h, gratuit, anonyme et confidentiel ;",
    "119 : enfance en danger, 24h/24 et 7j/7, pour les enfants et les adultes inquiets ;",
    "3114 : prévention du suicide, 24h/24 et 7j/7, pour soi ou pour un proche ;",
    "Fil Santé Jeunes, 0 800 235 236 : santé, mal-être, relations, pour les 12-25 ans, 7j/7 de "
    "9h à 23h, gratuit et anonyme ;",
    "112 : urgences, en cas de danger immédiat.",
]

# Blocks: ("h", text), ("p", text), ("ul", [items]), ("ol", [items]),
# ("quote", text, author). One entry per file name of KITS.
TEXTS = {
    "kit-parents-mobiliser-etablissement.pdf": {
        "subtitle": "Programme STOP Cyberviolences · Pour les parents d'élèves, "
        "de l'école primaire au lycée",
        "blocks": [
            ("h", "Pourquoi agir ensemble ?"),
            (
                "p",
                "Les établissements scolaires que nous avons interrogés le constatent : les "
                "situations de cyberviolences vécues par les élèves ont doublé en un an. Leurs "
                "conséquences se ressentent dans la vie réelle : sur les apprentissages, le "
                "bien-être, la persévérance scolaire et le climat de l'établissement. Face à "
                "cette menace souvent invisible, parents et équipes éducatives se sentent "
                "démunis. C'est en alliance éducative, parents, établissement et acteurs du "
                "territoire ensemble, que l'on protège le mieux les jeunes.",
            ),
            ("h", "Ce que le programme apporte à l'établissement"),
            (
                "ul",
                [
                    "Des modules de prévention en ligne, accessibles à tout moment : 4 thèmes "
                    "de 45 minutes, en 3 versions (élèves, équipes pédagogiques, parents).",
                    "Des sessions d'approfondissement avec un expert et une psychologue : "
                    "chaque mois en ligne, ouvertes à toutes et à tous, ou dans "
                    "l'établissement, à la demande.",
                    "Des boutons de signalement et un baromètre des cyberviolences à "
                    "l'échelle de l'établissement, pour cibler les actions de prévention et "
                    "en mesurer l'effet.",
                    "Des psychologues qui conseillent anonymement en ligne les victimes, les "
                    "témoins et les auteurs, et des groupes d'échanges en ligne pour les "
                    "jeunes victimes.",
                    "Un cadre pour réaliser 4 des 10 heures annuelles de sensibilisation "
                    "prévues par le programme pHARe.",
                ],
            ),
            ("h", "Mobiliser votre établissement en quatre étapes"),
            (
                "ol",
                [
                    "Parlez-en avec d'autres parents et avec votre association de parents "
                    "d'élèves : une démarche portée à plusieurs a plus de poids.",
                    "Demandez un rendez-vous à la direction ou au conseiller principal "
                    "d'éducation, et présentez le programme avec la présentation des "
                    "modules de prévention, à télécharger sur centresrelier.org/ressources/.",
                    "Proposez une séance d'information pour les parents, animée par une "
                    "psychologue des Centres Relier, pour mieux comprendre, repérer et "
                    "accompagner les jeunes concernés.",
                    "Invitez l'établissement à nous écrire pour devenir établissement pilote : "
                    "début 2025, 34 collèges et lycées s'étaient déjà portés volontaires.",
                ],
            ),
            ("h", "Si votre enfant est concerné"),
            (
                "p",
                "Gardez une trace des messages (captures d'écran) sans les effacer. Le 3018, "
                "gratuit, anonyme et confidentiel, conseille les jeunes et les parents et peut "
                "aider à faire supprimer des contenus. Si un enfant est en danger, appelez le "
                "119 ; en cas de danger immédiat, le 112. Vous pouvez aussi demander à être "
                "contacté par notre équipe : centresrelier.org/etre-contacte/.",
            ),
        ],
        "sources": "Rédigé d'après le rapport d'activité 2024 des Centres Relier.",
    },
    "stop-cyberviolences-modules-prevention.pdf": {
        "subtitle": "Du CM1 à la terminale · Pour les équipes pédagogiques, les élèves "
        "et les parents",
        "blocks": [
            ("h", "Le programme en bref"),
            (
                "p",
                "STOP Cyberviolences réunit la prévention, le signalement et l'accompagnement "
                "des jeunes victimes, témoins et auteurs de cyberviolences, de l'école "
                "primaire au lycée. Il est mené en France avec l'association Génération "
                "Numérique, L'École des Réseaux Sociaux et le laboratoire EMA (École, "
                "mutations, apprentissages) de CY Cergy Paris Université, et au Québec avec "
                "l'organisme Stop Cyberviolences, l'Institut Pacifique et l'Université de "
                "Montréal.",
            ),
            ("h", "#prévenir : les modules de prévention"),
            (
                "ul",
                [
                    "4 thèmes de 45 minutes, accessibles en ligne à tout moment, par exemple "
                    "« Les problématiques en ligne », « Mon comportement en ligne » et "
                    "« Ma place dans le monde ».",
                    "3 versions : élèves, équipes pédagogiques, parents.",
                    "Des vidéos interactives : les réponses des élèves et des adultes "
                    "alimentent le baromètre des cyberviolences de l'établissement.",
                    "Des boutons de signalement, à l'échelle de l'établissement.",
                ],
            ),
            ("h", "#comprendre, #accompagner, #assister"),
            (
                "ul",
                [
                    "Comprendre : des sessions d'approfondissement avec un expert et une "
                    "psychologue, chaque mois en ligne et ouvertes à toutes et à tous, ou "
                    "dans l'établissement, à la demande.",
                    "Accompagner : des psychologues conseillent anonymement en ligne les "
                    "victimes, les témoins et les auteurs ; les jeunes victimes peuvent "
                    "rejoindre des groupes d'échanges en ligne animés par des psychologues.",
                    "Assister : des agents conversationnels, en développement, aideront les "
                    "jeunes dans leurs échanges en ligne, et les enseignants et les parents "
                    "à répondre à leurs questions.",
                ],
            ),
            ("h", "Dans l'année scolaire"),
            (
                "p",
                "Le programme offre un cadre pour réaliser 4 des 10 heures annuelles "
                "consacrées à la sensibilisation dans le programme pHARe de prévention du "
                "harcèlement, en complément des actions menées sur le temps scolaire. Au "
                "Québec, il s'intègre aux 9 heures de cours prévues par le plan de prévention "
                "de la violence et de l'intimidation à l'école.",
            ),
            ("h", "Devenir établissement pilote"),
            (
                "p",
                "Début 2025, 34 collèges et lycées se sont portés volontaires pour être "
                "pilotes, et le recteur de l'académie d'Orléans-Tours a manifesté son intérêt "
                "pour en faire l'académie pilote, sous réserve que le programme trouve ses "
                "financements. Votre établissement souhaite participer ? "
                f"Écrivez-nous à {PUBLIC_EMAIL}.",
            ),
        ],
        "sources": "Rédigé d'après le rapport d'activité 2024 des Centres Relier.",
    },
    "maux-d-enfants-presentation-du-guide.pdf": {
        "subtitle": "Le guide des structures qui aident les jeunes en souffrance · "
        "Pour les parents et les équipes éducatives",
        "blocks": [
            ("h", "Pourquoi ce guide ?"),
            (
                "p",
                "Quand un jeune va mal, il n'est pas toujours facile de savoir à qui "
                "s'adresser. Le parcours de reconstruction des jeunes victimes de harcèlement "
                "est long, et les parents se sentent souvent démunis pour les accompagner. "
                "Le guide « Maux d'enfants, mode d'emploi » des Centres Relier recense les "
                "structures existantes sur chaque territoire qui peuvent aider les jeunes en "
                "souffrance et leurs proches.",
            ),
            ("h", "Ce que vous y trouverez"),
            (
                "ul",
                [
                    "Les structures qui peuvent aider un jeune en souffrance et sa famille : "
                    "celles de votre département d'abord, puis les services nationaux.",
                    "Une recherche en ligne par code postal, numéro ou nom de département, "
                    "que l'on peut affiner par thème (écoute, harcèlement scolaire, "
                    "cyberviolences, santé mentale…), par public (enfants, adolescents, "
                    "jeunes adultes, parents, professionnels), par âge et par mots-clés.",
                    "Pour chaque structure, une fiche avec son téléphone et la date de sa "
                    "dernière vérification.",
                    "Le guide de votre département, à imprimer pour l'afficher ou le remettre "
                    "aux familles : bouton « Imprimer le guide de mon département » sous les "
                    "résultats.",
                    "Les numéros d'aide nationaux, gratuits, joignables partout en France.",
                ],
            ),
            ("h", "Comment l'utiliser ?"),
            (
                "p",
                "Le guide est en ligne sur centresrelier.org/guide/. Indiquez votre code "
                "postal ou votre département, choisissez un thème ou un public si vous le "
                "souhaitez, puis contactez directement la structure qui vous convient : "
                "chaque résultat dit pourquoi il correspond (« Couvre la Seine-Saint-Denis », "
                "« Service national »). Le guide s'enrichit au fil des territoires où nous "
                "agissons : si votre département n'a pas encore de structure, les services "
                "nationaux s'affichent. Vous hésitez ? Notre "
                "équipe peut vous orienter : demandez à être contacté sur "
                "centresrelier.org/etre-contacte/.",
            ),
            ("h", "Les numéros d'aide nationaux"),
            ("ul", HELPLINES),
            (
                "p",
                "Vous connaissez une structure qui devrait figurer dans le guide ? "
                f"Écrivez-nous à {PUBLIC_EMAIL}.",
            ),
        ],
        "sources": "Rédigé d'après la page « Se reconstruire ensemble » de Make.org "
        "Foundation et le rapport d'activité 2024 des Centres Relier.",
    },
    "fiche-enseignants-reperer-accompagner.pdf": {
        "subtitle": "Fiche pratique · Pour les équipes pédagogiques et éducatives",
        "blocks": [
            ("h", "Ce qu'il faut savoir"),
            (
                "p",
                "Un jeune sur trois souffre des conséquences du harcèlement, selon l'UNESCO, "
                "et plus de 700 000 élèves en sont victimes chaque année. Les conséquences "
                "peuvent être graves : isolement, décrochage et déscolarisation, dépression, "
                "comportements à risque, parfois jusqu'au suicide. Un collège de 400 élèves "
                "reçoit en moyenne 20 signalements par an : bien moins que le nombre d'élèves "
                "en souffrance.",
            ),
            ("h", "Ce qui peut alerter"),
            (
                "ul",
                [
                    "Un élève qui s'isole, ou que les autres mettent à l'écart, souvent à "
                    "cause de ses différences.",
                    "Des absences qui se répètent, un décrochage, des résultats qui baissent.",
                    "Un élève qui n'ose plus s'exprimer devant les autres.",
                    "Des messages, des photos ou des rumeurs qui circulent en ligne à son sujet.",
                ],
            ),
            (
                "p",
                "Aucun signe ne suffit à lui seul : c'est leur accumulation, et le changement "
                "par rapport à l'habitude, qui doivent alerter.",
            ),
            ("h", "Comment réagir"),
            (
                "ul",
                [
                    "Écoutez l'élève, prenez sa parole au sérieux et dites-lui qu'il a bien "
                    "fait d'en parler.",
                    "Informez la direction et le conseiller principal d'éducation, selon le "
                    "protocole de votre établissement (programme pHARe).",
                    "Associez la famille : c'est en alliance éducative, établissement, "
                    "famille et acteurs du territoire, que l'on construit une solution qui "
                    "rassure chacun.",
                    "Si l'élève est en danger, appelez le 119 ; en cas de danger immédiat, le 112.",
                ],
            ),
            ("h", "Ce que les Centres Relier proposent"),
            (
                "ul",
                [
                    "Orienter un élève vers notre équipe : centresrelier.org/orienter-un-jeune/.",
                    "Des groupes d'échanges en ligne, chaque semaine, anonymes, entre jeunes.",
                    "Des permanences de psychologues, joignables à tout moment de "
                    "l'accompagnement.",
                    "Des séances d'information pour les adultes, et des groupes d'analyse des "
                    "situations pour les parents et les élèves ambassadeurs.",
                ],
            ),
            ("h", "Les numéros d'aide à afficher ou à transmettre"),
            ("ul", HELPLINES),
            (
                "quote",
                "Pour nous ça a été une aide de savoir qu'il y avait cette association qui "
                "pouvait nous aider.",
                "Un membre d'une équipe éducative, rapport d'activité 2024",
            ),
        ],
        "sources": "Rédigé d'après la page « Se reconstruire ensemble » de Make.org "
        "Foundation, le dépliant et le rapport d'activité 2024 des Centres Relier.",
    },
}


ACTIVITY_REPORT = {
    "rapport-activite-2024-essentiel.pdf": {
        "subtitle": "L'essentiel du rapport d'activité 2024 des Centres Relier",
        "blocks": [
            ("h", "2024 en chiffres"),
            (
                "ul",
                [
                    "291 jeunes ciblés par le harcèlement accompagnés avec leur famille "
                    "(année scolaire 2023-2024), venus de 74 communes : 216 en Île-de-France, "
                    "75 à La Réunion.",
                    "659 jeunes accompagnés depuis la création de l'association.",
                    "1 507 jeunes et 190 adultes (parents, enseignants, acteurs du territoire) "
                    "sensibilisés.",
                    "57 partenaires soutenus : établissements scolaires et acteurs du territoire.",
                ],
            ),
            ("h", "Notre offre"),
            (
                "ul",
                [
                    "Des permanences de psychologues, pour les jeunes, les parents, les "
                    "équipes éducatives et les acteurs du territoire : depuis 2025, elles "
                    "remplacent les entretiens individuels sur rendez-vous téléphonique.",
                    "Question Psy : chaque semaine, jeunes et familles posent leurs questions "
                    "anonymement, et écoutent les réponses données aux autres.",
                    "Des groupes d'échanges en ligne, chaque semaine, anonymes, entre jeunes "
                    "(10 au plus), encadrés par notre équipe.",
                    "Des groupes d'analyse des situations pour les parents et les élèves "
                    "ambassadeurs.",
                    "Des séances d'information pour les adultes : mieux comprendre, savoir "
                    "repérer et accompagner les jeunes concernés.",
                ],
            ),
            ("h", "Deux nouveaux programmes, déployés en 2025"),
            (
                "ul",
                [
                    "STOP Cyberviolences, avec l'association Génération Numérique et le "
                    "laboratoire EMA de CY Cergy Paris Université : prévention, signalement "
                    "et accompagnement des victimes, témoins et auteurs de cyberviolences, de "
                    "l'école primaire au lycée.",
                    "Relier vers l'emploi, avec France Travail Île-de-France : accompagner "
                    "vers l'emploi les jeunes qui ont vécu le harcèlement, qui mettent deux "
                    "fois plus de temps à y accéder.",
                ],
            ),
            ("h", "Perspectives 2025"),
            (
                "p",
                "Accompagner les jeunes en souffrance de leur entrée dans le collectif à leur "
                "entrée dans l'emploi, à travers quatre moments de vie : l'entrée en "
                "maternelle (projet de jeu des émotions Monster Moods), le premier téléphone "
                "portable (agent conversationnel Monster Messenger, dont le développement "
                "démarre avec Data for Good et l'Innovation Lab de Concordia), la scolarité "
                "(STOP Cyberviolences) et l'entrée dans le monde du travail (Relier vers "
                "l'emploi).",
            ),
            ("h", "Nos équipes"),
            (
                "p",
                "Conseil d'administration : Sabine Parnigi-Delefosse et Stéphanie Bascou, "
                "co-présidentes ; Eric Wuillai, membre ; Stéphane Bonnegrant, secrétaire. "
                "Conseil scientifique : Liliane Pelletier, Muriel Epstein, Julien Masson. "
                "Direction : Daniel Jasmin, directeur général depuis avril 2024 et "
                "co-fondateur. Psychologue clinicienne référente et formatrice : Françoise "
                "Jasmin.",
            ),
            ("h", "Nos comptes 2024"),
            (
                "ul",
                [
                    "Produits : 368 413 euros (subventions privées 293 505, subventions "
                    "publiques 54 167, aides à l'emploi et service civique 20 641, dons de "
                    "particuliers 100).",
                    "Charges : 248 966 euros, dont 208 586 euros de salaires, 10 380 euros de "
                    "charges courantes et 30 000 euros de prestation d'expertise de contenu.",
                    "Résultat d'exploitation : 119 447 euros, consacrés au développement de "
                    "l'activité en 2025.",
                    "Mécénat de compétences : 471 312 euros de contributions.",
                ],
            ),
        ],
        "sources": "Extraits du rapport d'activité 2024 des Centres Relier.",
    },
}
TEXTS.update(ACTIVITY_REPORT)


class KitPDF(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        self.core_fonts_encoding = ENCODING
        self.kit_family = FAMILY
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=20)

    def footer(self):
        self.set_y(-14)
        self.set_font(self.kit_family, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, french_typography(FOOTER), align="L")
        self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="R")


def write_kit(kit, spec):
    return write_pdf(kit.title, kit.summary, spec)


def write_pdf(title, subject, spec):
    pdf = KitPDF()
    pdf.set_title(french_typography(title))
    pdf.set_author("Les Centres Relier")
    pdf.set_subject(french_typography(subject))
    pdf.set_lang("fr-FR")
    pdf.set_creator("scripts/make_demo_pdfs.py")
    pdf.set_producer("fpdf2")
    pdf.set_creation_date(CREATED)
    pdf.add_page()
    width = pdf.epw

    pdf.set_text_color(*TEAL)
    pdf.set_font(pdf.kit_family, "B", 9)
    pdf.cell(width, 5, "LES CENTRES RELIER", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font(pdf.kit_family, "B", 17)
    pdf.multi_cell(width, 8, french_typography(title), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(60, 60, 60)
    pdf.set_font(pdf.kit_family, "I", 10)
    pdf.multi_cell(
        width, 5.5, french_typography(spec["subtitle"]), align="L", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_draw_color(*TEAL)
    pdf.set_line_width(0.6)
    pdf.ln(2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
    pdf.ln(3)

    for block in spec["blocks"]:
        kind = block[0]
        if kind == "h":
            pdf.ln(2)
            pdf.set_text_color(*TEAL)
            pdf.set_font(pdf.kit_family, "B", 12)
            pdf.multi_cell(
                width, 6.5, french_typography(block[1]), align="L", new_x="LMARGIN", new_y="NEXT"
            )
            pdf.ln(0.5)
        elif kind == "p":
            pdf.set_text_color(20, 20, 20)
            pdf.set_font(pdf.kit_family, "", 10)
            pdf.multi_cell(
                width, 5.2, french_typography(block[1]), align="L", new_x="LMARGIN", new_y="NEXT"
            )
            pdf.ln(1.5)
        elif kind in ("ul", "ol"):
            pdf.set_text_color(20, 20, 20)
            pdf.set_font(pdf.kit_family, "", 10)
            for number, item in enumerate(block[1], start=1):
                marker = f"{number}." if kind == "ol" else "•"
                pdf.cell(6, 5.2, marker)
                pdf.multi_cell(
                    width - 6,
                    5.2,
                    french_typography(item),
                    align="L",
                    new_x="LMARGIN",
                    new_y="NEXT",
                )
                pdf.ln(0.8)
            pdf.ln(1)
        elif kind == "quote":
            pdf.ln(1)
            pdf.set_text_color(*TEAL)
            pdf.set_font(pdf.kit_family, "I", 10.5)
            pdf.multi_cell(
                width,
                5.5,
                french_typography(f"« {block[1]} »"),
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            pdf.set_text_color(60, 60, 60)
            pdf.set_font(pdf.kit_family, "", 9)
            pdf.multi_cell(
                width, 5, french_typography(block[2]), align="L", new_x="LMARGIN", new_y="NEXT"
            )
            pdf.ln(1.5)
        else:
            raise ValueError(f"Unknown block {kind!r}")

    pdf.ln(2)
    pdf.set_text_color(90, 90, 90)
    pdf.set_font(pdf.kit_family, "I", 8.5)
    pdf.multi_cell(
        width, 4.5, french_typography(spec["sources"]), align="L", new_x="LMARGIN", new_y="NEXT"
    )
    return bytes(pdf.output())


def main():
    files = [(OUTPUT, kit.filename, kit.title, kit.summary) for kit in KITS] + [
        (DOCUMENTS_OUTPUT, doc.filename, doc.title, doc.description) for doc in DOCUMENTS
    ]
    missing = [filename for _folder, filename, _title, _subject in files if filename not in TEXTS]
    if missing:
        raise SystemExit(f"No text for {missing}: add them to TEXTS.")
    for folder, filename, title, subject in files:
        folder.mkdir(parents=True, exist_ok=True)
        data = write_pdf(title, subject, TEXTS[filename])
        if len(data) > MAX_BYTES:
            raise SystemExit(f"{filename} is {len(data)} bytes (more than {MAX_BYTES}).")
        (folder / filename).write_bytes(data)
        print(f"{filename}: {len(data)} octets")


if __name__ == "__main__":
    main()
