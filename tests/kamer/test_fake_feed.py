"""FakeTK's feed for every category: skiptoken semantics per category, publishing, new versions,
deletions, bijgewerkt, re-floods and many mixed entities."""

import urllib.request
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from lxml import etree

from kamer.tk import fields as f
from tests.kamer.fake_server import CATEGORIES, FakeTK
from tests.kamer.fake_server.entities import KINDS, Zaak
from tests.kamer.fake_server.mixed import mixed_entities, publish_mixed
from tests.kamer.fake_server.pages import entries, fetch_pages, next_link, refs, skiptoken_of
from tests.kamer.fake_server.record import publish_kamer_record
from tests.kamer.recorded import tk_schema

ELEMENT_OF = {kind.category: kind.tag for kind in KINDS}


def feed_root(fake, category, skiptoken):
    return etree.fromstring(fake.render_feed(category, skiptoken))


@pytest.fixture(scope="module")
def mixed():
    """120 mixed entities (ten of each kind), then a new version of one Zaak; page size 4."""
    with FakeTK(page_size=4) as fake:
        guids = publish_mixed(fake, 120)
        zaak = fake.entity(guids[5])
        fake.publish(replace(zaak, afgedaan=True))
        yield fake, guids


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_pages_with_the_live_skiptoken_semantics(mixed, category):
    fake, _ = mixed
    pages = fetch_pages(fake, category)
    found = entries(pages)
    roots = [feed_root(fake, category, 0)] + [
        feed_root(fake, category, entries(pages[:i])[-1].seq) for i in range(1, len(pages))
    ]
    seqs = [entry.seq for entry in found]

    assert {entry.term for entry in found} == {ELEMENT_OF[category]}
    assert len(found) == (11 if category == "Zaak" else 10)
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert seqs[-1] - seqs[0] > len(seqs)  # global sequence numbers: they jump within a category
    assert [skiptoken_of(next_link(root)) for root in roots] == [
        entries([page])[-1].seq if index < len(pages) - 1 else None for index, page in enumerate(pages)
    ]
    assert [len(entries([page])) for page in pages] == [4] * (len(found) // 4) + (
        [len(found) % 4] if len(found) % 4 else []
    )


