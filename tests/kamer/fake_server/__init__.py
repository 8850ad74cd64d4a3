"""A fake Tweede Kamer SyncFeed server for tests and the demo.

    with FakeTK(page_size=2) as tk:
        guid = tk.publish_document(content=docx, document_nummer="2025D43420", titel="...")
        client = TKClient(tk.base_url)

Serves, on 127.0.0.1 and a free port, in a daemon thread:

    GET /SyncFeed/2.0/Feed?category=Document&skiptoken=N   Atom page of entries after N
    GET /SyncFeed/2.0/Resources/<guid>                      the document's current file

State is an append-only log of entities; every publication gets the next sequence number, and
that number is the entry's skiptoken. Entity XML is shaped as the official schema requires
(samples/tk-opendata/xsd/): Atom namespace on the feed, the tkData namespace as default namespace
on the entity plus the `tk:` prefix for the schema's global attributes (tk:bijgewerkt,
tk:verwijderd, tk:contentType, tk:contentLength), `id` and `ref` unqualified, children in schema
order, references as `<kamerstukdossier ref="GUID"/>`, nil values as `xsi:nil="true"`.

Skiptoken semantics, mirroring the live feed (recorded entries, tkconv and wetsuite clients):
- `category` filters by entity type (case-insensitive); an unknown category gives an empty feed.
  Skiptokens are global sequence numbers shared by all categories, so they jump.
- every entry carries `<link rel="next" href=".../Feed?category=Document&skiptoken=SEQ"/>` with
  its own sequence number: asking for that skiptoken resumes right after the entry;
- the feed itself carries `<link rel="next">` only while more entries follow the page, with the
  skiptoken of the last entry on the page; the last page has none (that is how clients stop);
- a page after the end is an empty feed without a next link.
- a new version or a deletion appends a new entry with the same guid; earlier entries stay in the
  log (set `compact=True` to show each entity only at its latest position instead). Resources/<guid>
  always serves the current file, as the live API does; a deleted document's resource is 404.

publish_document also publishes, once per (nummer, toevoeging), the Kamerstukdossier entity the
document references. It appears in the Kamerstukdossier category, not in the Document category.

The modules:
- `entities`: one frozen dataclass per entity kind (Document, Kamerstukdossier) with its feed
  category, its checks and its XML renderer; adding an entity kind means adding one class there
  (and a `publish_<kind>` method on FakeTK);
- `markup`: the tkData XML building blocks the renderers share (entity element, children, refs, nil);
- `atom`: the Atom feed and entry around the entities, with the skiptoken links;
- `server`: FakeTK, its state, publishing API and failure injection;
- `handler`: the HTTP server and request handler;
- `__main__`: the demo CLI.

Demo:  python -m tests.kamer.fake_server --port 8765 --publish samples/seed/verzamelbrief-2025D43420.docx \
           samples/letters/*.docx
"""

from tests.kamer.fake_server.atom import ATOM_CONTENT_TYPE
from tests.kamer.fake_server.entities import DOCX, PDF
from tests.kamer.fake_server.server import FakeTK

__all__ = ["ATOM_CONTENT_TYPE", "DOCX", "PDF", "FakeTK"]
