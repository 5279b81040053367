"""Fixtures for the programmes tests: the page tree and a Communication staff member."""

import pytest
from wagtail.models import Workflow, WorkflowPage

from relier_site import roles
from tests.factories import StaffFactory
from tests.programmes.factories import ProgrammeIndexPageFactory, ResourcesPageFactory


@pytest.fixture
def programme_index_page(home_page):
    """/programmes/: the ProgrammeIndexPage below the site's HomePage."""
    return ProgrammeIndexPageFactory(parent=home_page)


@pytest.fixture
def resources_page(home_page):
    """/ressources/: the ResourcesPage below the site's HomePage."""
    return ResourcesPageFactory(parent=home_page)


@pytest.fixture
def communication_user(db):
    return StaffFactory(username="camille-communication", role=roles.COMMUNICATION)


@pytest.fixture
def communication_client(client, communication_user):
    """The test client signed in as a member of the Communication group."""
    client.force_login(communication_user)
    return client


@pytest.fixture
def relecture(programme_index_page):
    """The « Relecture » workflow (created by migration), assigned to /programmes/."""
    workflow = Workflow.objects.get(name="Relecture")
    WorkflowPage.objects.create(workflow=workflow, page=programme_index_page)
    return workflow