@pytest.mark.parametrize("category", CATEGORIES)
def test_resuming_after_any_entry_of_a_category_gives_the_rest(mixed, category):
    fake, _ = mixed
    found = entries(fetch_pages(fake, category))
    middle = found[len(found) // 2]

    rest = entries(fetch_pages(fake, category, middle.seq))
    after_end = feed_root(fake, category, found[-1].seq)

    assert [e.guid for e in rest] == [e.guid for e in found[len(found) // 2 + 1 :]]
    assert (after_end.findall(f.atom(f.ENTRY)), next_link(after_end)) == ([], None)


def test_categories_are_case_insensitive_and_unknown_ones_are_empty(mixed):
    fake, _ = mixed

    upper = entries([fake.render_feed("STEMMING", 0)])
    assert [(e.seq, e.guid) for e in upper] == [(e.seq, e.guid) for e in entries([fake.render_feed("Stemming", 0)])]
    assert len(upper) == 4
    assert [e.guid for e in entries(fetch_pages(fake, "zaakactor"))] == [
        e.guid for e in entries(fetch_pages(fake, "ZaakActor"))
    ]
    unknown = feed_root(fake, "Vergadering", 0)
    assert (unknown.findall(f.atom(f.ENTRY)), next_link(unknown)) == ([], None)


def test_without_a_category_every_kind_comes_in_publishing_order(mixed):
    fake, guids = mixed
    found = entries(fetch_pages(fake, None))

    assert [e.guid for e in found] == [*guids, guids[5]]
    assert Counter(e.term for e in found) == {tag: 10 for tag in ELEMENT_OF.values()} | {"zaak": 11}


def test_bijgewerkt_increases_with_every_publication(mixed):
    fake, _ = mixed
    found = entries(fetch_pages(fake, None))
    stamps = [e.entity.get(f.tk(f.ATTR_BIJGEWERKT)) for e in found]

    assert None not in stamps
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert all(stamp.endswith("Z") and len(stamp) == len("2025-10-03T10:00:00.0000000Z") for stamp in stamps)


def test_a_changed_entity_is_a_new_entry_and_compact_shows_only_the_latest(mixed):
    fake, guids = mixed
    versions = [e for e in entries(fetch_pages(fake, "Zaak")) if e.guid == guids[5]]

    fake.compact = True
    try:
        compacted = [e for e in entries(fetch_pages(fake, "Zaak")) if e.guid == guids[5]]
    finally:
        fake.compact = False

    assert [e.entity.findtext(f.tk("afgedaan")) for e in versions] == ["false", "true"]
    assert [e.seq for e in compacted] == [versions[-1].seq]


@pytest.fixture
def tk():
    with FakeTK(page_size=50) as fake:
        yield fake


def test_delete_marks_any_kind_and_keeps_the_earlier_entry(tk):
    guid = tk.publish(Zaak(nummer="2024Z06013", onderwerp="Motie van het lid Michon-Derkzen over de pilots"))

    tk.delete(guid)

    first, deletion = entries(fetch_pages(tk, "Zaak"))
    assert (first.guid, deletion.guid, tk.entity(guid).deleted) == (guid, guid, True)
    assert (first.entity.get(f.tk(f.ATTR_VERWIJDERD)), deletion.entity.get(f.tk(f.ATTR_VERWIJDERD))) == (
        "false",
        "true",
    )
    assert (len(deletion.entity), tk_schema().validate(deletion.entity)) == (0, True)
    with pytest.raises(ValueError, match="already deleted"):
        tk.delete(guid)
    with pytest.raises(KeyError):
        tk.delete("00000000-0000-4000-8000-000000000000")


def test_reflood_resends_every_entity_unchanged(tk):
    record = publish_kamer_record(tk)
    tk.delete(record.motions["29517-259"].zaak)
    before = entries(fetch_pages(tk, None))

    count = tk.reflood()

    after = entries(fetch_pages(tk, None))[len(before) :]
    latest = {e.guid: e for e in before}
    assert count == len(after) == len(latest) == 582
    assert [e.guid for e in after] == sorted(latest, key=lambda guid: latest[guid].seq)
    assert all(e.entity.attrib == latest[e.guid].entity.attrib for e in after)
    assert after[-1].entity.get(f.tk(f.ATTR_VERWIJDERD)) == "true"


def test_a_motion_document_serves_its_pdf_and_its_documentversie(tk):
    record = publish_kamer_record(tk)
    motion = record.motions["36600-VI-100"]

    with urllib.request.urlopen(f"{tk.base_url}/{f.RESOURCES_PATH}{motion.document}", timeout=5) as response:
        body, content_type = response.read(), response.headers["Content-Type"]

    (document,) = [e for e in entries(fetch_pages(tk, "Document")) if e.guid == motion.document]
    assert (content_type, body.startswith(b"%PDF-1.7\n% Kamerstuk 36600-VI-100: Motie van het lid Inge van Dijk")) == (
        "application/pdf",
        True,
    )
    assert document.entity.get(f.tk(f.ATTR_CONTENT_LENGTH)) == str(len(body))
    assert dict(refs(document.entity))["huidigeDocumentVersie"] == motion.documentversie


def test_publish_documentversie_names_the_current_version_of_a_letter(tk):
    guid = tk.publish_document(content=b"PK\x03\x04 brief", document_nummer="2025D43420", titel="Verzamelbrief")
    tk.publish_new_version(guid, b"PK\x03\x04 brief, tweede versie")

    versie = tk.publish_documentversie(guid, status="Vastgesteld")

    (document, *_) = [e for e in entries(fetch_pages(tk, "Document")) if e.guid == guid][-1:]
    (entry,) = entries(fetch_pages(tk, "DocumentVersie"))
    assert dict(refs(document.entity))["huidigeDocumentVersie"] == versie == entry.guid
    assert [
        entry.entity.findtext(f.tk(name)) for name in ("status", "versienummer", "bestandsgrootte", "extensie")
    ] == [
        "Vastgesteld",
        "2",
        str(len(b"PK\x03\x04 brief, tweede versie")),
        ".docx",
    ]


def test_mixed_entities_are_every_kind_with_references_inside_the_feed():
    with FakeTK(page_size=250) as fake:
        guids = publish_mixed(fake, 1200)
        found = entries(fetch_pages(fake, None))

    published = {e.guid for e in found}
    dangling = [(e.term, name) for e in found for name, guid in refs(e.entity) if guid not in published]
    assert (len(guids), len(published), dangling) == (1200, 1200, [])
    assert Counter(e.term for e in found) == dict.fromkeys(ELEMENT_OF.values(), 100)
    assert [tk_schema().validate(e.entity) for e in found[:24]] == [True] * 24
    assert [e.guid for e in mixed_entities(30)] == guids[:30]  # deterministic


def test_a_fixed_clock_still_gives_increasing_bijgewerkt():
    moment = datetime(2025, 10, 3, 10, 0, tzinfo=UTC)
    with FakeTK(clock=lambda: moment) as fake:
        publish_mixed(fake, 3)
        stamps = [e.entity.get(f.tk(f.ATTR_BIJGEWERKT)) for e in entries(fetch_pages(fake, None))]

    later = (moment + timedelta(microseconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"
    assert stamps[:2] == ["2025-10-03T10:00:00.0000000Z", later]
    assert stamps == sorted(set(stamps))
