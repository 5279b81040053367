"""Staff side of the registrations (Accompagnement, Administration): the sessions with
their counts, one session's registrations and waiting list in order, attendance marking,
CSV/XLSX export with neutralised formula cells, the dashboard panel. Communication and
staff without the role get 403 on every registration URL, even with a guessed id."""

import csv
import io
import logging
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from events.models import EventPage, Registration
from relier_site import roles
from tests.events.staff_helpers import (
    CANARIES,
    CANARY_EMAIL,
    CANARY_NAME,
    CANCELLED,
    CONFIRMED,
    WAITLISTED,
    accompagnement,
    make_event,
    make_registration,
    make_session,
    staff_user,
)
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

INDEX_URL = reverse("events_staff:index")
STATISTICS_URL = reverse("events_staff:statistics")


# visible_text turns no-break spaces into spaces: the French texts below are compared
# with plain spaces.


def section(response, heading):
    """Visible text under the <h2> `heading`, up to the next <h2>."""
    content = response.content.decode()
    start = content.index(f"<h2>{heading}</h2>")
    end = content.find("<h2", start + 1)
    return visible_text(content[start : end if end != -1 else None])


def session_url(session_or_pk):
    return reverse("events_staff:session", args=[getattr(session_or_pk, "pk", session_or_pk)])


def export_url(session_or_pk, file_format):
    pk = getattr(session_or_pk, "pk", session_or_pk)
    return reverse("events_staff:export", args=[pk, file_format])


@pytest.fixture
def session(home_page):
    return make_session(make_event(home_page), capacity=2)


@pytest.fixture
def full_session(session):
    """Two confirmed, three waiting (in this order), one cancelled."""
    now = timezone.now()
    people = {
        "alice": make_registration(session, CONFIRMED, name="Alice Martin"),
        "bruno": make_registration(session, CONFIRMED, name="Bruno Petit"),
        "chloe": make_registration(
            session, WAITLISTED, name="Chloé Roux", created_at=now - timedelta(hours=3)
        ),
        "driss": make_registration(
            session, WAITLISTED, name="Driss Amrani", created_at=now - timedelta(hours=2)
        ),
        "emma": make_registration(
            session, WAITLISTED, name="Emma Leroy", created_at=now - timedelta(hours=1)
        ),
        "farid": make_registration(session, CANCELLED, name="Farid Haddad", cancelled_at=now),
    }
    return session, people


# --- Who sees what -----------------------------------------------------------------------


@pytest.mark.parametrize("role", [roles.ACCOMPAGNEMENT, roles.ADMINISTRATION])
def test_the_role_sees_the_registrations_and_the_waiting_list_in_order(client, full_session, role):
    session, people = full_session
    client.force_login(staff_user(role))
    response = client.get(session_url(session))
    assert response.status_code == 200
    text = visible_text(response)
    assert "2 inscriptions confirmées sur 2 places" in text
    assert "3 sur la liste d'attente" in text
    confirmed = section(response, "Inscriptions confirmées")
    assert "Alice Martin" in confirmed and "Bruno Petit" in confirmed
    assert "Chloé" not in confirmed and "Farid" not in confirmed
    waiting = section(response, "Liste d'attente")
    positions = [
        waiting.index(f"{n} {pk}")
        for n, pk in enumerate((people["chloe"].pk, people["driss"].pk, people["emma"].pk), start=1)
    ]
    assert positions == sorted(positions)
    assert waiting.index("Chloé Roux") < waiting.index("Driss Amrani") < waiting.index("Emma Leroy")
    assert "Farid Haddad" in section(response, "Annulations")
    assert "Farid Haddad" not in waiting


def test_the_index_lists_upcoming_sessions_with_their_counts(client, full_session, home_page):
    session, _people = full_session
    past = make_session(session.event, start=timezone.now() - timedelta(days=30))
    client.force_login(accompagnement())
    text = visible_text(client.get(INDEX_URL))
    assert "Webinaire France Travail" in text
    assert "2 sur 2 places" in text
    assert session_url(session) in client.get(INDEX_URL).content.decode()
    assert session_url(past) not in client.get(INDEX_URL).content.decode()
    past_page = client.get(INDEX_URL, {"quand": "passees"}).content.decode()
    assert session_url(past) in past_page
    assert session_url(session) not in past_page


def staff_urls(session_pk):
    return [
        ("get", INDEX_URL),
        ("get", session_url(session_pk)),
        ("post", session_url(session_pk)),
        ("get", export_url(session_pk, "csv")),
        ("get", export_url(session_pk, "xlsx")),
        ("get", STATISTICS_URL),
    ]


