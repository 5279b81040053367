from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guide.services import import_structures


class Command(BaseCommand):
    help = (
        "Importe les structures du guide depuis un fichier CSV (UTF-8) ou XLSX aux colonnes "
        "data·inclusion et extensions « relier_ ». Chaque ligne est vérifiée d'abord ; "
        "rien n'est enregistré si une ligne contient une erreur. Un identifiant déjà connu "
        "met la structure à jour."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="chemin du fichier .csv ou .xlsx")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        with path.open("rb") as handle:
            report = import_structures(handle, path.name)
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"Attention : {warning}"))
        for error in report.errors:
            self.stderr.write(f"  {error}")
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
