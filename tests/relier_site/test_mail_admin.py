"""Admin "Courriels sortants": staff with the permission see failures; others get 403."""

import html
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from relier_site import roles
from relier_site.mail import delivery, outbox
from relier_site.models import OutboundEmail
from tests.factories import StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

INDEX_URL = "outbound_emails:index"


def make_user(username, *codenames):
    """A staff account with admin access and the given permissions, outside any role."""
    user = StaffFactory(username=username)
    for codename in ("access_admin", *codenames):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture
def failed_email(smtp_server, django_capture_on_commit_callbacks):
    """An email whose every attempt failed (the SMTP server is down)."""
    with override_settings(OUTBOX_MAX_ATTEMPTS=2):
        with django_capture_on_commit_callbacks(execute=True):
            row = outbox.send_templated_mail(
                "emails/test_message", {}, ["parent@example.org"], reason_key="admin:1"
            )
        delivery.retry_due(now=timezone.now() + timedelta(days=1))
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.FAILED
    return row


@pytest.mark.smtp
def test_failed_email_is_listed_for_staff_with_french_status(client, failed_email):
    admin = StaffFactory(username="direction", superuser=True)
    client.force_login(admin)

    response = client.get(reverse(INDEX_URL))
    assert response.status_code == 200
    page = response.content.decode()
    assert str(failed_email) in page
    assert "Échec définitif" in page
    assert "ConnectionRefusedError" in page
    assert "Voir et réessayer" in page
    # The list never shows bodies or recipients.
    assert "parent@example.org" not in page
    assert "Courriel de test confirme" not in page

    filtered = client.get(reverse(INDEX_URL), {"status": "sent"}).content.decode()
    assert str(failed_email) not in filtered

    inspect = client.get(reverse("outbound_emails:inspect", args=[failed_email.pk]))
    assert inspect.status_code == 200
    assert "parent@example.org" in inspect.content.decode()
    assert "Réessayer maintenant" in inspect.content.decode()
    assert "Courriel de test confirme" not in inspect.content.decode()


@pytest.mark.smtp
def test_retry_now_button_sends_a_failed_email(
    client, smtp_server, failed_email, django_capture_on_commit_callbacks
):
    user = make_user("suivi", "view_outboundemail", "retry_outboundemail")
    client.force_login(user)
    smtp_server.start()
    url = reverse("outbound_emails:retry", args=[failed_email.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    assert response.status_code == 200
    assert "nouvel envoi demandé" in response.content.decode()
    failed_email.refresh_from_db()
    assert failed_email.status == OutboundEmail.Status.SENT
    assert failed_email.attempts == 1  # a fresh series of attempts
    assert len(smtp_server.messages) == 1
    # A second click does not send it again.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "ce courriel a déjà été envoyé" in response.content.decode()
    assert len(smtp_server.messages) == 1


@pytest.mark.smtp
def test_viewer_without_retry_permission_cannot_retry(client, smtp_server, failed_email):
    client.force_login(make_user("lecture", "view_outboundemail"))
    smtp_server.start()

    assert client.get(reverse(INDEX_URL)).status_code == 200
    inspect = client.get(reverse("outbound_emails:inspect", args=[failed_email.pk]))
    assert "Réessayer maintenant" not in inspect.content.decode()
    response = client.post(reverse("outbound_emails:retry", args=[failed_email.pk]))
    assert response.status_code == 403
    assert smtp_server.messages == []


def test_user_without_the_permission_gets_403(client):
    row = OutboundEmail.objects.create(
        to=["parent@example.org"], subject="Objet", body_text="t", body_html="<p>h</p>"
    )
    client.force_login(StaffFactory(username="communication", role=roles.COMMUNICATION))

    response = client.get(reverse(INDEX_URL))
    assert response.status_code == 403
    assert "Objet" not in response.content.decode()
    assert client.get(reverse("outbound_emails:index_results")).status_code == 403
    assert client.get(reverse("outbound_emails:inspect", args=[row.pk])).status_code == 403
    assert client.post(reverse("outbound_emails:retry", args=[row.pk])).status_code == 403
    admin_home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Courriels sortants" not in admin_home


def test_nobody_can_add_or_edit_outbox_rows(client):
    """Even a superuser only lists and inspects (and sees the menu item)."""
    admin = StaffFactory(username="direction", superuser=True)
    client.force_login(admin)
    row = OutboundEmail.objects.create(
        to=["parent@example.org"], subject="Objet", body_text="t", body_html="<p>h</p>"
    )
    page = client.get(reverse(INDEX_URL)).content.decode()
    assert "Ajouter un courriel sortant" not in page
    assert f"/admin/outbound_emails/edit/{row.pk}/" not in page
    assert client.get(f"/admin/outbound_emails/edit/{row.pk}/").status_code == 404
    assert client.get("/admin/outbound_emails/new/").status_code == 404
    assert "Courriels sortants" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_model_is_marked_as_personal_data():
    assert OutboundEmail.contains_personal_data is True
    assert OutboundEmail._meta.verbose_name == "Courriel sortant"


def test_inspect_shows_attachments_reply_to_schedule_and_subject(client):
    admin = StaffFactory(username="direction", superuser=True)
    client.force_login(admin)
    at = timezone.now() + timedelta(days=2)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        row = outbox.send_templated_mail(
            "emails/test_message",
            {},
            ["parent@example.org"],
            about=Registration(pk=7),
            reply_to=["accueil@centres-relier.fr"],
            attachments=[("seance.ics", b"x" * 1500, "text/calendar; method=REQUEST")],
            not_before=at,
        )

    listing = client.get(reverse(INDEX_URL)).content.decode()
    assert "registration:7" in listing
    assert "En attente" in listing
    page = client.get(reverse("outbound_emails:inspect", args=[row.pk])).content.decode()
    assert "Pièces jointes" in page
    assert "seance.ics (1,5\u00a0Kio, text/calendar; method=REQUEST)" in page
    assert "accueil@centres-relier.fr" in page
    assert "registration:7" in page
    assert "Pas avant" in page
    assert row.message_id.strip("<>") in page
    # Scheduled for later: staff cannot send it early.
    assert "Réessayer maintenant" not in page


@pytest.mark.parametrize(
    ("status", "label", "message"),
    [
        ("cancelled", "Annulé", "ce courriel a été annulé"),
        ("sending", "Envoi en cours", "ce courriel est en cours d'envoi"),
    ],
)
def test_cancelled_and_sending_rows_cannot_be_retried(
    client, smtp_server, status, label, message, django_capture_on_commit_callbacks
):
    client.force_login(make_user("suivi", "view_outboundemail", "retry_outboundemail"))
    smtp_server.start()
    row = OutboundEmail.objects.create(
        to=["parent@example.org"], subject="Objet", body_text="t", body_html="<p>h</p>"
    )
    OutboundEmail.objects.filter(pk=row.pk).update(status=status, last_attempt_at=timezone.now())

    listing = client.get(reverse(INDEX_URL), {"status": status}).content.decode()
    assert label in listing and str(row) in listing
    page = client.get(reverse("outbound_emails:inspect", args=[row.pk])).content.decode()
    assert label in page
    assert "Réessayer maintenant" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("outbound_emails:retry", args=[row.pk]), follow=True)
    assert message in html.unescape(response.content.decode())
    row.refresh_from_db()
    assert row.status == status
    assert smtp_server.messages == []
