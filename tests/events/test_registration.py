"""Registration from the public page to the outbox: confirmation with its invitation,
reminder, waiting list, double submissions, refusals, self-cancellation by link and the
promotion of the first waiting person."""

import datetime

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events import emails, links, services
from events.models import EventPage, Registration, Session
from relier_site.models import OutboundEmail
from tests.html import visible_text

from .conftest import in_days, make_event, make_session
from .helpers import (
    cancel_by_link,
    cancel_path,
    confirm_cancel,
    ics_of,
    mails_of,
    only_registration,
    open_cancel_link,
    register_form,
)

# The rest runs on SQLite only; the tests marked `both_databases` hold what the engine can
# change: uniqueness, counters, the waiting list's promotion (README « Tests »).
pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


def register(client, session, data, follow=True):
    return client.post(reverse("events:register", args=[session.pk]), data, follow=follow)


def test_the_form_of_a_professional_event_asks_name_organisation_agency_and_email(client, session):
    page = visible_text(client.get(reverse("events:register", args=[session.pk])))

    for label in ("Nom et prénom", "Structure", "Agence ou service", "Courriel professionnel"):
        assert label in page
    assert "Pseudonyme" not in page and "Âge" not in page
    assert "Il reste 2 places." in page


def test_the_youth_form_asks_a_pseudonym_age_and_email_or_phone(client, youth_group):
    session = make_session(youth_group)
    page = visible_text(client.get(reverse("events:register", args=[session.pk])))

    assert "Pseudonyme" in page and "Âge" in page and "Téléphone" in page
    assert "Nom et prénom" not in page and "Structure" not in page


def test_a_parent_gives_a_first_name_and_an_email(client, agenda_page):
    event = make_event(
        agenda_page, "cafe", kind=EventPage.Kind.CAFE, registration_profile=EventPage.Profile.PARENT
    )
    session = make_session(event)
    response = register(client, session, register_form("parent"))

    assert "Vous allez recevoir un courriel" in visible_text(response)
    registration = only_registration()
    assert registration.status == Registration.Status.CONFIRMED
    assert (registration.name, registration.email, registration.organisation) == (
        "Nadia",
        "nadia@example.org",
        "",
    )


def test_a_registration_is_confirmed_with_an_invitation_and_a_reminder_for_the_eve(client, session):
    response = register(client, session, register_form())

    page = visible_text(response)
    assert "Demande d'inscription reçue" in page
    assert "« Webinaire pour les conseillers »" in page
    assert "Vous allez recevoir un courriel" in page
    registration = only_registration()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.organisation == "France Travail"

    (confirmation,) = mails_of(registration, "confirmation")
    assert confirmation.to == ["camille.martin@example.org"]
    assert confirmation.subject == "Inscription confirmée : Webinaire pour les conseillers"
    content_type, calendar = ics_of(confirmation)
    assert content_type == "text/calendar; method=REQUEST; charset=utf-8"
    assert calendar["METHOD"] == "REQUEST"
    assert "/agenda/annulation/" in confirmation.body_text
    assert "/agenda/annulation/" in confirmation.body_html
    assert "salle-secrete" not in confirmation.body_text  # the link is in the reminder only

    (reminder,) = mails_of(registration, "reminder")
    assert reminder.status == OutboundEmail.Status.PENDING
    eve = session.local_start.date() - datetime.timedelta(days=1)
    assert reminder.not_before == datetime.datetime.combine(
        eve, datetime.time(9), tzinfo=session.zone
    )
    assert "https://visio.example.org/salle-secrete" in reminder.body_text
    assert "/agenda/annulation/" in reminder.body_text


def test_the_reminder_leaves_the_configured_hours_before(client, session, settings):
    settings.EVENTS_REMINDER_HOURS_BEFORE = 2
    register(client, session, register_form())

    (reminder,) = mails_of(only_registration(), "reminder")
    assert reminder.not_before == session.start - datetime.timedelta(hours=2)


