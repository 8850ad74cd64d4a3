"""Full-text search over passages and footnotes, ranked, with the matched words marked.

On PostgreSQL its Dutch configuration does the work in the database: stemming, ranking, and
SearchHeadline's snippet around the hit. On SQLite (the demo) the same terms go through
letters.web.textmatch in Python: every passage of the filtered list is scored, the page shown
is fetched whole and its snippets cut around the hits. Why Python and not SQLite's FTS5: an
FTS5 table is a second copy of every passage that each import, new version and deletion
would have to keep in step (a migration and triggers the demo alone needs), FTS5 is not in
every Python's sqlite3, and its tokenizers know no Dutch; the demo holds a few hundred
passages, which Python scores in milliseconds. A real corpus belongs on PostgreSQL.
"""

import re
from collections.abc import Sequence

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F

from letters.models import Footnote
from letters.web import textmatch
from letters.web.listing import PAGE_SIZE, CappedPaginator
from letters.web.textmatch import START, STOP
from tkdossiers.citations import parse_dossier
from tkdossiers.models import Dossier

__all__ = ["START", "STOP", "dossiers_named", "search_footnotes", "search_page", "search_sections"]

# "C2000/VMX", "en/of": PostgreSQL's parser reads a slash between words as one path-like token,
# which no passage that says "C2000 en VMX" holds; the terms are also searched split there.
_SLASH = re.compile(r"(?<=\w)/(?=\w)")
FOOTNOTE_LIMIT = 20
DOSSIER_LIMIT = 5  # "36600" names every toevoeging of that number


def postgres() -> bool:
    return connection.vendor == "postgresql"


def searchable(terms: str) -> str:
    """PostgreSQL refuses a NUL in any string (a 500); no word contains one."""
    return terms.replace("\x00", "")


def dossier_spellings(terms: str) -> tuple[str, ...]:
    """A dossier number also as it is written in letters: "29517" and "29 517", "36 600 VI"."""
    parsed = parse_dossier(terms)
    if parsed is None:
        return ()
    number, toevoeging = parsed
    suffix = f" {toevoeging}" if toevoeging else ""
    return tuple({f"{number}{suffix}", f"{number[:2]} {number[2:]}{suffix}"} - {terms.strip()})


def dossiers_named(terms: str) -> list[Dossier]:
    """The dossiers the terms are the number of ("29517", "29 517", "36600-VI"), for a link above the results."""
    parsed = parse_dossier(terms)
    if parsed is None:
        return []
    number, toevoeging = parsed
    dossiers = Dossier.objects.filter(number=number)
    if toevoeging:
        dossiers = dossiers.filter(toevoeging=toevoeging)
    return list(dossiers.order_by("toevoeging")[:DOSSIER_LIMIT])


def full_text_query(terms: str) -> SearchQuery:
    """The terms in websearch syntax ("a phrase", -not, or), split at slashes and with the
    other spellings of a dossier number as alternatives."""
    variants = [terms, _SLASH.sub(" ", terms), *(f'"{spelling}"' for spelling in dossier_spellings(terms))]
    query = None
    for variant in dict.fromkeys(variants):
        part = SearchQuery(variant, config="dutch", search_type="websearch")
        query = part if query is None else query | part
    return query


def search_sections(queryset, terms: str):
    """The sections of queryset that match, best first, each with a `snippet` around the hit."""
    terms = searchable(terms)
    if not postgres():
        return RankedSections(queryset, terms)
    query = full_text_query(terms)
    return (
        queryset.filter(search_vector=query)
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            snippet=SearchHeadline(
                "text",
                query,
                config="dutch",
                start_sel=START,
                stop_sel=STOP,
                max_words=40,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-version__letter__date", "position")
    )


def search_page(sections, terms: str, number):
    """One page of the matching sections. On PostgreSQL, past CappedPaginator.cap matches the
    newest come first: ranking tens of thousands of matches costs seconds."""
    matches = search_sections(sections, terms)
    if not postgres():
        return Paginator(matches, PAGE_SIZE).get_page(number)
    paginator = CappedPaginator(matches, PAGE_SIZE)
    if paginator.capped:
        newest = matches.order_by("-version__letter__date", "-version__letter_id", "position")
        paginator = CappedPaginator(newest, PAGE_SIZE)
    return paginator.get_page(number)


def search_footnotes(terms: str, limit: int = FOOTNOTE_LIMIT):
    """The best matching footnotes of current versions, each with its text as `snippet`, hits marked."""
    terms = searchable(terms)
    footnotes = (
        Footnote.objects.filter(version__is_current=True)
        .select_related("version__letter", "section")
        .defer("search_vector", "version__content", "section__blocks", "section__text", "section__search_vector")
    )
    if not postgres():
        return RankedFootnotes(footnotes, terms)[:limit]
    query = full_text_query(terms)
    return (
        footnotes.filter(search_vector=query)
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            snippet=SearchHeadline("text", query, config="dutch", start_sel=START, stop_sel=STOP, highlight_all=True),
        )
        .order_by("-rank", "-version__letter__date")[:limit]
    )


class Ranked(Sequence):
    """The matches among a queryset's rows, best first (then the newest letter, then the order in
    it), scored in Python (see the module's docstring). Django's Paginator takes it as a list;
    only the rows of the page asked for are fetched whole, each with its `snippet`."""

    fields: tuple[str, ...]  # what is scored, as (heading, text)
    snippet_words = textmatch.SNIPPET_WORDS

    def __init__(self, queryset, terms: str):
        self.queryset = queryset
        self.query = textmatch.parse(terms, also=dossier_spellings(terms))
        self.order = self._ranked() if self.query else []

    def _ranked(self) -> list[int]:
        rows = self.queryset.order_by().values_list("pk", "version__letter__date", "position", *self.fields)
        scored = []
        for pk, date, position, *texts in rows.iterator(chunk_size=2000):
            score = self.score(*texts)
            if score:
                scored.append((-score, -(date.toordinal() if date else 0), position, pk))
        return [pk for *_, pk in sorted(scored)]

    def score(self, *texts) -> float:
        return textmatch.score(self.query, *texts)

    def __len__(self):
        return len(self.order)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0] if index >= 0 else self[len(self) + index]
        pks = self.order[index]
        found = self.queryset.in_bulk(pks)
        rows = [found[pk] for pk in pks if pk in found]
        for row in rows:
            row.snippet = textmatch.snippet(self.query, row.text, size=self.snippet_words)
        return rows


class RankedSections(Ranked):
    fields = ("heading", "text")


class RankedFootnotes(Ranked):
    fields = ("text",)
    snippet_words = 200  # a footnote is short: all of it, hits marked

    def score(self, text) -> float:
        return textmatch.score(self.query, "", text)
