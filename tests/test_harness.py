"""The test harness itself: uploads stay out of the repository, staff accounts have the
roles the migrations create."""

from pathlib import Path

import pytest
from django.conf import settings

from relier_site import roles
from tests.factories import STAFF_PASSWORD, DocumentFactory, StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def test_uploaded_files_go_to_the_session_media_folder_outside_the_repository(media_root):
    document = DocumentFactory()

    stored = Path(document.file.path)
    assert stored.is_file()
    assert stored.is_relative_to(media_root)
    assert not Path(settings.MEDIA_ROOT).resolve().is_relative_to(settings.BASE_DIR)


@pytest.mark.parametrize("role", roles.ROLE_NAMES)
def test_staff_factory_gives_the_role_group_and_a_working_password(role):
    user = StaffFactory(role=role)

    assert [group.name for group in user.groups.all()] == [role]
    assert not user.is_superuser
    assert user.check_password(STAFF_PASSWORD)


def test_staff_factory_superuser_has_every_permission_without_a_role():
    user = StaffFactory(superuser=True)

    assert user.is_superuser and user.is_staff
    assert not user.groups.exists()
    assert user.has_perm("wagtailadmin.access_admin")


class FakeItem:
    """What check_database_markers reads of a collected test."""

    def __init__(self, nodeid, markers=(), fixtures=()):
        self.nodeid, self.markers, self.fixturenames = nodeid, set(markers), list(fixtures)

    def get_closest_marker(self, name):
        return name if name in self.markers else None


def test_a_database_test_must_say_which_databases_run_it():
    from tests.conftest import check_database_markers

    check_database_markers(
        [
            FakeItem("pure.py::test_no_database"),
            FakeItem("a.py::test_both", {"django_db", "both_databases"}),
            FakeItem("b.py::test_one", {"one_database"}, ["db"]),
            FakeItem("c.py::test_page", {"django_db", "browser"}),
        ]
    )
    with pytest.raises(pytest.UsageError, match="d.py::test_forgotten"):
        check_database_markers([FakeItem("d.py::test_forgotten", fixtures=["transactional_db"])])
    with pytest.raises(pytest.UsageError, match="e.py::test_forgotten"):
        check_database_markers([FakeItem("e.py::test_forgotten", {"django_db"})])
