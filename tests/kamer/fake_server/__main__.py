"""The demo: python -m tests.kamer.fake_server --port 8765 --record --publish \
    samples/seed/verzamelbrief-2025D43420.docx samples/letters/*.docx

Publishes the given .docx files (the seed letter in dossier 29517, the others as Brieven regering in 28684),
with --record the Kamer's record around the seed letter (record.py: motions, votes, toezeggingen, members;
the seed letter then as that record's Document 2025D43420, 29517 nr. 275), with --mixed N also N synthetic
entities of every kind; prints the base URL and serves until interrupted.
"""

from __future__ import annotations

import argparse
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from tests.kamer.fake_server.mixed import publish_mixed
from tests.kamer.fake_server.record import publish_kamer_record
from tests.kamer.fake_server.server import FakeTK


@dataclass(frozen=True)
class _DemoLetter:
    document_nummer: str
    onderwerp: str
    datum: str
    vergaderjaar: str
    volgnummer: int | None


SEED_STEM = "verzamelbrief-2025D43420"
SEED_TITEL = "Verzamelbrief brandweer, crisisbeheersing en meldkamers"
DEMO_DOSSIER_TITEL = "Naar een veiliger samenleving"
# Real letters (samples/letters/) with made-up but plausible numbers; dates and subjects from the letters.
DEMO_LETTERS = {
    "jenv_antwoord_2023Z16994_mutluer_ellemeet_argos": _DemoLetter(
        "2023D45871",
        "Beantwoording Kamervragen van de leden Mutluer en Ellemeet over Argos",
        "2023-11-07",
        "2023-2024",
        731,
    ),
    "jenv_antwoord_2023Z19006_beckerman_milieudelicten": _DemoLetter(
        "2023D49302",
        "Beantwoording Kamervragen van het lid Beckerman over milieudelicten",
        "2023-12-04",
        "2023-2024",
        732,
    ),
    "jenv_antwoord_2023Z19677_temmink_vannispen_nietnoodnummer": _DemoLetter(
        "2024D01187",
        "Beantwoording Kamervragen van de leden Temmink en Van Nispen over het niet-noodnummer",
        "2024-01-11",
        "2023-2024",
        733,
    ),
    "jenv_antwoord_eerdmans_me_arnhem": _DemoLetter(
        "2024D11356",
        "Beantwoording Kamervragen van het lid Eerdmans over een ME-inzet in Arnhem",
        "2024-03-24",
        "2023-2024",
        734,
    ),
    "jenv_antwoord_2024Z11859_mutluer_wolvega": _DemoLetter(
        "2024D30561",
        "Beantwoording Kamervragen van de leden Mutluer en Lahlah over Wolvega",
        "2024-08-27",
        "2023-2024",
        735,
    ),
}


def publish_demo_file(fake: FakeTK, path: Path, index: int) -> str:
    """Publish one .docx for the demo: the seed letter in 29517, any other as a Brief regering in 28684."""
    content = path.read_bytes()
    if path.stem.startswith(SEED_STEM):
        return fake.publish_document(
            content=content,
            document_nummer="2025D43420",
            titel=SEED_TITEL,
            onderwerp=SEED_TITEL,
            datum="2025-10-03",
            dossier=("29517", None),
            vergaderjaar="2025-2026",
        )
    letter = DEMO_LETTERS.get(path.stem) or _DemoLetter(
        f"2025D{90000 + index:05d}", path.stem.replace("_", " "), "2025-10-01", "2025-2026", None
    )
    return fake.publish_document(
        content=content,
        document_nummer=letter.document_nummer,
        titel=DEMO_DOSSIER_TITEL,
        onderwerp=letter.onderwerp,
        datum=letter.datum,
        dossier=("28684", None),
        volgnummer=letter.volgnummer,
        vergaderjaar=letter.vergaderjaar,
        dossier_titel=DEMO_DOSSIER_TITEL,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a fake Tweede Kamer SyncFeed.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--page-size", type=int, default=250)
    parser.add_argument("--publish", nargs="*", type=Path, default=[], metavar="FILE.docx")
    parser.add_argument("--record", action="store_true", help="publish the Kamer's record around the seed letter")
    parser.add_argument("--mixed", type=int, default=0, metavar="N", help="publish N synthetic entities")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    fake = FakeTK(page_size=args.page_size, host=args.host, port=args.port, verbose=args.verbose)
    files = list(args.publish)
    if args.record:
        seed = next((path for path in files if path.stem.startswith(SEED_STEM)), None)
        record = publish_kamer_record(fake, letter=seed.read_bytes() if seed else None)
        files = [path for path in files if path != seed]
        print(f"published the Kamer's record: {len(record.published)} entities", file=sys.stderr)
    for index, path in enumerate(files, start=1):
        guid = publish_demo_file(fake, path, index)
        print(f"published {path} as {guid}", file=sys.stderr)
    if args.mixed:
        publish_mixed(fake, args.mixed)
    with fake:
        print(fake.base_url, flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
