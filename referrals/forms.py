"""Every input of the referral forms: the three public forms and the `?programme=` query
parameter that preselects a programme. Every error is a precise French sentence shown
next to its field (and in the summary at the top); what was typed is kept."""

import re
import secrets

from crispy_forms.layout import HTML, Div, Fieldset, Submit
from django import forms
from django.core.exceptions import ValidationError

from guide.selectors import departement_choices, departement_for_postcode
from home.vocabulary import (
    TRUSTED_ADULT_AGE,
    TRUSTED_ADULT_NAME_NEEDED,
    TRUSTED_ADULT_PHONE_NEEDED,
)
from relier_site.forms import (
    HONEYPOT,
    URGENT,
    FilterForm,
    PublicForm,
    urgency_field,
    urgency_section,
)
from relier_site.phones import PhoneField
from relier_site.text import CleanCharField

from .conf import conf
from .models import (
    Concern,
    ContactPreference,
    InterventionType,
    Kind,
    OrganisationType,
    Programme,
    ProgrammeFormat,
    Referral,
    Requester,
)

AGE_MIN, AGE_MAX = 3, 30
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
EMAIL_MESSAGE = (
    "Cette adresse électronique n'est pas valide : elle doit ressembler à nom@exemple.fr."
)
REQUIRED = "Ce champ est obligatoire."

# Programmes a young person can be oriented towards (the others are tools for schools).
ORIENTATION_PROGRAMMES = (
    Programme.RELIER_VERS_LEMPLOI,
    Programme.SE_RECONSTRUIRE_ENSEMBLE,
    Programme.STOP_CYBERVIOLENCES,
    Programme.NOT_SURE,
)


def new_submission_token():
    return secrets.token_urlsafe(32)


def valid_token(value):
    """`value` when it looks like a token this site made, else None."""
    value = value if isinstance(value, str) else ""
    return value if TOKEN_PATTERN.fullmatch(value) else None


def _choices(enum, only=None):
    return [(value, label) for value, label in enum.choices if only is None or value in only]


def text_field(
    label, max_length, *, required=True, help_text="", multiline=False, message=REQUIRED, **attrs
):
    widget = forms.Textarea(attrs={"rows": 5}) if multiline else forms.TextInput()
    widget.attrs.update(attrs)
    return CleanCharField(
        label=label,
        max_length=max_length,
        required=required,
        truncate=False,
        multiline=multiline,
        help_text=help_text,
        widget=widget,
        error_messages={
            "required": message,
            "max_length": f"Ce texte est trop long : {max_length} caractères au plus "
            "(il en compte actuellement %(show_value)d).",
        },
    )


def email_field(label, *, required=False, help_text="", message=REQUIRED):
    return forms.EmailField(
        label=label,
        max_length=254,
        required=required,
        help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": message, "invalid": EMAIL_MESSAGE, "max_length": EMAIL_MESSAGE},
    )


def age_field(label):
    return forms.IntegerField(
        label=label,
        min_value=AGE_MIN,
        max_value=AGE_MAX,
        help_text=f"En années, de {AGE_MIN} à {AGE_MAX} ans.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Indiquez l'âge du jeune, en chiffres (par exemple 16).",
            "invalid": "Indiquez l'âge en chiffres, par exemple 16.",
            "min_value": f"Les Centres Relier accompagnent les jeunes de {AGE_MIN} à {AGE_MAX} "
            f"ans : indiquez un âge de {AGE_MIN} ans au moins.",
            "max_value": f"Les Centres Relier accompagnent les jeunes de {AGE_MIN} à {AGE_MAX} "
            f"ans : indiquez un âge de {AGE_MAX} ans au plus.",
        },
    )


def postcode_field(label, *, required=True, help_text="5 chiffres, par exemple 93200."):
    return CleanCharField(
        label=label,
        max_length=10,
        required=required,
        truncate=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
        error_messages={
            "required": "Indiquez le code postal, par exemple 93200.",
            "max_length": "Un code postal s'écrit avec 5 chiffres, par exemple 93200.",
        },
    )


def choice_field(label, choices, *, required=True, radio=True, help_text="", message=None):
    return forms.ChoiceField(
        label=label,
        choices=choices if radio else [("", "Choisissez…"), *choices],
        required=required,
        help_text=help_text,
        widget=forms.RadioSelect if radio else forms.Select,
        error_messages={
            "required": message or "Choisissez une réponse.",
            "invalid_choice": "Ce choix n'existe pas : choisissez une réponse de la liste.",
        },
    )


def concerns_field(label, *, required=True):
    return forms.MultipleChoiceField(
        label=label,
        choices=Concern.choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez une ou plusieurs cases.",
        error_messages={
            "required": "Cochez au moins une case (« Autre » si aucune ne convient).",
            "invalid_choice": "Ce choix n'existe pas : cochez les cases de la liste.",
        },
    )


