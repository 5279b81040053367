"""Text messages: the pluggable backends of relier_site.sms, the outbox's SMS channel
(stored in the transaction, delivered with retries, voided by `cancel_pending`), and the
permanences' reminder SMS, only when the person chose them."""

import io
import logging
from datetime import timedelta

import pytest
from django.core import mail as django_mail

from appointments import services
from relier_site import sms
from relier_site.mail import delivery
from relier_site.mail.outbox import emails_about, send_sms
from relier_site.models import OutboundEmail
from tests.appointments.helpers import PERSON
from tests.relier_site.test_settings import PRODUCTION_ENV, shell_output

from .test_messages import NOW, SLOT

Status = OutboundEmail.Status
PHONE = "+33612345678"


class ProviderDown(Exception):
    pass


class FailingBackend(sms.BaseSmsBackend):
    """A provider that does not answer."""

    def send_messages(self, messages):
        raise ProviderDown(f"cannot reach the provider for {messages[0].to}")


@pytest.fixture(autouse=True)
def empty_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def book(appointment_type, psychologist, **person):
    return services.book(appointment_type, psychologist, SLOT, PERSON | person, now=NOW)


def sms_rows(appointment):
    return list(emails_about(appointment).filter(channel=OutboundEmail.Channel.SMS))


# --- Backends ------------------------------------------------------------------------


def test_the_console_backend_prints_the_message_and_logs_the_reference_only(caplog):
    stream = io.StringIO()
    message = sms.SmsMessage(PHONE, "Rappel : rendez-vous demain.", "outbox:42")

    with caplog.at_level(logging.INFO, logger="relier_site.sms"):
        assert sms.ConsoleBackend(stream=stream).send_messages([message]) == 1

    assert PHONE in stream.getvalue() and "Rappel : rendez-vous demain." in stream.getvalue()
    assert [record.getMessage() for record in caplog.records] == ["SMS à outbox:42"]


def test_the_backend_is_a_setting(settings):
    settings.SMS_BACKEND = "relier_site.sms.LocmemBackend"
    assert sms.send_messages([sms.SmsMessage(PHONE, "Bonjour")]) == 1
    assert sms.outbox == [sms.SmsMessage(PHONE, "Bonjour")]
    assert sms.enabled()

    settings.SMS_BACKEND = "relier_site.sms.DisabledBackend"
    assert not sms.enabled()
    with pytest.raises(sms.SmsNotConfigured):
        sms.send_messages([sms.SmsMessage(PHONE, "Bonjour")])


@pytest.mark.processes
@pytest.mark.parametrize(
    ("settings_module", "env", "backend"),
    [
        ("relier_site.settings.production", PRODUCTION_ENV, "relier_site.sms.DisabledBackend"),
        ("relier_site.settings.dev", {}, "relier_site.sms.ConsoleBackend"),
        (
            "relier_site.settings.production",
            {**PRODUCTION_ENV, "SMS_BACKEND": "fournisseur.sms.Backend"},
            "fournisseur.sms.Backend",
        ),
    ],
)
def test_production_prints_no_sms_in_its_logs_unless_a_provider_is_named(
    settings_module, env, backend
):
    code = "from django.conf import settings; print(settings.SMS_BACKEND)"
    assert shell_output(code, settings_module, env) == [backend]


# --- The outbox's SMS channel --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.one_database
@pytest.mark.parametrize("phone", ["0612345678", "+33 6 12 34 56 78", ""])
def test_an_sms_needs_an_e164_number(phone):
    with pytest.raises(ValueError, match="E.164"):
        send_sms("sms/appointments/reminder.txt", {"when": "demain"}, phone)
    assert not OutboundEmail.objects.exists()


