"""Motions named every way ministries name them, and what only looks like a motion mention."""

import pytest

from commitments.extraction import Passage, find_motions


def mentions(text):
    return [(m.members, m.kamerstuk) for m in find_motions([Passage(0, text)], {})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De gewijzigde motie van het lid De Kort verzoekt de regering.", [(("De Kort",), None)]),
        ("De aangehouden motie van het lid Omtzigt verzoekt de regering.", [(("Omtzigt",), None)]),
        ("De motie van het lid Tjeerd de Groot verzoekt de regering.", [(("Tjeerd de Groot",), None)]),
        ("De motie-Remco Dijkstra/Postma verzoekt de regering.", [(("Remco Dijkstra", "Postma"), None)]),
        (
            "De motie van de leden Boswijk, Van Campen en Grinwis verzoekt.",
            [(("Boswijk", "Van Campen", "Grinwis"), None)],
        ),
        ("De motie van het lid Kostić verzoekt de regering.", [(("Kostić",), None)]),
        ("De motie van het lid Bikker (ChristenUnie) c.s. verzoekt de regering.", [(("Bikker",), None)]),
        (
            "De motie van het lid Van der Lee (Kamerstuk 35 236, nr. 7) verzoekt de regering.",
            [(("Van der Lee",), "35236-7")],
        ),
        (  # a motion named by its kamerstuk only
            "Met deze brief voer ik de motie (Kamerstuk 36 600 VI, nr. 12) uit.",
            [((), "36600-VI-12")],
        ),
        (
            "De moties van het lid Van Dijk (Kamerstuk 36 600 VI, nr. 12) en van het lid Bikker "
            "(Kamerstuk 36 600 VI, nr. 13) verzoeken de regering.",
            [(("Van Dijk",), "36600-VI-12"), (("Bikker",), "36600-VI-13")],
        ),
    ],
)
def test_motions_named_every_way(text, expected):
    assert mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In de eerder genoemde motie wordt de regering verzocht.",  # refers back, names no member
        "Deze motie vraagt om een onderzoek.",
        "De motie verzoekt om een onderzoek naar innovatiesubsidies.",
        "Om tegemoet te komen aan de wensen van het lid Bisschop is een studie verricht.",  # a member, no motion
    ],
)
def test_mentions_without_members_or_kamerstuk_are_not_mentions(text):
    assert mentions(text) == []
