"""Fill the database with a synthetic corpus of letters, fast. For benchmarks only.

One transaction per batch of letters, no per-row saves, no signals: bulk_create for
letters, versions, kamerstukken, references, motions, mentions and commitments; COPY for
the three largest tables (sections, footnotes, topic tags), with their keys taken from the
sequences first. Afterwards the full-text vectors are filled with one UPDATE per table
(letters.importing.store.index_for_search) and every kept count is rebuilt
(letters.importing.counts.recount_all). The same seed on the same database state gives the
same corpus (dates count back from the end date, today by default).

What a letter gets: one version, or two (the newest is_current); 10-60 sections in a
tree of levels 1-3 with `path` and `blocks` as the importer stores them; footnotes that
cite kamerstukken in a few thousand dossiers (a few of them very busy, 29517 and
36600-VI first); mentions of motions, some declaring a motion done; commitments, some
overdue; topic tags (rule, or inherited from the parent section) of the topics in the
database, whose terms also stand in the text.

From the repository root, into $DATABASE_URL (or --database-url), which must be migrated:

    DEBUG=1 .venv/bin/python bench/generate_corpus.py --letters 2000 [--seed 1] [--batch 500]
        [--end-date YYYY-MM-DD] [--append] [--allow-sqlite] [--database-url URL]

From Python, after django.setup(): `generate(letters=2000, seed=1)`, which returns the rows
written per table. It refuses a database with more than 100 letters unless append, and
anything but PostgreSQL unless allow_sqlite (ValueError).
"""

# ruff: noqa: E402 - run as a script, Django is set up (below) before the models are imported

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent

# --- Command line (main() is at the end): as a script, Django is set up before the models load -------


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="FOR BENCHMARKS ONLY: fill the database with N synthetic letters (versions, sections, "
        "footnotes, references to kamerstukken, motions, commitments, topic tags, search vectors) using bulk "
        "inserts. Never run it on a database with real data: it refuses a database with more than 100 letters "
        "unless --append, and anything but PostgreSQL unless --allow-sqlite."
    )
    parser.add_argument("--letters", type=int, required=True, help="number of letters to add")
    parser.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same corpus")
    parser.add_argument("--batch", type=int, default=500, help="letters per transaction (default 500)")
    parser.add_argument(
        "--end-date",
        type=date.fromisoformat,
        default=None,
        help="newest letter date, YYYY-MM-DD (default today); letters span the 20 years before",
    )
    parser.add_argument("--append", action="store_true", help="allow a database that already has letters")
    parser.add_argument("--allow-sqlite", action="store_true", help="allow SQLite (no search vectors there)")
    parser.add_argument(
        "--database-url", default=None, help="database to fill, migrated (default: $DATABASE_URL, as manage.py)"
    )
    return parser.parse_args(argv)


