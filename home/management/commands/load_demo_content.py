from django.core.management.base import BaseCommand

from home.demo.registry import load_demo_content


def _count(number, singular, plural):
    """French agreement: singular for 0 and 1."""
    return f"{number} {singular if number <= 1 else plural}"


def _join(names):
    """« a, b et c »."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]


class Command(BaseCommand):
    help = (
        "Crée le site de démonstration (pages publiques, programmes, partenaires, chiffres "
        "clés, kits à télécharger et réglages du site) à partir des documents de "
        "l'association : chaque application y ajoute sa part. Sans effet sur ce qui existe "
        "déjà : on peut le relancer."
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
        added = []
        for kind, (singular, plural, _name) in result.kinds.items():
            number = result.added.get(kind)
            if number:
                added.append(singular if plural is None else _count(number, singular, plural))
        # A kind counted without being described is named by its key.
        added += [f"{n} {kind}" for kind, n in result.added.items() if kind not in result.kinds]
        if added:
            self.stdout.write("Ajouts : " + ", ".join(added) + ".")
        elif result.kinds:
            names = [name for _singular, _plural, name in result.kinds.values()]
            self.stdout.write(f"{_join(names)[:1].upper()}{_join(names)[1:]} : rien à ajouter.")
