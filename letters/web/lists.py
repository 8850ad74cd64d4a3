"""The letters' lists (see letters.web.listing), named in settings.LISTINGS."""

from letters.models import Letter, Reference, Section
from letters.web.filters import LetterFilter, ReferenceFilter, SectionFilter
from letters.web.listing import Listing
from letters.web.rows import LetterRow, ReferenceRow, SectionRow

LETTERS = Listing("letter", "brieven", LetterFilter, Letter.objects.with_current, LetterRow)
SECTIONS = Listing("section", "passages", SectionFilter, Section.objects.current, SectionRow)
REFERENCES = Listing("reference", "verwijzingen", ReferenceFilter, Reference.objects.current, ReferenceRow)
