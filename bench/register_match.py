"""Precision and recall of the register's FULFILS suggestions, against `kamerbriefNakoming`.

    DEBUG=1 .venv/bin/python -m bench.register_match [--database-url postgres://postgres@127.0.0.1:5432/tkd_register_bench]

A letter that keeps an earlier promise ("Zoals toegezegd …", a Commitment of kind PRIOR) is
suggested as the kamerbrief nakoming of the registered toezeggingen it fits
(commitments.register.services.suggest). The register itself says which letter fulfilled a
toezegging (kamerbriefNakoming, resolved by commitments.register.nakoming): that is the truth.

- truth: the (toezegging, letter) pairs the register names, for letters in the database;
- suggested: the (toezegging, letter) pairs of the FULFILS suggestions (all, and the best per commitment);
- precision = right suggestions / suggestions; recall = right suggestions / truth.

Two data sets, each in a fresh PostgreSQL database (named tkd_register_bench*):

1. the fake Kamer (tests/kamer/fake_server/record.py): the record around the seed letter
   2025D43420, synced with kamer.sync as in production, and the seed letter imported from its
   .docx by the importer (its commitments found by the extractor, not written by hand);
2. own fixtures (FIXTURES below): letters keeping a promise in the phrasings ministries use, each
   with its register entry, among register entries on the same subjects that they do not keep.

Figures go to stdout as a Markdown table and to bench/results/register_match.json.
"""

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tkd_register_bench"
JENV, BZK = "Justitie en Veiligheid", "Binnenlandse Zaken en Koninkrijksrelaties"

