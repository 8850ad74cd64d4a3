"""How well a commitment found in a letter fits an entry of the Kamer's toezeggingen register.

Pure Python (no Django): plain facts in, a score out, so the scoring is tested and measured on
its own. The score (0..100) weighs four things a clerk would look at:

- text: the register's words found in the letter's sentence (and, for a letter that keeps an
  earlier promise, in its title and the passage's heading: "Kabinetsreactie initiatiefnota
  Boswijk c.s."), and the sentence's
  words found in the register, with rapidfuzz for spelling and inflection ("informeer" and
  "informeren"); stop words and the words every promise has ("Kamer", "toezeggen") do not count;
- ministerie: the letter's sender against the register's ministerie;
- bewindspersoon: the letter's signatory against the minister who made the promise (a successor
  often keeps a predecessor's promise, so this weighs little);
- date: the promise is made before the letter (a later one is no candidate at all); for a letter
  that keeps it, a letter near the promised date fits better.
"""

import datetime
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

SAME, FULFILS = "same", "fulfils"
WEIGHTS = {"text": 0.70, "ministerie": 0.12, "bewindspersoon": 0.10, "date": 0.08}
THRESHOLD = 55.0  # below this a suggestion costs the clerk more than it saves
MIN_TEXT = 40.0  # however well the rest fits, the promise itself must be recognisable
LIMIT = 3  # suggestions per commitment
MARGIN = 12.0  # a second suggestion only when it comes this close to the best: else it is noise
WORD_MATCH = 85  # rapidfuzz ratio at which two words count as the same word
COMPOUND_PART = 6  # a word this long found inside another counts: Dutch writes compounds as one word
UNKNOWN = 50.0  # a factor neither side says anything about
PREFILTER = 40  # entries scored in full per commitment, from a quick first pass
NEAR_DUE = datetime.timedelta(days=120)

STOP_WORDS = frozenset(
    """
    aan al alle als dan dat de deze die dit door een en er na haar hem het hier hij hoe
    ik in is je kan kunnen maar meer met mijn naar niet nog nu of om onze ons op over te
    ten ter tot u uw van voor wat we wel werd wij wordt worden zal ze zij zijn zich zo
    zoals zou zullen bij ook eerder reeds hierbij hiermee daarbij daarover tevens
    kamer minister ministers staatssecretaris kabinet regering bewindspersoon toe zegt zeggen
    toezegging toezeggingen toegezegd toezegde gedaan doen komen kom brief brieven
    informeren informeer geinformeerd sturen stuur stuurt zenden toekomen laten weten
    januari februari maart april mei juni juli augustus september oktober november december
    zomer najaar voorjaar winter eind begin medio uiterlijk jaar
    der den geef geeft namens graag stuur bied biedt kabinetsbrede
    """.split()
)
WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class CommitmentFacts:
    """What a letter says: the sentence, its kind, and who sent the letter when."""

    text: str
    kind: str  # "new" (SAME) or "prior" (FULFILS)
    letter_date: datetime.date | None = None
    sender: str = ""  # "Ministerie van Justitie en Veiligheid"
    signatory: str = ""  # "D.M. van Weel"
    # Read for a letter that keeps a promise, whose sentence often only points back ("een reactie
    # op deze initiatiefnota"): the letter's title, the passage's heading, the sentence before.
    title: str = ""
    heading: str = ""
    before: str = ""


@dataclass(frozen=True)
class ToezeggingFacts:
    """What the register says."""

    key: str  # the toezegging's GUID
    text: str
    made_on: datetime.date | None = None
    due: datetime.date | None = None
    ministerie: str = ""  # "Justitie en Veiligheid"
    surname: str = ""  # "Weel"


@dataclass(frozen=True)
class Score:
    key: str
    kind: str  # SAME or FULFILS
    score: float
    parts: tuple[tuple[str, float], ...]  # (factor, 0..100), for the clerk and for tuning


def fold(text: str) -> str:
    """Lower case without diacritics: "Yeşilgöz" -> "yesilgoz"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=65536)
def content_words(text: str) -> tuple[str, ...]:
    """The words that carry the promise, folded, in order, each once."""
    words = (word for word in WORD.findall(fold(text)) if len(word) > 2 and word not in STOP_WORDS)
    return tuple(dict.fromkeys(words))


def _found(words: Sequence[str], among: Sequence[str]) -> float:
    """The share of `words` that occur in `among`, a near spelling counting as the word."""
    if not words or not among:
        return 0.0
    return sum(1 for word in words if _occurs(word, among)) / len(words)


def _occurs(word: str, among: Sequence[str]) -> bool:
    """Exactly, spelled nearly alike, or as part of a compound ("reactie" in "kabinetsreactie")."""
    if word in among or process.extractOne(word, among, score_cutoff=WORD_MATCH):
        return True
    if len(word) < COMPOUND_PART:
        return False
    return any(word in other or (len(other) >= COMPOUND_PART and other in word) for other in among)


def _contexts(commitment: CommitmentFacts) -> list[tuple[str, ...]]:
    """The words a commitment is read with. A letter keeping a promise is read twice: with its
    passage (heading, sentence before) and with its title; a verzamelbrief's title names every
    subject and would only blur the passage, a dedicated letter's title says it all."""
    sentence = content_words(commitment.text)
    if commitment.kind != "prior":
        return [sentence]
    passage = sentence + content_words(commitment.heading) + content_words(commitment.before)
    return [tuple(dict.fromkeys(passage)), tuple(dict.fromkeys(sentence + content_words(commitment.title)))]


