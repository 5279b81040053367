"""Every input of the permanences' public pages: the week and psychologist filters of the
slot list (GET), the booking form, the move and cancel confirmations. A slot travels as
« <psychologist id>-<start, Unix seconds> » (no personal data); the service checks again
that it is free, under its lock."""

import uuid
from datetime import UTC, datetime

from crispy_forms.layout import HTML, Div, Fieldset, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator

from home.vocabulary import (
    BANDS_UNDER_TRUSTED_ADULT_AGE,
    TRUSTED_ADULT_NAME_NEEDED,
    TRUSTED_ADULT_PHONE_NEEDED,
    AgeBand,
)
from relier_site import timezones
from relier_site.forms import URGENT, FilterForm, PublicForm, urgency_field, urgency_section
from relier_site.phones import PhoneField
from relier_site.text import CleanCharField

from .models import Appointment, AppointmentType

SLOT_INVALID = "Ce créneau n'existe pas : choisissez-en un dans la liste."
ONE_CONTACT = (
    "Indiquez un numéro de téléphone ou une adresse électronique (l'un des deux suffit) : "
    "c'est par là que nous confirmons le rendez-vous."
)
SMS_NEEDS_PHONE = "Pour recevoir les rappels par SMS, indiquez votre numéro de téléphone."
CALL_NEEDS_CHOICE = "Choisissez comment la ou le psychologue vous appelle."
REASON_HELP = (
    "Facultatif : quelques mots suffisent. N'écrivez aucune information médicale "
    "(diagnostic, traitement, suivi) : vous en parlerez de vive voix."
)


def slot_value(slot):
    """The form value of a slot (slots.Slot or Appointment)."""
    return f"{slot.psychologist_id}-{int(slot.start.timestamp())}"


def parse_slot(value):
    """(psychologist, start) of a slot value, or ValidationError."""
    try:
        person, seconds = (int(part) for part in str(value).split("-"))
        start = datetime.fromtimestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError):
        raise ValidationError(SLOT_INVALID) from None
    psychologist = get_user_model().objects.filter(pk=person, is_active=True).first()
    if psychologist is None:
        raise ValidationError(SLOT_INVALID)
    return psychologist, start


