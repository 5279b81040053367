"""Fixtures of the agenda tests: /agenda/, event pages and sessions."""

import datetime

import pytest
from django.utils import timezone

from events.models import AgendaPage, Audience, EventPage, Session
from relier_site.timezones import PARIS, REUNION


def in_days(days, hour=14, minute=0, zone=PARIS):
    """An aware datetime `days` days from now at hour:minute wall-clock in `zone`."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


@pytest.fixture
def agenda_page(home_page):
    page = AgendaPage(title="Agenda", slug="agenda", show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_youth_group(agenda, slug="groupe-jeunes"):
    """The weekly group for young people (youth registration form, no video link in
    public files)."""
    return make_event(
        agenda,
        slug,
        title="Groupe d'échanges entre jeunes",
        kind=EventPage.Kind.GROUP,
        audiences=("jeunes",),
        registration_profile=EventPage.Profile.YOUTH,
        youth_group=True,
    )


def make_event(agenda, slug="webinaire", *, audiences=("professionnels",), **fields):
    defaults = {
        "title": "Webinaire pour les conseillers",
        "kind": EventPage.Kind.WEBINAR,
        "format": EventPage.Format.ONLINE,
        "registration_profile": EventPage.Profile.PROFESSIONAL,
        "default_capacity": 10,
    }
    page = EventPage(slug=slug, **(defaults | fields))
    page.audiences = list(Audience.objects.filter(slug__in=audiences))
    agenda.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_session(event, *, days=10, hour=14, capacity=10, minutes=60, zone=PARIS, **fields):
    start = in_days(days, hour, zone=zone)
    return Session.objects.create(
        event=event,
        start=start,
        end=start + datetime.timedelta(minutes=minutes),
        timezone=zone.key,
        capacity=capacity,
        **fields,
    )


def make_cafe(agenda, **fields):
    """The parents' café in Sainte-Marie (La Réunion), in person."""
    return make_event(
        agenda,
        "cafe",
        title="Café parents à Sainte-Marie",
        kind=EventPage.Kind.CAFE,
        format=EventPage.Format.IN_PERSON,
        place="Centre social Adésir, Sainte-Marie",
        audiences=("parents",),
        registration_profile=EventPage.Profile.PARENT,
        **fields,
    )


@pytest.fixture
def webinar(agenda_page):
    return make_event(agenda_page)


@pytest.fixture
def session(webinar):
    return make_session(webinar, capacity=2, video_link="https://visio.example.org/salle-secrete")


@pytest.fixture
def youth_group(agenda_page):
    return make_youth_group(agenda_page)


@pytest.fixture
def events(agenda_page):
    """Three events with one session each: a webinar for France Travail (programme Relier
    vers l'emploi), a youth group, a café parents at La Réunion (Se reconstruire
    ensemble)."""
    webinar = make_event(
        agenda_page, programme="relier-vers-lemploi", audiences=("professionnels", "france-travail")
    )
    group = make_youth_group(agenda_page, "groupe")
    cafe = make_cafe(agenda_page, programme="se-reconstruire-ensemble")
    make_session(webinar, days=3)
    make_session(group, days=4, hour=17)
    make_session(cafe, days=5, hour=9, minutes=90, zone=REUNION)
    return webinar, group, cafe
