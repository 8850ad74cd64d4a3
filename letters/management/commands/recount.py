"""Rebuild the kept counts (letters.importing.counts) from the data."""

from django.core.management.base import BaseCommand

from letters.importing.counts import recount_all


class Command(BaseCommand):
    help = (
        "Tel opnieuw wat naast de gegevens wordt bijgehouden: geciteerde dossiers per brief, "
        "citaties per kamerstuk en de aantallen per onderwerp. Voor herstel en na een bulklading."
    )

    def handle(self, *args, **options):
        done = recount_all()
        self.stdout.write(", ".join(f"{n:,} {name}" for name, n in done.items()) + " herteld.")
