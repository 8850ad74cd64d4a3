"""Print what the reader finds in one .docx as JSON; writes nothing to the database."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from letters.docx.reader import ReadError
from letters.importing.analysis import analyse


class Command(BaseCommand):
    help = "Analyseer één .docx-brief en druk het resultaat af als JSON (schrijft niets weg)."
    requires_migrations_checks = False
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="pad naar het .docx-bestand")
        parser.add_argument("--json", action="store_true", help="uitvoer als JSON (standaard)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as exc:
            self._fail(f"kan {path} niet lezen ({exc.strerror or exc})")
        try:
            result = analyse(content, path.name)
        except ReadError as exc:
            self._fail(str(exc))
        except Exception as exc:  # a reader bug must still give one plain line, not a traceback
            self._fail(f"onverwachte fout bij het lezen ({type(exc).__name__}: {exc})")
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))

    def _fail(self, reason: str):
        sys.stderr.write(f"error: {reason}\n")
        sys.exit(1)
