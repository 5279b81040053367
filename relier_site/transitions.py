"""A transition table, the one way an app with statuses says which status may follow
which (`referrals/workflow.py`, `events/workflow.py`). Each app lists `Transition` rows
(or rows of a subclass that adds what its changes require) in a `TransitionTable`; its
`services.py` checks every change there before making it, and writes it to the history
(relier_site.history)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Transition:
    """One allowed change; an app subclasses it to add what its changes require."""

    source: str
    target: str
    label: str  # what staff read: a button, or a line of the history


class TransitionNotAllowed(Exception):
    """The change is not in the table, or what it requires is missing. The message is
    French, for staff."""


class TransitionTable:
    def __init__(self, *transitions, what, labels):
        """`what`: « Une demande », « Une inscription »… for the refusal; `labels`: the
        status choices (a TextChoices class), plus labels for other sources."""
        self.transitions = transitions
        self.what = what
        self.labels = labels
        self._by_pair = {(t.source, t.target): t for t in transitions}

    def __iter__(self):
        return iter(self.transitions)

    def get(self, source, target):
        """The Transition from `source` to `target`, or None when the table has none."""
        return self._by_pair.get((source, target))

    def from_source(self, source):
        """The changes possible from `source`, in table order."""
        return [t for t in self.transitions if t.source == source]

    def check(self, source, target):
        """The Transition, or TransitionNotAllowed with a French message."""
        found = self.get(source, target)
        if found is None:
            raise TransitionNotAllowed(
                f"{self.what} « {self.labels.get(source, source)} » ne peut pas passer à "
                f"« {self.labels.get(target, target)} »."
            )
        return found
