"""The test harness itself: uploads stay out of the repository, staff accounts have the
roles the migrations create."""

from pathlib import Path

import pytest
from django.conf import settings

from relier_site import roles
from tests.factories import STAFF_PASSWORD, DocumentFactory, StaffFactory

pytestmark = pytest.mark.django_db


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
