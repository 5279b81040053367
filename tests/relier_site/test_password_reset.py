"""Admin password reset: through the outbox, sent by the worker after the request, and
rate limited per client address in the database."""

from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from relier_site import ratelimit, scheduling
from relier_site.models import OutboundEmail, RateLimitCounter
from relier_site.settings.base import axes_client_address
from tests.factories import StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

URL = "/admin/password_reset/"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def staff(db):
    return StaffFactory(username="coordination", email="coordination@example.org")


def post_reset(client, email, ip="203.0.113.5"):
    return client.post(URL, {"email": email}, REMOTE_ADDR=ip)


def run_queued_tasks(django_capture_on_commit_callbacks):
    """What the worker does: run every queued task (and the deliveries they queue)."""
    with override_settings(
        TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    ):
        for result in DBTaskResult.objects.ready():
            with django_capture_on_commit_callbacks(execute=True):
                result.task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])


@override_settings(TASKS=DB_TASKS)
def test_reset_email_is_sent_by_the_worker_after_the_request_through_the_outbox(
    client, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_reset(client, "Coordination@example.org")

    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    # Nothing sent nor even rendered in the request: one task is queued, with no address.
    assert django_mail.outbox == []
    assert OutboundEmail.objects.count() == 0
    [queued] = DBTaskResult.objects.ready()
    assert queued.args_kwargs["args"] == [[staff.pk]]
    assert "coordination@example.org" not in str(queued.args_kwargs).lower()

    run_queued_tasks(django_capture_on_commit_callbacks)

    row = OutboundEmail.objects.get()
    assert row.status == OutboundEmail.Status.SENT
    assert row.template_name == "emails/password_reset"
    [sent] = django_mail.outbox
    assert sent.to == ["coordination@example.org"]
    assert sent.subject == "Réinitialiser votre mot de passe – Les Centres Relier"
    assert "http://127.0.0.1:8000/admin/password_reset/confirm/" in sent.body
    assert "coordination" in sent.body
    assert "- 3018\u00a0:" in sent.body  # the shared layout
    link = next(word for word in sent.body.split() if "/confirm/" in word)
    page = client.get(link.removeprefix("http://127.0.0.1:8000"), follow=True)
    assert "Nouveau mot de passe" in page.content.decode()


@override_settings(TASKS=DB_TASKS)
def test_the_request_does_the_same_work_whether_or_not_the_address_has_an_account(
    client, staff, django_capture_on_commit_callbacks
):
    counts = []
    # From two addresses, so that both requests start a rate-limit counter.
    for email, ip in (
        ("coordination@example.org", "203.0.113.5"),
        ("inconnu@example.org", "203.0.113.6"),
    ):
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = post_reset(client, email, ip=ip)
        assert response.status_code == 302
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert DBTaskResult.objects.ready().count() == 2

    run_queued_tasks(django_capture_on_commit_callbacks)
    assert [m.to for m in django_mail.outbox] == [["coordination@example.org"]]


@override_settings(PASSWORD_RESET_RATE_LIMIT=3)
def test_reset_is_refused_after_the_limit_from_one_address_and_allowed_from_another(
    client, home_page
):
    for _ in range(3):
        assert post_reset(client, "inconnu@example.org").status_code == 302

    refused = post_reset(client, "inconnu@example.org")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Trop de demandes" in page
    assert "Réessayez dans une heure environ" in page
    assert 'href="tel:3018"' in page  # the safety shell
    assert refused["Retry-After"] == "3600"
    # The form itself stays readable; another address is still allowed.
    assert client.get(URL, REMOTE_ADDR="203.0.113.5").status_code == 200
    assert post_reset(client, "inconnu@example.org", ip="198.51.100.7").status_code == 302


@override_settings(PASSWORD_RESET_RATE_LIMIT=2)
def test_behind_the_proxy_the_limit_applies_to_the_forwarded_client_address(client, settings):
    # The client-address settings production derives from AXES_PROXY_COUNT=1: the proxy
    # is REMOTE_ADDR and appends the client's address to X-Forwarded-For.
    settings.AXES_IPWARE_PROXY_COUNT, settings.AXES_IPWARE_META_PRECEDENCE_ORDER = (
        axes_client_address(1)
    )

    def post(forwarded_for):
        return client.post(
            URL,
            {"email": "inconnu@example.org"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    assert [post("203.0.113.5").status_code for _ in range(3)] == [302, 302, 429]
    # A client prepending a forged entry is still counted under its real address.
    assert post("192.0.2.99, 203.0.113.5").status_code == 429
    assert post("198.51.100.7").status_code == 302


def test_counters_are_in_the_database_without_the_address_and_pruned_nightly():
    now = timezone.now()
    assert ratelimit.hit("form:203.0.113.5", limit=2, window=60, now=now)
    assert ratelimit.hit("form:203.0.113.5", limit=2, window=60, now=now)
    assert not ratelimit.hit("form:203.0.113.5", limit=2, window=60, now=now)
    assert ratelimit.hit("form:203.0.113.5", limit=2, window=60, now=now + timedelta(seconds=61))

    counters = list(RateLimitCounter.objects.values_list("key_digest", "count"))
    assert sorted(count for _digest, count in counters) == [1, 3]
    assert all("203.0.113.5" not in digest for digest, _count in counters)

    summary = scheduling.run_daily_jobs(now=now + timedelta(seconds=121))
    assert summary["rate_limit_retention"] == 2
    assert RateLimitCounter.objects.count() == 0