def setup_django(database_url: str | None) -> None:
    """Point Django at the database (before settings load) and set it up; as the other bench scripts do."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # run as a script, sys.path[0] is bench/
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    import django

    django.setup()


if __name__ == "__main__":  # before the imports below need the app registry
    setup_django(parse_args().database_url)

from django.core.management.color import color_style, no_style
from django.db import connection, reset_queries, transaction
from django.db.models import JSONField, Max, OuterRef, Subquery
from django.utils import timezone

from commitments.models import Commitment, Motion, MotionMention
from letters.importing.counts import recount_all
from letters.importing.ids import reserve_ids
from letters.importing.store import index_for_search
from letters.models import Footnote, Letter, LetterVersion, Reference, Section, Source, Topic, TopicTag
from tkdossiers.citations import vergaderjaar_for
from tkdossiers.models import Dossier, Kamerstuk

ROWS_PER_INSERT = 2000
YEARS = 20
REVIEW_WINDOW = timedelta(days=90)  # declarations younger than this still wait for the clerks
PLACEHOLDER = b"synthetic corpus: no .docx"
MAX_LETTERS_WITHOUT_APPEND = 100

# Search words for benchmarks: a common one (in every meldkamer passage) and rare ones.
COMMON_WORD = "meldkamer"
RARE_WORDS = ["dronedetectie", "tunnelbrand", "ijzelvorming", "lachgasincidenten", "zeehavenbeveiliging"]
RARE_SENTENCES_PER_SECTION = 0.0004

# --- Vocabulary -------------------------------------------------------------------------

SUBJECTS = [
    ("het kabinet", 1),
    ("de minister", 1),
    ("de inspectie", 1),
    ("het programma", 1),
    ("het Veiligheidsberaad", 1),
    ("de projectorganisatie", 1),
    ("het WODC", 1),
    ("de politie", 1),
    ("de ambulancezorg", 1),
    ("de Koninklijke Marechaussee", 1),
    ("de toezichthouder", 1),
    ("de werkgroep", 1),
    ("de veiligheidsregio's", 2),
    ("de gemeenten", 2),
    ("de betrokken partijen", 2),
    ("de burgemeesters", 2),
    ("de uitvoeringsorganisaties", 2),
    ("de ministeries", 2),
]
VERBS = [
    ("werkt aan", "werken aan"),
    ("onderzoekt", "onderzoeken"),
    ("bespreekt", "bespreken"),
    ("evalueert", "evalueren"),
    ("versterkt", "versterken"),
    ("verbetert", "verbeteren"),
    ("ondersteunt", "ondersteunen"),
    ("financiert", "financieren"),
    ("monitort", "monitoren"),
    ("verkent", "verkennen"),
    ("ontwikkelt", "ontwikkelen"),
    ("investeert in", "investeren in"),
    ("kijkt naar", "kijken naar"),
    ("rapporteert over", "rapporteren over"),
    ("heeft aandacht voor", "hebben aandacht voor"),
    ("zorgt voor", "zorgen voor"),
    ("borgt", "borgen"),
    ("analyseert", "analyseren"),
    ("bewaakt", "bewaken"),
    ("herziet", "herzien"),
]
OBJECTS = [
    "de uitvoering van de maatregelen",
    "de kwaliteit van de hulpverlening",
    "de samenwerking tussen de partners",
    "de financiering van het stelsel",
    "de informatievoorziening aan burgers",
    "de continuïteit van de dienstverlening",
    "de personele bezetting",
    "de opleiding van medewerkers",
    "de wettelijke grondslag",
    "de governance van het stelsel",
    "de risico's voor de samenleving",
    "de aanbevelingen van de inspectie",
    "de voortgang van het programma",
    "de beschikbaarheid van voorzieningen",
    "de digitale infrastructuur",
    "de aanbesteding van de systemen",
    "de randvoorwaarden voor de uitvoering",
    "de rol van de gemeenten",
    "de gegevensuitwisseling tussen diensten",
    "de implementatie van de wetswijziging",
    "de evaluatie van de wet",
    "de structurele kosten",
    "de planning van de vervolgstappen",
    "de werkdruk van medewerkers",
    "de regionale verschillen",
    "de kwetsbaarheden in de keten",
    "de capaciteit in de regio's",
    "een landelijke aanpak",
    "een structurele oplossing",
    "nieuwe afspraken met de sector",
    "de privacy van betrokkenen",
    "de positie van vrijwilligers",
    "de bereikbaarheid in landelijk gebied",
    "de kwaliteit van de gegevens",
    "de toekomstbestendigheid van het stelsel",
    "de uitkomsten van het onderzoek",
]
ADVERBIALS = [
    "",
    "",
    "",
    " in de komende periode",
    " op korte termijn",
    " samen met de betrokken partijen",
    " in overleg met de sector",
    " binnen de beschikbare middelen",
    " zoals eerder aangekondigd",
    " na afronding van het onderzoek",
    " met voorrang",
    " stapsgewijs",
    " in alle regio's",
    " dit jaar",
]
OPENERS = ["Daarnaast", "Ook", "Bovendien", "Tegelijkertijd", "Om die reden", "In dat kader", "Op dit moment"]
HEADING_NOUNS = [
    "Inleiding",
    "Voortgang",
    "Stand van zaken",
    "Financiering",
    "Evaluatie",
    "Wetgeving",
    "Uitvoering",
    "Vervolgstappen",
    "Tot slot",
    "Personeel",
    "Informatievoorziening",
    "Samenwerking",
    "Toezicht",
    "Onderzoek",
    "Kwaliteit",
    "Planning",
]
HEADING_TAILS = ["", "", " en planning", " in de regio's", " van het stelsel", " 2025", " en vervolg", " in de keten"]

# Passages and headings per topic, each naming at least one of its rule terms
# (letters/topics/defaults.py). Topics not listed here get phrases made of their rules.
TOPIC_PHRASES = {
    "meldkamers-en-112": [
        "de meldkamer",
        "de meldkamers",
        "het meldkamerdomein",
        "de meldkamerfunctie ambulance",
        "de afhandeling van 112-meldingen",
        "het alarmnummer 112",
        "de Landelijke Meldkamer Samenwerking",
        "de centralisten op de meldkamer",
        "de aannamecentrale van de meldkamer",
    ],
    "c2000-en-vmx": [
        "het C2000-systeem",
        "de vernieuwing van C2000",
        "het programma VMX",
        "de missiekritische communicatie",
        "het programma IVC",
        "de TETRA-standaard",
        "de radiobediening van C2000",
    ],
    "ptss-en-psychosociale-zorg": [
        "de landelijke regeling PTSS",
        "hulpverleners met PTSS",
        "de posttraumatische stressstoornis",
        "de psychosociale ondersteuning",
        "de psychotraumazorg",
        "de erkenning als beroepsziekte",
        "de hoog-risicoberoepen",
    ],
    "alerteren-nl-alert-en-was": [
        "het NL-Alert",
        "het alerteren van de bevolking",
        "de uitfasering van de WAS",
        "het Waarschuwings- en Alarmeringssysteem",
        "de sirenes",
        "de alarmering van burgers",
        "de waarschuwingsketen",
    ],
    "crisisbeheersing": [
        "de crisisbeheersing",
        "de Landelijke Agenda Crisisbeheersing",
        "de rampenbestrijding",
        "de crisisstructuur",
        "de nationale crisisorganisatie",
        "een langdurige stroomuitval",
    ],
    "brandweerzorg": [
        "de brandweer",
        "de brandweerzorg",
        "de brandweermensen",
        "de vrijwillige brandweerlieden",
        "de brandweerkorpsen",
    ],
    "weerbaarheid": [
        "de weerbaarheid van de samenleving",
        "een weerbaar Nederland",
        "hybride dreigingen",
        "een militaire dreiging",
    ],
    "geweld-tegen-hulpverleners": [
        "geweld tegen hulpverleners",
        "de Taskforce Onze hulpverleners veilig",
        "agressie tegen hulpverleners",
        "doxing van hulpverleners",
    ],
    "kcr2-locc": [
        "het KCR2",
        "het LOCC",
        "het Knooppunt Coördinatie Regio's-Rijk",
        "het Landelijk Operationeel Coördinatie Centrum",
    ],
    "noodcommunicatievoorziening": ["de Noodcommunicatievoorziening", "de NCV", "de aansluiting op de NCV"],
}
TOPIC_WEIGHTS = {
    "meldkamers-en-112": 10,
    "brandweerzorg": 6,
    "crisisbeheersing": 5,
    "c2000-en-vmx": 4,
    "ptss-en-psychosociale-zorg": 3,
    "alerteren-nl-alert-en-was": 3,
    "geweld-tegen-hulpverleners": 2,
    "weerbaarheid": 2,
}
HEADING_PREFIXES = ["", "", "Ontwikkelingen rond ", "Voortgang ", "Stand van zaken ", "Toekomst van "]

MEMBERS = (
    "Michon-Derkzen Mutluer Ellemeet Boswijk Wijen-Nass Sneller Helder Azarkan Bikker Ellian Eerdmans Temmink "
    "Beckerman Mulder Knops Dassen Omtzigt Krul Hertzberger Vijlbrief Paternotte Klaver Kuik Lahlah Nordkamp "
    "Bontenbal Kathmann Rajkowski Podt Koops Coenradie Straatman Graus Markuszower Dobbe Stoffer Tseggai Haage "
    "Bruyning Chakor Aardema Bevers Slagt-Tichelman Dijk"
).split() + ["Van Dijk", "Van Nispen", "Van der Werf", "Van der Plas", "Van Campen", "Van Baarle", "Six Dijkstra"]
SENDERS = [
    ("Minister van Justitie en Veiligheid", ["F.B.J. Grapperhaus", "D. Yeşilgöz-Zegerius", "D.M. van Weel"]),
    ("Staatssecretaris van Justitie en Veiligheid", ["A.C.J. Struycken", "I. Coenradie", "E. van der Burg"]),
    ("Minister van Binnenlandse Zaken en Koninkrijksrelaties", ["H.G.J. Bruins Slot", "J.J.M. Uitermark"]),
]
TITLES = [
    "Voortgangsbrief {topic}",
    "Verzamelbrief {topic}",
    "Beleidsreactie op het rapport over {topic}",
    "Kabinetsreactie op de evaluatie van {topic}",
    "Stand van zaken {topic}",
    "Reactie op het verzoek van de commissie over {topic}",
]

# Busy dossiers first (rank 1 is the busiest), then thousands of made-up ones.
NAMED_DOSSIERS = [
    ("29517", "", "Meldkamers"),
    ("36600", "VI", "Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid 2025"),
    ("29628", "", "Politie"),
    ("26956", "", "Brandweerzorg"),
    ("30821", "", "Nationale veiligheid"),
    ("28684", "", "Naar een veiliger samenleving"),
    ("36410", "VI", "Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid 2024"),
    ("29754", "", "Terrorismebestrijding"),
    ("36200", "VI", "Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid 2023"),
    ("26643", "", "Informatie- en communicatietechnologie (ICT)"),
]
ZIPF_EXPONENT = 1.05  # how often a dossier is cited: 29517 in about one citation in seven
FILING_EXPONENT = 0.5  # where new letters and motions are filed: far less skewed
NEW_KAMERSTUK = 10  # a citation names a new kamerstuk with chance NEW_KAMERSTUK / (NEW_KAMERSTUK + known ones)
TOEVOEGINGEN = ["VI", "VII", "X", "XVI", "A", "B"]


def vergaderjaar_long(vergaderjaar: str) -> str:
    """'2024/25' -> '2024–2025', as some citations write it."""
    start = int(vergaderjaar[:4])
    return f"{start}–{start + 1}"


def cumulative(weights: list[float]) -> list[float]:
    total, result = 0.0, []
    for weight in weights:
        total += weight
        result.append(total)
    return result


class Vocabulary:
    """Pools of Dutch sentences and headings, drawn once; passages pick from them."""

    def __init__(self, rng: random.Random, topics: list[Topic]):
        self.rng = rng
        self.generic = [self._sentence(rng.choice(OBJECTS)) for _ in range(4000)]
        self.phrases = {topic.slug: self._phrases_of(topic) for topic in topics}
        self.topical = {slug: [self._sentence(rng.choice(p)) for _ in range(300)] for slug, p in self.phrases.items()}
        self.rare = {word: [self._sentence(f"de {word}") for _ in range(5)] for word in RARE_WORDS}

    @staticmethod
    def _phrases_of(topic: Topic) -> list[str]:
        if topic.slug in TOPIC_PHRASES:
            return TOPIC_PHRASES[topic.slug]
        return [f"de {rule.term.rstrip('*')}" for rule in topic.rules.all()] or [topic.name.lower()]

    def _sentence(self, obj: str) -> str:
        rng = self.rng
        subject, number = rng.choice(SUBJECTS)
        verb, _, particle = rng.choice(VERBS)[number - 1].partition(" ")
        tail = rng.choice(ADVERBIALS)
        if rng.random() < 0.35:  # Dutch word order after an opener: the verb comes before the subject
            words = [rng.choice(OPENERS), verb, subject, particle, obj]
        else:
            words = [subject[0].upper() + subject[1:], verb, particle, obj]
        return " ".join(word for word in words if word) + tail + "."

    def paragraph(self, slug: str | None = None, sentences: int = 3) -> str:
        picked = self.rng.choices(self.generic, k=sentences)
        if slug is not None:  # a passage about the topic: a third of it names the topic's terms
            for index in range(0, sentences, 3):
                picked[index] = self.rng.choice(self.topical[slug])
        elif self.phrases and self.rng.random() < 0.1:  # a passing mention, below any threshold
            picked[-1] = self.rng.choice(self.topical[self.rng.choice(list(self.topical))])
        if self.rng.random() < RARE_SENTENCES_PER_SECTION:
            picked.append(self.rng.choice(self.rare[self.rng.choice(RARE_WORDS)]))
        return " ".join(picked)

    def heading(self, slug: str | None = None) -> str:
        if slug is None:
            return self.rng.choice(HEADING_NOUNS) + self.rng.choice(HEADING_TAILS)
        phrase = self.rng.choice(self.phrases[slug])
        core = phrase.split(" ", 1)[1] if phrase.startswith(("de ", "het ", "een ")) else phrase
        prefix = self.rng.choice(HEADING_PREFIXES)
        return f"{prefix}{core}" if prefix else core[0].upper() + core[1:]


# --- Plans: one letter as plain data, before it becomes rows ---------------------------------


@dataclass
class Cite:
    kind: str
    text: str
    kamerstuk: Kamerstuk | None = None
    vergaderjaar: str = ""


@dataclass
class SectionPlan:
    level: int
    kind: str
    heading: str
    number: str = ""
    parent: int | None = None
    path: str = ""
    blocks: list[dict] = field(default_factory=list)
    topics: list[tuple[Topic, str]] = field(default_factory=list)  # (topic, TopicTag.Source)


@dataclass
class FootnotePlan:
    number: str
    section: int
    text: str


@dataclass
class LetterPlan:
    letter: Letter
    versions: int
    older_drops: int = 0  # an older version lacks this many of the last sections
    sections: list[SectionPlan] = field(default_factory=list)
    footnotes: list[FootnotePlan] = field(default_factory=list)
    cites: list[tuple[int, str | None, Cite]] = field(default_factory=list)  # (section, footnote, cite), in order
    mentions: list[tuple[int, Motion, str, str, bool]] = field(default_factory=list)
    commitments: list[tuple[int, Commitment]] = field(default_factory=list)


# --- Shared pools: dossiers, kamerstukken, motions --------------------------------------------


class Registry:
    """Dossiers with their weights, their kamerstukken (existing and new), and the motions."""

    def __init__(self, rng: random.Random, letters: int, span: tuple[date, date]):
        self.rng, self.span = rng, span
        self.dossiers = self._dossiers(max(200, min(4000, letters // 5)))
        self.by_pk = {dossier.pk: dossier for dossier in self.dossiers}
        ranks = range(1, len(self.dossiers) + 1)
        self.cited_weights = cumulative([1 / rank**ZIPF_EXPONENT for rank in ranks])
        self.filing_weights = cumulative([1 / rank**FILING_EXPONENT for rank in ranks])
        self.kamerstukken: dict[int, list[Kamerstuk]] = {d.pk: [] for d in self.dossiers}
        self.next_number: dict[int, int] = dict.fromkeys(self.kamerstukken, 0)
        self.pending: list[Kamerstuk] = []
        self._load_kamerstukken()
        self.motions: list[Motion] = []
        self.declared: dict[int, Letter] = {}  # index in motions -> latest letter declaring it done

    def _dossiers(self, count: int) -> list[Dossier]:
        keys = [(number, toevoeging) for number, toevoeging, _ in NAMED_DOSSIERS]
        titles = {(n, t): title for n, t, title in NAMED_DOSSIERS}
        seen = set(keys)
        while len(keys) < count:
            key = (
                str(self.rng.randint(21000, 36999)),
                self.rng.choice(TOEVOEGINGEN) if self.rng.random() < 0.05 else "",
            )
            if key not in seen:
                seen.add(key)
                keys.append(key)
        existing = {(d.number, d.toevoeging): d for d in Dossier.objects.filter(number__in={n for n, _ in keys})}
        Dossier.objects.bulk_create(
            [Dossier(number=n, toevoeging=t, title=titles.get((n, t), "")) for n, t in keys if (n, t) not in existing]
        )
        found = {(d.number, d.toevoeging): d for d in Dossier.objects.filter(number__in={n for n, _ in keys})}
        return [found[key] for key in keys]

    def _load_kamerstukken(self) -> None:
        rows = Kamerstuk.objects.filter(dossier__in=self.dossiers).order_by("dossier_id", "id")
        for pk, dossier_id, number, year in rows.values_list("pk", "dossier_id", "number", "vergaderjaar"):
            self.kamerstukken[dossier_id].append(
                Kamerstuk(pk=pk, dossier_id=dossier_id, number=number, vergaderjaar=year)
            )
            if number.isdigit():
                self.next_number[dossier_id] = max(self.next_number[dossier_id], int(number))

    def dossier(self, filing: bool = False) -> Dossier:
        weights = self.filing_weights if filing else self.cited_weights
        return self.rng.choices(self.dossiers, cum_weights=weights)[0]

    def new_kamerstuk(self, dossier: Dossier, day: date, soort: str) -> Kamerstuk:
        self.next_number[dossier.pk] += 1
        first_cited = day - timedelta(days=self.rng.randint(0, 400))
        kamerstuk = Kamerstuk(
            dossier=dossier,
            number=str(self.next_number[dossier.pk]),
            vergaderjaar=vergaderjaar_for(first_cited),
            soort=soort,
        )
        self.kamerstukken[dossier.pk].append(kamerstuk)
        self.pending.append(kamerstuk)
        return kamerstuk

    def cited_kamerstuk(self, day: date) -> Kamerstuk:
        """A kamerstuk to cite: a new one now and then, mostly a recent one of a busy dossier."""
        dossier = self.dossier()
        known = self.kamerstukken[dossier.pk]
        if not known or self.rng.random() < NEW_KAMERSTUK / (NEW_KAMERSTUK + len(known)):
            return self.new_kamerstuk(dossier, day, "Brief regering")
        return self.rng.choice(known[-30:] if self.rng.random() < 0.7 else known)

    def save_pending(self) -> None:
        Kamerstuk.objects.bulk_create(self.pending, batch_size=ROWS_PER_INSERT)
        self.pending = []

    def create_motions(self, count: int) -> None:
        taken = set(Motion.objects.filter(kamerstuk__isnull=True).values_list("members_key", flat=True))
        start, end = self.span
        for _ in range(count):
            members = self.rng.sample(MEMBERS, self.rng.choice([1, 1, 1, 2, 2, 3]))
            key = "|".join(sorted(m.lower() for m in members))
            kamerstuk = None
            if key in taken or self.rng.random() < 0.75:
                day = start + timedelta(days=self.rng.randint(0, (end - start).days))
                kamerstuk = self.new_kamerstuk(self.dossier(filing=True), day, "Motie")
            else:
                taken.add(key)
            self.motions.append(Motion(kamerstuk=kamerstuk, members=members, members_key=key))
        self.save_pending()
        Motion.objects.bulk_create(self.motions, batch_size=ROWS_PER_INSERT)

    def settle_motions(self, end: date) -> int:
        """Each motion's latest declaring letter; older declarations were reviewed (most confirmed,
        some rejected), younger ones wait for the clerks; a fifth of the others were settled."""
        reviewed, done = [], []
        for index, motion in enumerate(self.motions):
            letter = self.declared.get(index)
            motion.declared_in = letter
            if letter is not None and letter.date < end - REVIEW_WINDOW:
                reviewed.append(motion.pk)
                if self.rng.random() >= 0.15:
                    done.append(motion.pk)
            elif letter is None and self.rng.random() < 0.2:
                done.append(motion.pk)
        declared = [motion for motion in self.motions if motion.declared_in is not None]
        Motion.objects.bulk_update(declared, ["declared_in"], batch_size=250)  # a CASE per batch: keep it short
        ours = Motion.objects.filter(pk__in=[motion.pk for motion in self.motions])
        ours.filter(pk__in=reviewed).update(declaration_reviewed=True)
        ours.filter(pk__in=done).update(status=Motion.Status.DONE)
        return ours.awaiting_review().count()


# --- Planning one letter ------------------------------------------------------------------------


class Planner:
    def __init__(self, rng: random.Random, vocabulary: Vocabulary, registry: Registry, topics: list[Topic], end: date):
        self.rng, self.words, self.registry, self.end = rng, vocabulary, registry, end
        self.topics = topics
        self.topic_weights = cumulative([TOPIC_WEIGHTS.get(t.slug, 1) for t in topics])

    def letter(self, index: int, day: date) -> LetterPlan:
        rng = self.rng
        themes = self._themes()
        sender, signatories = rng.choice(SENDERS)
        answers = rng.random() < 0.25
        document_number = f"{day.year}D{index:05d}"
        title = self._title(themes, answers)
        letter = Letter(
            identity=f"synthetic:{document_number}",
            document_number=document_number,
            kenmerk=str(rng.randint(1_000_000, 9_999_999)),
            title=title,
            date=day,
            sender=sender,
            signatory=rng.choice(signatories),
            vergaderjaar=vergaderjaar_for(day),
        )
        if rng.random() < 0.7:
            letter.dossier = self.registry.dossier(filing=True)
            if rng.random() < 0.6:
                letter.kamerstuk = self.registry.new_kamerstuk(letter.dossier, day, "Brief regering")
        plan = LetterPlan(letter=letter, versions=2 if rng.random() < 0.15 else 1, older_drops=rng.randint(1, 3))
        target = rng.randint(10, 60)
        self._opening(plan, themes)
        if answers:
            self._questions(plan, themes, target)
        else:
            self._chapters(plan, themes, target)
        self._motions(plan, day)
        self._commitments(plan, index, day)
        return plan

    def _themes(self) -> list[Topic]:
        if not self.topics or self.rng.random() < 0.25:
            return []
        count = self.rng.choice([1, 1, 2, 2, 3])
        return list(dict.fromkeys(self.rng.choices(self.topics, cum_weights=self.topic_weights, k=count)))

    def _title(self, themes: list[Topic], answers: bool) -> str:
        subject = themes[0].name.lower() if themes else self.rng.choice(OBJECTS)
        if answers:
            members = " en ".join(self.rng.sample(MEMBERS, self.rng.choice([1, 2])))
            return f"Antwoorden op Kamervragen van {members} over {subject}"
        return self.rng.choice(TITLES).format(topic=subject)

    # Sections

    def _add(self, plan: LetterPlan, section: SectionPlan, slug: str | None, paragraphs: int) -> int:
        index = len(plan.sections)
        plan.sections.append(section)
        for _ in range(paragraphs):
            self._paragraph(plan, index, slug)
        if paragraphs and self.rng.random() < 0.1:
            self._list_items(plan, index)
        if paragraphs and self.rng.random() < 0.02:
            self._table(section)
        return index

    def _opening(self, plan: LetterPlan, themes: list[Topic]) -> None:
        opening = SectionPlan(level=1, kind=Section.Kind.OPENING, heading="")
        if themes and self.rng.random() < 0.3:
            opening.topics = [(themes[0], TopicTag.Source.RULE)]
        self._add(plan, opening, themes[0].slug if opening.topics else None, self.rng.randint(1, 3))

    def _chapters(self, plan: LetterPlan, themes: list[Topic], target: int) -> None:
        """Chapters (level 1) with paragraphs (level 2), a few with subparagraphs (level 3)."""
        chapter_number = 0
        while len(plan.sections) < target:
            chapter_number += 1
            theme = self.rng.choice(themes) if themes and self.rng.random() < 0.6 else None
            chapter = self._section(plan, 1, theme, None, f"{chapter_number}")
            for child_number in range(1, min(self.rng.randint(1, 6), target - len(plan.sections)) + 1):
                sub_theme = theme if theme and self.rng.random() < 0.5 else None
                child = self._section(plan, 2, sub_theme, chapter, f"{chapter_number}.{child_number}")
                leaves = self.rng.randint(1, 3) if self.rng.random() < 0.2 else 0
                for leaf_number in range(1, min(leaves, target - len(plan.sections)) + 1):
                    leaf_theme = sub_theme if sub_theme and self.rng.random() < 0.5 else None
                    number = f"{chapter_number}.{child_number}.{leaf_number}"
                    self._section(plan, 3, leaf_theme, child, number)
        self._numbering(plan)

    def _section(self, plan: LetterPlan, level: int, theme: Topic | None, parent: int | None, number: str) -> int:
        slug = theme.slug if theme else None
        section = SectionPlan(
            level=level, kind=Section.Kind.HEADING, heading=self.words.heading(slug), number=number, parent=parent
        )
        section.path = self._path(plan, parent)
        section.topics = self._tags(plan, theme, parent)
        paragraphs = 0 if level == 1 and self.rng.random() < 0.6 else self.rng.randint(1, 3)
        return self._add(plan, section, slug, paragraphs)

    def _numbering(self, plan: LetterPlan) -> None:
        """Three letters in ten number their headings (1, 1.1, 1.1.1); the others do not."""
        if self.rng.random() >= 0.3:
            for section in plan.sections:
                section.number = ""

    def _questions(self, plan: LetterPlan, themes: list[Topic], target: int) -> None:
        """Answers to questions of members: a title, then each question with its answer."""
        subject = themes[0].name.lower() if themes else self.rng.choice(OBJECTS)
        title = SectionPlan(level=1, kind=Section.Kind.TITLE, heading=f"Antwoorden op vragen over {subject}")
        title.topics = [(themes[0], TopicTag.Source.RULE)] if themes else []
        parent = self._add(plan, title, None, 0)
        number = 0
        while len(plan.sections) + 2 <= target:
            number += 1
            question = SectionPlan(level=2, kind=Section.Kind.QUESTION, heading=f"Vraag {number}", parent=parent)
            answer = SectionPlan(
                level=2, kind=Section.Kind.ANSWER, heading=f"Antwoord op vraag {number}", parent=parent
            )
            theme = self.rng.choice(themes) if themes and self.rng.random() < 0.5 else None
            for section, paragraphs, own in ((question, 1, None), (answer, self.rng.randint(1, 3), theme)):
                section.path = title.heading
                section.topics = self._tags(plan, own, parent)
                self._add(plan, section, own.slug if own else None, paragraphs)

    def _path(self, plan: LetterPlan, parent: int | None) -> str:
        if parent is None:
            return ""
        above = plan.sections[parent]
        return f"{above.path} › {above.heading}" if above.path else above.heading

    def _tags(self, plan: LetterPlan, theme: Topic | None, parent: int | None) -> list[tuple[Topic, str]]:
        """Like the matcher: own topics when the text names them, else the parent's, inherited."""
        if theme is not None:
            return [(theme, TopicTag.Source.RULE)]
        if parent is None:
            return []
        return [(topic, TopicTag.Source.INHERITED) for topic, _ in plan.sections[parent].topics]

    # Blocks, footnotes and citations

    def _paragraph(self, plan: LetterPlan, index: int, slug: str | None) -> None:
        text = self.words.paragraph(slug, self.rng.randint(2, 4))
        if self.rng.random() < 0.08:
            cite = self._kamerstuk_cite(plan.letter.date, "Kamerstuk {display}, nr. {number}")
            text += f" Ik verwijs hiervoor naar mijn eerdere brief ({cite.text})."
            plan.cites.append((index, None, cite))
        block = {"type": "p", "text": text, "refs": []}
        if self.rng.random() < 0.12:
            number = str(len(plan.footnotes) + 1)
            block["refs"].append([len(text), number])
            self._footnote(plan, index, number)
        plan.sections[index].blocks.append(block)

    def _list_items(self, plan: LetterPlan, index: int) -> None:
        for _ in range(self.rng.randint(2, 4)):
            text = self.rng.choice(self.words.generic)
            plan.sections[index].blocks.append({"type": "li", "text": text, "refs": [], "list_level": 0, "label": "•"})

    def _table(self, section: SectionPlan) -> None:
        header = [{"text": label, "refs": []} for label in ("Onderdeel", "Stand", "Planning")]
        rows = [
            [{"text": self.rng.choice(HEADING_NOUNS), "refs": []}, {"text": "in uitvoering", "refs": []}]
            + [{"text": str(2020 + self.rng.randint(0, 8)), "refs": []}]
            for _ in range(self.rng.randint(2, 5))
        ]
        section.blocks.append({"type": "table", "rows": [header, *rows]})

    def _footnote(self, plan: LetterPlan, index: int, number: str) -> None:
        roll = self.rng.random()
        if roll < 0.75:
            cites = [self._kamerstuk_cite(plan.letter.date) for _ in range(2 if self.rng.random() < 0.15 else 1)]
        elif roll < 0.9:
            cites = [self._other_cite(plan.letter.date)]
        else:
            cites = []
        text = " en ".join(cite.text for cite in cites) or "Zie de bijlage bij deze brief."
        plan.footnotes.append(FootnotePlan(number=number, section=index, text=text))
        plan.cites.extend((index, number, cite) for cite in cites)

    def _kamerstuk_cite(self, day: date, pattern: str | None = None) -> Cite:
        kamerstuk = self.registry.cited_kamerstuk(day)
        dossier = self.registry.by_pk[kamerstuk.dossier_id]
        year = kamerstuk.vergaderjaar or vergaderjaar_for(day)
        pattern = pattern or self.rng.choice(
            [
                "Kamerstukken II, {year}, {display}, nr. {number}",
                "Kamerstuk {display}, nr. {number}",
                "Tweede Kamer, vergaderjaar {long}, {display}, nr. {number}",
            ]
        )
        text = pattern.format(year=year, long=vergaderjaar_long(year), display=dossier.display, number=kamerstuk.number)
        return Cite(Reference.Kind.KAMERSTUK, text, kamerstuk, year)

    def _other_cite(self, day: date) -> Cite:
        rng, year = self.rng, vergaderjaar_for(day)
        choices = [
            (Reference.Kind.HANDELINGEN, f"Handelingen II {year}, nr. {rng.randint(1, 99)}, item {rng.randint(1, 30)}"),
            (Reference.Kind.AANHANGSEL, f"Aanhangsel Handelingen II {year}, nr. {rng.randint(100, 3000)}"),
            (Reference.Kind.STAATSCOURANT, f"Stcrt. {day.year}, {rng.randint(1000, 40000)}"),
            (Reference.Kind.BWB, f"BWBR{rng.randint(1, 60000):07d}"),
            (Reference.Kind.WETSARTIKEL, f"artikel {rng.randint(1, 80)} van de Wet veiligheidsregio's"),
            (
                Reference.Kind.URL,
                f"https://www.rijksoverheid.nl/documenten/rapporten/{day:%Y/%m/%d}/rapport-{rng.randint(1, 999)}",
            ),
        ]
        kind, text = rng.choice(choices)
        return Cite(kind, text)

    # Motions and commitments, in the text of body sections

    def _body_sections(self, plan: LetterPlan) -> list[int]:
        return [i for i, s in enumerate(plan.sections) if s.blocks and s.kind != Section.Kind.QUESTION]

    def _motions(self, plan: LetterPlan, day: date) -> None:
        bodies = self._body_sections(plan)
        count = self.rng.choice([0, 0, 0, 0, 0, 1, 1, 1, 2, 3])
        for _ in range(count if bodies and self.registry.motions else 0):
            number = self.rng.randrange(len(self.registry.motions))
            motion = self.registry.motions[number]
            text = self._motion_text(motion.members)
            declares = self.rng.random() < 0.25
            sentence = self.rng.choice(
                [
                    "Hiermee beschouw ik {m} als afgedaan.",
                    "Met deze brief wordt {m} afgedaan.",
                ]
                if declares
                else [
                    "Conform {m} wordt uw Kamer geïnformeerd over de voortgang.",
                    "In lijn met {m} is verder gewerkt aan " + self.rng.choice(OBJECTS) + ".",
                    "Met {m} heeft uw Kamer gevraagd aandacht te besteden aan " + self.rng.choice(OBJECTS) + ".",
                ]
            ).format(m=text)
            section = self.rng.choice(bodies)
            plan.sections[section].blocks.append({"type": "p", "text": sentence[0].upper() + sentence[1:], "refs": []})
            plan.mentions.append((section, motion, text, sentence, declares))
            if declares:
                self.registry.declared[number] = plan.letter

    @staticmethod
    def _motion_text(members: list[str]) -> str:
        if len(members) == 1:
            return f"de motie van het lid {members[0]}"
        if len(members) == 2:
            return f"de motie van de leden {members[0]} en {members[1]}"
        return f"de motie {members[0]} c.s."

    def _commitments(self, plan: LetterPlan, index: int, day: date) -> None:
        bodies = self._body_sections(plan)
        for number in range(self.rng.choice([0, 0, 1, 1, 1, 2, 3]) if bodies else 0):
            text, kind, due = self._promise(day)
            section = self.rng.choice(bodies)
            plan.sections[section].blocks.append({"type": "p", "text": text, "refs": []})
            key = hashlib.sha256(f"synthetic:{index}:{number}".encode()).hexdigest()
            commitment = Commitment(key=key, letter=plan.letter, text=text, kind=kind, due=due)
            commitment.status = self._commitment_status(day, due)
            plan.commitments.append((section, commitment))

    def _promise(self, day: date) -> tuple[str, str, date | None]:
        subject = self.rng.choice(OBJECTS)
        if self.rng.random() < 0.2:
            return f"Zoals toegezegd informeer ik uw Kamer hierbij over {subject}.", Commitment.Kind.PRIOR, None
        year = day.year + self.rng.choice([0, 1, 1, 2])
        moment, due = self.rng.choice(
            [
                (f"voor de zomer van {year}", date(year, 7, 1)),
                (f"voor het einde van {year}", date(year, 12, 31)),
                (f"in het voorjaar van {year}", date(year, 4, 1)),
                ("in de volgende voortgangsbrief", None),
            ]
        )
        if due is not None and due <= day:
            due = day + timedelta(days=180)
        return f"Ik zal uw Kamer {moment} informeren over {subject}.", Commitment.Kind.NEW, due

    def _commitment_status(self, day: date, due: date | None) -> str:
        """Past their date most were kept, a quarter are overdue; older undated ones mostly kept."""
        roll = self.rng.random()
        if due is not None and due < self.end:
            if roll < 0.65:
                return Commitment.Status.FULFILLED
            return Commitment.Status.LAPSED if roll < 0.75 else Commitment.Status.OPEN
        if due is None and day < self.end - timedelta(days=365) and roll < 0.6:
            return Commitment.Status.FULFILLED
        return Commitment.Status.OPEN


