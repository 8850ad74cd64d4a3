"""What is not a kamerstuk (a year, a date, a law article, a page number, an amount), and a dossier
named without a document number, which is a dossier reference kept apart from the kamerstukken."""

import pytest

from tkdossiers.citations import find, find_dossiers


def keys(text):
    return [c.key for c in find(text)[0]]


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 en 2020 nr. 3 van de reeks verscheen.",
        "Op 12 maart 2024, nr. 5 van de agenda.",
        "artikel 3.2 van de Wet 2012, nr. 3",
        "zie pagina 12, nr. 4 van de bijlage",
        "in de periode 2016–2021, nr. 3",
        "een bedrag van € 12 345, nr. 3 op de lijst",
        "het Besluit van 26 oktober 2017, nr. 2017000123",
        "Aanhangsel Handelingen II 2017/18, nr. 1696",
        "zaak 2023Z16994 en document 2024D12345",
        "tussen 10 000 en 20 000 woningen",
    ],
)
def test_look_alikes_are_no_kamerstuk(text):
    assert keys(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstuk 29 628, nr. 1135, blz. 12 en 14", ["29628-1135"]),  # the page numbers are not ondernummers
        ("Kamerstukken II 2023/24, 36 410, nr. 5, p. 12", ["36410-5"]),
        (
            "de brieven van 20 december jl. en 31 januari jl. (Kamerstuk 32 813, nrs. 442 en 445)",
            ["32813-442", "32813-445"],
        ),
    ],
)
def test_kamerstukken_beside_dates_and_pages(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    ("text", "dossier"),
    [
        ("zoals beschreven in de beleidsnota (Kamerstuk 34 919).", "34919"),
        ("Deze brief hoort bij kamerstukdossier 29 517 over de meldkamers.", "29517"),
        ("Zie dossier 36 600-VI voor de begroting.", "36600-VI"),
        ("de begroting (Kamerstukken II 2023/24, 36 410 XVI)", "36410-XVI"),
    ],
)
def test_a_dossier_without_document_number_is_a_dossier_reference(text, dossier):
    assert keys(text) == []
    assert [d.key for d in find_dossiers(text)] == [dossier]


@pytest.mark.parametrize(
    "text",
    [
        "Kamerstuk 29 628, nr. 1135",
        "Kamerstukken 35 234, 35 235, 35 236 en 35 237, nr. 7",
        "Kamerstukken I 2017/18, 30 880, AC",
        "Kamerstuk 29628-1272",  # the compact id is not a bare dossier
        "Het dossier is gesloten.",
    ],
)
def test_kamerstukken_are_not_dossier_references(text):
    assert find_dossiers(text) == []
