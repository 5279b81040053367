"""Generic base for fixed lists of values that editors tick (audiences, school levels…).

It lives in the shell, not in a domain app, so that every app can define its own lists
without importing another app.
"""

from django.db import models


class LookupValue(models.Model):
    """A fixed value editors tick in a list (audiences, school levels).

    The values are created by a data migration; editors choose among them.
    """

    slug = models.SlugField("Identifiant", unique=True)
    name = models.CharField("Libellé", max_length=80)
    sort_order = models.PositiveSmallIntegerField("Ordre", default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