# --- Rows: a batch of plans into the database ---------------------------------------------------

SECTION_COLUMNS = [
    "id",
    "version_id",
    "position",
    "parent_id",
    "level",
    "number",
    "kind",
    "heading",
    "heading_refs",
    "blocks",
    "text",
    "path",
]
FOOTNOTE_COLUMNS = ["id", "version_id", "number", "position", "text", "section_id"]
TAG_COLUMNS = ["section_id", "topic_id", "source", "tagged_at"]


@dataclass
class Rows:
    """One batch: model instances for bulk_create, plain tuples for the three largest tables."""

    versions: list[LetterVersion] = field(default_factory=list)
    sections: list[tuple] = field(default_factory=list)
    footnotes: list[tuple] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    mentions: list[MotionMention] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    tags: list[tuple] = field(default_factory=list)


class Ids:
    """Primary keys taken from a table's sequence in advance, so that children can point at rows
    that are written with COPY (which returns no keys)."""

    def __init__(self, model, count: int):
        self.ids, self.taken = allocate_ids(model, count), 0

    def take(self, count: int) -> list[int]:
        self.taken += count
        return self.ids[self.taken - count : self.taken]


def allocate_ids(model, count: int) -> list[int]:
    ids = reserve_ids(model, count)
    if ids is None:  # SQLite, one writer: the next free keys
        start = (model.objects.aggregate(n=Max("pk"))["n"] or 0) + 1
        ids = list(range(start, start + count))
    return ids


