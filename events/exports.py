"""One session's list as a spreadsheet (CSV or XLSX, written by relier_site.spreadsheets),
for the staff.

The columns follow the registration form of the event (professionals, young people,
parents): nothing is exported that the form does not ask.
"""

from relier_site import spreadsheets

from .models import EventPage, Registration
from .staff_selectors import session_lists

# (column title, attribute of Registration) per registration profile
PERSON_COLUMNS = {
    EventPage.Profile.PROFESSIONAL: [
        ("Nom", "name"),
        ("Structure", "organisation"),
        ("Agence", "agency"),
        ("Courriel", "email"),
    ],
    EventPage.Profile.YOUTH: [
        ("Pseudonyme", "name"),
        ("Âge", "age"),
        ("Courriel", "email"),
        ("Téléphone", "phone"),
    ],
    EventPage.Profile.PARENT: [
        ("Prénom", "name"),
        ("Courriel", "email"),
    ],
}
ATTENDANCE_LABELS = {True: "présent·e", False: "absent·e", None: ""}


def person_columns(session):
    return PERSON_COLUMNS.get(
        session.event.registration_profile, PERSON_COLUMNS[EventPage.Profile.PROFESSIONAL]
    )


def header(session):
    return [
        "N°",
        "État",
        "Position sur la liste d'attente",
        *(title for title, _attribute in person_columns(session)),
        "Inscription",
        "Présence",
    ]


def _value(registration, attribute):
    value = getattr(registration, attribute)
    return "" if value is None else value


def person_cells(session, registration):
    """The values of the person's columns (as in the export), for the staff pages."""
    return [_value(registration, attribute) for _title, attribute in person_columns(session)]


def rows(session):
    """The rows of the session's list: confirmed, then the waiting list in its order,
    then the cancelled registrations."""
    lists = session_lists(session)
    columns = person_columns(session)
    ordered = [
        *((r, "") for r in lists.confirmed),
        *((r, position) for position, r in enumerate(lists.waiting, start=1)),
        *((r, "") for r in lists.cancelled),
    ]
    for registration, position in ordered:
        yield [
            registration.pk,
            Registration.Status(registration.status).label,
            position,
            *(_value(registration, attribute) for _title, attribute in columns),
            registration.created_at,
            ATTENDANCE_LABELS[registration.attended],
        ]


def filename(session):
    return f"inscriptions-seance-{session.pk}-{session.local_start:%Y-%m-%d}"


def response(session, file_format):
    return spreadsheets.response(
        file_format,
        header(session),
        rows(session),
        filename=filename(session),
        title="inscriptions",
    )
