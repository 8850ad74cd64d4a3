"""Members of the Kamer as plain data, and the folded forms of their names a letter may print (pure Python).

The Kamer's record (kamer.Persoon) gives each member's surname, tussenvoegsel, roepnaam, initials
and first names; commitments.analysis turns those rows into `Member`s once per import, and the
motion finder (commitments.extraction) asks `KnownMembers` which members a printed name can be.
"""

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Member:
    """A member of the Kamer as its record names them (kamer.Persoon), as plain data."""

    surname: str  # "Dijk", "Yeşilgöz-Zegerius"
    tussenvoegsel: str = ""  # "van", "van der"
    roepnaam: str = ""  # "Inge"
    initials: str = ""  # "I.M.C."
    first_names: str = ""  # "Ingeborg Maria"
    key: str = ""  # the Kamer's id (Persoon GUID)

    def forms(self) -> tuple[str, ...]:
        """The member's name as a letter may write it, folded (see `fold`): with and without a first name."""
        base = " ".join(part for part in (self.tussenvoegsel, self.surname) if part)
        firsts = {self.roepnaam, *self.first_names.split()[:1], self.initials.replace(" ", "")} - {""}
        return (fold(base), *(fold(f"{first} {base}") for first in sorted(firsts)))


def fold(name: str) -> str:
    """A name compared as letters vary it: case, diacritics, spacing after initials ("Yesilgoz" is "Yeşilgöz")."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"\.\s*", ". ", plain)).replace(". ", ".").strip()


@dataclass(frozen=True)
class KnownMembers:
    """The Kamer's members by every folded form of their names; build once with `of`, use for many letters."""

    by_form: dict = field(default_factory=dict)  # folded form -> tuple of members

    @classmethod
    def of(cls, members) -> "KnownMembers":
        by_form: dict[str, list[Member]] = {}
        for member in members:
            for form in member.forms():
                by_form.setdefault(form, []).append(member)
        return cls({form: tuple(found) for form, found in by_form.items()})

    def candidates(self, name: str) -> tuple[Member, ...]:
        """The members a name as printed can be: the longest known form it ends with; a first name
        or initials before it ("Inge van Dijk", "I. van Dijk") narrow the choice when they are known."""
        words = fold(name).split()
        for index in range(len(words)):
            if found := self.by_form.get(" ".join(words[index:])):
                return found
        return ()
