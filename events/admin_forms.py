"""Forms of the staff side: attendance marking and the statistics grouping."""

from django import forms

from .staff_selectors import STATISTICS_GROUPINGS

PRESENT = "present"
ABSENT = "absent"
NOT_MARKED = ""
ATTENDANCE_CHOICES = [(NOT_MARKED, "Non renseigné"), (PRESENT, "Présent·e"), (ABSENT, "Absent·e")]
ATTENDANCE_VALUES = {NOT_MARKED: None, PRESENT: True, ABSENT: False}


def attendance_field_name(registration):
    return f"presence-{registration.pk}"


class AttendanceForm(forms.Form):
    """One choice per confirmed registration of the session: présent·e, absent·e or not
    marked. Only those registrations can be marked; any other field is ignored."""

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        for registration in self.registrations:
            initial = {True: PRESENT, False: ABSENT}.get(registration.attended, NOT_MARKED)
            self.fields[attendance_field_name(registration)] = forms.ChoiceField(
                label=f"Présence de l'inscription n° {registration.pk}",
                choices=ATTENDANCE_CHOICES,
                required=False,
                initial=initial,
                error_messages={
                    "invalid_choice": "Choisissez présent·e, absent·e ou non renseigné."
                },
            )

    def rows(self):
        """(registration, bound field) pairs, in the list's order."""
        return [(r, self[attendance_field_name(r)]) for r in self.registrations]

    def marks(self):
        """{registration pk: True, False or None} from the valid form."""
        return {
            r.pk: ATTENDANCE_VALUES[self.cleaned_data[attendance_field_name(r)]]
            for r in self.registrations
        }


class StatisticsForm(forms.Form):
    """The statistics grouping (GET); an unknown value gives the default grouping."""

    par = forms.ChoiceField(
        label="Regrouper", choices=list(STATISTICS_GROUPINGS.items()), required=False
    )

    def grouping(self):
        if self.is_bound and self.is_valid() and self.cleaned_data["par"]:
            return self.cleaned_data["par"]
        return "seance"