@pytest.mark.both_databases
def test_a_full_session_puts_the_next_person_on_the_waiting_list_and_says_so(client, session):
    register(client, session, register_form(email="a@example.org"))
    register(client, session, register_form(email="b@example.org"))

    response = register(client, session, register_form(email="c@example.org"))

    page = visible_text(response)
    assert "si vous êtes sur la liste d'attente" in page  # the email says which
    waiting = Registration.objects.get(email="c@example.org")
    assert waiting.status == Registration.Status.WAITLISTED
    (notice,) = mails_of(waiting)
    assert notice.subject == "Liste d'attente : Webinaire pour les conseillers"
    assert "vous êtes inscrit·e sur la liste d'attente" in notice.body_text
    assert not notice.attachments.exists()
    assert "/agenda/annulation/" in notice.body_text
    event_page = visible_text(client.get(session.event.url))
    assert "Complet : inscription sur liste d'attente" in event_page


@pytest.mark.both_databases
def test_the_same_email_twice_gets_the_same_page_and_only_the_address_on_file_is_told(
    client, session
):
    first = register(client, session, register_form())
    # Someone else, on another device, types the same address.
    again = register(Client(), session, register_form(email="Camille.Martin@Example.org"))

    assert visible_text(again) == visible_text(first)
    assert "déjà inscrit" not in visible_text(again)
    assert "/agenda/annulation/" not in again.content.decode()
    registration = only_registration()
    confirmations = mails_of(registration, "confirmation")
    assert len(confirmations) == 2
    assert len({m.reason_key for m in confirmations}) == 2
    assert "déjà inscrit" not in confirmations[0].body_text
    assert confirmations[1].to == ["camille.martin@example.org"]
    assert "Vous êtes déjà inscrit·e à cette séance" in confirmations[1].body_text
    assert "Vous êtes déjà inscrit·e à cette séance" in confirmations[1].body_html


@pytest.mark.both_databases
def test_the_same_form_sent_twice_registers_once_and_mails_once(client, session):
    data = register_form(submission="a" * 32)
    register(client, session, data)
    response = register(client, session, data)

    assert "Vous allez recevoir un courriel" in visible_text(response)
    assert len(mails_of(only_registration(), "confirmation")) == 1


@pytest.mark.parametrize(
    ("change", "status", "message"),
    [
        ({"status": Session.Status.CANCELLED}, 410, "Cette séance est annulée"),
        ({"is_published": False}, 404, "Cette séance n'existe pas ou n'est plus proposée."),
        ("past", 410, "Cette séance a déjà eu lieu"),
    ],
)
def test_a_session_that_takes_no_registration_says_why_and_changes_nothing(
    client, session, change, status, message
):
    if change == "past":
        Session.objects.filter(pk=session.pk).update(
            start=timezone.now() - datetime.timedelta(hours=2),
            end=timezone.now() - datetime.timedelta(hours=1),
        )
    else:
        Session.objects.filter(pk=session.pk).update(**change)

    for response in (
        client.get(reverse("events:register", args=[session.pk])),
        register(client, session, register_form(), follow=False),
    ):
        assert response.status_code == status
        assert message in visible_text(response)
    assert not Registration.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_an_unknown_session_gets_a_french_page(client, agenda_page):
    response = client.post(reverse("events:register", args=[999999]), register_form())
    assert response.status_code == 404
    assert "Cette séance n'existe pas ou n'est plus proposée." in visible_text(response)


def test_a_draft_event_takes_no_registration(client, session):
    session.event.unpublish()
    response = register(client, session, register_form(), follow=False)
    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_the_service_refuses_a_cancelled_session(session):
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    with pytest.raises(services.RegistrationRefused, match="annulée"):
        services.register(session, register_form())
    assert not Registration.objects.exists()


