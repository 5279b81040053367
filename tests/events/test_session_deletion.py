"""Deleting a session, or an event page, that has registrations (issue 16, point 5).

Such a session is never deleted: an upcoming one is cancelled instead (each registrant
with an email gets the METHOD:CANCEL invitation, pending reminders are cancelled, people
registered by phone only are listed to call and the staff are emailed), a past or already
cancelled one is kept. An event page with registrations is unpublished instead of
deleted. Every way to delete goes through the rule: the session delete view, the
sessions' bulk delete, the page delete view, the pages' bulk delete, and the ORM itself
(PROTECT)."""

import datetime

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import EventPage, Registration, Session
from home.models import StandardPage
from relier_site import roles
from relier_site.models import OutboundEmail
from tests.factories import StaffFactory
from tests.html import visible_text

from .conftest import make_event, make_session
from .helpers import ics_of, mails_of, register_form

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

PHONE = "+33612345678"
STAFF_EMAIL = "accompagnement@example.org"


def delete_url(session):
    return reverse("wagtailsnippets_events_session:delete", args=[session.pk])


def bulk_url(app_label, model_name, *pks):
    query = "&".join(f"id={pk}" for pk in pks)
    return reverse("wagtail_bulk_action", args=[app_label, model_name, "delete"]) + "?" + query


def page_delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def login(client, role):
    client.force_login(StaffFactory(role=role))
    return client


@pytest.fixture(autouse=True)
def accompagnement_team(db):
    """The staff emailed about people to phone (the digest's recipients)."""
    return StaffFactory(username="equipe", role=roles.ACCOMPAGNEMENT, email=STAFF_EMAIL)


@pytest.fixture
def registered(youth_group):
    """An upcoming session of the youth group with one person registered by email and one
    by phone only."""
    session = make_session(youth_group)
    by_email = services.register(session, register_form("jeune")).registration
    by_phone = services.register(
        session, register_form("jeune", name="Lune", email="", phone=PHONE)
    ).registration
    return session, by_email, by_phone


def assert_cancelled_and_told(session, by_email, by_phone):
    session.refresh_from_db()
    assert session.status == Session.Status.CANCELLED
    assert set(Registration.objects.filter(session=session)) == {by_email, by_phone}
    (notice,) = mails_of(by_email, "session-cancelled")
    content_type, cancel = ics_of(notice)
    assert content_type == "text/calendar; method=CANCEL; charset=utf-8"
    assert cancel["METHOD"] == "CANCEL"
    reminders = mails_of(by_email, "reminder")
    assert reminders and all(m.status == OutboundEmail.Status.CANCELLED for m in reminders)
    assert not mails_of(by_phone)
    (staff,) = OutboundEmail.objects.filter(reason_key__startswith="events:to-call:")
    assert staff.to == [STAFF_EMAIL]
    assert "1 personne inscrite n'a pas laissé d'adresse électronique" in staff.body_text
    assert PHONE not in staff.body_text and "Lune" not in staff.body_text


@pytest.mark.parametrize("role", [roles.ACCOMPAGNEMENT, roles.ADMINISTRATION])
def test_deleting_a_session_with_registrations_cancels_it_and_tells_everyone(
    client, registered, role
):
    session, by_email, by_phone = registered
    login(client, role)

    confirm = client.get(delete_url(session))
    text = visible_text(confirm)
    assert confirm.status_code == 200
    assert "une séance qui a des inscriptions n'est jamais supprimée" in text
    assert "Annuler et prévenir les personnes inscrites" in text

    response = client.post(delete_url(session))

    assert response.status_code == 200
    text = visible_text(response)
    assert "1 séance annulée au lieu d'être supprimée" in text
    assert "1 courriel d'annulation envoyé" in text
    assert "À prévenir par téléphone" in text and PHONE in text and "Lune" in text
    assert_cancelled_and_told(session, by_email, by_phone)


def test_communication_deleting_a_session_sees_no_registration(client, registered):
    session, by_email, by_phone = registered
    login(client, roles.COMMUNICATION)

    text = visible_text(client.post(delete_url(session)))

    assert "1 séance annulée au lieu d'être supprimée" in text
    assert "l'équipe Accompagnement a reçu un courriel pour les appeler" in text
    assert PHONE not in text and "Lune" not in text and "Étoile93" not in text
    assert_cancelled_and_told(session, by_email, by_phone)


def test_the_staff_list_of_a_cancelled_session_shows_the_people_to_phone(client, registered):
    session, _by_email, _by_phone = registered
    services.cancel_session(session)
    login(client, roles.ACCOMPAGNEMENT)

    text = visible_text(client.get(reverse("events_staff:session", args=[session.pk])))

    assert "À prévenir par téléphone" in text
    section = text.split("À prévenir par téléphone", 1)[1].split("Inscriptions confirmées")[0]
    assert PHONE in section and "Lune" in section and "Étoile93" not in section


