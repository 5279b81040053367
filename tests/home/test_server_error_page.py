"""The 500 page tells the visitor the team was warned only when a report does leave."""

import logging

import pytest
import sentry_sdk
from django.test import RequestFactory, override_settings
from django.utils.log import AdminEmailHandler

from home.views import server_error
from relier_site.sentry import sentry_options
from tests.html import visible_text
from tests.relier_site.test_sentry import DSN, CapturingTransport

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

TOLD = "L'équipe a été prévenue"


def error_page_text():
    response = server_error(RequestFactory().get("/une-page/"))
    assert response.status_code == 500
    return visible_text(response)


@pytest.fixture
def sentry_active():
    sentry_sdk.init(**sentry_options(DSN, "test", transport=CapturingTransport()))
    yield
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)
    assert not sentry_sdk.get_client().is_active()


@pytest.fixture
def mail_admins_handler():
    logger = logging.getLogger("django.request")
    handler = AdminEmailHandler()
    logger.addHandler(handler)
    yield
    logger.removeHandler(handler)


@override_settings(ADMINS=[])
def test_without_sentry_nor_admins_the_500_page_does_not_say_the_team_was_told(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        text = error_page_text()
    assert TOLD not in text
    assert "Réessayez dans quelques minutes" in text
    assert "les numéros ci-dessous répondent" in text


@override_settings(ADMINS=["equipe@centres-relier.fr"])
def test_admins_without_an_error_mail_handler_are_not_told():
    # The project's LOGGING sends django.request to the console only.
    assert TOLD not in error_page_text()


@override_settings(ADMINS=[])
def test_with_sentry_active_the_500_page_says_the_team_was_told(
    sentry_active, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert TOLD in error_page_text()


@override_settings(ADMINS=["equipe@centres-relier.fr"])
def test_with_admins_mailed_the_500_page_says_the_team_was_told(mail_admins_handler):
    assert TOLD in error_page_text()
