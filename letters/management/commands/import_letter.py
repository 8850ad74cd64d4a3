"""Import one or many .docx letters, with a progress bar and a summary."""

from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from letters.importing.store import Outcome, import_letter
from letters.models import Source

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Importeer .docx-brieven: nieuw, nieuwe versie, ongewijzigd of mislukt (met reden)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="een of meer .docx-bestanden of mappen")

    def handle(self, *args, **options):
        paths = expand(options["files"])
        if not paths:
            raise CommandError("geen .docx-bestanden gevonden")
        counts, failures = Counter(), []
        for index, path in enumerate(paths, 1):
            self._progress(index - 1, len(paths), path.name)
            try:
                content = path.read_bytes()
            except OSError as exc:
                counts[Outcome.FAILED] += 1
                failures.append((path, f"kan het bestand niet lezen ({exc.strerror or exc})"))
                continue
            result = import_letter(content=content, filename=path.name, source=Source.COMMAND)
            counts[result.outcome] += 1
            if result.outcome == Outcome.FAILED:
                failures.append((path, result.reason))
        self._progress(len(paths), len(paths), "klaar")
        self.stderr.write("")
        self._summary(counts, failures)
        if failures:
            raise CommandError(f"{len(failures)} van {len(paths)} bestanden mislukt", returncode=1)

    def _progress(self, done: int, total: int, label: str):
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total} {label[:40]:<40}", ending="")
        self.stderr.flush()

    def _summary(self, counts, failures):
        self.stdout.write(
            f"geïmporteerd: {counts[Outcome.IMPORTED]}, nieuwe versie: {counts[Outcome.NEW_VERSION]}, "
            f"ongewijzigd: {counts[Outcome.UNCHANGED]}, mislukt: {counts[Outcome.FAILED]}"
        )
        for path, reason in failures:
            self.stdout.write(f"mislukt: {path}: {reason}")


def expand(arguments) -> list[Path]:
    paths = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            paths.extend(sorted(path.glob("*.docx")))
        else:
            paths.append(path)
    return paths
