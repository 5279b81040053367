"""A request still « Nouvelle » after REFERRALS_REMINDER_WORKING_DAYS French working days
reminds the routing group, once a day at most; public holidays do not count."""

import pytest
from django.test import override_settings

from referrals import services
from referrals.models import Referral, RoutingRule
from relier_site.models import OutboundEmail
from relier_site.scheduling import daily_jobs, run_daily_jobs
from tests.referrals.triage_helpers import handler, paris, store

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


@pytest.fixture
def rule(db):
    return RoutingRule.objects.create(emails="equipe-93@example.org")


def reminders():
    return list(OutboundEmail.objects.filter(template_name__contains="reminder"))


def test_friday_17_may_2024_before_whit_monday_is_reminded_on_thursday(rule, home_page):
    # Friday 17 May 2024; Monday 20 May is Whit Monday: the two working days are
    # Tuesday 21 and Wednesday 22, so the request is overdue on Thursday 23 May.
    referral = store(created_at=paris(2024, 5, 17, 10, 0))
    assert services.send_reminders(now=paris(2024, 5, 22, 3, 30)) == 0
    assert reminders() == []
    assert not Referral.objects.overdue(paris(2024, 5, 22).date()).exists()

    assert services.send_reminders(now=paris(2024, 5, 23, 3, 30)) == 1
    [mail] = reminders()
    assert mail.to == ["equipe-93@example.org"]
    assert referral.reference in mail.subject
    assert "toujours « Nouvelle » après 2 jours ouvrés" in mail.body_text
    assert "Sami" not in mail.body_text + mail.body_html
    assert "sami.jeune@example.org" not in mail.body_text + mail.body_html
    assert referral.events.filter(action="reminder").count() == 1
    assert list(Referral.objects.overdue(paris(2024, 5, 23).date())) == [referral]


def test_a_reminder_is_sent_at_most_once_a_day(rule, home_page):
    store(created_at=paris(2024, 5, 17, 10, 0))
    services.send_reminders(now=paris(2024, 5, 23, 3, 30))
    assert services.send_reminders(now=paris(2024, 5, 23, 15, 0)) == 0
    assert len(reminders()) == 1
    assert services.send_reminders(now=paris(2024, 5, 24, 3, 30)) == 1
    assert len(reminders()) == 2


def test_a_request_taken_in_charge_is_not_reminded(rule, home_page):
    referral = store(created_at=paris(2024, 5, 17, 10, 0))
    staff = handler()
    services.assign(referral, staff, actor=staff)
    assert services.send_reminders(now=paris(2024, 5, 23, 3, 30)) == 0
    assert reminders() == []


def test_the_reminder_job_runs_with_the_nightly_maintenance(rule, home_page):
    assert "referral_reminders" in daily_jobs()
    assert "referral_retention" in daily_jobs()
    store(created_at=paris(2024, 5, 17, 10, 0))
    summary = run_daily_jobs(now=paris(2024, 5, 23, 3, 30))
    assert summary["referral_reminders"] == 1


@override_settings(REFERRALS_REMINDER_WORKING_DAYS=1)
def test_the_number_of_working_days_is_a_setting(rule, home_page):
    store(created_at=paris(2024, 5, 17, 10, 0))
    # One working day (Tuesday 21, after Whit Monday): overdue on Wednesday 22 May.
    assert services.send_reminders(now=paris(2024, 5, 21, 3, 30)) == 0
    assert services.send_reminders(now=paris(2024, 5, 22, 3, 30)) == 1
