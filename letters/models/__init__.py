"""The letters app's models: a letter's life (core), topics across letters, and the TK sync."""

from letters.models.core import (
    FailedImport,
    Footnote,
    Letter,
    LetterDossier,
    LetterVersion,
    Reference,
    Section,
    Source,
)
from letters.models.sync import SyncState, TKDocument, TypesetPublication, WatchedDossier
from letters.models.topics import SHOWN_SOURCES, RetagJob, Topic, TopicFollow, TopicRule, TopicTag

__all__ = [
    "SHOWN_SOURCES",
    "FailedImport",
    "Footnote",
    "Letter",
    "LetterDossier",
    "LetterVersion",
    "Reference",
    "RetagJob",
    "Section",
    "Source",
    "SyncState",
    "TKDocument",
    "Topic",
    "TopicFollow",
    "TopicRule",
    "TopicTag",
    "TypesetPublication",
    "WatchedDossier",
]
