"""Members named in letters, recognised with the Kamer's own list of members (issue 12 item 6).

With the list, each named member gets the keys of the members the name can be; a first name or
initials narrow the choice, diacritics and case do not matter. Without it the built-in name
patterns stand alone: the same mentions, no keys.
"""

import pytest

from commitments.extraction import Passage, find_motions
from commitments.members import KnownMembers, Member, fold

MEMBERS = [
    Member("Dijk", "van", "Inge", "I.M.C.", "Ingeborg", key="inge-van-dijk"),
    Member("Dijk", "van", "Jasper", "J.J.", "Jasper", key="jasper-van-dijk"),
    Member("Plas", "van der", "Caroline", "C.A.", "Caroline", key="van-der-plas"),
    Member("Omtzigt", "", "Pieter", "P.H.", "Pieter", key="omtzigt"),
    Member("Yeşilgöz-Zegerius", "", "Dilan", "D.", "Dilan", key="yesilgoz"),
    Member("Wout", "van 't", "Bart", "B.", "Bart", key="van-t-wout"),
]
KNOWN = KnownMembers.of(MEMBERS)


def mentions(text, members=KNOWN):
    return [(m.members, m.persons) for m in find_motions([Passage(0, text)], {}, members)]


@pytest.mark.parametrize(
    ("text", "members", "persons"),
    [
        ("Zo vraagt de motie van het lid Inge van Dijk om meer zorg.", ("Inge van Dijk",), (("inge-van-dijk",),)),
        ("Zo vraagt de motie van het lid I.M.C. van Dijk om meer zorg.", ("van Dijk",), (("inge-van-dijk",),)),
        (
            "Zo vraagt de motie van het lid Van Dijk om meer zorg.",  # two members of that name: both
            ("Van Dijk",),
            (("inge-van-dijk", "jasper-van-dijk"),),
        ),
        (
            "De motie van de leden Van der Plas en Omtzigt verzoekt de regering.",
            ("Van der Plas", "Omtzigt"),
            (("van-der-plas",), ("omtzigt",)),
        ),
        ("De motie Yeşilgöz-Zegerius c.s. verzoekt de regering.", ("Yeşilgöz-Zegerius",), (("yesilgoz",),)),
        ("De motie Yesilgoz-Zegerius verzoekt de regering.", ("Yesilgoz-Zegerius",), (("yesilgoz",),)),
        ("De motie van het lid Van ’t Wout verzoekt de regering.", ("Van ’t Wout",), (("van-t-wout",),)),
        ("De motie van het lid Bikker verzoekt de regering.", ("Bikker",), ((),)),  # not mirrored: no key
    ],
)
def test_members_are_recognised_with_the_kamers_list(text, members, persons):
    assert mentions(text) == [(members, persons)]


@pytest.mark.parametrize("members", [None, KnownMembers.of([])])
def test_without_mirrored_members_the_built_in_patterns_stand_alone(members):
    text = "De motie van de leden Van der Plas en Omtzigt en de motie van het lid Inge van Dijk verzoeken de regering."

    assert mentions(text, members) == [(("Van der Plas", "Omtzigt"), ()), (("Inge van Dijk",), ())]


def test_a_plain_list_of_members_is_accepted_as_well():
    assert mentions("De motie van het lid Omtzigt verzoekt.", MEMBERS) == [(("Omtzigt",), (("omtzigt",),))]


def test_names_fold_case_diacritics_and_spacing_after_initials():
    assert fold("Yeşilgöz-Zegerius") == "yesilgoz-zegerius"
    assert fold("I. M. C.  van Dijk") == fold("I.M.C. van Dijk") == "i.m.c.van dijk"
