"""The register's list (see letters.web.listing), named in settings.LISTINGS: its page at
/toezeggingenregister/, exports at /toezeggingenregister.csv|json|xlsx, the API at /api/toezeggingen/."""

from dataclasses import dataclass

from commitments.register.filters import ToezeggingFilter
from commitments.register.rows import ToezeggingRow
from kamer.models import Toezegging
from letters.web.listing import Listing


@dataclass(frozen=True)
class RegisterListing(Listing):
    @property
    def api_name(self) -> str:
        # Dutch in the URL, as the issue asks (/api/toezeggingen/); our own commitments are /api/commitments/.
        return "toezeggingen"


def toezeggingen():
    return Toezegging.objects.current().select_related("toegezegd_aan_fractie", "toegezegd_aan_persoon")


TOEZEGGINGEN = RegisterListing("toezegging", "toezeggingenregister", ToezeggingFilter, toezeggingen, ToezeggingRow)
