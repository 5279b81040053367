"""Anonymous statistics of the requests, for the yearly activity report and co-funders.

Computed from the rows themselves, only from what anonymisation keeps (kind, programme,
type of the referring organisation, département, age band, status, dates): the figures
are the same before and after referrals.retention runs.
"""

import statistics as pystats
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from home.vocabulary import AgeBand, month_label

from .models import Kind, OrganisationType, Programme, Referral, Status

NOT_GIVEN = "Non renseigné"


@dataclass
class Table:
    title: str
    rows: list = field(default_factory=list)  # (label, count)

    @property
    def total(self):
        return sum(count for _label, count in self.rows)


@dataclass
class Statistics:
    year: int | None
    total: int
    tables: list
    median_days_to_first_contact: float | None
    first_contact_count: int


def _counted(title, counter, labels=None, order=None):
    labels = labels or {}
    keys = order if order is not None else sorted(counter)
    rows = [(labels.get(key, key) or NOT_GIVEN, counter[key]) for key in keys if counter[key]]
    if order is not None:  # values outside the known list (blank, old codes) last
        rows += [
            (labels.get(key, key) or NOT_GIVEN, count)
            for key, count in sorted(counter.items())
            if key not in order and count
        ]
    return Table(title, rows)


def years():
    """The years that have requests, most recent first."""
    dates = Referral.objects.dates("created_at", "year", order="DESC")
    return [d.year for d in dates]


def compute(year=None):
    rows = Referral.objects.all()
    if year:
        rows = rows.filter(created_at__year=year)
    values = list(
        rows.values_list(
            "created_at",
            "kind",
            "programme",
            "organisation_type",
            "departement",
            "age_band",
            "status",
            "first_contact_at",
        )
    )
    months, kinds, programmes, organisations = Counter(), Counter(), Counter(), Counter()
    departements, bands, outcomes = Counter(), Counter(), Counter()
    delays = []
    for created, kind, programme, organisation, departement, band, status, contact in values:
        local = timezone.localtime(created)
        months[(local.year, local.month)] += 1
        kinds[kind] += 1
        programmes[programme] += 1
        if kind != Kind.CONTACT:  # families have no referring organisation
            organisations[organisation] += 1
        departements[departement] += 1
        bands[band] += 1
        outcomes[status] += 1
        if contact:
            delays.append((contact - created).total_seconds() / 86400)
    month_labels = {key: month_label(*key) for key in months}
    tables = [
        _counted("Par mois de réception", months, month_labels),
        _counted("Par type de demande", kinds, dict(Kind.choices), list(Kind.values)),
        _counted("Par programme", programmes, dict(Programme.choices), list(Programme.values)),
        _counted(
            "Par type de structure qui oriente",
            organisations,
            dict(OrganisationType.choices),
            list(OrganisationType.values),
        ),
        _counted("Par département", departements),
        _counted("Par tranche d'âge", bands, dict(AgeBand.choices), list(AgeBand.values)),
        _counted("Par statut (issue)", outcomes, dict(Status.choices), list(Status.values)),
    ]
    median = round(pystats.median(delays), 1) if delays else None
    return Statistics(year, len(values), tables, median, len(delays))