def insert_rows(model, columns: list[str], rows: list[tuple]) -> None:
    """Plain rows (attribute names as columns): COPY on PostgreSQL, bulk_create elsewhere.

    bulk_create costs about 140 µs a row for sections and footnotes: Django must use its
    VALUES form for models with a SearchVectorField. COPY takes about 17 µs.
    """
    if not rows:
        return
    if connection.vendor != "postgresql":
        objects = [model(**dict(zip(columns, row, strict=True))) for row in rows]
        model.objects.bulk_create(objects, batch_size=ROWS_PER_INSERT)
        return
    fields = [model._meta.get_field(name) for name in columns]
    json_at = [index for index, f in enumerate(fields) if isinstance(f, JSONField)]
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor, cursor.copy(f"COPY {model._meta.db_table} ({names}) FROM STDIN") as copy:
        for row in rows:
            if json_at:
                row = list(row)
                for index in json_at:
                    row[index] = json.dumps(row[index])
            copy.write_row(row)


def kept_sections(plan: LetterPlan, current: bool) -> int:
    """An older version lacks the last few sections of the newest."""
    return len(plan.sections) if current else max(2, len(plan.sections) - plan.older_drops)


def version_of(plan: LetterPlan, number: int) -> LetterVersion:
    letter = plan.letter
    return LetterVersion(
        letter=letter,
        number=number,
        sha256=hashlib.sha256(f"{letter.identity}:{number}".encode()).hexdigest(),
        filename=f"{letter.document_number}-v{number}.docx",
        size=len(PLACEHOLDER),
        content=PLACEHOLDER,
        title=letter.title,
        date=letter.date,
        source=Source.SYNC,
        is_current=number == plan.versions,
    )