MESSAGE_HELP = (
    "Quelques phrases suffisent. N'écrivez aucune information médicale (diagnostic, "
    "traitement, suivi psychologique) : nous en parlerons de vive voix si c'est utile."
)


class ProgrammeChoiceForm(FilterForm):
    """`?programme=` of a form page: preselects a programme; an unknown one is ignored."""

    programme = forms.ChoiceField(choices=[("", ""), *Programme.choices], required=False)


class ReferralForm(PublicForm):
    """Base of the three forms: the submission token (idempotent double submission), the
    urgency question where there is one (first, see `urgency_section`), and
    the layout."""

    kind = None
    # The email and phone of the person the request is about: the flood limit per contact
    # counts them (views.flood_limit).
    contact_fields = ("email", "phone")
    submit_label = "Envoyer ma demande"

    # The danger question comes first (layout and error summary): a person in danger
    # reads the helplines before filling anything in.
    field_order = ["urgent"]

    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.retention_months = conf.RETENTION_MONTHS
        self.helper.form_method = "post"
        self.helper.form_tag = True
        self.helper.attrs = {"class": f"referral-form referral-form--{self.kind}"}
        self.set_layout(
            *self.sections(),
            HTML('{% include "referrals/includes/privacy_notice.html" %}'),
            "submission_token",
        )
        self.helper.add_input(Submit("envoyer", self.submit_label))

    def sections(self):
        raise NotImplementedError

    def urgency_section(self):
        return urgency_section()

    def clean_submission_token(self):
        return valid_token(self.cleaned_data.get("submission_token")) or new_submission_token()

    def clean_postcode(self):
        value = self.cleaned_data.get("postcode") or ""
        value = value.replace(" ", "")
        if not value:
            return ""
        if not (len(value) == 5 and value.isascii() and value.isdigit()):
            raise ValidationError(
                "Un code postal s'écrit avec 5 chiffres, par exemple 93200 (ou 97400 à La Réunion)."
            )
        try:
            self.postcode_departement = departement_for_postcode(value)
        except ValueError:
            raise ValidationError(
                f"Le code postal {value} ne correspond à aucun département français : vérifiez-le."
            ) from None
        return value

    def require(self, cleaned, name, message):
        """`name` must be filled (for a field required only in some cases)."""
        if not cleaned.get(name) and name not in self.errors:
            self.add_error(name, message)

    def require_one_contact(self, cleaned, *, who="le jeune"):
        if (
            not cleaned.get("phone")
            and not cleaned.get("email")
            and "phone" not in self.errors
            and "email" not in self.errors
        ):
            message = (
                f"Indiquez un numéro de téléphone ou une adresse électronique pour joindre {who}."
            )
            self.add_error("phone", message)
            self.add_error("email", message)

    def require_contact_means(self, cleaned):
        """The preferred way of contact needs its phone number or email address."""
        preference = cleaned.get("contact_preference")
        if preference in (ContactPreference.PHONE, ContactPreference.SMS):
            message = "Vous avez choisi d'être contacté par téléphone : indiquez le numéro."
            self.require(cleaned, "phone", message)
        elif preference == ContactPreference.EMAIL:
            message = "Vous avez choisi d'être contacté par courriel : indiquez l'adresse."
            self.require(cleaned, "email", message)

    @property
    def is_urgent(self):
        return self.cleaned_data.get("urgent") == URGENT

    def referral_data(self):
        """The model fields of the Referral to store (cleaned values only)."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in {HONEYPOT, "submission_token", "urgent"}
        }
        data["urgent"] = self.is_urgent
        if data.get("email"):
            data["email"] = data["email"].strip()
        departement = getattr(self, "postcode_departement", None)
        if departement and not data.get("departement"):
            data["departement"] = departement
        return data


class OrientationForm(ReferralForm):
    """/orienter-un-jeune/: a professional orients a young person."""

    kind = Kind.ORIENTATION
    submit_label = "Envoyer l'orientation"

    referrer_name = text_field(
        "Vos nom et prénom", 150, autocomplete="name", message="Indiquez vos nom et prénom."
    )
    referrer_role = text_field(
        "Votre fonction",
        150,
        help_text="Par exemple « conseillère France Travail ».",
        message="Indiquez votre fonction.",
    )
    organisation_type = choice_field(
        "Votre structure",
        _choices(OrganisationType),
        radio=False,
        message="Choisissez le type de votre structure.",
    )
    organisation_name = text_field(
        "Nom de votre structure",
        200,
        autocomplete="organization",
        message="Indiquez le nom de votre structure.",
    )
    agency = text_field(
        "Votre agence France Travail",
        200,
        required=False,
        help_text="Si vous travaillez à France Travail, par exemple « Agence de Bobigny ».",
    )
    referrer_email = email_field(
        "Votre adresse électronique professionnelle",
        required=True,
        help_text="Nous vous écrivons à cette adresse pour vous confirmer la demande.",
        message="Indiquez votre adresse électronique professionnelle.",
    )
    referrer_phone = PhoneField(label="Votre téléphone professionnel")

    first_name = text_field("Prénom du jeune", 100, message="Indiquez le prénom du jeune.")
    age = age_field("Âge du jeune")
    postcode = postcode_field("Code postal du jeune")
    phone = PhoneField(label="Téléphone du jeune")
    email = email_field("Adresse électronique du jeune")
    contact_preference = choice_field(
        "Comment le jeune préfère-t-il être contacté ?",
        _choices(ContactPreference),
        message="Choisissez comment le jeune préfère être contacté.",
    )
    contact_times = text_field(
        "Quand le joindre ?",
        200,
        required=False,
        help_text="Par exemple « en semaine après 17 h ».",
    )

    programme = choice_field(
        "Ce que vous proposez au jeune",
        _choices(Programme, ORIENTATION_PROGRAMMES),
        message="Choisissez un programme, ou « Je ne sais pas encore ».",
    )
    programme_format = choice_field(
        "Pour Relier vers l'emploi : quel format ?",
        _choices(ProgrammeFormat),
        required=False,
    )
    concerns = concerns_field("Ce que le jeune a vécu")
    message = text_field(
        "En quelques mots (facultatif)",
        Referral.MESSAGE_MAX_LENGTH,
        required=False,
        help_text=MESSAGE_HELP,
        multiline=True,
    )
    urgent = urgency_field()
    consent_confirmed = forms.BooleanField(
        label="Le jeune est d'accord pour être contacté par les Centres Relier.",
        error_messages={
            "required": "Nous ne contactons un jeune que s'il est d'accord : demandez-lui son "
            "accord avant d'envoyer l'orientation."
        },
    )

    def sections(self):
        return [
            self.urgency_section(),
            Fieldset(
                "Vous, le ou la professionnelle",
                "referrer_name",
                "referrer_role",
                "organisation_type",
                "organisation_name",
                "agency",
                "referrer_email",
                "referrer_phone",
            ),
            Fieldset(
                "Le jeune",
                "first_name",
                "age",
                "postcode",
                "phone",
                "email",
                "contact_preference",
                "contact_times",
            ),
            Fieldset(
                "Ce que vous proposez",
                "programme",
                "programme_format",
                "concerns",
                "message",
            ),
            "consent_confirmed",
        ]

    def clean(self):
        cleaned = super().clean()
        self.require_one_contact(cleaned)
        self.require_contact_means(cleaned)
        if cleaned.get("organisation_type") == OrganisationType.FRANCE_TRAVAIL:
            self.require(cleaned, "agency", "Indiquez votre agence France Travail.")
        if cleaned.get("programme") != Programme.RELIER_VERS_LEMPLOI:
            cleaned["programme_format"] = ""
        return cleaned


class ContactForm(ReferralForm):
    """/etre-contacte/: a family, a young person or someone close asks to be called."""

    kind = Kind.CONTACT
    submit_label = "Envoyer ma demande"

    requester = choice_field(
        "Qui fait la demande ?",
        _choices(Requester),
        message="Dites-nous qui fait la demande.",
    )
    first_name = text_field(
        "Votre prénom ou un pseudonyme",
        100,
        help_text="Un prénom d'usage ou un pseudonyme suffit.",
        autocomplete="given-name",
        message="Indiquez votre prénom ou un pseudonyme.",
    )
    age = age_field("Âge du jeune concerné")
    departement = choice_field(
        "Département",
        departement_choices(),
        radio=False,
        message="Choisissez votre département.",
    )
    postcode = postcode_field(
        "Code postal (facultatif)", required=False, help_text="5 chiffres, par exemple 93200."
    )
    phone = PhoneField(label="Téléphone")
    email = email_field("Adresse électronique")
    contact_preference = choice_field(
        "Comment préférez-vous être contacté ?",
        _choices(ContactPreference),
        message="Choisissez comment vous préférez être contacté.",
    )
    contact_times = text_field(
        "Quand pouvons-nous vous appeler ?",
        200,
        required=False,
        help_text="Par exemple « le mercredi après-midi ».",
    )
    concerns = concerns_field("De quoi s'agit-il ?")
    message = text_field(
        "Votre message (facultatif)",
        Referral.MESSAGE_MAX_LENGTH,
        required=False,
        help_text=MESSAGE_HELP,
        multiline=True,
    )
    urgent = urgency_field()
    trusted_adult_name = text_field(
        "Prénom et nom d'un adulte de confiance",
        100,
        required=False,
        help_text="Un parent, un membre de ta famille, une infirmière ou un professeur.",
    )
    trusted_adult_phone = PhoneField(label="Téléphone de cet adulte")

    def sections(self):
        return [
            self.urgency_section(),
            Fieldset(
                "Vous",
                "requester",
                "first_name",
                "age",
                "departement",
                "postcode",
                "phone",
                "email",
                "contact_preference",
                "contact_times",
            ),
            Div(
                HTML('{% include "forms/trusted_adult_intro.html" %}'),
                "trusted_adult_name",
                "trusted_adult_phone",
                css_class="trusted-adult",
            ),
            Fieldset("Votre demande", "concerns", "message"),
        ]

    @property
    def young_person_alone(self):
        """A young person under 15 writing alone (the trusted adult is then required)."""
        data = getattr(self, "cleaned_data", {})
        age = data.get("age")
        return (
            data.get("requester") == Requester.YOUNG_PERSON
            and age is not None
            and age < TRUSTED_ADULT_AGE
        )

    def clean(self):
        cleaned = super().clean()
        self.require_one_contact(cleaned, who="vous")
        self.require_contact_means(cleaned)
        departement = cleaned.get("departement")
        postcode_departement = getattr(self, "postcode_departement", None)
        if departement and postcode_departement and departement != postcode_departement:
            self.add_error(
                "postcode",
                f"Ce code postal est dans le département {postcode_departement}, pas dans "
                f"le {departement} : corrigez l'un ou l'autre.",
            )
        if self.young_person_alone:
            self.require(cleaned, "trusted_adult_name", TRUSTED_ADULT_NAME_NEEDED)
            self.require(cleaned, "trusted_adult_phone", TRUSTED_ADULT_PHONE_NEEDED)
        return cleaned


class InterventionForm(ReferralForm):
    """/demander-une-intervention/: a school or a partner asks for an intervention."""

    kind = Kind.INTERVENTION
    submit_label = "Envoyer la demande d'intervention"
    contact_fields = ("referrer_email", "referrer_phone")

    organisation_type = choice_field(
        "Type de structure",
        _choices(OrganisationType),
        radio=False,
        message="Choisissez le type de votre structure.",
    )
    organisation_name = text_field(
        "Nom de la structure",
        200,
        autocomplete="organization",
        message="Indiquez le nom de la structure.",
    )
    postcode = postcode_field("Code postal de la structure")
    referrer_name = text_field(
        "Vos nom et prénom", 150, autocomplete="name", message="Indiquez vos nom et prénom."
    )
    referrer_role = text_field(
        "Votre fonction",
        150,
        help_text="Par exemple « CPE » ou « chargée de prévention ».",
        message="Indiquez votre fonction.",
    )
    referrer_email = email_field(
        "Votre adresse électronique professionnelle",
        required=True,
        help_text="Nous vous écrivons à cette adresse pour vous confirmer la demande.",
        message="Indiquez votre adresse électronique professionnelle.",
    )
    referrer_phone = PhoneField(label="Votre téléphone professionnel")
    intervention_type = choice_field(
        "Quelle intervention ?",
        _choices(InterventionType),
        message="Choisissez le type d'intervention.",
    )
    programme = choice_field(
        "Programme concerné (facultatif)",
        _choices(Programme),
        radio=False,
        required=False,
    )
    audience = text_field(
        "Public concerné",
        200,
        help_text="Par exemple « élèves de 4e » ou « parents d'élèves ».",
        message="Indiquez le public concerné.",
    )
    audience_size = forms.IntegerField(
        label="Nombre de participants (facultatif)",
        required=False,
        min_value=1,
        max_value=5000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Indiquez un nombre en chiffres, par exemple 30.",
            "min_value": "Indiquez un nombre de participants d'au moins 1.",
            "max_value": "Indiquez un nombre de participants de 5 000 au plus.",
        },
    )
    preferred_period = text_field(
        "Période souhaitée (facultatif)",
        200,
        required=False,
        help_text="Par exemple « avant les vacances de février ».",
    )
    message = text_field(
        "Votre message (facultatif)",
        Referral.MESSAGE_MAX_LENGTH,
        required=False,
        help_text="Le contexte, vos attentes. N'y mettez aucune information sur un élève "
        "en particulier.",
        multiline=True,
    )

    def sections(self):
        return [
            Fieldset(
                "Votre structure",
                "organisation_type",
                "organisation_name",
                "postcode",
                "referrer_name",
                "referrer_role",
                "referrer_email",
                "referrer_phone",
            ),
            Fieldset(
                "Votre demande",
                "intervention_type",
                "programme",
                "audience",
                "audience_size",
                "preferred_period",
                "message",
            ),
        ]


FORMS = {form.kind: form for form in (OrientationForm, ContactForm, InterventionForm)}
