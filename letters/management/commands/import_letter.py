"""Import one or many .docx letters, with a progress bar and a summary.

`--workers N` imports in N processes at once, each with its own database connection. Every
file is still imported in its own transaction, so a bad file gets its failed-import record
and the others go on, and running the command again changes nothing. The topic figures are
recounted once at the end instead of after every letter.
"""

import multiprocessing
from collections import Counter
from pathlib import Path

from django.core.cache import cache
from django.core.checks import Tags
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from letters.importing.store import Outcome, import_letter
from letters.models import Source
from letters.topics.recount import RECOUNT_PENDING, RECOUNT_PENDING_SECONDS, recount_topics

BAR_WIDTH = 30
MAX_WORKERS = 64


class Command(BaseCommand):
    help = "Importeer .docx-brieven: nieuw, nieuwe versie, ongewijzigd of mislukt (met reden)."
    # The models the import writes through are checked; the checks of what serves pages (URLs,
    # admin, templates, security settings) import every view and admin module, a third of a second
    # of CPU before the first file, and protect nothing an import does. `migrate` (every deploy)
    # and `manage.py check` run them all.
    requires_system_checks = [Tags.models]

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="een of meer .docx-bestanden of mappen")
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="aantal processen dat tegelijk importeert (standaard 1). Versies van één brief "
            "worden dan niet per se in de gegeven volgorde genummerd: importeer die zonder --workers.",
        )

    def handle(self, *args, **options):
        workers = options["workers"]
        if not 1 <= workers <= MAX_WORKERS:
            raise CommandError(f"--workers moet tussen 1 en {MAX_WORKERS} liggen, niet {workers}")
        if workers > 1 and connection.vendor != "postgresql":
            # SQLite lets one process write at a time and refuses the others' transactions.
            raise CommandError("--workers vraagt PostgreSQL; met SQLite importeert één proces tegelijk")
        paths = expand(options["files"])
        if not paths:
            raise CommandError("geen .docx-bestanden gevonden")
        counts, failures = Counter(), []
        self._progress(0, len(paths), paths[0].name)
        for index, (path, outcome, reason) in enumerate(imported(paths, workers), 1):
            counts[outcome] += 1
            if outcome == Outcome.FAILED:
                failures.append((path, reason))
            self._progress(index, len(paths), path.name)
        recount_topics()
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
        for path, reason in sorted(failures):
            self.stdout.write(f"mislukt: {path}: {reason}")


def imported(paths: list[Path], workers: int):
    """(path, outcome, reason) of every file as it is done: in order with one worker."""
    if workers == 1:
        yield from map(import_path, paths)
        return
    # Forked processes must not share the parent's connections: close them first, and
    # each process opens its own when it needs one.
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap_unordered(import_path, paths)


def import_path(path: Path) -> tuple[Path, str, str]:
    # The recount is the command's, once at the end: an import marks one as waiting already.
    cache.set(RECOUNT_PENDING, True, RECOUNT_PENDING_SECONDS)
    try:
        content = path.read_bytes()
    except OSError as exc:
        return path, Outcome.FAILED, f"kan het bestand niet lezen ({exc.strerror or exc})"
    result = import_letter(content=content, filename=path.name, source=Source.COMMAND)
    return path, result.outcome, result.reason


def expand(arguments) -> list[Path]:
    paths = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            paths.extend(sorted(path.glob("*.docx")))
        else:
            paths.append(path)
    return paths