@pytest.mark.parametrize("who", ["communication", "no role", "sessions only"])
def test_staff_without_the_role_get_403_everywhere_even_with_a_guessed_id(client, session, who):
    for name in CANARIES:
        assert name  # the canary values below are what must never show
    make_registration(session, CONFIRMED, name=CANARY_NAME, email=CANARY_EMAIL)
    user = {
        "communication": lambda: staff_user(roles.COMMUNICATION),
        "no role": lambda: staff_user(permissions=["wagtailadmin.access_admin"]),
        "sessions only": lambda: staff_user(
            permissions=["wagtailadmin.access_admin", "events.view_session"]
        ),
    }[who]()
    client.force_login(user)
    for pk in (session.pk, session.pk + 1000):  # a real id and a guessed one
        for method, url in staff_urls(pk):
            response = getattr(client, method)(url)
            assert response.status_code == 403, (method, url)
            content = response.content.decode()
            assert CANARY_NAME not in content and CANARY_EMAIL not in content


def test_communication_sees_the_sessions_but_not_who_registered(client, session):
    registration = make_registration(session, CONFIRMED, name=CANARY_NAME, email=CANARY_EMAIL)
    client.force_login(staff_user(roles.COMMUNICATION))
    response = client.get(reverse("wagtailsnippets_events_session:list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert str(session) in visible_text(response)
    assert CANARY_NAME not in content and CANARY_EMAIL not in content
    assert session_url(session) not in content
    assert client.get(session_url(registration.session_id)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, session):
    for method, url in staff_urls(session.pk):
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))


def test_an_unknown_session_is_404_for_the_role(client, session):
    client.force_login(accompagnement())
    assert client.get(session_url(session.pk + 1000)).status_code == 404
    assert client.get(export_url(session.pk + 1000, "csv")).status_code == 404
    assert client.get(export_url(session, "pdf")).status_code == 404


def test_communication_sees_neither_the_menu_nor_the_dashboard_panel(client, session):
    make_registration(session, CONFIRMED)
    client.force_login(staff_user(roles.COMMUNICATION))
    home = client.get(reverse("wagtailadmin_home"))
    assert INDEX_URL not in home.content.decode()
    assert "les 7 prochains jours" not in visible_text(home)


# --- Attendance --------------------------------------------------------------------------