def test_malformed_fields_get_french_messages_and_keep_what_was_typed(client, session):
    response = register(
        client,
        session,
        {"name": "", "organisation": "Mon <b>organisme</b>", "email": "pas-un-courriel"},
    )

    page = visible_text(response)
    assert "Il y a un problème" in page
    assert "Saisissez une adresse de courriel valide." in page
    html = response.content.decode()
    assert 'value="pas-un-courriel"' in html
    assert "Mon &lt;b&gt;organisme&lt;/b&gt;" in html
    assert not Registration.objects.exists()


def test_a_young_person_gives_an_email_or_a_phone(client, youth_group):
    session = make_session(youth_group)
    response = register(client, session, register_form("jeune", email="", phone=""))
    assert "Indique ton courriel ou ton numéro de téléphone" in visible_text(response)

    response = register(client, session, register_form("jeune", email="", phone="06 12 34 56 78"))
    assert "L'équipe te confirmera ta place par téléphone" in visible_text(response)
    registration = only_registration()
    assert (registration.name, registration.phone, registration.email) == (
        "Étoile93",
        "+33612345678",
        "",
    )
    assert not OutboundEmail.objects.exists()  # no address: nothing to send


def test_an_age_out_of_range_is_refused(client, youth_group):
    session = make_session(youth_group)
    response = register(client, session, register_form("jeune", age="8"))
    assert "supérieure ou égale à 11" in visible_text(response)
    assert not Registration.objects.exists()


def test_the_honeypot_stores_nothing(client, session):
    response = register(client, session, register_form(site_web="https://spam.example"))
    assert "n'a pas pu être enregistrée" in visible_text(response)
    assert not Registration.objects.exists()


# --- Self-cancellation -------------------------------------------------------------------


@pytest.mark.both_databases
def test_the_cancel_link_asks_for_confirmation_then_cancels_and_promotes_the_first_waiting(
    client, session
):
    for address in ("a@example.org", "b@example.org", "c@example.org", "d@example.org"):
        register(client, session, register_form(email=address))
    first = Registration.objects.get(email="a@example.org")
    path = cancel_path(mails_of(first, "confirmation")[0])

    shown = open_cancel_link(client, path)
    assert "Oui, annuler mon inscription" in visible_text(shown)
    first.refresh_from_db()
    assert first.status == Registration.Status.CONFIRMED  # GET changes nothing

    done = confirm_cancel(client, shown)

    assert "Votre inscription à « Webinaire pour les conseillers »" in visible_text(done)
    first.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED and first.cancelled_at
    (reminder,) = mails_of(first, "reminder")
    assert reminder.status == OutboundEmail.Status.CANCELLED
    (ack,) = mails_of(first, "cancelled")
    content_type, calendar = ics_of(ack)
    assert content_type.startswith("text/calendar; method=CANCEL")
    assert calendar.events[0]["STATUS"] == "CANCELLED"

    promoted = Registration.objects.get(email="c@example.org")
    assert promoted.status == Registration.Status.CONFIRMED and promoted.promoted_at
    (promotion,) = mails_of(promoted, "promotion")
    assert promotion.subject == "Une place s'est libérée : Webinaire pour les conseillers"
    assert ics_of(promotion)[1]["METHOD"] == "REQUEST"
    assert mails_of(promoted, "reminder")
    still_waiting = Registration.objects.get(email="d@example.org")
    assert still_waiting.status == Registration.Status.WAITLISTED

    again = client.get(path)  # the link is spent
    assert again.status_code == 404
    assert "Ce lien ne fonctionne pas" in visible_text(again)


@pytest.mark.both_databases
def test_leaving_the_waiting_list_promotes_nobody(client, session):
    for address in ("a@example.org", "b@example.org", "c@example.org"):
        register(client, session, register_form(email=address))
    waiting = Registration.objects.get(email="c@example.org")
    cancel_by_link(client, cancel_path(mails_of(waiting)[0]))
    assert Registration.objects.filter(status=Registration.Status.CONFIRMED).count() == 2
    (ack,) = mails_of(waiting, "cancelled")
    assert not ack.attachments.exists()


