from tests.corpus.gold import validate

VALID = {
    "id": "jenv-2021-2021D43360",
    "document": {"date": "2021-11-12", "document_number": "2021D43360", "kst": "29628-1048"},
    "headings": [{"text": "Stand van zaken", "level": 1}],
    "references": [{"dossier": "34475", "toevoeging": "VI", "number": "2", "location": "body"}],
    "motions": [{"members": ["Kuik", "Palland"], "kamerstuk": None, "declares_done": False}],
    "commitments": [{"text_contains": "voor het einde van het jaar", "kind": "prior", "due": "2021-12-31"}],
    "notes": [],
}


def test_validate_accepts_a_file_that_follows_the_schema():
    assert validate(VALID, "jenv-2021-2021D43360") == []


def test_a_motion_named_by_its_kamerstuk_alone_has_no_members():
    gold = VALID | {"motions": [{"members": [], "kamerstuk": "36600-VI-12", "declares_done": False}]}

    assert validate(gold, "jenv-2021-2021D43360") == []


def test_dossiers_named_without_a_document_number_are_optional_and_checked():
    named = {"dossier": "34919", "toevoeging": None, "location": "body", "text": "Kamerstuk 34 919"}
    gold = VALID | {"dossiers": [named]}
    wrong = VALID | {"dossiers": [{"dossier": "34 919", "toevoeging": "vi", "location": "tekst", "number": "3"}]}

    assert validate(gold, "jenv-2021-2021D43360") == []
    assert validate(wrong, "jenv-2021-2021D43360") == [
        "dossiers[0] has an unknown key 'number'",
        "dossiers[0].dossier must be five digits",
        "dossiers[0].toevoeging must be like VI, A or 31, or null",
        "dossiers[0].location must be one of body, footnote, heading",
    ]


def test_validate_names_each_mistake():
    gold = VALID | {
        "id": "other",
        "document": {"date": "12 november 2021", "document_number": None, "kst": None},
        "references": [{"dossier": "29 628", "toevoeging": None, "number": "1048", "location": "voetnoot"}],
        "motions": [{"members": [], "kamerstuk": "29628 nr. 1048", "declares_done": "ja"}],
        "commitments": [{"text_contains": "informeren", "kind": "toezegging", "due": "voor de zomer", "source": "x"}],
    }

    assert validate(gold, "jenv-2021-2021D43360") == [
        "id 'other' is not the file name 'jenv-2021-2021D43360'",
        "document.date '12 november 2021' is not an ISO date",
        "references[0].dossier must be five digits",
        "references[0].location must be one of body, footnote, heading",
        "motions[0].members must be a non-empty list of names (or [] with a kamerstuk)",
        "motions[0].kamerstuk must be like 29517-260 or 36600-VI-100, or null",
        "motions[0].declares_done must be true, false or null",
        "commitments[0] has an unknown key 'source'",
        "commitments[0].kind must be new or prior",
        'commitments[0].due must be an ISO date, null or "unclear"',
    ]