def test_accompagnement_marks_attendance(client, full_session, caplog):
    session, people = full_session
    other_session = make_session(session.event, capacity=5)
    stranger = make_registration(other_session, CONFIRMED)
    client.force_login(user := accompagnement())
    caplog.set_level(logging.INFO, logger="events.services")
    response = client.post(
        session_url(session),
        {
            f"presence-{people['alice'].pk}": "present",
            f"presence-{people['bruno'].pk}": "absent",
            f"presence-{people['chloe'].pk}": "present",  # waiting: not markable
            f"presence-{stranger.pk}": "present",  # another session: ignored
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "2 présences enregistrées." in visible_text(response)
    attended = dict(Registration.objects.values_list("pk", "attended"))
    assert attended[people["alice"].pk] is True
    assert attended[people["bruno"].pk] is False
    assert attended[people["chloe"].pk] is None
    assert attended[stranger.pk] is None
    logged = [r.getMessage() for r in caplog.records if r.name == "events.services"]
    assert (
        f"Attendance of registration {people['alice'].pk} (session {session.pk}) "
        f"set to present by user {user.pk}" in logged
    )
    assert not any("Alice" in line or "@" in line for line in logged)

    # Shown back as marked; « Non renseigné » clears a mark.
    page = client.get(session_url(session)).content.decode()
    assert f'name="presence-{people["alice"].pk}"' in page
    client.post(session_url(session), {f"presence-{people['alice'].pk}": ""})
    people["alice"].refresh_from_db()
    assert people["alice"].attended is None


def test_a_bad_attendance_value_is_refused_with_a_french_message(client, full_session):
    session, people = full_session
    client.force_login(accompagnement())
    response = client.post(session_url(session), {f"presence-{people['alice'].pk}": "peut-être"})
    assert response.status_code == 200
    text = visible_text(response)
    assert "Les présences n'ont pas été enregistrées" in text
    assert "Choisissez présent·e, absent·e ou non renseigné." in text
    people["alice"].refresh_from_db()
    assert people["alice"].attended is None


def test_reading_the_list_without_the_change_permission_cannot_mark(client, full_session):
    session, people = full_session
    reader = staff_user(permissions=["wagtailadmin.access_admin", "events.view_registration"])
    client.force_login(reader)
    page = client.get(session_url(session))
    assert page.status_code == 200
    assert "Enregistrer les présences" not in visible_text(page)
    response = client.post(session_url(session), {f"presence-{people['alice'].pk}": "present"})
    assert response.status_code == 403
    people["alice"].refresh_from_db()
    assert people["alice"].attended is None


# --- Exports -----------------------------------------------------------------------------


def test_the_csv_export_lists_the_session_in_order_with_neutralised_cells(client, full_session):
    session, people = full_session
    people["alice"].name = '=HYPERLINK("https://example.org")'
    people["alice"].organisation = "+33 1 23 45 67 89"
    people["alice"].attended = True
    people["alice"].save()
    client.force_login(accompagnement())
    response = client.get(export_url(session, "csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    stamp = session.local_start.strftime("%Y-%m-%d")
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="inscriptions-seance-{session.pk}-{stamp}.csv"'
    )
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "N°",
        "État",
        "Position sur la liste d'attente",
        "Nom",
        "Structure",
        "Agence",
        "Courriel",
        "Inscription",
        "Présence",
    ]
    names = [row[3] for row in rows[1:]]
    assert names == [
        '\'=HYPERLINK("https://example.org")',
        "Bruno Petit",
        "Chloé Roux",
        "Driss Amrani",
        "Emma Leroy",
        "Farid Haddad",
    ]
    assert [row[1] for row in rows[1:]] == ["Confirmée"] * 2 + ["Liste d'attente"] * 3 + ["Annulée"]
    assert [row[2] for row in rows[1:]] == ["", "", "1", "2", "3", ""]
    assert rows[1][4] == "'+33 1 23 45 67 89"
    assert rows[1][8] == "présent·e"


def test_the_xlsx_export_holds_the_same_rows(client, full_session):
    session, people = full_session
    people["bruno"].name = "@SUM(A1:A2)"
    people["bruno"].save()
    client.force_login(staff_user(roles.ADMINISTRATION))
    response = client.get(export_url(session, "xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [
        [cell if cell is not None else "" for cell in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert rows[0][3] == "Nom"
    assert [row[3] for row in rows[1:]] == [
        "Alice Martin",
        "'@SUM(A1:A2)",
        "Chloé Roux",
        "Driss Amrani",
        "Emma Leroy",
        "Farid Haddad",
    ]
    assert [row[2] for row in rows[1:]] == ["", "", "1", "2", "3", ""]


def test_a_youth_session_exports_only_what_its_form_asks(client, home_page):
    event = make_event(
        home_page,
        title="Groupe d'échanges",
        audiences=("jeunes",),
        kind=EventPage.Kind.GROUP,
        registration_profile=EventPage.Profile.YOUTH,
        youth_group=True,
    )
    session = make_session(event)
    make_registration(
        session, name="Étoile", email="", phone="+33600000000", age=16, organisation="", agency=""
    )
    client.force_login(accompagnement())
    content = client.get(export_url(session, "csv")).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0][3:7] == ["Pseudonyme", "Âge", "Courriel", "Téléphone"]
    assert "Structure" not in rows[0] and "Agence" not in rows[0]
    assert rows[1][3:7] == ["Étoile", "16", "", "'+33600000000"]


# --- Dashboard ---------------------------------------------------------------------------


def test_the_dashboard_counts_the_next_seven_days_for_the_role(client, home_page):
    event = make_event(home_page)
    soon = make_session(event, start=timezone.now() + timedelta(days=2), capacity=3)
    later = make_session(event, start=timezone.now() + timedelta(days=5), capacity=4)
    far = make_session(event, start=timezone.now() + timedelta(days=10), capacity=3)
    cancelled = make_session(
        event, start=timezone.now() + timedelta(days=1), status="annulee", capacity=3
    )
    for _ in range(3):
        make_registration(soon, CONFIRMED)
    make_registration(soon, WAITLISTED)
    make_registration(soon, WAITLISTED)
    make_registration(later, CONFIRMED)
    make_registration(later, CANCELLED)
    make_registration(far, CONFIRMED)
    make_registration(cancelled, CONFIRMED)
    client.force_login(accompagnement())
    response = client.get(reverse("wagtailadmin_home"))
    text = visible_text(response)
    assert (
        "Agenda : les 7 prochains jours 2 séances · 4 inscriptions confirmées · "
        "2 personnes sur liste d'attente · 3 places libres"
    ) in text
    content = response.content.decode()
    assert session_url(soon) in content and session_url(later) in content
    assert session_url(far) not in content and session_url(cancelled) not in content
