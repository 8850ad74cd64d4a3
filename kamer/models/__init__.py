"""The Tweede Kamer's open data as mirrored here, keyed on the Kamer's GUIDs.

Rows are never deleted: an entity the Kamer withdraws is marked `deleted`, because what
others built on it (a letter fetched from a document) hangs on the row.
"""

from kamer.models.base import Entity, SyncChange, SyncState
from kamer.models.documents import Document, DocumentVersie, DocumentZaak, Kamerstukdossier
from kamer.models.people import Fractie, Persoon
from kamer.models.toezeggingen import Toezegging
from kamer.models.zaken import Activiteit, Agendapunt, Besluit, BesluitZaak, Stemming, Zaak, ZaakActor

__all__ = [
    "Activiteit",
    "Agendapunt",
    "Besluit",
    "BesluitZaak",
    "Document",
    "DocumentVersie",
    "DocumentZaak",
    "Entity",
    "Fractie",
    "Kamerstukdossier",
    "Persoon",
    "Stemming",
    "SyncChange",
    "SyncState",
    "Toezegging",
    "Zaak",
    "ZaakActor",
]
