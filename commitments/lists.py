"""The motion and commitment lists (see letters.web.listing), named in settings.LISTINGS."""

from commitments.filters import CommitmentFilter, MotionFilter
from commitments.models import Commitment, Motion
from commitments.rows import CommitmentRow, MotionRow
from letters.web.listing import Listing


def motions():
    return Motion.objects.select_related("kamerstuk__dossier", "declared_in")


def commitments():
    return Commitment.objects.select_related("letter", "made_in__version")


MOTIONS = Listing("motion", "moties", MotionFilter, motions, MotionRow)
COMMITMENTS = Listing("commitment", "toezeggingen", CommitmentFilter, commitments, CommitmentRow)
