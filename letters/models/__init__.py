"""The letters app's models: a letter's life (core), topics across letters, fetching from the Kamer,
and large uploads waiting for their import."""

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
from letters.models.fetching import DocumentFetch, TypesetPublication, WatchedDossier
from letters.models.topics import SHOWN_SOURCES, RetagJob, Topic, TopicFollow, TopicRule, TopicTag
from letters.models.uploads import UploadJob

__all__ = [
    "SHOWN_SOURCES",
    "DocumentFetch",
    "FailedImport",
    "Footnote",
    "Letter",
    "LetterDossier",
    "LetterVersion",
    "Reference",
    "RetagJob",
    "Section",
    "Source",
    "Topic",
    "TopicFollow",
    "TopicRule",
    "TopicTag",
    "TypesetPublication",
    "UploadJob",
    "WatchedDossier",
]