# (document number, date, sender, signatory, title, heading, sentence of kind PRIOR, the register's
# entry it keeps: (nummer, made on, due, ministerie, surname, tekst)).
FIXTURES = [
    (
        "2025D20001",
        "2025-05-20",
        JENV,
        "D.M. van Weel",
        "Voortgangsbrief aanpak georganiseerde criminaliteit",
        "Witwassen",
        "Zoals toegezegd in het commissiedebat van 6 februari informeer ik u over de evaluatie "
        "van het verbod op contante betalingen boven de 3000 euro.",
        (
            "TZ202502-010",
            "2025-02-06",
            "2025-06-01",
            JENV,
            "Weel",
            "De minister informeert de Kamer voor de zomer "
            "over de evaluatie van het verbod op contante betalingen vanaf 3000 euro.",
        ),
    ),
    (
        "2025D20002",
        "2025-06-12",
        JENV,
        "I. Coenradie",
        "Stand van zaken capaciteit gevangeniswezen",
        "Capaciteit",
        "Met deze brief kom ik mijn toezegging na om uw Kamer te informeren over de inzet van "
        "meerpersoonscellen in de penitentiaire inrichtingen.",
        (
            "TZ202501-022",
            "2025-01-22",
            "2025-06-30",
            JENV,
            "Coenradie",
            "De staatssecretaris informeert de Kamer "
            "over de inzet van meerpersoonscellen en de gevolgen voor het personeel van de DJI.",
        ),
    ),
    (
        "2025D20003",
        "2025-09-02",
        BZK,
        "J.J.M. Uitermark",
        "Reactie op het rapport over digitale weerbaarheid van gemeenten",
        "Inleiding",
        "Zoals ik heb toegezegd stuur ik u hierbij de uitkomsten van het "
        "onderzoek naar de digitale weerbaarheid van gemeenten.",
        (
            "TZ202409-078",
            "2024-09-25",
            "2025-03-31",
            BZK,
            "Uitermark",
            "De minister laat onderzoeken hoe gemeenten "
            "hun digitale weerbaarheid kunnen versterken en stuurt de Kamer de uitkomsten.",
        ),
    ),
    (
        "2025D20004",
        "2025-04-03",
        JENV,
        "D.M. van Weel",
        "Kabinetsreactie op het WODC-rapport over slachtofferrechten",
        "Kabinetsreactie",
        "Hiermee geef ik invulling aan mijn toezegging om uw Kamer een kabinetsreactie op dit rapport te sturen.",
        (
            "TZ202411-030",
            "2024-11-13",
            "2025-03-01",
            JENV,
            "Weel",
            "De minister stuurt de Kamer een kabinetsreactie "
            "op het WODC-rapport over de positie en rechten van slachtoffers in het strafproces.",
        ),
    ),
    (
        "2025D20005",
        "2025-10-14",
        JENV,
        "F. van Oosten",
        "Voortgang versterking meldkamers",
        "Landelijke meldkamer samenwerking",
        "Zoals toegezegd informeer ik uw Kamer hierbij over de voortgang "
        "van de landelijke meldkamer samenwerking en de financiering daarvan.",
        (
            "TZ202503-130",
            "2025-03-12",
            "2025-10-01",
            JENV,
            "Weel",
            "De minister informeert de Kamer in het najaar "
            "over de voortgang van de landelijke meldkamer samenwerking en de financiering daarvan.",
        ),
    ),
    (
        "2025D20006",
        "2025-07-01",
        BZK,
        "J.J.M. Uitermark",
        "Uitvoering Wet open overheid",
        "Actief openbaar maken",
        "Tijdens het commissiedebat heb ik toegezegd u te informeren over de "
        "planning van het actief openbaar maken van documenten door de ministeries.",
        (
            "TZ202502-055",
            "2025-02-19",
            "2025-07-01",
            BZK,
            "Uitermark",
            "De minister informeert de Kamer over de "
            "planning voor het actief openbaar maken van informatie door de departementen onder de Woo.",
        ),
    ),
    (
        "2025D20007",
        "2025-11-20",
        JENV,
        "F. van Oosten",
        "Verzamelbrief politie",
        "Cameratoezicht",
        "Zoals eerder toegezegd ga ik in deze brief in op de wettelijke grondslag voor "
        "cameratoezicht met slimme camera's door gemeenten.",
        (
            "TZ202505-012",
            "2025-05-14",
            "2025-11-30",
            JENV,
            "Weel",
            "De minister komt met een brief over de "
            "wettelijke grondslag voor het gebruik van slimme camera's bij cameratoezicht door gemeenten.",
        ),
    ),
    (
        "2025D20008",
        "2025-03-18",
        JENV,
        "I. Coenradie",
        "Reclassering en toezicht",
        "Toezicht",
        "Conform mijn toezegging stuur ik uw Kamer het plan van aanpak voor het verkleinen van de "
        "werkvoorraad bij de reclassering.",
        (
            "TZ202410-044",
            "2024-10-09",
            "2025-04-01",
            JENV,
            "Coenradie",
            "De staatssecretaris stuurt de Kamer een "
            "plan van aanpak om de werkvoorraad bij de reclasseringsorganisaties terug te dringen.",
        ),
    ),
]
# On the same subjects, by the same ministers, kept by no letter here.
DISTRACTORS = [
    (
        "TZ202502-011",
        "2025-02-06",
        "2025-12-31",
        JENV,
        "Weel",
        "De minister informeert de Kamer over de aanpak van ondergronds bankieren en de samenwerking met de FIU.",
    ),
    (
        "TZ202501-023",
        "2025-01-22",
        "2025-09-30",
        JENV,
        "Coenradie",
        "De staatssecretaris informeert de Kamer over de werving van personeel voor de penitentiaire inrichtingen.",
    ),
    (
        "TZ202409-077",
        "2024-09-25",
        "2025-06-30",
        BZK,
        "Uitermark",
        "De minister informeert de Kamer over de rol "
        "van gemeenten bij het voorbereiden van inwoners op een langdurige uitval van stroom en telecommunicatie.",
    ),
    (
        "TZ202411-031",
        "2024-11-13",
        "2025-06-01",
        JENV,
        "Weel",
        "De minister informeert de Kamer over de spreekrechten van nabestaanden bij de tbs-verlenging.",
    ),
    (
        "TZ202503-131",
        "2025-03-12",
        "2026-06-30",
        JENV,
        "Weel",
        "De minister informeert de Kamer over de huisvesting van de meldkamer Oost-Nederland.",
    ),
    (
        "TZ202502-056",
        "2025-02-19",
        "2025-12-01",
        BZK,
        "Uitermark",
        "De minister stuurt de Kamer de evaluatie van de Wet open overheid.",
    ),
    (
        "TZ202505-013",
        "2025-05-14",
        "2026-01-31",
        JENV,
        "Weel",
        "De minister informeert de Kamer over de inzet van drones door de politie bij demonstraties.",
    ),
    (
        "TZ202410-045",
        "2024-10-09",
        "2025-10-01",
        JENV,
        "Coenradie",
        "De staatssecretaris informeert de Kamer over het elektronisch toezicht met enkelbanden.",
    ),
    (
        "TZ202406-001",
        "2024-06-05",
        "2024-12-31",
        JENV,
        "Yesilgoz-Zegerius",
        "De minister stuurt de Kamer een brief over de evaluatie van het verbod op contante betalingen.",
    ),  # an older, different promise
]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    args = parser.parse_args(argv)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    import django

    django.setup()
    figures = {"fake Kamer (seed letter 2025D43420)": fake_kamer(args.database_url)}
    figures["own fixtures"] = own_fixtures(args.database_url)
    print(markdown(figures))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "register_match.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False))