def version_rows(rows: Rows, plan: LetterPlan, version: LetterVersion, ids: dict[str, Ids], now) -> None:
    """The rows of one version of a planned letter, pointing at keys taken in advance."""
    keep = kept_sections(plan, version.is_current)
    section_ids = ids["sections"].take(keep)
    for position, data in enumerate(plan.sections[:keep]):
        parent = section_ids[data.parent] if data.parent is not None else None
        text = "\n".join(block_text(block) for block in data.blocks)
        rows.sections.append(
            (section_ids[position], version.pk, position, parent, data.level, data.number, data.kind, data.heading)
            + ([], data.blocks, text, data.path)
        )
        rows.tags.extend((section_ids[position], topic.pk, source, now) for topic, source in data.topics)
    footnotes = [f for f in plan.footnotes if f.section < keep]
    footnote_ids = dict(zip([f.number for f in footnotes], ids["footnotes"].take(len(footnotes)), strict=True))
    rows.footnotes.extend(
        (footnote_ids[f.number], version.pk, f.number, position, f.text, section_ids[f.section])
        for position, f in enumerate(footnotes)
    )
    cites = [(s, n, c) for s, n, c in plan.cites if s < keep]
    rows.references.extend(
        reference_row(version, position, section_ids[s], footnote_ids.get(n), cite)
        for position, (s, n, cite) in enumerate(cites)
    )
    mentions = [m for m in plan.mentions if m[0] < keep]
    rows.mentions.extend(
        MotionMention(
            motion=motion,
            section_id=section_ids[s],
            version=version,
            position=position,
            text=text,
            sentence=sentence,
            declares_done=declares,
        )
        for position, (s, motion, text, sentence, declares) in enumerate(mentions)
    )
    if version.is_current:
        for section, commitment in plan.commitments:
            commitment.made_in_id = section_ids[section]
            rows.commitments.append(commitment)


