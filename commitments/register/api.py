"""The register's detail in the JSON API: /api/toezeggingen/<nummer>/ with `suggested_commitments`.
The list (/api/toezeggingen/) is the Listing's (commitments.register.lists), as every list's."""

from dataclasses import dataclass
from typing import ClassVar

from django.http import JsonResponse

from commitments.register.rows import ToezeggingRow
from commitments.register.views import matches_of_toezegging, toezegging_by_number
from letters.web.api import api_view
from letters.web.openapi import DetailEndpoint
from letters.web.rows import Row, iso


@dataclass(frozen=True)
class SuggestedCommitmentRow(Row):
    """A commitment found in a letter and set beside the toezegging, with the clerk's decision."""

    commitment_id: int
    text: str
    kind: str  # same | fulfils
    score: float
    state: str  # suggested | accepted | rejected
    letter_id: int
    letter_title: str
    letter_date: str | None
    document_number: str | None
    url: str

    labels: ClassVar = {
        "commitment_id": "toezegging-id (brief)",
        "text": "tekst in de brief",
        "kind": "soort koppeling",
        "score": "score (0–100)",
        "state": "stand",
        "letter_id": "brief-id",
        "letter_title": "brief",
        "letter_date": "datum brief",
        "document_number": "documentnummer",
        "url": "link",
    }

    @classmethod
    def of(cls, match, absolute):
        commitment = match.commitment
        letter = commitment.letter
        return cls(
            commitment_id=commitment.pk,
            text=commitment.text,
            kind=match.kind,
            score=match.score,
            state=match.state,
            letter_id=letter.pk,
            letter_title=letter.title,
            letter_date=iso(letter.date),
            document_number=letter.document_number or None,
            url=absolute(commitment.get_absolute_url()),
        )


@dataclass(frozen=True)
class ToezeggingDetailRow(ToezeggingRow):
    """One toezegging of the Kamer's register, with the commitments found in letters that were set
    beside it: their score (0–100), and whether the griffie confirmed or rejected them."""

    suggested_commitments: list[SuggestedCommitmentRow]

    labels: ClassVar = ToezeggingRow.labels | {"suggested_commitments": "voorgestelde toezeggingen uit brieven"}


@api_view
def toezegging(request, number):
    found = toezegging_by_number(number)
    absolute = request.build_absolute_uri
    suggested = [SuggestedCommitmentRow.of(match, absolute).as_dict() for match in matches_of_toezegging(found)]
    return JsonResponse(ToezeggingRow.of(found, absolute).as_dict() | {"suggested_commitments": suggested})


TOEZEGGING_DETAIL = DetailEndpoint(
    path="/api/toezeggingen/{number}/",
    parameter=("number", "string"),
    row=ToezeggingDetailRow,
    summary="Eén toezegging uit het register",
    tag="toezeggingenregister",
)
