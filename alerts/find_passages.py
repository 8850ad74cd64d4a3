"""Finders of new and changed passages for the monitors of topics, dossiers and saved searches
(a saved search of a list of motions, commitments or the register: what is new in it)."""

from collections import defaultdict

from django.http import QueryDict

from alerts.changes import ChangedPassage
from alerts.find_record import arrived_toezeggingen, new_toezegging
from alerts.found import Found
from alerts.models import Monitor
from letters.models import SHOWN_SOURCES, Letter, Reference, Section, TopicRule, TopicTag
from letters.web import textmatch
from letters.web.diff import word_diff
from letters.web.listing import listings

MIN_WORD = 3  # shorter words a change brings (de, en) are not worth a highlight
LEAD_WORDS = 12  # words shown before the first changed one


class Passages:
    """The changed passages of one collection run, with their sections read once."""

    def __init__(self, changed: list[ChangedPassage]):
        self.changed = {passage.section_id: passage for passage in changed}
        self.sections = (
            Section.objects.select_related("version__letter")
            .defer("blocks", "heading_refs", "search_vector", "version__content")
            .in_bulk(list(self.changed))
        )
        self._inserted = self._inserted_words()
        self._descriptions = {}

    def _inserted_words(self) -> dict[int, set[str]]:
        """For a passage that a new version changed: the (stemmed) words it gained, so that its
        snippet shows the change and not just the opening."""
        before = {p.previous_version_id for p in self.changed.values() if not p.is_new_letter}
        old = {
            (version, heading): text
            for version, heading, text in Section.objects.filter(version_id__in=before).values_list(
                "version_id", "heading", "text"
            )
        }
        inserted = {}
        for pk, passage in self.changed.items():
            section = self.sections[pk]
            previous = old.get((passage.previous_version_id, section.heading))
            if previous is not None:
                gained = " ".join(text for op, text in word_diff(previous, section.text) if op == "insert")
                inserted[pk] = {word for word in textmatch.words(gained) if len(word) >= MIN_WORD}
        return inserted

    def _query(self, section_id: int, query):
        """The monitor's query, and the words the change brought, as alternatives to highlight."""
        gained = tuple(((word,),) for word in sorted(self._inserted.get(section_id, ())))
        base = query.alternatives if query else ()
        return textmatch.Query(base + gained) if base or gained else None

    def found(self, monitor: Monitor, section_id: int, reason: str, query=None) -> Found:
        title, url, snippet = self._described(section_id, query)
        passage = self.changed[section_id]
        return Found(
            monitor_id=monitor.pk,
            key=f"section:{section_id}",
            title=title,
            url=url,
            reason=f"{passage.verb} in {reason}",
            happened_at=passage.imported_at,
            snippet=snippet,
        )

    def _described(self, section_id: int, query) -> tuple[str, str, str]:
        """Title, link and snippet of a passage for a query: worked out once, however many monitors
        (ten thousand followers of one topic share its query)."""
        cached = self._descriptions.get((section_id, query))
        if cached is None:
            section = self.sections[section_id]
            letter = section.version.letter
            title = f"{section.heading} · {letter.title}" if section.heading else letter.title
            snippet = self._snippet(section_id, self._query(section_id, query), section.text or section.heading)
            cached = self._descriptions[section_id, query] = (title, section.version.passage_url(section), snippet)
        return cached

    def _snippet(self, section_id: int, query, text: str) -> str:
        """Around the first word a change brought, when it brought any; else around the best hits."""
        query = query or textmatch.parse("")
        gained = self._inserted.get(section_id)
        spans = [match.span() for match in textmatch.WORD.finditer(text)]
        first = next(
            (i for i, (a, b) in enumerate(spans) if textmatch.stem(textmatch.fold(text[a:b])) in (gained or ())), None
        )
        if first is None:
            return textmatch.snippet(query, text)
        start, end = max(0, first - LEAD_WORDS), min(len(spans), first - LEAD_WORDS + textmatch.SNIPPET_WORDS)
        region = text[spans[start][0] : spans[end - 1][1]]
        return ("… " if start else "") + textmatch.snippet(query, region) + (" …" if end < len(spans) else "")

    def newer_than(self, monitor: Monitor, section_ids) -> list[int]:
        """The passages that arrived after the monitor was set up, in the order of the letters."""
        return [pk for pk in section_ids if pk in self.changed and self.changed[pk].imported_at > monitor.created_at]


def topic_query(rules) -> textmatch.Query:
    """A topic's rule terms as alternatives, so that a snippet highlights each of them."""
    return textmatch.parse(" or ".join(f'"{rule.term.rstrip("*")}"' for rule in rules))