def block_text(block: dict) -> str:
    """Section.text as the importer joins it: a table row's cells with ' | '."""
    if block["type"] == "table":
        return "\n".join(" | ".join(cell["text"] for cell in row) for row in block["rows"])
    return block["text"]


def reference_row(version, position: int, section_id: int, footnote_id: int | None, cite: Cite) -> Reference:
    return Reference(
        version=version,
        section_id=section_id,
        footnote_id=footnote_id,
        kamerstuk=cite.kamerstuk,
        kind=cite.kind,
        location=Reference.Location.FOOTNOTE if footnote_id else Reference.Location.BODY,
        position=position,
        text=cite.text,
        vergaderjaar=cite.vergaderjaar,
    )


def write_batch(plans: list[LetterPlan], registry: Registry) -> Rows:
    """Insert a batch of planned letters in dependency order, parents before children."""
    if connection.vendor == "postgresql":  # a lost benchmark batch is cheap: do not wait for the disk
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO off")
    registry.save_pending()
    Letter.objects.bulk_create([plan.letter for plan in plans], batch_size=ROWS_PER_INSERT)
    rows = Rows(versions=[version_of(plan, n) for plan in plans for n in range(1, plan.versions + 1)])
    LetterVersion.objects.bulk_create(rows.versions, batch_size=ROWS_PER_INSERT)
    ids = _ids_for(plans)
    versions = iter(rows.versions)
    now = timezone.now()
    for plan in plans:
        for _ in range(plan.versions):
            version_rows(rows, plan, next(versions), ids, now)
    insert_rows(Section, SECTION_COLUMNS, rows.sections)
    insert_rows(Footnote, FOOTNOTE_COLUMNS, rows.footnotes)
    Reference.objects.bulk_create(rows.references, batch_size=ROWS_PER_INSERT)
    MotionMention.objects.bulk_create(rows.mentions, batch_size=ROWS_PER_INSERT)
    Commitment.objects.bulk_create(rows.commitments, batch_size=ROWS_PER_INSERT)
    insert_rows(TopicTag, TAG_COLUMNS, rows.tags)
    current = LetterVersion.objects.filter(letter=OuterRef("pk"), is_current=True).values("pk")[:1]
    Letter.objects.filter(pk__in=[plan.letter.pk for plan in plans]).update(current_version=Subquery(current))
    return rows


