"""The offer, in the admin menu « Permanences » (Accompagnement and Administration):
types of permanence, the psychologists' weekly opening ranges, their absences. The
appointments themselves have no admin screen yet."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Absence, AppointmentType, OpeningRange


class AppointmentTypeViewSet(SnippetViewSet):
    model = AppointmentType
    icon = "list-ul"
    menu_label = "Types de permanence"
    list_display = ["name", "audience", "mode", "duration", "is_active"]
    list_filter = ["audience", "mode", "is_active"]


class OpeningRangeViewSet(SnippetViewSet):
    model = OpeningRange
    icon = "time"
    menu_label = "Plages horaires"
    list_display = ["__str__", "psychologist", "valid_from", "valid_until", "daily_cap"]
    list_filter = ["psychologist", "weekday", "timezone"]


class AbsenceViewSet(SnippetViewSet):
    model = Absence
    icon = "date"
    menu_label = "Absences"
    list_display = ["__str__", "psychologist"]
    list_filter = ["psychologist"]


class PermanencesGroup(SnippetViewSetGroup):
    menu_label = "Permanences"
    menu_icon = "calendar-alt"
    menu_order = 270
    items = (AppointmentTypeViewSet, OpeningRangeViewSet, AbsenceViewSet)


register_snippet(PermanencesGroup)
