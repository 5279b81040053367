"""The history of a record that staff follow (a request, a registration): one row per
thing that happened, with who did it and when. Each domain app subclasses `HistoryEntry`
with its foreign key and its own `Action` and status choices; the admin shows every
history with the template `relier_site/admin/history_table.html`.

A history holds no personal value: an action, statuses, and a note written by staff or
by the site (anonymisation blanks the notes)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class HistoryEntry(models.Model):
    at = models.DateTimeField("Le", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Subclasses give `action`, `from_status` and `to_status` their choices.
    action = models.CharField("Action", max_length=20)
    from_status = models.CharField("Statut avant", max_length=20, blank=True)
    to_status = models.CharField("Statut après", max_length=20, blank=True)
    note = models.TextField("Note", blank=True)

    contains_personal_data = True
    # relier_site.personal_data: a staff note may name the person.
    personal_fields = ("note",)
    non_personal_fields = ("action", "from_status", "to_status")

    # The name of the subclass's foreign key to the record it is about.
    subject_field = None

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    @property
    def subject_label(self):
        """« n° 12 »: the record's number, as the admin's history lists show it."""
        return f"n° {getattr(self, f'{self.subject_field}_id')}"

    @classmethod
    def record(cls, subject, action, actor=None, **fields):
        """Write one entry about `subject` (who: `actor`, None for the site itself)."""
        return cls.objects.create(
            **{cls.subject_field: subject}, action=action, actor=actor, **fields
        )