def _ids_for(plans: list[LetterPlan]) -> dict[str, Ids]:
    sections = footnotes = 0
    for plan in plans:
        for number in range(1, plan.versions + 1):
            keep = kept_sections(plan, number == plan.versions)
            sections += keep
            footnotes += sum(1 for f in plan.footnotes if f.section < keep)
    return {"sections": Ids(Section, sections), "footnotes": Ids(Footnote, footnotes)}


def letter_dates(rng: random.Random, count: int, end: date) -> list[date]:
    """Weekdays over the last YEARS years, more in recent years, oldest first."""
    span = YEARS * 365
    days = []
    for _ in range(count):
        fraction = rng.random() if rng.random() < 0.5 else rng.random() ** 0.5  # half uniform, half rising
        day = end - timedelta(days=span - int(fraction * span))
        days.append(day - timedelta(days=max(0, day.weekday() - 4)))  # Saturday, Sunday -> Friday
    return sorted(days)


# --- Generating ---------------------------------------------------------------------------------

TABLES = ("versions", "sections", "footnotes", "references", "mentions", "commitments", "tags")


def generate(
    *,
    letters: int,
    seed: int = 1,
    batch: int = 500,
    end_date: date | None = None,
    append: bool = False,
    allow_sqlite: bool = False,
    out: TextIO | None = None,
) -> dict[str, int]:
    """Add `letters` synthetic letters to the database Django uses, in transactions of `batch`
    letters, the newest dated `end_date` (default today); progress goes to `out` (default stdout).

    Returns the rows written: letters, then per table as in TABLES (versions, sections, footnotes,
    references, mentions, commitments, tags). Raises ValueError before writing anything when
    `letters` or `batch` is below 1, the database is not PostgreSQL and not `allow_sqlite`, or
    it already has more than MAX_LETTERS_WITHOUT_APPEND letters and not `append`.
    """
    check(letters=letters, batch=batch, append=append, allow_sqlite=allow_sqlite)
    progress = Progress(out or sys.stdout)
    end = end_date or date.today()
    base = (Letter.objects.aggregate(n=Max("pk"))["n"] or 0) + 1
    rng = random.Random(f"{seed}:{base}")  # appending continues with other numbers
    planner, registry = _prepare(rng, letters, end)
    progress.say(f"{len(registry.dossiers):,} dossiers, {len(registry.motions):,} motions")
    counts = _write_letters(planner, registry, letter_dates(rng, letters, end), base, batch, progress)
    with transaction.atomic():
        awaiting = registry.settle_motions(end)
    progress.say(f"motions settled, {awaiting:,} awaiting review")
    index_for_search(SimpleNamespace(**_unindexed()))
    progress.say("search vectors filled" if connection.vendor == "postgresql" else "no search vectors (SQLite)")
    recount_all()
    progress.say("kept counts of dossiers, kamerstukken and topics filled")
    summary = ", ".join(f"{n:,} {name}" for name, n in counts.items())
    progress.done(f"Done in {progress.seconds():.1f} s: {summary}")
    return counts


