"""Outgoing email: MJML rendering, the outbox, dedupe, the "mail" system check."""

import os

import pytest
from django.core import mail as django_mail
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError

from relier_site.mail import outbox, rendering
from relier_site.mail.outbox import send_templated_mail
from relier_site.models import OutboundEmail

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]

GREETING_MJML = """<mj-section>
  <mj-column>
    <mj-text><p>Bonjour {{ name }}, votre référence est {{ reference }}.</p></mj-text>
    <mj-button href="{{ link }}">Voir</mj-button>
  </mj-column>
</mj-section>
"""
GREETING_TXT = """{% extends "emails/base.txt" %}
{% partialdef subject %}Bonjour {{ name }}{% endpartialdef %}
{% block content %}Bonjour {{ name }}, votre référence est {{ reference }}.{% endblock %}
"""


def write_greeting(folder, mjml=GREETING_MJML, txt=GREETING_TXT):
    (folder / "greeting.mjml").write_text(mjml, encoding="utf-8")
    (folder / "greeting.txt").write_text(txt, encoding="utf-8")


def html_part(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_test_message_is_multipart_with_text_html_and_helplines(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        row = send_templated_mail("emails/test_message", {}, ["parent@example.org"])

    assert len(django_mail.outbox) == 1
    sent = django_mail.outbox[0]
    assert sent.to == ["parent@example.org"]
    assert sent.subject == "Courriel de test – Les Centres Relier"
    assert sent.message().get_content_type() == "multipart/alternative"
    html = html_part(sent)
    assert "<html" in html and "Courriel de test</h1>" in html
    assert "Courriel de test" in sent.body and "<" not in sent.body
    for number in ("3018", "119", "3114", "112"):
        assert f'href="tel:{number}"' in html
        assert f"- {number}\u00a0:" in sent.body
    assert "Les Centres Relier" in html and "Les Centres Relier" in sent.body
    assert "{{" not in html and "{%" not in html
    assert "fonts.googleapis.com" not in html
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT
    assert row.attempts == 1 and row.sent_at is not None


def test_html_part_is_autoescaped(email_templates, django_capture_on_commit_callbacks):
    write_greeting(email_templates)
    context = {
        "name": "<script>alert(1)</script>",
        "reference": "R&D-7",
        "link": 'https://exemple.fr/?a=1&b="x"',
    }
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_mail("emails/greeting", context, "jeune@example.org")

    sent = django_mail.outbox[0]
    html = html_part(sent)
    assert "<script>" not in html
    assert "Bonjour &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "R&amp;D-7" in html
    assert 'href="https://exemple.fr/?a=1&amp;b=&quot;x&quot;"' in html
    # The plain-text part is not HTML: no entities there.
    assert "Bonjour <script>alert(1)</script>, votre référence est R&D-7." in sent.body
    assert sent.subject == "Bonjour <script>alert(1)</script>"


def test_mjml_is_compiled_once_per_file_version(
    email_templates, fresh_compile_cache, django_capture_on_commit_callbacks
):
    write_greeting(email_templates)
    context = {"name": "Sam", "reference": "A1", "link": "https://exemple.fr/"}
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_mail("emails/greeting", context, ["a@example.org"])
        send_templated_mail("emails/greeting", context, ["b@example.org"])

    assert len(django_mail.outbox) == 2
    assert rendering.compile_cache_info()["compilations"] == 1

    # Editing the template (new modification time) compiles the new version, once.
    path = email_templates / "greeting.mjml"
    path.write_text(GREETING_MJML.replace("Bonjour", "Bonsoir"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_mail("emails/greeting", context, ["c@example.org"])
        send_templated_mail("emails/greeting", context, ["d@example.org"])
    assert rendering.compile_cache_info()["compilations"] == 2
    assert "Bonsoir Sam" in html_part(django_mail.outbox[-1])


def test_same_reason_is_stored_and_sent_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = send_templated_mail(
            "emails/test_message", {}, ["parent@example.org"], reason_key="test:1:hello"
        )
        second = send_templated_mail(
            "emails/test_message", {}, ["parent@example.org"], reason_key="test:1:hello"
        )
        other = send_templated_mail(
            "emails/test_message", {}, ["parent@example.org"], reason_key="test:2:hello"
        )

    assert second.pk == first.pk
    assert other.pk != first.pk
    assert OutboundEmail.objects.count() == 2
    assert len(django_mail.outbox) == 2


def test_nothing_is_stored_or_sent_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks,
):
    from django.db import transaction

    class Abort(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        send_templated_mail("emails/test_message", {}, ["parent@example.org"])
        raise Abort

    assert OutboundEmail.objects.count() == 0
    assert django_mail.outbox == []


def test_invalid_recipient_is_refused_before_storing():
    with pytest.raises(ValueError):
        send_templated_mail("emails/test_message", {}, ["pas-une-adresse"])
    assert OutboundEmail.objects.count() == 0


def test_shipped_email_templates_pass_the_mail_check():
    call_command("check", tags=["mail"])  # raises SystemCheckError on any error


@pytest.mark.parametrize(
    ("mjml", "expected"),
    [
        (
            "<mj-section><mj-column><mj-text>Bonjour</mj-column></mj-section>",
            "</mj-column> ferme <mj-text>",
        ),
        (
            "<mj-sectio><mj-column><mj-text>Bonjour</mj-text></mj-column></mj-sectio>",
            "mj-sectio",
        ),
        ("<mj-section><mj-column><mj-text>Bonjour</mj-text></mj-column>", "jamais fermée"),
        (
            "<mj-section><mj-column><mj-text>{% if x %}oui</mj-text></mj-column></mj-section>",
            "syntaxe Django",
        ),
    ],
)
def test_broken_mjml_fails_the_check_naming_the_template(email_templates, mjml, expected):
    write_greeting(email_templates)
    (email_templates / "broken.mjml").write_text(mjml, encoding="utf-8")
    (email_templates / "broken.txt").write_text(GREETING_TXT, encoding="utf-8")

    with pytest.raises(SystemCheckError) as excinfo:
        call_command("check", tags=["mail"])

    report = str(excinfo.value)
    assert "relier_site.E001" in report
    assert "« emails/broken.mjml »" in report
    assert expected in report
    assert "greeting.mjml" not in report  # only the broken one is reported


def test_broken_mjml_fails_loudly_when_sending(email_templates):
    (email_templates / "broken.mjml").write_text("<mj-section><mj-column>", encoding="utf-8")
    (email_templates / "broken.txt").write_text(GREETING_TXT, encoding="utf-8")

    with pytest.raises(rendering.MJMLTemplateError, match="emails/broken.mjml"):
        send_templated_mail("emails/broken", {"name": "Sam"}, ["a@example.org"])
    assert OutboundEmail.objects.count() == 0


def test_message_without_text_part_fails_the_check(email_templates):
    (email_templates / "lonely.mjml").write_text(
        "<mj-section><mj-column><mj-text>Bonjour</mj-text></mj-column></mj-section>",
        encoding="utf-8",
    )
    with pytest.raises(SystemCheckError) as excinfo:
        call_command("check", tags=["mail"])
    assert "relier_site.E002" in str(excinfo.value)
    assert "emails/lonely.txt" in str(excinfo.value)


def test_send_test_email_command_sends_through_the_outbox():
    call_command("send_test_email", "exploitation@example.org")

    row = OutboundEmail.objects.get()
    assert row.status == OutboundEmail.Status.SENT
    assert row.template_name == "emails/test_message"
    assert [m.to for m in django_mail.outbox] == [["exploitation@example.org"]]
    assert django_mail.outbox[0].subject.startswith("Courriel de test")


def test_send_test_email_command_rejects_a_bad_address():
    with pytest.raises(CommandError, match="adresse invalide"):
        call_command("send_test_email", "pas-une-adresse")
    assert OutboundEmail.objects.count() == 0


def test_contact_line_and_helplines_come_from_the_site_settings(
    home_page, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "contact@centres-relier.fr"
    site_settings.contact_phone = "01 23 45 67 89"
    site_settings.save()

    with django_capture_on_commit_callbacks(execute=True):
        send_templated_mail("emails/test_message", {}, ["parent@example.org"])

    sent = django_mail.outbox[0]
    html = html_part(sent)
    assert 'href="mailto:contact@centres-relier.fr"' in html
    assert 'href="tel:0123456789"' in html
    assert "Pour nous écrire\u00a0: contact@centres-relier.fr" in sent.body
    assert "Téléphone\u00a0: 01 23 45 67 89" in sent.body
    assert "- 3018\u00a0: Harcèlement et cyberharcèlement" in sent.body
    assert 'href="tel:3018"' in html


@pytest.fixture
def command_line(monkeypatch):
    """Run send_test_email as from the shell: (exit code, stdout, stderr)."""
    from io import StringIO

    from django.core.management import base

    from relier_site.management.commands.send_test_email import Command

    # The command closes the database connections when it ends; the test still needs its own.
    monkeypatch.setattr(base.connections, "close_all", lambda: None)

    def run(*args):
        out, err = StringIO(), StringIO()
        command = Command(stdout=out, stderr=err)
        with pytest.raises(SystemExit) as exit_info:
            command.run_from_argv(["manage.py", "send_test_email", *args])
            raise SystemExit(0)
        return exit_info.value.code, out.getvalue(), err.getvalue()

    return run


def test_send_test_email_reports_a_bad_address_in_french_without_traceback(command_line):
    code, _out, err = command_line("pas-une-adresse")
    assert code == 1
    assert err.strip() == "Erreur : adresse invalide : pas-une-adresse"


def test_send_test_email_reports_a_locked_database_in_french_without_traceback(
    command_line, monkeypatch
):
    from django.db import OperationalError

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(outbox, "send_templated_mail", locked)
    code, _out, err = command_line("exploitation@example.org")
    assert code == 1
    assert err.startswith("Erreur : la base de données n'a pas répondu à temps")
    assert "OperationalError" in err and "Traceback" not in err and "locked" not in err
