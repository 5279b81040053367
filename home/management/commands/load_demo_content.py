from django.core.management.base import BaseCommand

from home.demo.build import load_demo_content


def _count(number, singular, plural):
    """French agreement: singular for 0 and 1."""
    return f"{number} {singular if number <= 1 else plural}"


class Command(BaseCommand):
    help = (
        "Crée le site de démonstration (pages publiques et réglages du site) à partir des "
        "documents de l'association. Sans effet sur ce qui existe déjà : on peut le relancer."
    )

    def handle(self, *args, **options):
        result = load_demo_content()
        if options["verbosity"] >= 2:
            for url in result.created:
                self.stdout.write(f"  créée : {url}")
            for url in result.existing:
                self.stdout.write(f"  déjà présente : {url}")
        self.stdout.write(
            self.style.SUCCESS(
                "Contenu de démonstration chargé : "
                f"{_count(len(result.created), 'page créée', 'pages créées')}, "
                f"{_count(len(result.existing), 'déjà présente', 'déjà présentes')}."
            )
        )