@pytest.mark.parametrize("kind", ["forged", "altered", "expired", "other-salt"])
def test_a_bad_cancel_link_gets_a_kind_page_and_changes_nothing(client, session, kind, settings):
    result = services.register(session, register_form())
    token = links.cancel_token(result.registration)
    if kind == "forged":
        token = signing.dumps({"r": result.registration.pk, "n": "x"}, salt="autre", key="faux")
    elif kind == "altered":
        token = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    elif kind == "expired":
        settings.EVENTS_CANCEL_LINK_MAX_AGE_DAYS = -1
    elif kind == "other-salt":  # the « merci » page's token of earlier versions
        token = signing.dumps(
            {"r": result.registration.pk, "n": result.registration.cancel_nonce},
            salt="events.registration.status",
        )

    for response in (
        client.get(reverse("events:cancel", args=[token])),
        client.post(reverse("events:cancel", args=[token])),
    ):
        assert response.status_code == 404
        assert "Ce lien ne fonctionne pas" in visible_text(response)
    result.registration.refresh_from_db()
    assert result.registration.status == Registration.Status.CONFIRMED


def test_the_cancel_token_carries_no_personal_data(session):
    registration = services.register(session, register_form()).registration
    token = links.cancel_token(registration)
    payload = signing.loads(token, salt=links.CANCEL_SALT)
    assert set(payload) == {"r", "n"}
    assert "camille" not in token.lower()


@pytest.mark.both_databases
def test_cancelling_twice_changes_nothing_more(session):
    registration = services.register(session, register_form()).registration
    services.cancel_registration(registration)
    count = OutboundEmail.objects.count()
    services.cancel_registration(registration)
    assert OutboundEmail.objects.count() == count


def test_a_reminder_time_already_passed_sends_it_at_once(agenda_page):
    event = make_event(agenda_page, "bientot")
    session = make_session(event, days=0, hour=23)
    if session.start <= timezone.now():
        pytest.skip("too late in the day for a session later today")
    registration = services.register(session, register_form()).registration
    (reminder,) = mails_of(registration, "reminder")
    assert reminder.not_before is None
    assert emails.reminder_time(session) < timezone.now()


@pytest.mark.both_databases
def test_places_left_and_the_waiting_list_show_on_the_agenda(client, session):
    for address in ("a@example.org",):
        services.register(session, register_form(email=address))
    page = visible_text(client.get("/agenda/"))
    assert "1 place disponible" in page
    services.register(session, register_form(email="b@example.org"))
    page = visible_text(client.get("/agenda/"))
    assert "Complet : inscription sur liste d'attente" in page
    assert "Rejoindre la liste d'attente" in page


def test_in_days_helper_is_in_paris_wall_clock():
    assert in_days(1, 14).hour == 14


# --- One write path: the service counts the rate limits -------------------------------


def test_the_registration_service_counts_the_rate_limit_keys_in_its_transaction(session):
    from relier_site.ratelimit import allowed
    from tests.factories import submission_limit

    limit = submission_limit("test-registration", email="x@example.org")
    keys = limit.keys
    data = {"name": "Camille Martin", "email": "camille@example.org"}
    services.register(session, data, submission_key="k1", limits=[limit])
    assert allowed(keys, 60)
    # The same form again and the same person again count too (nothing new stored).
    services.register(session, data, submission_key="k1", limits=[limit])
    assert not allowed(keys, 60)
    assert Registration.objects.count() == 1


def test_a_refused_registration_counts_nothing(session):
    from relier_site.ratelimit import allowed
    from tests.factories import submission_limit

    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    session.refresh_from_db()
    limit = submission_limit("test-registration-refused", address="192.0.2.2", per_address=1)
    keys = limit.keys
    with pytest.raises(services.RegistrationRefused):
        services.register(session, {"email": "a@example.org"}, limits=[limit])
    assert allowed(keys, 60)
