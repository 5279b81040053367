"""The sessions' editor: one date or a whole series in one step, move or cancel one
date. Dates are typed in the wall-clock time of the session's time zone.

Registered as a snippet viewset (menu « Séances ») from EventsConfig.ready(); the staff
screens (registrations, attendance, exports) live in wagtail_hooks.py / admin_views.py.
"""

from datetime import datetime

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from relier_site import timezones

from . import series, services
from .models import Session


def date_input():
    """An <input type=date>: its value must be ISO (YYYY-MM-DD) whatever the language,
    or the browser shows an empty field (the French format 31/12/2026 is not one)."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class SessionForm(WagtailAdminModelForm):
    day = forms.DateField(label="Date", widget=date_input())
    start_time = forms.TimeField(label="Heure de début", widget=time_input())
    end_time = forms.TimeField(label="Heure de fin", widget=time_input())
    frequency = forms.ChoiceField(label="Répéter", choices=series.FREQUENCY_CHOICES, required=False)
    interval = forms.IntegerField(
        label="Toutes les",
        min_value=1,
        max_value=12,
        initial=1,
        required=False,
        help_text="1 : chaque semaine (ou chaque mois) ; 2 : toutes les 2 semaines…",
    )
    weekdays = forms.MultipleChoiceField(
        label="Jours de la semaine",
        choices=series.WEEKDAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Pour une série hebdomadaire ; par défaut, le jour de la première date.",
    )
    until = forms.DateField(label="Jusqu'au (inclus)", required=False, widget=date_input())
    count = forms.IntegerField(
        label="Ou nombre de dates", min_value=2, max_value=series.MAX_OCCURRENCES, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.previous = None
        if instance.pk:
            self.previous = services.session_snapshot(instance)
            self.initial.update(
                day=instance.local_start.date(),
                start_time=instance.local_start.time(),
                end_time=instance.local_end.time(),
            )
            for name in ("frequency", "interval", "weekdays", "until", "count"):
                self.fields.pop(name)
        elif "capacity" in self.fields and not self.initial.get("capacity"):
            self.fields[
                "capacity"
            ].help_text = "Laissez vide pour reprendre le nombre de places de l'évènement."
            self.fields["capacity"].required = False

    def clean(self):
        cleaned = super().clean()
        day, start_time, end_time = (cleaned.get(n) for n in ("day", "start_time", "end_time"))
        zone = cleaned.get("timezone") or self.instance.timezone
        if not (day and start_time and end_time and zone):
            return cleaned
        if end_time <= start_time:
            self.add_error("end_time", "L'heure de fin doit être après l'heure de début.")
            return cleaned
        tz = timezones.zone(zone)
        start = datetime.combine(day, start_time, tzinfo=tz)
        end = datetime.combine(day, end_time, tzinfo=tz)
        moved = self.previous is None or (start, end, zone) != (
            self.previous["start"],
            self.previous["end"],
            self.previous["timezone"],
        )
        if moved and start <= timezone.now():
            self.add_error(
                "day",
                "Cette date est passée : une séance ne peut pas être programmée ou déplacée "
                "dans le passé.",
            )
            return cleaned
        self.instance.start, self.instance.end, self.instance.timezone = start, end, zone
        if self.previous is None:
            self._clean_series(cleaned, day, start_time, end_time, zone)
        return cleaned

    def _clean_series(self, cleaned, day, start_time, end_time, zone):
        self.other_dates = []
        frequency = cleaned.get("frequency")
        if not frequency:
            return
        until, count = cleaned.get("until"), cleaned.get("count")
        if not until and not count:
            self.add_error("until", "Indiquez la date de la dernière séance ou le nombre de dates.")
            return
        if until and count:
            self.add_error(
                "count", "Indiquez soit une date de fin, soit un nombre de dates, pas les deux."
            )
            return
        if until and until <= day:
            self.add_error("until", "La date de fin de la série doit être après la première date.")
            return
        dates = series.occurrences(
            day=day,
            start_time=start_time,
            duration=series.duration_between(start_time, end_time),
            zone=zone,
            frequency=frequency,
            interval=cleaned.get("interval") or 1,
            weekdays=cleaned.get("weekdays") or (),
            until=until,
            count=count,
        )
        self.other_dates = dates[1:]

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        if capacity is None:
            event = self.cleaned_data.get("event") or getattr(self.instance, "event", None)
            if event is None:
                raise forms.ValidationError("Indiquez le nombre de places.")
            capacity = event.default_capacity
        return capacity

    def save(self, commit=True):
        session = super().save(commit=False)
        if not commit:
            return session
        if self.previous is None and getattr(self, "other_dates", None):
            services.create_series(session, self.other_dates)
        else:
            services.save_session(session, self.previous)
        return session


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "date"
    menu_label = "Séances"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", "start", "capacity", "status", "is_published"]
    list_filter = ["status", "is_published", "event"]
    ordering = ["start"]
    edit_handler = ObjectList(
        [
            FieldPanel("event"),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("day"), FieldPanel("start_time"), FieldPanel("end_time")]
                    ),
                    FieldPanel("timezone"),
                ],
                heading="Date et heure",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("frequency"),
                    FieldRowPanel([FieldPanel("interval"), FieldPanel("count")]),
                    FieldPanel("weekdays"),
                    FieldPanel("until"),
                ],
                heading="Série (à la création seulement)",
                help_text="Par exemple « toutes les 2 semaines le mardi à 14 h jusqu'en juin » : "
                "répéter toutes les semaines, toutes les 2, mardi, jusqu'au 30 juin.",
            ),
            FieldPanel("capacity"),
            FieldPanel("status"),
            FieldPanel("is_published"),
            FieldPanel("video_link"),
        ],
        base_form_class=SessionForm,
    )


register_snippet(SessionViewSet)
