"""One vocabulary of programmes (home.vocabulary): the referral forms, routing rules and
statistics, and the agenda (events, filter, attendance figures) store and name the same
programmes the same way."""

import pytest

from events.forms import AgendaFilterForm
from events.models import PROGRAMME_CHOICES, EventPage
from home.vocabulary import Programme
from referrals.models import Programme as ReferralProgramme
from referrals.models import Referral

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


def test_referrals_and_events_share_the_programmes():
    assert Programme.choices == PROGRAMME_CHOICES
    assert EventPage._meta.get_field("programme").choices == Programme.choices
    # Referrals add only « not sure », a form's answer, after the programmes.
    assert ReferralProgramme.choices == [*Programme.choices, ("pas-sur", "Je ne sais pas encore")]
    assert Referral._meta.get_field("programme").choices == ReferralProgramme.choices
    for programme in Programme:
        assert ReferralProgramme[programme.name] == programme
        assert ReferralProgramme[programme.name].label == programme.label


def test_the_agenda_filter_offers_the_shared_programmes():
    choices = AgendaFilterForm().fields["programme"].choices
    assert choices == [("", "Tous les programmes"), *Programme.choices]
