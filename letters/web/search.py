"""Full-text search over passages and footnotes: PostgreSQL's Dutch configuration
(stemming, ranking, highlighted snippets), a plain substring search on SQLite."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q

from letters.models import Footnote

START, STOP = "\x01", "\x02"  # highlight markers; the template escapes the text, then marks them


def postgres() -> bool:
    return connection.vendor == "postgresql"


def searchable(terms: str) -> str:
    """PostgreSQL refuses a NUL in any string (a 500); no word contains one."""
    return terms.replace("\x00", "")


def search_sections(queryset, terms: str):
    terms = searchable(terms)
    if not postgres():
        return queryset.filter(Q(heading__icontains=terms) | Q(text__icontains=terms))
    query = SearchQuery(terms, config="dutch", search_type="websearch")
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
            ),
        )
        .order_by("-rank", "-version__letter__date", "position")
    )


def search_footnotes(terms: str, limit: int = 20):
    terms = searchable(terms)
    footnotes = (
        Footnote.objects.filter(version__is_current=True)
        .select_related("version__letter", "section")
        .defer("search_vector", "version__content", "section__blocks", "section__text", "section__search_vector")
    )
    if not postgres():
        return footnotes.filter(text__icontains=terms)[:limit]
    query = SearchQuery(terms, config="dutch", search_type="websearch")
    return (
        footnotes.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "-version__letter__date")[:limit]
    )