def fresh_database(url: str) -> None:
    import psycopg
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    name = url.rsplit("/", 1)[1]
    if not name.startswith("tkd_register_bench"):
        raise SystemExit(f"refusing to drop {name!r}: only databases named tkd_register_bench*")
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def fake_kamer(url: str) -> dict:
    from kamer import sync
    from kamer.tk.client import TKClient
    from letters.importing.store import import_letter
    from letters.models import Source
    from tests.conftest import SEED
    from tests.kamer.fake_server import FakeTK
    from tests.kamer.fake_server.record import publish_kamer_record

    fresh_database(url)
    with FakeTK() as tk:
        publish_kamer_record(tk, letter=SEED.read_bytes())
        sync.run(client=TKClient(tk.base_url, timeout=30, page_pause=0), max_pages=1000)
    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)
    return measure()


def own_fixtures(url: str) -> dict:
    fresh_database(url)
    from commitments.models import Commitment
    from kamer.models import Toezegging
    from letters.models import Letter, LetterVersion, Section, Source

    for number, day, sender, signatory, title, heading, sentence, kept in FIXTURES:
        letter = Letter.objects.create(
            identity=number,
            document_number=number,
            title=title,
            date=datetime.date.fromisoformat(day),
            sender=f"Ministerie van {sender}",
            signatory=signatory,
        )
        version = LetterVersion.objects.create(
            letter=letter,
            number=1,
            sha256=number,
            filename=f"{number}.docx",
            size=0,
            content=b"",
            title=title,
            source=Source.COMMAND,
        )
        section = Section.objects.create(version=version, position=0, heading=heading, text=sentence, level=1)
        Commitment.objects.create(key=number, letter=letter, made_in=section, text=sentence, kind=Commitment.Kind.PRIOR)
        register_entry(Toezegging, kept, kamerbrief=f"Kamerbrief d.d. {day} ({number})")
    for entry in DISTRACTORS:
        register_entry(Toezegging, entry, kamerbrief="")
    return measure()


def register_entry(Toezegging, entry, *, kamerbrief):
    from django.utils import timezone

    number, made, due, ministerie, surname, text = entry
    made_at = timezone.make_aware(datetime.datetime.fromisoformat(f"{made}T15:00"))
    Toezegging.objects.create(
        guid=f"bench-{number}",
        number=number,
        text=text,
        created_on=made_at,
        due=datetime.date.fromisoformat(due),
        ministerie=ministerie,
        achternaam=surname,
        status="Voldaan" if kamerbrief else "Openstaand",
        kamerbrief_nakoming=kamerbrief,
    )


def measure() -> dict:
    from commitments.models import Commitment, ToezeggingMatch
    from commitments.register import services
    from commitments.register.nakoming import named_letters
    from kamer.models import Toezegging

    report = services.suggest(commitments=Commitment.objects.all())
    truth = {
        (toezegging.number, letter.pk)
        for toezegging in Toezegging.objects.current().exclude(kamerbrief_nakoming="")
        for letter in named_letters(toezegging.kamerbrief_nakoming)
    }
    fulfils = ToezeggingMatch.objects.filter(kind=ToezeggingMatch.Kind.FULFILS).select_related("commitment")
    numbers = dict(Toezegging.objects.values_list("guid", "number"))
    suggested = [(m.commitment_id, numbers[m.toezegging_id], m.commitment.letter_id, m.score) for m in fulfils]
    best = {}
    for commitment, number, letter, _ in sorted(suggested, key=lambda s: -s[3]):
        best.setdefault(commitment, (number, letter))
    every = {(number, letter) for _, number, letter, _ in suggested}
    return {
        "register entries": Toezegging.objects.current().count(),
        "prior commitments": Commitment.objects.filter(kind=Commitment.Kind.PRIOR).count(),
        "truth pairs": len(truth),
        "same suggestions": ToezeggingMatch.objects.filter(kind=ToezeggingMatch.Kind.SAME).count(),
        "all fulfils": scores(every, truth),
        "best per commitment": scores(set(best.values()), truth),
        "suggested": sorted([number, letter, score] for _, number, letter, score in suggested),
        "truth": sorted(truth),
        "created": report.created,
    }


def scores(suggested: set, truth: set) -> dict:
    right = len(suggested & truth)
    return {
        "suggested": len(suggested),
        "right": right,
        "precision": round(right / len(suggested), 3) if suggested else None,
        "recall": round(right / len(truth), 3) if truth else None,
    }


def markdown(figures: dict) -> str:
    lines = [
        "| data | register | prior commitments | truth pairs | FULFILS suggested | right | precision | recall "
        "| best-per-commitment P / R | SAME suggested |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, f in figures.items():
        every, best = f["all fulfils"], f["best per commitment"]
        lines.append(
            f"| {name} | {f['register entries']} | {f['prior commitments']} | {f['truth pairs']} "
            f"| {every['suggested']} "
            f"| {every['right']} | {every['precision']} | {every['recall']} | {best['precision']} / {best['recall']} "
            f"| {f['same suggestions']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
