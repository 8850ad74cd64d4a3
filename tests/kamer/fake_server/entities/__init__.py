"""The entity kinds FakeTK serves, each shaped as its official schema requires (samples/tk-opendata/xsd/).

Every kind is a frozen, keyword-only dataclass (guid defaults to a fresh uuid4) with
- `category`: the SyncFeed category the entity appears in (`?category=Zaak`);
- `guid`: the entity's id, the same in every entry (version) of it;
- `deleted`: a deleted entity renders as an empty element with tk:verwijderd="true";
- `enclosure`: whether its entry links to a file under Resources/<guid> (only a live Document);
- `render(stamp)`: the entity XML for an entry published at `stamp` (its tk:bijgewerkt), children in
  schema order, references as `<zaak ref="GUID"/>`.

| kind | category | module | refers to |
|---|---|---|---|
| Kamerstukdossier | Kamerstukdossier | documents | |
| Document | Document | documents | huidigeDocumentVersie, zaak*, kamerstukdossier |
| DocumentVersie | DocumentVersie | documents | document |
| Zaak | Zaak | zaken | kamerstukdossier, activiteit*, agendapunt* |
| ZaakActor | ZaakActor | zaken | zaak, persoon, fractie |
| Besluit | Besluit | zaken | agendapunt, zaak* |
| Stemming | Stemming | zaken | besluit, persoon, fractie |
| Agendapunt | Agendapunt | zaken | activiteit |
| Activiteit | Activiteit | zaken | |
| Persoon, Fractie | Persoon, Fractie | people | |
| Toezegging (ns1: prefix) | Toezegging | toezeggingen | toegezegdAanFractie, toegezegdAanPersoon, activiteit |

To serve a new kind, add a dataclass using base.Kind (its `children()` in schema order) and list it in
KINDS; FakeTK.publish(entity) takes any of them.
"""

from tests.kamer.fake_server.entities.base import (
    Entity,
    check_document,
    check_dossier_nummer,
    checked_guid,
    datum_time,
    documentversie_guid,
    dossier_guid,
    fake_guid,
)
from tests.kamer.fake_server.entities.documents import (
    BRIEF_REGERING,
    DOCX,
    MOTIE,
    PDF,
    Document,
    DocumentVersie,
    Kamerstukdossier,
)
from tests.kamer.fake_server.entities.people import Fractie, Persoon
from tests.kamer.fake_server.entities.toezeggingen import STATUSES, Toezegging
from tests.kamer.fake_server.entities.zaken import Activiteit, Agendapunt, Besluit, Stemming, Zaak, ZaakActor

KINDS = (
    Kamerstukdossier,
    Document,
    DocumentVersie,
    Zaak,
    ZaakActor,
    Besluit,
    Stemming,
    Agendapunt,
    Activiteit,
    Toezegging,
    Persoon,
    Fractie,
)
CATEGORIES = tuple(kind.category for kind in KINDS)

__all__ = [
    "BRIEF_REGERING",
    "CATEGORIES",
    "DOCX",
    "KINDS",
    "MOTIE",
    "PDF",
    "STATUSES",
    "Activiteit",
    "Agendapunt",
    "Besluit",
    "Document",
    "DocumentVersie",
    "Entity",
    "Fractie",
    "Kamerstukdossier",
    "Persoon",
    "Stemming",
    "Toezegging",
    "Zaak",
    "ZaakActor",
    "check_document",
    "check_dossier_nummer",
    "checked_guid",
    "datum_time",
    "documentversie_guid",
    "dossier_guid",
    "fake_guid",
]
