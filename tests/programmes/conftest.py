"""Fixtures for the programmes tests: the page tree and a Communication staff member."""

import pytest
from django.contrib.auth.models import Group, User

from relier_site import roles
from tests.programmes.factories import ProgrammeIndexPageFactory, ResourcesPageFactory


@pytest.fixture
def programme_index_page(home_page):
    """/programmes/: the ProgrammeIndexPage below the site's HomePage."""
    return ProgrammeIndexPageFactory(parent=home_page)


@pytest.fixture
def resources_page(home_page):
    """/ressources/: the ResourcesPage below the site's HomePage."""
    return ResourcesPageFactory(parent=home_page)


def staff_member(group_name, username):
    user = User.objects.create_user(username=username, password="mot-de-passe-solide-42")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def communication_user(db):
    return staff_member(roles.COMMUNICATION, "camille-communication")


@pytest.fixture
def communication_client(client, communication_user):
    """The test client signed in as a member of the Communication group."""
    client.force_login(communication_user)
    return client
