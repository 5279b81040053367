"""Personal fields are declared once per model (relier_site.personal_data) and that one
list drives anonymisation and erasure, the right-of-access export, the Sentry scrubber
and the canary tests. A text field declared neither personal nor non-personal fails
here, so a new field cannot be forgotten."""

import uuid

import pytest
from django.db import models
from django.test.utils import isolate_apps

from appointments import retention as appointment_retention
from appointments import services as appointment_services
from appointments.models import Appointment, AppointmentEvent, WaitingRequest
from events import services as event_services
from events.models import Registration
from referrals import exports, retention
from referrals import services as referral_services
from referrals.models import Kind, Referral
from relier_site import personal_data
from tests.events.staff_helpers import canary_registration, make_event, make_session

pytestmark = pytest.mark.one_database

EXPECTED = {
    "Referral",
    "ReferralEvent",
    "Registration",
    "RegistrationEvent",
    "OutboundEmail",
    "Appointment",
    "AppointmentEvent",
    "WaitingRequest",
}


def test_every_text_field_of_a_model_with_personal_data_is_declared():
    found = personal_data.personal_data_models()
    assert {model.__name__ for model in found} >= EXPECTED
    for model in found:
        assert personal_data.undeclared_fields(model) == [], model.__name__
        personal = set(personal_data.personal_fields(model))
        other = set(getattr(model, "non_personal_fields", ()))
        assert not personal & other, model.__name__
        names = {field.name for field in model._meta.concrete_fields}
        assert personal | other <= names, f"{model.__name__}: unknown field declared"


@isolate_apps("relier_site")
def test_the_check_finds_a_forgotten_field():
    class Person(models.Model):
        contains_personal_data = True
        personal_fields = ("email",)
        non_personal_fields = ("code",)
        email = models.EmailField()
        code = models.CharField(max_length=5)
        nickname = models.CharField(max_length=40)
        notes = models.TextField()
        age = models.PositiveSmallIntegerField(null=True)

        class Meta:
            app_label = "relier_site"

        def __str__(self):
            return self.code

    assert personal_data.undeclared_fields(Person) == ["nickname", "notes"]


def test_anonymisation_blanks_exactly_the_declared_fields():
    assert personal_data.blank_values(Referral) == retention.BLANKED_FIELDS
    assert set(retention.BLANKED_FIELDS) == set(Referral.personal_fields)


def test_the_access_export_shows_every_personal_value_of_the_person():
    relations = {"possible_duplicate_of", "assigned_to"}  # staff links, not the person's
    assert set(Referral.personal_fields) - relations <= set(exports.PERSON_FIELDS)


@pytest.mark.django_db
def test_erasure_leaves_no_declared_personal_value(django_user_model):
    referral = Referral.objects.create(
        kind=Kind.CONTACT,
        submission_token=uuid.uuid4().hex,
        **{
            name: "canari" if isinstance(field, models.CharField | models.TextField) else None
            for name in Referral.personal_fields
            if (field := Referral._meta.get_field(name)).null
            or isinstance(field, models.CharField | models.TextField)
        },
    )
    actor = django_user_model.objects.create(username="effaceur")
    referral_services.erase(referral, actor=actor)
    referral.refresh_from_db()
    for name, blank in personal_data.blank_values(Referral).items():
        assert getattr(referral, name) == blank, name


@pytest.mark.django_db
def test_registration_retention_leaves_no_declared_personal_value(home_page):
    from datetime import timedelta

    from django.utils import timezone

    session = make_session(make_event(home_page), start=timezone.now() - timedelta(days=800))
    registration = canary_registration(session, age=16)
    event_services.anonymise_expired()
    registration.refresh_from_db()
    for name, blank in personal_data.blank_values(Registration).items():
        assert getattr(registration, name) == blank, name
    assert registration.age_band == "15-17"


def _canary_values(model):
    """ "canari" in every personal text field of `model` (a valid address for an email)."""
    values = {}
    for name in model.personal_fields:
        field = model._meta.get_field(name)
        if isinstance(field, models.EmailField):
            values[name] = "canari@example.org"
        elif isinstance(field, models.CharField | models.TextField):
            values[name] = "canari"
    return values


def _appointments_canaries():
    from datetime import timedelta

    from django.utils import timezone

    from tests.appointments.helpers import make_appointment, make_psychologist, make_type

    appointment_type = make_type()
    appointment = make_appointment(
        appointment_type, make_psychologist(), timezone.now() - timedelta(days=800)
    )
    Appointment.objects.filter(pk=appointment.pk).update(**_canary_values(Appointment))
    AppointmentEvent.record(appointment, AppointmentEvent.Action.CREATED, note="canari")
    waiting_request = WaitingRequest.objects.create(
        type=appointment_type,
        changed_at=timezone.now() - timedelta(days=200),
        **_canary_values(WaitingRequest),
    )
    return appointment, waiting_request


def _assert_blank(row):
    row.refresh_from_db()
    for name, blank in personal_data.blank_values(type(row)).items():
        assert getattr(row, name) == blank, name


@pytest.mark.django_db
def test_appointments_retention_leaves_no_declared_personal_value():
    appointment, waiting_request = _appointments_canaries()
    assert appointment_services.anonymise_expired() == 2
    _assert_blank(appointment)
    _assert_blank(waiting_request)
    assert not AppointmentEvent.objects.filter(note__contains="canari").exists()


@pytest.mark.django_db
def test_appointments_erasure_leaves_no_declared_personal_value(django_user_model):
    appointment, waiting_request = _appointments_canaries()
    actor = django_user_model.objects.create(username="effaceur")
    appointment_services.erase(appointment, actor=actor)
    appointment_services.erase(waiting_request, actor=actor)
    _assert_blank(appointment)
    _assert_blank(waiting_request)


@pytest.mark.django_db
def test_the_appointments_access_export_shows_every_personal_value():
    for row in _appointments_canaries():
        exported = str(appointment_retention.person_data(row))
        for name in row.personal_fields:
            assert str(getattr(row, name)) in exported, name
