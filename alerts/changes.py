"""What changed in the letters since a moment: the passages a new letter or a new version brought.

A new version of a letter repeats most of its passages word for word; only a passage whose heading
or text is not in the version before it is news. The comparison runs on a hash of heading and text
in the database, so the texts themselves are read only for the passages that changed.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, TextField, Value
from django.db.models.functions import MD5, Concat

from letters.models import LetterVersion, Section


@dataclass(frozen=True)
class ChangedPassage:
    section_id: int
    version_id: int
    letter_id: int
    imported_at: datetime.datetime
    previous_version_id: int | None  # None: the letter's first version, every passage is new

    @property
    def is_new_letter(self) -> bool:
        return self.previous_version_id is None

    @property
    def verb(self) -> str:
        return "nieuw" if self.is_new_letter else "gewijzigd"


def _fingerprint():
    return MD5(Concat(F("heading"), Value("\n"), F("text"), output_field=TextField()))


def changed_passages(since: datetime.datetime) -> list[ChangedPassage]:
    """Passages of the versions imported since `since` that the version before did not have."""
    versions = list(
        LetterVersion.objects.filter(imported_at__gte=since).values_list("pk", "letter_id", "number", "imported_at")
    )
    if not versions:
        return []
    before = _previous_versions(versions)
    old = set(
        Section.objects.filter(version_id__in=set(before.values()))
        .annotate(fingerprint=_fingerprint())
        .values_list("version_id", "fingerprint")
    )
    letters = {pk: letter for pk, letter, _, _ in versions}
    times = {pk: imported_at for pk, _, _, imported_at in versions}
    found = []
    rows = (
        Section.objects.filter(version_id__in=letters)
        .annotate(fingerprint=_fingerprint())
        .values_list("pk", "version_id", "fingerprint")
        .order_by("version_id", "position")
    )
    for pk, version, fingerprint in rows:
        previous = before.get(version)
        if previous is None or (previous, fingerprint) not in old:
            found.append(ChangedPassage(pk, version, letters[version], times[version], previous))
    return found


def _previous_versions(versions) -> dict[int, int]:
    """The version before each of `versions` (pk -> pk), for those that have one."""
    by_letter = defaultdict(dict)
    every = LetterVersion.objects.filter(letter_id__in={letter for _, letter, _, _ in versions})
    for pk, letter, number in every.values_list("pk", "letter_id", "number"):
        by_letter[letter][number] = pk
    previous = {}
    for pk, letter, number, _ in versions:
        earlier = [n for n in by_letter[letter] if n < number]
        if earlier:
            previous[pk] = by_letter[letter][max(earlier)]
    return previous
