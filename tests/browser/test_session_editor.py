"""The session editor in Debian's Chromium: editing a session shows its stored date and
times (the French date format left the date field empty, so every save failed with
« Champ requis. »), and saving it unchanged works. Admin page: no axe check."""

import pytest

from events.models import AgendaPage, Session
from relier_site import roles
from relier_site.timezones import REUNION
from tests.browser.conftest import DESKTOP, sign_in_to_admin
from tests.events.conftest import make_event, make_session
from tests.factories import StaffFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("viewport", [DESKTOP], indirect=True)
def test_the_editor_shows_the_session_date_and_saves_it_unchanged(page, home_page):
    StaffFactory(username="sacha", role=roles.ACCOMPAGNEMENT)
    agenda = AgendaPage(title="Agenda", slug="agenda")
    home_page.add_child(instance=agenda)
    agenda.save_revision().publish()
    session = make_session(make_event(agenda), hour=9, minutes=90, zone=REUNION)
    local_day = session.local_start.date()

    sign_in_to_admin(page, "sacha")

    page.goto(f"/admin/snippets/events/session/edit/{session.pk}/")
    assert page.locator("#id_day").input_value() == local_day.isoformat()
    assert page.locator("#id_start_time").input_value() == "09:00"
    assert page.locator("#id_end_time").input_value() == "10:30"

    page.get_by_role("button", name="Enregistrer").first.click()
    page.wait_for_url("**/admin/snippets/events/session/")
    assert "Champ requis" not in page.locator("main").inner_text()
    session.refresh_from_db()
    assert session.local_start.date() == local_day
    assert session.local_start.strftime("%H:%M") == "09:00"
    assert Session.objects.get().sequence == 0