class SlotField(forms.CharField):
    """A chosen slot, hidden; shown as a list of free slots to choose from when the one
    chosen is no longer free (`offer`)."""

    def __init__(self, **kwargs):
        super().__init__(
            label="Créneau choisi",
            max_length=40,
            widget=forms.HiddenInput,
            error_messages={"required": SLOT_INVALID},
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        if value:
            parse_slot(value)
        return value


class SlotChoice(forms.Form):
    """A slot named in the address of a step (`?creneau=`)."""

    creneau = SlotField()

    def slot(self):
        return parse_slot(self.cleaned_data["creneau"])


class SlotFilterForm(FilterForm):
    """The week shown (0: this one) and, when the type allows it, the psychologist."""

    semaine = forms.IntegerField(label="Semaine", required=False, min_value=0, max_value=60)
    psychologue = forms.TypedChoiceField(label="Avec", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, appointment_type, people, last_week, **kwargs):
        super().__init__(*args, **kwargs)
        week = self.fields["semaine"]
        week.max_value = last_week
        week.validators = [
            MaxValueValidator(last_week) if isinstance(v, MaxValueValidator) else v
            for v in week.validators
        ]
        week.widget = forms.HiddenInput()
        if appointment_type.may_choose_psychologist and len(people) > 1:
            self.fields["psychologue"].choices = [("", "Peu importe"), *people]
        else:
            del self.fields["psychologue"]
        self.helper.form_tag = True
        self.helper.form_method = "get"
        self.helper.add_input(Submit("afficher", "Afficher les créneaux"))

    @property
    def week(self):
        return self.selected().get("semaine") or 0

    @property
    def psychologist_id(self):
        return self.selected().get("psychologue")


class ChosenSlot:
    """The hidden slot of a booking form (`creneau`), shown as a list of free slots to
    choose from when the one chosen is no longer free."""

    def offer(self, found):
        """Show the slot as a list of the free slots `found` to choose from."""
        field = self.fields["creneau"]
        field.label = "Choisissez un créneau"
        field.widget = forms.RadioSelect(
            choices=[(slot_value(slot), timezones.start_text(slot)) for slot in found],
            attrs={"class": "form-check-input"},
        )

    def slot(self):
        return parse_slot(self.cleaned_data["creneau"])


class BookingForm(ChosenSlot, PublicForm):
    """The short form of a booking: the slot (hidden), who, how to reach them, the
    urgency question; under 15 on a permanence for young people, a trusted adult."""

    helper_options = {"form_method": "post"}
    contact_fields = ("email", "phone")
    field_order = ["urgent"]

    urgent = urgency_field()
    creneau = SlotField()
    first_name = CleanCharField(
        label="Prénom ou pseudonyme",
        max_length=40,
        truncate=False,
        help_text="Un pseudonyme suffit : c'est ainsi que la ou le psychologue vous appellera.",
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"required": "Indiquez un prénom ou un pseudonyme."},
    )
    age_band = forms.ChoiceField(
        label="Âge du jeune concerné",
        choices=AgeBand.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez une tranche d'âge.",
            "invalid_choice": "Choisissez une tranche d'âge de la liste.",
        },
    )
    trusted_adult_name = CleanCharField(
        label="Prénom et nom d'un adulte de confiance",
        max_length=100,
        required=False,
        help_text="Un parent, un membre de ta famille, une infirmière ou un professeur.",
    )
    trusted_adult_phone = PhoneField(label="Téléphone de cet adulte")
    phone = PhoneField(label="Téléphone")
    email = forms.EmailField(
        label="Adresse électronique",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": "Cette adresse électronique n'est pas valide : elle doit ressembler "
            "à nom@exemple.fr."
        },
    )
    call_preference = forms.ChoiceField(
        label="Quand la ou le psychologue vous appelle, son numéro est…",
        required=False,
        choices=[
            (Appointment.CallPreference.NUMBER_SHOWN, "Affiché"),
            (Appointment.CallPreference.NUMBER_HIDDEN, "Masqué (« numéro privé »)"),
        ],
        widget=forms.RadioSelect,
        help_text="Masqué : rien n'apparaît dans votre journal d'appels.",
    )
    reminder_by_sms = forms.BooleanField(label="Recevoir aussi les rappels par SMS", required=False)
    reason = CleanCharField(
        label="En quelques mots, de quoi voulez-vous parler ?",
        max_length=500,
        required=False,
        truncate=False,
        multiline=True,
        help_text=REASON_HELP,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, appointment_type, offered=(), **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("submission", uuid.uuid4().hex)
        kwargs["initial"].setdefault("call_preference", Appointment.CallPreference.NUMBER_HIDDEN)
        super().__init__(*args, **kwargs)
        self.appointment_type = appointment_type
        self.for_youth = appointment_type.audience == AppointmentType.Audience.YOUTH
        self.by_phone = appointment_type.mode == AppointmentType.Mode.PHONE
        if self.for_youth:
            self.fields["age_band"].label = "Ton âge"
        else:
            del self.fields["trusted_adult_name"], self.fields["trusted_adult_phone"]
        if not self.by_phone:
            del self.fields["call_preference"]
        if offered:
            self.offer(offered)
        sections = [
            urgency_section(),
            "creneau",
            Fieldset("Vous", "first_name", "age_band"),
        ]
        if self.for_youth:
            sections.append(
                Div(
                    HTML('{% include "forms/trusted_adult_intro.html" %}'),
                    "trusted_adult_name",
                    "trusted_adult_phone",
                    css_class="trusted-adult",
                )
            )
        contact = ["phone", "email"]
        if self.by_phone:
            contact.append("call_preference")
        contact.append("reminder_by_sms")
        sections += [
            Fieldset("Pour vous joindre", *contact),
            "reason",
            HTML('{% include "appointments/includes/privacy_notice.html" %}'),
            "submission",
        ]
        self.set_layout(*sections)
        self.helper.attrs = {"class": "booking-form"}
        self.helper.add_input(Submit("reserver", "Réserver ce créneau"))

    @property
    def is_urgent(self):
        return self.cleaned_data.get("urgent") == URGENT

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean(self):
        cleaned = super().clean()
        phone, email = cleaned.get("phone"), cleaned.get("email")
        if not phone and not email and "phone" not in self.errors and "email" not in self.errors:
            self.add_error("phone", ONE_CONTACT)
            self.add_error("email", ONE_CONTACT)
        if cleaned.get("reminder_by_sms") and not phone and "phone" not in self.errors:
            self.add_error("reminder_by_sms", SMS_NEEDS_PHONE)
        if self.by_phone and phone and not cleaned.get("call_preference"):
            self.add_error("call_preference", CALL_NEEDS_CHOICE)
        if self.for_youth and cleaned.get("age_band") in BANDS_UNDER_TRUSTED_ADULT_AGE:
            if not cleaned.get("trusted_adult_name") and "trusted_adult_name" not in self.errors:
                self.add_error("trusted_adult_name", TRUSTED_ADULT_NAME_NEEDED)
            if not cleaned.get("trusted_adult_phone") and "trusted_adult_phone" not in self.errors:
                self.add_error("trusted_adult_phone", TRUSTED_ADULT_PHONE_NEEDED)
        return cleaned

    def person(self):
        """What services.book stores."""
        data = self.cleaned_data
        person = {
            name: data.get(name) or ""
            for name in (
                "first_name",
                "age_band",
                "phone",
                "email",
                "reason",
                "trusted_adult_name",
                "trusted_adult_phone",
            )
        }
        person["call_preference"] = (data.get("call_preference") or "") if data.get("phone") else ""
        person["reminder_by_sms"] = bool(data.get("reminder_by_sms") and data.get("phone"))
        return person


CALL_THE_YOUNG_NEEDS_CHOICE = "Choisissez comment la ou le psychologue appelle le jeune."
AGREED_REQUIRED = (
    "Nous ne prenons un rendez-vous pour un jeune que s'il est d'accord : demandez-lui "
    "son accord avant de réserver."
)


class ReferralBookingForm(ChosenSlot, PublicForm):
    """The professional who referred a young person books their first slot (README « Un
    rendez-vous pris par la personne qui oriente »): the young person's first name and
    contact come from the referral (`young`, referrals.selectors.ReferredYoungPerson);
    the form asks only for the young person's agreement, how the psychologist calls
    (a phone permanence, with the young person's phone) and the SMS reminders (with a
    phone)."""

    helper_options = {"form_method": "post"}

    creneau = SlotField()
    agreed = forms.BooleanField(
        label="Le jeune est d'accord pour ce rendez-vous, à ce jour et à cette heure.",
        error_messages={"required": AGREED_REQUIRED},
    )
    call_preference = BookingForm.base_fields["call_preference"]
    reminder_by_sms = forms.BooleanField(
        label="Envoyer aussi les rappels par SMS au jeune", required=False
    )
    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, appointment_type, young, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("submission", uuid.uuid4().hex)
        kwargs["initial"].setdefault("call_preference", Appointment.CallPreference.NUMBER_HIDDEN)
        super().__init__(*args, **kwargs)
        self.young = young
        self.fields[
            "call_preference"
        ].label = "Quand la ou le psychologue appelle le jeune, son numéro est…"
        self.fields[
            "call_preference"
        ].help_text = "Masqué : rien n'apparaît dans le journal d'appels du jeune."
        if not young.phone:
            del self.fields["reminder_by_sms"]
        if not (young.phone and appointment_type.mode == AppointmentType.Mode.PHONE):
            del self.fields["call_preference"]
        how = [name for name in ("call_preference", "reminder_by_sms") if name in self.fields]
        sections = ["creneau", "agreed"]
        if how:
            sections.append(Fieldset("Pour joindre le jeune", *how))
        self.set_layout(*sections, "submission")
        self.helper.attrs = {"class": "booking-form"}
        self.helper.add_input(Submit("reserver", "Réserver ce créneau pour le jeune"))

    def clean(self):
        cleaned = super().clean()
        if "call_preference" in self.fields and not cleaned.get("call_preference"):
            self.add_error("call_preference", CALL_THE_YOUNG_NEEDS_CHOICE)
        return cleaned

    def person(self):
        """What services.book stores: the young person's first name, age band and
        contact from the referral, the choices made here; no reason (the referral's
        message stays in the referral)."""
        young, data = self.young, self.cleaned_data
        return {
            "first_name": young.first_name,
            "age_band": young.age_band,
            "phone": young.phone,
            "email": young.email,
            "call_preference": data.get("call_preference") or "",
            "reminder_by_sms": bool(data.get("reminder_by_sms") and young.phone),
        }


class AppointmentChoice(forms.Form):
    """« Oui, annuler » / « Oui, déplacer »: the appointment meant (the visitor's session
    must hold its link, relier_site.signed_links) and, to move it, the new slot."""

    rendez_vous = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    creneau = SlotField(required=False)

    def appointment_id(self):
        return self.cleaned_data["rendez_vous"]

    def slot(self):
        value = self.cleaned_data.get("creneau")
        return parse_slot(value) if value else None