def check(*, letters: int, batch: int, append: bool, allow_sqlite: bool) -> None:
    """Refuse (ValueError) what generate() must not do; see there."""
    if letters < 1 or batch < 1:
        raise ValueError("--letters and --batch must be at least 1")
    if connection.vendor != "postgresql" and not allow_sqlite:
        raise ValueError(f"this is {connection.vendor}, not PostgreSQL; pass --allow-sqlite to go on anyway")
    existing = Letter.objects.count()
    if existing > MAX_LETTERS_WITHOUT_APPEND and not append:
        raise ValueError(f"the database already has {existing:,} letters; pass --append to add to them")


class Progress:
    """Lines on `out` with the seconds since the start: `[   12.3 s] message`."""

    def __init__(self, out: TextIO):
        self.out, self.started = out, time.perf_counter()
        self.style = color_style() if hasattr(out, "isatty") and out.isatty() else no_style()

    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def say(self, message: str) -> None:
        self.out.write(f"[{self.seconds():7.1f} s] {message}\n")
        self.out.flush()

    def done(self, message: str) -> None:
        self.out.write(self.style.SUCCESS(message) + "\n")
        self.out.flush()


def _prepare(rng: random.Random, letters: int, end: date) -> tuple[Planner, Registry]:
    topics = list(Topic.objects.prefetch_related("rules").order_by("pk"))
    start = end - timedelta(days=YEARS * 365)
    registry = Registry(rng, letters, (start, end))
    with transaction.atomic():
        registry.create_motions(max(20, letters * 35 // 100))
    return Planner(rng, Vocabulary(rng, topics), registry, topics, end), registry


def _write_letters(
    planner: Planner, registry: Registry, dates: list[date], base: int, batch: int, progress: Progress
) -> dict[str, int]:
    """Plan and write the letters, oldest first, a batch per transaction; rows written per table."""
    counts = Counter()
    for first in range(0, len(dates), batch):
        chunk = dates[first : first + batch]
        plans = [planner.letter(base + first + offset, day) for offset, day in enumerate(chunk)]
        with transaction.atomic():
            rows = write_batch(plans, registry)
        reset_queries()  # with DEBUG on, Django keeps the text of every (huge) INSERT
        counts["letters"] += len(plans)
        for name in TABLES:
            counts[name] += len(getattr(rows, name))
        progress.say(f"{counts['letters']:>9,} / {len(dates):,} letters, {counts['sections']:,} sections")
    return dict(counts)


def _unindexed() -> dict:
    """index_for_search(version) updates version.sections and version.footnotes: give it every
    row without a vector, so that its SearchVector expressions run as one UPDATE per table."""
    return {
        "sections": Section.objects.filter(search_vector__isnull=True),
        "footnotes": Footnote.objects.filter(search_vector__isnull=True),
    }


# --- Command line ---------------------------------------------------------------------------------


def main(argv=None) -> None:
    args = parse_args(argv)
    setup_django(args.database_url)
    options = {"letters": args.letters, "batch": args.batch, "append": args.append, "allow_sqlite": args.allow_sqlite}
    try:
        check(**options)
    except ValueError as exc:
        raise SystemExit(f"generate_corpus: {exc}") from None
    generate(**options, seed=args.seed, end_date=args.end_date)


if __name__ == "__main__":
    main()