@pytest.mark.django_db
@pytest.mark.both_databases
def test_an_sms_is_stored_then_delivered_by_the_worker_like_an_email(phone_type, psychologist):
    appointment = book(phone_type, psychologist)
    django_mail.outbox.clear()

    row = send_sms(
        "sms/appointments/reminder.txt",
        {"when": "mardi 4 juin 2030 à 18 h", "manage_url": "https://exemple.fr/g/"},
        PHONE,
        about=appointment,
        reason_key="test:sms",
    )
    again = send_sms("sms/appointments/reminder.txt", {}, PHONE, reason_key="test:sms")

    assert again.pk == row.pk
    assert (row.channel, row.to, row.subject, row.body_html) == ("sms", [PHONE], "SMS", "")
    assert row.body_text == (
        "Rappel : rendez-vous Centres Relier le mardi 4 juin 2030 à 18 h. "
        "Pour le déplacer ou l'annuler : https://exemple.fr/g/"
    )
    assert delivery.deliver(row.pk) == Status.SENT
    assert sms.outbox == [sms.SmsMessage(PHONE, row.body_text, f"outbox:{row.pk}")]
    assert django_mail.outbox == []


@pytest.mark.django_db
@pytest.mark.both_databases
def test_a_provider_that_fails_is_tried_again_later(settings):
    settings.SMS_BACKEND = f"{__name__}.FailingBackend"
    row = send_sms("sms/appointments/reminder.txt", {"when": "demain"}, PHONE)

    assert delivery.deliver(row.pk) == Status.PENDING
    row.refresh_from_db()
    assert row.attempts == 1 and row.last_error == "ProviderDown"  # never the number
    assert sms.outbox == []

    settings.SMS_BACKEND = "relier_site.sms.LocmemBackend"
    assert delivery.retry_due(now=row.next_attempt_at) == 1
    assert [message.to for message in sms.outbox] == [PHONE]


# --- The reminders by SMS --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.one_database
def test_a_person_who_chose_sms_gets_neutral_sms_reminders_at_the_email_times(
    phone_type, psychologist
):
    appointment = book(phone_type, psychologist, reminder_by_sms=True)

    texts = sms_rows(appointment)
    emails = [r for r in emails_about(appointment) if ":reminder:" in r.reason_key]
    assert sorted(r.not_before for r in texts) == sorted(r.not_before for r in emails)
    assert len(texts) == 2
    for row in texts:
        assert row.to == [PHONE] and row.status == Status.PENDING
        assert row.body_text.startswith(
            "Rappel : rendez-vous Centres Relier le mardi 4 juin 2030 à 18 h. "
            "Pour le déplacer ou l'annuler : "
        )
        assert "/permanences/gerer/" in row.body_text
        for typed in ("Camille", "camille@example.org", "blessants"):
            assert typed not in row.body_text


@pytest.mark.django_db
@pytest.mark.one_database
@pytest.mark.parametrize(
    ("person", "backend"),
    [
        ({}, "relier_site.sms.LocmemBackend"),  # not chosen
        ({"reminder_by_sms": True, "phone": ""}, "relier_site.sms.LocmemBackend"),  # no phone
        ({"reminder_by_sms": True}, "relier_site.sms.DisabledBackend"),  # no provider
    ],
)
def test_no_sms_unless_chosen_with_a_phone_and_a_provider(
    phone_type, psychologist, settings, person, backend
):
    settings.SMS_BACKEND = backend
    appointment = book(phone_type, psychologist, **person)

    assert sms_rows(appointment) == []
    assert len([r for r in emails_about(appointment) if ":reminder:" in r.reason_key]) == 2


@pytest.mark.django_db
@pytest.mark.both_databases
def test_a_cancellation_voids_the_sms_reminders(phone_type, psychologist):
    appointment = book(phone_type, psychologist, reminder_by_sms=True)

    services.cancel(appointment, now=NOW)
    delivery.retry_due(now=SLOT - timedelta(minutes=1))

    assert {row.status for row in sms_rows(appointment)} == {Status.CANCELLED}
    assert sms.outbox == []