def _words_of(commitment: CommitmentFacts) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for context in _contexts(commitment) for word in context))


def text_score(commitment: CommitmentFacts, toezegging_text: str) -> float:
    register = content_words(toezegging_text)
    return max(_fit(words, register) for words in _contexts(commitment))


def _fit(words: tuple[str, ...], register: tuple[str, ...]) -> float:
    covered, precise = _found(register, words), _found(words, register)
    overlap = 2 * covered * precise / (covered + precise) if covered + precise else 0.0
    shape = fuzz.token_set_ratio(" ".join(words), " ".join(register))
    return round(70 * overlap + 0.30 * shape, 1)


def sentence_before(passage: str, sentence: str) -> str:
    """The sentence in `passage` just before `sentence`, found by its first words (a footnote
    marker may follow a word in the passage: "Zoals toegezegd25 aan uw Kamer"), or ""."""
    words = sentence.split()[:6]
    found = re.search(r"\d*\s+".join(map(re.escape, words)), passage) if words else None
    if found is None or found.start() == 0:
        return ""
    return re.split(r"(?<=[.!?])\s+", passage[: found.start()].strip())[-1]


def ministerie_score(sender: str, ministerie: str) -> float:
    if not (sender.strip() and ministerie.strip()):
        return UNKNOWN
    return 100.0 if fuzz.partial_ratio(fold(ministerie), fold(sender)) >= 90 else 0.0


def bewindspersoon_score(signatory: str, surname: str) -> float:
    if not (signatory.strip() and surname.strip()):
        return UNKNOWN
    return 100.0 if re.search(rf"\b{re.escape(fold(surname))}\b", fold(signatory)) else 0.0


def date_score(commitment: CommitmentFacts, toezegging: ToezeggingFacts) -> float | None:
    """None when the promise was registered after the letter: the letter cannot state or keep it."""
    letter, made = commitment.letter_date, toezegging.made_on
    if letter and made and made > letter:
        return None
    if commitment.kind != "prior" or not (letter and toezegging.due):
        return UNKNOWN
    return 100.0 if abs(letter - toezegging.due) <= NEAR_DUE else 25.0


def score(commitment: CommitmentFacts, toezegging: ToezeggingFacts) -> Score | None:
    """The fit of one pair, or None when the dates rule it out."""
    when = date_score(commitment, toezegging)
    if when is None:
        return None
    parts = {
        "text": text_score(commitment, toezegging.text),
        "ministerie": ministerie_score(commitment.sender, toezegging.ministerie),
        "bewindspersoon": bewindspersoon_score(commitment.signatory, toezegging.surname),
        "date": when,
    }
    total = sum(WEIGHTS[name] * value for name, value in parts.items())
    kind = FULFILS if commitment.kind == "prior" else SAME
    return Score(key=toezegging.key, kind=kind, score=round(total, 1), parts=tuple(parts.items()))


class Register:
    """The register's entries, with their words ready for a quick first pass over thousands."""

    def __init__(self, toezeggingen: Iterable[ToezeggingFacts]):
        self.entries = list(toezeggingen)
        self.choices = [" ".join(content_words(entry.text)) for entry in self.entries]

    def __len__(self):
        return len(self.entries)

    def candidates(self, commitment: CommitmentFacts, keep: int = PREFILTER) -> list[ToezeggingFacts]:
        """The `keep` entries whose words are nearest the commitment's (rapidfuzz, in C), to score in full."""
        if len(self.entries) <= keep:
            return self.entries
        query = " ".join(_words_of(commitment))
        found = process.extract(query, self.choices, scorer=fuzz.token_set_ratio, limit=keep)
        return [self.entries[index] for _, _, index in found]


def best(
    commitment: CommitmentFacts,
    register: Register | Iterable[ToezeggingFacts],
    *,
    limit: int = LIMIT,
    threshold: float = THRESHOLD,
) -> list[Score]:
    """The register entries worth suggesting for one commitment, best first."""
    register = register if isinstance(register, Register) else Register(register)
    scored = (score(commitment, toezegging) for toezegging in register.candidates(commitment))
    fitting = [s for s in scored if s and s.score >= threshold and dict(s.parts)["text"] >= MIN_TEXT]
    ranked = sorted(fitting, key=lambda s: (-s.score, s.key))[:limit]
    return [s for s in ranked if s.score >= ranked[0].score - MARGIN]
