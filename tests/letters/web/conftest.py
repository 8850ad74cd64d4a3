import pytest

from tests.conftest import SEED
from tests.docx_builder import letter_citing
from tests.letters.imported import add


@pytest.fixture
def seed_letter():
    return add(SEED.read_bytes(), SEED.name)


@pytest.fixture
def c2000_letter():
    return add(
        letter_citing(
            "Voortgang C2000",
            "12 maart 2024",
            ["Kamerstukken II 2023/24, 25 124, nr. 100", "Kamerstukken II 2023/24, 36 410 VI, nr. 7"],
            signer="De Staatssecretaris van Justitie en Veiligheid,",
        ),
        "c2000.docx",
    )
