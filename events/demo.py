"""The agenda's share of the demo content: /agenda/ and one event page per kind of
rendez-vous of the association (activity report 2024, France Travail leaflet), each
with a realistic series of sessions starting next week.

On a site built by an earlier version, /agenda/ is a placeholder « Page standard »: it
is replaced in place (same slug, same position in the menu). A second run creates
nothing: an event page that exists keeps its sessions (editors' changes stay).
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from home.demo.build import polish
from home.demo.content import TOP_LEVEL_ORDER, helplines, paragraph
from home.demo.typography import french_typography
from home.models import StandardPage
from relier_site.timezones import PARIS, REUNION

from . import series, services
from .models import AgendaPage, Audience, EventPage, Session

# Before the shell's pages (0): /francetravail/ links to /agenda/, which must exist.
ORDER = -10
SLUG = "agenda"

AGENDA = {
    "title": "Agenda",
    "intro": (
        "Groupes d'échanges, Question Psy, séances d'information, ateliers et webinaires : "
        "toutes nos dates, avec l'inscription en ligne."
    ),
    "search_description": (
        "L'agenda des Centres Relier : groupes d'échanges pour les jeunes, séances "
        "d'information pour les parents, ateliers et webinaires, avec l'inscription en ligne."
    ),
}
AGENDA_BODY = [
    paragraph(
        "<p>Toutes nos rencontres sont gratuites. Inscrivez-vous à la date de votre choix : "
        "vous recevez une confirmation, une invitation pour votre agenda et un rappel "
        "avant la séance, avec le lien de connexion pour les séances en visio. Un lien "
        "dans chaque courriel permet d'annuler si vous ne pouvez plus venir.</p>"
    ),
    helplines(),
]
GENERAL_BODY = paragraph(
    "<p>La participation est gratuite. Après l'inscription, vous recevez une confirmation "
    "et un rappel avant la séance. Vous ne pouvez plus venir ? Le lien d'annulation de "
    "chaque courriel libère votre place pour une autre personne.</p>"
)

P = EventPage.Profile
K = EventPage.Kind
F = EventPage.Format


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    title: str
    intro: str
    kind: str
    audiences: tuple
    format: str
    profile: str
    capacity: int
    weekday: int  # 0 = Monday: the first session is on the next such day, next week
    start: datetime.time
    minutes: int
    frequency: str
    interval: int
    count: int
    programme: str = ""
    place: str = ""
    youth_group: bool = False
    zone: str = PARIS.key
    week_offset: int = 0
    body: list = field(default_factory=list)


EVENTS = [
    DemoEvent(
        slug="webinaire-conseillers-france-travail",
        title="Webinaire pour les conseillers France Travail et les psychologues du travail",
        intro="Comprendre l'offre des Centres Relier pour savoir quand, à qui et comment "
        "proposer nos services aux jeunes que vous accompagnez.",
        kind=K.WEBINAR,
        audiences=("professionnels", "france-travail"),
        format=F.ONLINE,
        profile=P.PROFESSIONAL,
        capacity=40,
        weekday=1,
        start=datetime.time(14, 0),
        minutes=60,
        frequency=series.WEEKLY,
        interval=2,
        count=8,
        programme="relier-vers-lemploi",
        body=[
            paragraph(
                "<p>Une heure en visio, tous les 15 jours, pour les conseillers jeunesse et "
                "les psychologues du travail de France Travail : les groupes d'échanges, "
                "les ateliers et la façon d'en parler aux jeunes.</p>"
            )
        ],
    ),
    DemoEvent(
        slug="atelier-relation-aux-autres-visio",
        title="Atelier « La relation aux autres en entreprise » (en visio)",
        intro="Déchiffrer les relations en entreprise pour mieux s'y préparer : entretiens, "
        "se faire une place, construire des relations durables avec ses collègues.",
        kind=K.WORKSHOP,
        audiences=("jeunes", "france-travail"),
        format=F.ONLINE,
        profile=P.YOUTH,
        capacity=12,
        weekday=3,
        start=datetime.time(10, 0),
        minutes=120,
        frequency=series.WEEKLY,
        interval=2,
        count=8,
        programme="relier-vers-lemploi",
    ),
    DemoEvent(
        slug="atelier-relation-aux-autres-agence",
        title="Atelier « La relation aux autres en entreprise » (en agence)",
        intro="Le même atelier, dans une agence France Travail d'Île-de-France, avec votre "
        "conseiller.",
        kind=K.WORKSHOP,
        audiences=("jeunes", "france-travail"),
        format=F.AGENCY,
        place="Dans une agence France Travail d'Île-de-France (l'adresse est précisée par "
        "votre conseiller)",
        profile=P.YOUTH,
        capacity=12,
        weekday=3,
        start=datetime.time(14, 0),
        minutes=120,
        frequency=series.WEEKLY,
        interval=2,
        count=8,
        week_offset=1,
        programme="relier-vers-lemploi",
    ),
    DemoEvent(
        slug="groupe-echanges-jeunes",
        title="Groupe d'échanges entre jeunes (moins de 26 ans)",
        intro="Chaque semaine, en ligne et anonyme : dix jeunes au plus parlent de métiers, "
        "de passions, d'actualité, avec une psychologue. Sans webcam, un pseudonyme suffit.",
        kind=K.GROUP,
        audiences=("jeunes", "france-travail"),
        format=F.ONLINE,
        profile=P.YOUTH,
        capacity=10,
        weekday=2,
        start=datetime.time(17, 0),
        minutes=60,
        frequency=series.WEEKLY,
        interval=1,
        count=10,
        youth_group=True,
        programme="relier-vers-lemploi",
    ),
    DemoEvent(
        slug="question-psy",
        title="Question Psy",
        intro="Chaque semaine, jeunes et familles posent leurs questions anonymement à une "
        "psychologue, et écoutent aussi les réponses apportées aux autres.",
        kind=K.QUESTION_PSY,
        audiences=("jeunes", "parents"),
        format=F.ONLINE,
        profile=P.YOUTH,
        capacity=30,
        weekday=0,
        start=datetime.time(18, 0),
        minutes=60,
        frequency=series.WEEKLY,
        interval=1,
        count=10,
        youth_group=True,
        programme="stop-cyberviolences",
    ),
    DemoEvent(
        slug="seance-approfondissement-cyberviolences",
        title="Séance d'approfondissement STOP Cyberviolences",
        intro="Chaque mois, en ligne et ouverte à toutes et à tous : un expert et une "
        "psychologue approfondissent une question de cyberviolence.",
        kind=K.IN_DEPTH,
        audiences=("parents", "professionnels"),
        format=F.ONLINE,
        profile=P.PARENT,
        capacity=80,
        weekday=3,
        start=datetime.time(18, 30),
        minutes=90,
        frequency=series.MONTHLY,
        interval=1,
        count=6,
        programme="stop-cyberviolences",
    ),
    DemoEvent(
        slug="seance-information-parents-enseignants",
        title="Séance d'information pour les parents et les enseignants",
        intro="Mieux comprendre le harcèlement et les cyberviolences, savoir les repérer et "
        "accompagner les jeunes concernés.",
        kind=K.INFORMATION,
        audiences=("parents", "professionnels"),
        format=F.ONLINE,
        profile=P.PARENT,
        capacity=60,
        weekday=1,
        start=datetime.time(18, 0),
        minutes=90,
        frequency=series.MONTHLY,
        interval=1,
        count=6,
        programme="se-reconstruire-ensemble",
    ),
    DemoEvent(
        slug="cafe-parents-sainte-marie",
        title="Café parents à Sainte-Marie (La Réunion)",
        intro="Un moment d'échange entre parents, autour d'un café, avec une psychologue "
        "des Centres Relier et notre partenaire le centre social Adésir.",
        kind=K.CAFE,
        audiences=("parents",),
        format=F.IN_PERSON,
        place="Centre social Adésir, quartier Beauséjour, Sainte-Marie (La Réunion)",
        profile=P.PARENT,
        capacity=15,
        weekday=5,
        start=datetime.time(9, 30),
        minutes=90,
        frequency=series.MONTHLY,
        interval=1,
        count=6,
        zone=REUNION.key,
        programme="se-reconstruire-ensemble",
    ),
]


def load(context):
    agenda = _ensure_agenda(context)
    if agenda is None:
        return
    context.result.describe(
        "events_sessions", "séance de l'agenda", "séances de l'agenda", name="séances de l'agenda"
    )
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    for spec in EVENTS:
        _ensure_event(context, agenda, spec, audiences)


def _ensure_agenda(context):
    url = f"/{SLUG}/"
    result = context.result
    existing = context.find_page(SLUG)
    if existing is not None and existing.specific_class is AgendaPage:
        if url not in result.created and url not in result.existing:
            result.existing.append(url)
        return existing.specific
    if existing is not None and existing.specific_class is not StandardPage:
        result.warnings.append(
            f"la page {url} existe déjà et n'est ni l'agenda ni la page provisoire : elle est "
            "laissée telle quelle. Pour obtenir l'agenda, supprimez-la dans "
            "l'administration puis relancez la commande."
        )
        return None
    parent = context.home
    later = TOP_LEVEL_ORDER[TOP_LEVEL_ORDER.index(SLUG) + 1 :]
    right_sibling = parent.get_children().filter(slug__in=later).order_by("path").first()
    show_in_menus = True
    if existing is not None:
        # The placeholder « Page standard » of earlier versions: replaced in place.
        right_sibling = existing.get_next_sibling()
        show_in_menus = existing.show_in_menus
        existing.delete()
        if url in result.existing:
            result.existing.remove(url)
    page = AgendaPage(
        slug=SLUG,
        show_in_menus=show_in_menus,
        body=polish(AGENDA_BODY),
        **{name: french_typography(value) for name, value in AGENDA.items()},
    )
    if right_sibling is not None:
        right_sibling.add_sibling(pos="left", instance=page)
    else:
        parent.add_child(instance=page)
    page.save_revision().publish()
    if url not in result.created:
        result.created.append(url)
    return page


def _description(text, limit=160):
    if len(text) <= limit:
        return text
    return text[: text.rindex(" ", 0, limit - 1)].rstrip(" ,:;") + "…"


def first_day(weekday, week_offset=0, today=None):
    """The first such weekday at least 7 days from today (plus `week_offset` weeks)."""
    today = today or timezone.localdate()
    start = today + datetime.timedelta(days=7 + 7 * week_offset)
    return start + datetime.timedelta(days=(weekday - start.weekday()) % 7)


def _ensure_event(context, agenda, spec, audiences):
    url = f"/{SLUG}/{spec.slug}/"
    existing = agenda.get_children().filter(slug=spec.slug).first()
    if existing is not None:
        context.result.existing.append(url)
        return
    page = EventPage(
        slug=spec.slug,
        title=french_typography(spec.title),
        intro=french_typography(spec.intro),
        kind=spec.kind,
        format=spec.format,
        place=french_typography(spec.place),
        programme=spec.programme,
        default_capacity=spec.capacity,
        registration_profile=spec.profile,
        youth_group=spec.youth_group,
        search_description=french_typography(_description(spec.intro)),
        body=polish([*spec.body, GENERAL_BODY, helplines()]),
    )
    page.audiences = [audiences[slug] for slug in spec.audiences]
    agenda.add_child(instance=page)
    page.save_revision().publish()
    context.result.created.append(url)
    day = first_day(spec.weekday, spec.week_offset)
    if spec.frequency == series.MONTHLY:
        # The first such weekday of next month (a « premier jeudi du mois »).
        next_month = (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
        day = next_month + datetime.timedelta(days=(spec.weekday - next_month.weekday()) % 7)
    end = (
        datetime.datetime.combine(day, spec.start) + datetime.timedelta(minutes=spec.minutes)
    ).time()
    dates = series.occurrences(
        day=day,
        start_time=spec.start,
        duration=series.duration_between(spec.start, end),
        zone=spec.zone,
        frequency=spec.frequency,
        interval=spec.interval,
        count=spec.count,
    )
    (first_start, first_end), others = dates[0], dates[1:]
    first = Session(
        event=page, start=first_start, end=first_end, timezone=spec.zone, capacity=spec.capacity
    )
    services.create_series(first, others)
    context.result.count("events_sessions", len(dates))
