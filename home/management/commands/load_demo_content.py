from django.core.management.base import BaseCommand

from home.demo.build import load_demo_content


def _count(number, singular, plural):
    """French agreement: singular for 0 and 1."""
    return f"{number} {singular if number <= 1 else plural}"


# What the command may add beside pages, in the order of the summary line.
_ADDED = [
    ("figures", "chiffre clé", "chiffres clés"),
    ("partners", "partenaire", "partenaires"),
    ("documents", "document", "documents"),
    ("kits", "kit", "kits"),
]


class Command(BaseCommand):
    help = (
        "Crée le site de démonstration (pages publiques, programmes, partenaires, chiffres "
        "clés, kits à télécharger et réglages du site) à partir des documents de "
        "l'association. Sans effet sur ce qui existe déjà : on peut le relancer."
    )

    def handle(self, *args, **options):
        result = load_demo_content()
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(f"Attention : {warning}"))
        if options["verbosity"] >= 2:
            for url in result.created:
                self.stdout.write(f"  créée : {url}")
            for url in result.existing:
                self.stdout.write(f"  déjà présente : {url}")
            for url in result.skipped:
                self.stdout.write(f"  non créée : {url}")
        self.stdout.write(
            self.style.SUCCESS(
                "Contenu de démonstration chargé : "
                f"{_count(len(result.created), 'page créée', 'pages créées')}, "
                f"{_count(len(result.existing), 'déjà présente', 'déjà présentes')}."
            )
        )
        added = [
            _count(result.added[key], singular, plural)
            for key, singular, plural in _ADDED
            if result.added.get(key)
        ]
        if result.added.get("workflow"):
            added.append("processus « Relecture » attribué aux programmes")
        if added:
            self.stdout.write("Ajouts : " + ", ".join(added) + ".")
        else:
            self.stdout.write(
                "Chiffres clés, partenaires, documents, kits et processus « Relecture » : "
                "rien à ajouter."
            )
