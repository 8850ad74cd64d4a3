"""The analyser recognises members with the Kamer's mirrored Persoon list, and falls back on its
built-in name patterns while none is mirrored; a motion named only by its kamerstuk is stored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments.analysis import known_members
from commitments.models import Motion
from kamer.models import Persoon
from letters.importing.analysis import analyse
from letters.importing.store import import_letter
from letters.models import Source
from tests.docx_builder import build_docx, head_table, text_para

pytestmark = pytest.mark.django_db

TEXT = (
    "Met deze brief geef ik uitvoering aan de motie van het lid Inge van Dijk en de motie van de leden "
    "Van der Plas en Yesilgoz-Zegerius over de zorg."
)


def letter(*paragraphs) -> bytes:
    return build_docx(head_table("12 maart 2024", "Zorg"), *(text_para(p) for p in paragraphs))


def persoon(guid, roepnaam, surname, tussenvoegsel="", **fields):
    return Persoon.objects.create(guid=guid, roepnaam=roepnaam, surname=surname, tussenvoegsel=tussenvoegsel, **fields)


def motions_of(content):
    return [(m["members"], m.get("persons")) for m in analyse(content)["motions"]]


def test_members_named_in_a_letter_get_the_kamers_persons():
    persoon("p-inge", "Inge", "Dijk", "van")
    persoon("p-jasper", "Jasper", "Dijk", "van")
    persoon("p-plas", "Caroline", "Plas", "van der")
    persoon("p-dilan", "Dilan", "Yeşilgöz-Zegerius")
    persoon("p-gone", "Oud", "Plas", "van der", deleted=True)  # a deleted record is no candidate

    assert motions_of(letter(TEXT)) == [
        (["Inge van Dijk"], [["p-inge"]]),
        (["Van der Plas", "Yesilgoz-Zegerius"], [["p-plas"], ["p-dilan"]]),
    ]


def test_without_mirrored_persons_the_built_in_patterns_find_the_same_members():
    assert motions_of(letter(TEXT)) == [  # the analyse_letter contract without the "persons" key
        (["Inge van Dijk"], None),
        (["Van der Plas", "Yesilgoz-Zegerius"], None),
    ]


def test_the_members_are_read_again_only_when_the_mirror_changed():
    persoon("p-inge", "Inge", "Dijk", "van")
    first = known_members()

    with CaptureQueriesContext(connection) as queries:
        again = known_members()
    persoon("p-new", "Nieuw", "Lid")
    changed = known_members()

    assert again is first and len(queries) == 1  # one aggregate, no reload
    assert changed is not first and changed.candidates("het lid Lid") and first.candidates("Lid") == ()


def test_a_motion_named_only_by_its_kamerstuk_is_stored_under_that_kamerstuk():
    content = letter("Met deze brief voer ik de motie (Kamerstuk 36 600 VI, nr. 12) uit.")

    import_letter(content=content, filename="brief.docx", source=Source.COMMAND)

    motion = Motion.objects.get()
    assert (motion.kamerstuk.key, motion.members) == ("36600-VI-12", [])
    assert [m.text for m in motion.mentions.all()] == ["de motie (Kamerstuk 36 600 VI, nr. 12)"]
