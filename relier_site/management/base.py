"""Base class of the operator commands: failures in French on stderr, exit code 1, no
traceback (unless --traceback is given)."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError


class OperatorCommand(BaseCommand):
    """A management command for operators.

    `handle()` raises CommandError("message en français") for an expected failure; a
    database error (e.g. SQLite still locked after its timeout) becomes one too. From the
    command line, "Erreur : <message>" alone is written to stderr and the command exits
    with code 1; `call_command` still raises the CommandError.
    """

    def execute(self, *args, **options):
        try:
            try:
                return super().execute(*args, **options)
            except DatabaseError as exc:
                raise CommandError(
                    "la base de données n'a pas répondu à temps ou est inaccessible "
                    f"({type(exc).__name__}). Réessayez dans un instant ; si cela "
                    "persiste, vérifiez DATABASE_URL et que la base est démarrée."
                ) from exc
        except CommandError as exc:
            if not self._called_from_command_line or options.get("traceback"):
                raise
            self.stderr.write(f"Erreur : {exc}")
            sys.exit(exc.returncode)
