"""/agenda/ and the event pages: upcoming published sessions, the filters (without
JavaScript), places left or « liste d'attente », the zone when not Paris; the next dates
on the home page, the programme pages and /francetravail/."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import AgendaPage, EventPage, Session
from home.models import StandardPage
from relier_site.timezones import REUNION
from tests.html import visible_text

from .conftest import make_session

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


def titles(response):
    text = visible_text(response)
    return [
        t
        for t in (
            "Webinaire pour les conseillers",
            "Groupe d'échanges entre jeunes",
            "Café parents à Sainte-Marie",
        )
        if t in text
    ]


def test_the_agenda_lists_upcoming_published_sessions_soonest_first(client, events):
    webinar, _group, _cafe = events
    past = make_session(webinar, days=1)
    Session.objects.filter(pk=past.pk).update(
        start=timezone.now() - datetime.timedelta(days=2),
        end=timezone.now() - datetime.timedelta(days=2, hours=-1),
    )
    make_session(webinar, days=6, is_published=False)

    response = client.get("/agenda/")

    text = visible_text(response)
    assert titles(response) == [
        "Webinaire pour les conseillers",
        "Groupe d'échanges entre jeunes",
        "Café parents à Sainte-Marie",
    ]
    assert "3 dates à venir." in text
    assert text.index("Webinaire pour les conseillers") < text.index(
        "Groupe d'échanges entre jeunes"
    )


def test_a_reunion_session_says_reunion_time_and_paris_says_nothing(client, events):
    text = visible_text(client.get("/agenda/"))
    assert "de 9 h à 10 h 30 (heure de La Réunion)" in text  # visible_text folds spaces
    assert "9\u00a0h" in client.get("/agenda/").content.decode()
    assert "heure de Paris" not in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("public=jeunes", ["Groupe d'échanges entre jeunes"]),
        ("public=france-travail", ["Webinaire pour les conseillers"]),
        ("type=cafe-parents", ["Café parents à Sainte-Marie"]),
        ("programme=se-reconstruire-ensemble", ["Café parents à Sainte-Marie"]),
        ("format=presentiel", ["Café parents à Sainte-Marie"]),
        ("format=visio", ["Webinaire pour les conseillers", "Groupe d'échanges entre jeunes"]),
        (
            "public=inconnu",
            [
                "Webinaire pour les conseillers",
                "Groupe d'échanges entre jeunes",
                "Café parents à Sainte-Marie",
            ],
        ),
    ],
)
def test_the_filters_work_without_javascript(client, events, query, expected):
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_no_session_for_the_filters_says_so(client, events):
    text = visible_text(client.get("/agenda/?public=parents&format=visio"))
    assert "Aucune date à venir pour ces filtres" in text


def test_the_event_page_shows_its_next_dates_with_places_and_links(client, events):
    webinar, _group, _cafe = events
    cancelled = make_session(webinar, days=8, status=Session.Status.CANCELLED)
    response = client.get(webinar.url)

    text = visible_text(response)
    assert "10 places disponibles" in text
    assert "Séance annulée" in text
    html = response.content.decode()
    session = webinar.sessions.exclude(pk=cancelled.pk).first()
    assert f'href="/agenda/inscription/{session.pk}/"' in html
    assert f'href="/agenda/seances/{session.pk}/agenda.ics"' in html
    assert f'href="/agenda/inscription/{cancelled.pk}/"' not in html
    assert "Ajouter à mon agenda" in text


def test_the_video_link_never_shows_on_the_site(client, events):
    webinar, _group, _cafe = events
    session = make_session(webinar, days=9, video_link="https://visio.example.org/salle-secrete")
    for url in ("/agenda/", webinar.url, f"/agenda/inscription/{session.pk}/"):
        assert "salle-secrete" not in client.get(url).content.decode()


def test_the_home_page_shows_the_next_sessions(client, events):
    text = visible_text(client.get("/"))
    assert "Prochains rendez-vous" in text
    assert "Webinaire pour les conseillers" in text
    assert "bientôt annoncés" not in text


def test_a_programme_page_shows_the_dates_of_its_events(client, home_page, events):
    from tests.programmes.factories import ProgrammePageFactory

    page = ProgrammePageFactory(title="Se reconstruire ensemble", slug="se-reconstruire-ensemble")
    response = client.get(page.url)
    text = visible_text(response)
    assert "Prochaines dates" in text and "Café parents à Sainte-Marie" in text
    assert "Webinaire pour les conseillers" not in text


def test_the_demo_replaces_the_placeholder_in_place_and_creates_series(client, home_page):
    home_page.add_child(instance=StandardPage(title="Agenda", slug="agenda", show_in_menus=True))
    call_command("load_demo_content", stdout=io.StringIO(), stderr=io.StringIO())

    agenda = AgendaPage.objects.get()
    assert agenda.slug == "agenda" and agenda.show_in_menus and agenda.live
    events = EventPage.objects.live()
    assert set(events.values_list("kind", flat=True)) == set(EventPage.Kind.values)
    assert Session.objects.filter(timezone=REUNION.key).exists()
    group = events.get(slug="groupe-echanges-jeunes")
    assert group.youth_group and group.sessions.first().capacity == 10
    assert all(s.start > timezone.now() for s in Session.objects.all())
    assert "Webinaire pour les conseillers France Travail" in visible_text(client.get("/agenda/"))