def find_topics(passages: Passages) -> list[Found]:
    tags = TopicTag.objects.filter(section_id__in=list(passages.changed), source__in=SHOWN_SOURCES)
    by_topic = defaultdict(list)
    for section_id, topic_id in tags.values_list("section_id", "topic_id").order_by("section_id"):
        by_topic[topic_id].append(section_id)
    monitors = Monitor.objects.filter(kind=Monitor.Kind.TOPIC, topic_id__in=by_topic).select_related("topic")
    rules = defaultdict(list)
    for rule in TopicRule.objects.filter(topic_id__in=by_topic):
        rules[rule.topic_id].append(rule)
    queries = {topic: topic_query(found) for topic, found in rules.items()}
    return [
        passages.found(monitor, pk, f"onderwerp {monitor.topic.name}", queries.get(monitor.topic_id))
        for monitor in monitors.iterator(chunk_size=2000)
        for pk in passages.newer_than(monitor, by_topic[monitor.topic_id])
    ]


def find_dossiers(passages: Passages) -> list[Found]:
    ids = list(passages.changed)
    by_dossier = defaultdict(set)
    cited = Reference.objects.filter(section_id__in=ids, kamerstuk__isnull=False)
    for section_id, dossier_id in cited.values_list("section_id", "kamerstuk__dossier_id"):
        by_dossier[dossier_id].add(section_id)
    for section_id, section in passages.sections.items():
        if section.version.letter.dossier_id:
            by_dossier[section.version.letter.dossier_id].add(section_id)
    monitors = Monitor.objects.filter(kind=Monitor.Kind.DOSSIER, dossier_id__in=by_dossier).select_related("dossier")
    found = []
    for monitor in monitors.iterator(chunk_size=2000):
        dossier = monitor.dossier
        query = textmatch.parse(dossier.number, also=(dossier.display,))
        for pk in passages.newer_than(monitor, sorted(by_dossier[dossier.pk])):
            found.append(passages.found(monitor, pk, f"dossier {dossier.display}", query))
    return found


def find_searches(passages: Passages, since) -> list[Found]:
    found = []
    for monitor in Monitor.objects.filter(kind=Monitor.Kind.SEARCH).iterator(chunk_size=500):
        definition = listings().get(monitor.listing)
        if definition is not None:
            found += _search(monitor, definition, passages, max(since, monitor.created_at))
    return found


def _search(monitor, definition, passages, since) -> list[Found]:
    filters = QueryDict(monitor.query)
    query = textmatch.parse(filters.get("q", ""))
    reason = f"uw zoekopdracht in {definition.export_name}"
    if definition.name in ("section", "reference"):
        rows = definition.queryset().filter(
            **{"pk__in" if definition.name == "section" else "section_id__in": list(passages.changed)}
        )
        column = "pk" if definition.name == "section" else "section_id"
        matched = _filtered(definition, filters, rows).values_list(column, flat=True)
        return [
            passages.found(monitor, pk, reason, query) for pk in passages.newer_than(monitor, dict.fromkeys(matched))
        ]
    if definition.name == "letter":
        letters = {passage.letter_id for passage in passages.changed.values()}
        rows = _filtered(definition, filters, Letter.objects.with_current().filter(pk__in=letters))
        return [_letter(monitor, letter, reason) for letter in rows if letter.current_version.imported_at > since]
    if definition.name == "toezegging":  # the register's list: what arrived in the register
        rows = _filtered(definition, filters, arrived_toezeggingen(monitor, since))
        return [new_toezegging(monitor, toezegging, f"nieuwe toezegging in {reason}") for toezegging in rows[:200]]
    rows = _filtered(definition, filters, definition.queryset().filter(created_at__gt=since))
    return [_created(monitor, item, definition, reason) for item in rows[:200]]


def _filtered(definition, filters, queryset):
    list_filter = definition.filterset(filters, queryset=queryset)
    return list_filter.qs if list_filter.is_valid() else queryset.none()


def _letter(monitor, letter, reason) -> Found:
    version = letter.current_version
    verb = "nieuwe brief" if version.number == 1 else f"nieuwe versie ({version.number}) van de brief"
    return Found(
        monitor.pk,
        f"letter:{letter.pk}:{version.number}",
        letter.title,
        letter.get_absolute_url(),
        f"{verb} in {reason}",
        version.imported_at,
    )


def _created(monitor, item, definition, reason) -> Found:
    noun = {"motion": "nieuwe motie", "commitment": "nieuwe toezegging"}.get(definition.name, "nieuw")
    return Found(
        monitor.pk,
        f"{definition.name}:{item.pk}",
        str(item),
        item.get_absolute_url(),
        f"{noun} in {reason}",
        item.created_at,
        getattr(item, "text", ""),
    )
