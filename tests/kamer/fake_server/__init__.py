"""A fake Tweede Kamer SyncFeed server for tests and the demo: every category the project mirrors.

    with FakeTK(page_size=2) as tk:
        guid = tk.publish_document(content=docx, document_nummer="2025D43420", titel="...")
        zaak = tk.publish(Zaak(nummer="2024Z06013", onderwerp="Motie van het lid ... over ..."))
        tk.delete(zaak)                               # an empty <zaak tk:verwijderd="true"/>
        record = publish_kamer_record(tk)             # the seed letter's motions, votes, toezeggingen
        client = TKClient(tk.base_url)

Serves, on 127.0.0.1 and a free port, in a daemon thread:

    GET /SyncFeed/2.0/Feed?category=Zaak&skiptoken=N   Atom page of entries after N
    GET /SyncFeed/2.0/Resources/<guid>                  a document's current file

Categories (case-insensitive): Kamerstukdossier, Document (every soort), DocumentVersie, Zaak, ZaakActor,
Besluit, Stemming, Agendapunt, Activiteit, Toezegging, Persoon, Fractie; without `category`, all of them.
An unknown category gives an empty feed.

State is an append-only log of entities; every publication gets the next sequence number, and that
number is the entry's skiptoken; every publication gets a later tk:bijgewerkt. Entity XML is shaped as
the official schema requires (samples/tk-opendata/xsd/, validated in tests/kamer/test_fake_server_schema.py):
Atom namespace on the feed, the tkData namespace as default namespace on the entity plus the `tk:` prefix
for the schema's global attributes (tk:bijgewerkt, tk:verwijderd, tk:contentType, tk:contentLength), `id`
and `ref` unqualified, children in schema order, references as `<zaak ref="GUID"/>`, nil values as
`xsi:nil="true"`. Toezegging entities bind the tkData namespace to the prefix `ns1:` instead, as the live
feed does (<ns1:toezegging ...><ns1:tekst>...), so only a parser that reads by namespace reads them.

Skiptoken semantics, mirroring the live feed (recorded entries, tkconv and wetsuite clients):
- `category` filters by entity type; skiptokens are global sequence numbers shared by all categories,
  so within one category they jump;
- every entry carries `<link rel="next" href=".../Feed?category=Zaak&skiptoken=SEQ"/>` with its own
  sequence number: asking for that skiptoken resumes right after the entry;
- the feed itself carries `<link rel="next">` only while more entries follow the page, with the
  skiptoken of the last entry on the page; the last page has none (that is how clients stop);
- a page after the end is an empty feed without a next link;
- a new version or a deletion appends a new entry with the same guid; earlier entries stay in the
  log (set `compact=True` to show each entity only at its latest position instead). Resources/<guid>
  always serves the current file, as the live API does; a deleted document's resource is 404.

Publishing (FakeTK, in server.py):
- `publish(entity)` any entity of entities/ (a changed copy under the same guid is its next version),
  `publish_many(entities)`, `delete(guid)`, `entity(guid)` (the state last published);
- `publish_document(...)` (and, once per (nummer, toevoeging), the Kamerstukdossier it references),
  `publish_new_version(guid, content)`, `delete_document(guid)`, `publish_dossier(nummer, toevoeging)`,
  `publish_documentversie(document_guid)` (the version the document's huidigeDocumentVersie names);
- `reflood()`: every entity again, unchanged (same bijgewerkt), as after a bulk change at the Kamer;
- failure injection: `fail_next(count, status)`, `delay_next(count, seconds)`, `break_next_page()`;
  `omit_content_length`; `requests` and `request_headers` record what clients asked.

The modules:
- `entities/`: one frozen dataclass per entity kind with its category, schema-ordered renderer and
  deletion (a table of kinds and their references is in its docstring);
- `markup`: the tkData XML building blocks the renderers share (entity element, children, refs, nil, prefix);
- `atom`: the Atom feed and entry around the entities, with the skiptoken links;
- `server`: FakeTK, its state, publishing API and failure injection; `handler`: the HTTP side;
- `record`: `publish_kamer_record(tk, *, reverse=False, letter=None) -> KamerRecord`, the Kamer's record
  around the seed letter (fracties, 150 personen, dossiers, motions with actors, besluiten and votes,
  activiteiten, toezeggingen in every status), every guid by name; data in record_data.json;
- `mixed`: `publish_mixed(tk, n)`, n mixed entities of every kind quickly (benchmarks);
- `__main__`: the demo CLI.

Demo:  python -m tests.kamer.fake_server --port 8765 --record \
           --publish samples/seed/verzamelbrief-2025D43420.docx samples/letters/*.docx
"""

from tests.kamer.fake_server.atom import ATOM_CONTENT_TYPE
from tests.kamer.fake_server.entities import CATEGORIES, DOCX, PDF
from tests.kamer.fake_server.server import FakeTK

__all__ = ["ATOM_CONTENT_TYPE", "CATEGORIES", "DOCX", "PDF", "FakeTK"]