def test_a_session_without_registrations_is_still_deleted(client, webinar):
    session = make_session(webinar)
    login(client, roles.ACCOMPAGNEMENT)

    response = client.post(delete_url(session))

    assert response.status_code == 302
    assert not Session.objects.exists()


def test_a_past_session_with_registrations_is_kept_as_it_is(client, registered):
    session, by_email, _by_phone = registered
    Session.objects.filter(pk=session.pk).update(
        start=timezone.now() - datetime.timedelta(days=2),
        end=timezone.now() - datetime.timedelta(days=2, hours=-1),
    )
    login(client, roles.ADMINISTRATION)

    text = visible_text(client.post(delete_url(session)))

    assert "1 séance conservée telle quelle" in text
    session.refresh_from_db()
    assert session.status == Session.Status.SCHEDULED
    assert Registration.objects.filter(session=session).count() == 2
    assert not mails_of(by_email, "session-cancelled")


def test_bulk_deleting_sessions_cancels_those_with_registrations(client, registered, youth_group):
    session, by_email, by_phone = registered
    empty = make_session(youth_group, days=20)
    login(client, roles.ACCOMPAGNEMENT)
    url = bulk_url("events", "session", session.pk, empty.pk)

    assert "Des personnes sont inscrites" in visible_text(client.get(url))
    text = visible_text(client.post(url))

    assert "1 séance annulée au lieu d'être supprimée" in text
    assert "1 séance sans inscription supprimée" in text
    assert PHONE in text
    assert list(Session.objects.all()) == [session]
    assert_cancelled_and_told(session, by_email, by_phone)


@pytest.mark.parametrize("role", [roles.ADMINISTRATION, roles.COMMUNICATION])
def test_deleting_an_event_page_unpublishes_it_and_cancels_its_sessions(
    client, registered, youth_group, role
):
    session, by_email, by_phone = registered
    empty = make_session(youth_group, days=20)
    login(client, role)

    confirm = visible_text(client.get(page_delete_url(youth_group)))
    assert "la page n'est pas supprimée" in confirm and "Elle est dépubliée" in confirm

    text = visible_text(client.post(page_delete_url(youth_group)))

    assert "1 séance annulée au lieu d'être supprimée" in text
    assert f"La page « {youth_group.title} » est dépubliée et conservée" in text
    page = EventPage.objects.get(pk=youth_group.pk)
    assert not page.live
    assert not Session.objects.filter(pk=empty.pk).exists()
    assert_cancelled_and_told(session, by_email, by_phone)
    assert client.get("/agenda/groupe-jeunes/").status_code == 404


def test_an_event_page_without_registrations_is_still_deleted(client, webinar):
    make_session(webinar)
    login(client, roles.ADMINISTRATION)

    response = client.post(page_delete_url(webinar))

    assert response.status_code == 302
    assert not EventPage.objects.filter(pk=webinar.pk).exists()
    assert not Session.objects.exists()


def test_bulk_deleting_pages_withdraws_event_pages_with_registrations(
    client, registered, youth_group, agenda_page, home_page
):
    session, by_email, by_phone = registered
    other = make_event(agenda_page, "sans-inscrit", title="Sans inscrit")
    make_session(other)
    standard = StandardPage(title="Ancienne page", slug="ancienne")
    home_page.add_child(instance=standard)
    login(client, roles.ADMINISTRATION)

    response = client.post(bulk_url("wagtailcore", "page", youth_group.pk, other.pk, standard.pk))

    text = visible_text(response)
    assert "1 séance annulée au lieu d'être supprimée" in text
    assert "2 autres pages supprimées" in text
    assert PHONE in text
    assert not EventPage.objects.get(pk=youth_group.pk).live
    assert not EventPage.objects.filter(pk=other.pk).exists()
    assert not StandardPage.objects.filter(pk=standard.pk).exists()
    assert_cancelled_and_told(session, by_email, by_phone)


def test_deleting_the_agenda_with_registrations_is_refused(client, registered, agenda_page):
    session, by_email, _by_phone = registered
    login(client, roles.ADMINISTRATION)

    for response in (
        client.post(page_delete_url(agenda_page)),
        client.post(bulk_url("wagtailcore", "page", agenda_page.pk)),
    ):
        text = visible_text(response)
        assert "Rien n'a été supprimé" in text
        assert "Groupe d'échanges entre jeunes" in text

    assert EventPage.objects.filter(pk=session.event_id, live=True).exists()
    session.refresh_from_db()
    assert session.status == Session.Status.SCHEDULED
    assert not mails_of(by_email, "session-cancelled")


def test_the_database_refuses_to_delete_a_session_or_an_event_with_registrations(registered):
    session, _by_email, _by_phone = registered
    with pytest.raises(ProtectedError):
        session.delete()
    with pytest.raises(ProtectedError):
        session.event.delete()
    assert Registration.objects.filter(session=session).count() == 2
