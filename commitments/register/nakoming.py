"""Which of our letters a toezegging's kamerbriefNakoming names.

The register writes it as a document number ("2025D43420"), a kamerstuk ("Kamerbrief d.d.
3 oktober 2025 (29517, nr. 275)", "Kamerstuk 36 600 VI, nr. 52") or both. A kamerstuk is found
as our letter's own kamerstuk, or through the Kamer's Document with that dossier and volgnummer.
It is the ground truth the FULFILS suggestions are measured against (bench/register_match.py).
"""

import re

from django.db.models import Q

from kamer.models import Document
from letters.models import Letter
from tkdossiers.citations import find

DOCUMENT_NUMBER = re.compile(r"\b(?:19|20)\d{2}D\d{5}\b")


def named_letters(kamerbrief_nakoming: str) -> list[Letter]:
    """The letters it names, in our database (none when we do not have them)."""
    text = kamerbrief_nakoming or ""
    numbers = set(DOCUMENT_NUMBER.findall(text))
    kamerstukken = Q(pk__in=[])
    for citation in find(text)[0]:
        dossier = {"number": citation.dossier, "toevoeging": citation.toevoeging or ""}
        kamerstukken |= Q(
            kamerstuk__dossier__number=dossier["number"],
            kamerstuk__dossier__toevoeging=dossier["toevoeging"],
            kamerstuk__number=citation.number,
        )
        if citation.number.isdigit():  # the Kamer's Document knows it by volgnummer
            documents = Document.objects.kamerstuk(dossier["number"], dossier["toevoeging"], int(citation.number))
            numbers |= set(documents.exclude(document_number="").values_list("document_number", flat=True))
    return list(Letter.objects.filter(Q(document_number__in=numbers) | kamerstukken).distinct().order_by("pk"))
