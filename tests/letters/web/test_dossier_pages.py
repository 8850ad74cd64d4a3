import csv
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from letters.models import Reference
from tests.docx_builder import letter_citing
from tests.letters.imported import add, citing_letters
from tkdossiers.models import Kamerstuk

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def titles(response) -> list[str]:
    return re.findall(r'class="letter-title" href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.mark.parametrize("typed", ["29517", "29 517", " 29517 "])
def test_letters_filter_by_dossier_as_analysts_type_it(policy_client, seed_letter, c2000_letter, typed):
    response = policy_client.get(reverse("letter_list"), {"dossier": typed})

    assert titles(response) == ["Verzamelbrief brandweer, crisisbeheersing en meldkamers"]
    assert f'value="{typed}"' in response.content.decode()  # the form keeps what was typed


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("36600-VI", ["Verzamelbrief brandweer, crisisbeheersing en meldkamers"]),
        ("36600 VI", ["Verzamelbrief brandweer, crisisbeheersing en meldkamers"]),
        ("36410-VI", ["Voortgang C2000"]),
        ("36410", ["Voortgang C2000"]),  # without toevoeging: any toevoeging of the number
        ("25124", ["Verzamelbrief brandweer, crisisbeheersing en meldkamers", "Voortgang C2000"]),
        ("36410-VII", []),
    ],
)
def test_letters_filter_by_dossier_with_toevoeging(policy_client, seed_letter, c2000_letter, typed, expected):
    assert titles(policy_client.get(reverse("letter_list"), {"dossier": typed})) == expected


def test_unreadable_dossier_number_is_a_form_error(policy_client, seed_letter):
    response = policy_client.get(reverse("letter_list"), {"dossier": "abc"})

    assert "Geen dossiernummer; schrijf bijvoorbeeld 29517, 29 517 of 36600-VI." in text_of(response)
    assert titles(response) == []


def test_letters_filter_by_vergaderjaar_sender_and_text(policy_client, seed_letter, c2000_letter):
    def listed(**params):
        return titles(policy_client.get(reverse("letter_list"), params))

    assert listed(vergaderjaar="2023-2024") == ["Voortgang C2000"]
    assert listed(vergaderjaar="2025/26") == ["Verzamelbrief brandweer, crisisbeheersing en meldkamers"]
    assert listed(sender="staatssecretaris") == ["Voortgang C2000"]
    assert listed(q="2025D43420") == ["Verzamelbrief brandweer, crisisbeheersing en meldkamers"]
    assert listed(date_from="2024-01-01", date_to="2024-12-31") == ["Voortgang C2000"]


def test_sections_filter_by_dossier_finds_the_citing_passages(policy_client, seed_letter, c2000_letter):
    response = policy_client.get(reverse("section_list"), {"dossier": "36600-VI"})

    headings = re.findall(r'class="passage-heading" href="[^"]+">([^<]+)</a>', response.content.decode())
    assert headings == ["Taskforce Onze hulpverleners veilig", "Borging"]


def test_references_filter_by_kind_and_dossier(policy_client, seed_letter):
    urls = text_of(policy_client.get(reverse("reference_list"), {"kind": "url"}))
    dossier = policy_client.get(reverse("reference_list"), {"dossier": "36725"})

    assert "2 verwijzingen" in urls
    assert "2 verwijzingen" in text_of(dossier)
    assert dossier.content.decode().count('href="/kamerstukken/36725-VI-16/"') == 2


def test_same_kamerstuk_with_and_without_toevoeging_is_one_kamerstuk(seed_letter):
    amendment = Kamerstuk.objects.get(dossier__number="36725")

    assert amendment.key == "36725-VI-16"
    assert sorted(amendment.references.values_list("location", "text")) == [
        ("footnote", "Kamerstukken II, 2024/25, 36725, nr. 16"),
        ("heading", "36725-VI, nr. 16"),
    ]


def test_dossier_page_lists_kamerstukken_letters_and_passages(policy_client, seed_letter, c2000_letter):
    response = policy_client.get(reverse("dossier_detail", args=["29517"]))
    html = response.content.decode()

    kamerstukken = re.findall(
        r'<a href="/kamerstukken/29517-(\d+)/">nr\. \d+</a></td><td>([^<]+)</td><td>(\d+)</td>', html
    )
    assert kamerstukken == [
        ("264", "2024/25", "4"),  # cited as 2023/24 once and 2024/25 three times: the most frequent
        ("260", "2023/24", "1"),
        ("258", "2023/24", "1"),
        ("257", "2023/24", "1"),
        ("253", "2024/25", "1"),
        ("252", "2023/24", "2"),
        ("193", "2019/20", "1"),
        ("173", "2018/19", "1"),
        ("172", "2018/19", "1"),
    ]
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-29517-264.html"' in html
    assert titles(response) == ["Verzamelbrief brandweer, crisisbeheersing en meldkamers"]


def test_dossier_page_shows_the_latest_cited_kamerstukken_of_a_busy_dossier(policy_client):
    add(letter_citing("Oud", "1 maart 2020", ["Kamerstukken II 2019/20, 31 000, nr. 1"]), "oud.docx")
    add(
        letter_citing("Nieuw", "1 maart 2024", [f"Kamerstukken II 2023/24, 31 000, nr. {n}" for n in range(2, 31)]),
        "nieuw.docx",
    )

    response = policy_client.get(reverse("dossier_detail", args=["31000"]))

    listed = re.findall(r'<td><a href="/kamerstukken/31000-(\d+)/">nr\.', response.content.decode())
    assert listed == [str(n) for n in range(30, 10, -1)]  # cited last, then the highest number first
    assert "De 20 laatst geciteerde van 30; alle verwijzingen" in text_of(response)


def test_kamerstuk_page_shows_every_citing_passage_across_letters(policy_client, seed_letter):
    add(letter_citing("Vervolg meldkamers", "1 december 2025", ["Kamerstukken II 2024/25, 29 517, nr. 264"]), "v.docx")

    text = text_of(policy_client.get(reverse("kamerstuk_detail", args=["29517-264"])))

    assert "Passages die dit kamerstuk citeren (5)" in text
    assert text.index("Vervolg meldkamers") < text.index("Verzamelbrief brandweer")  # newest first
    assert "Voetnoot 31: Kamerstukken II, 2024/25, 29517 nr. 264 → 29 517, nr. 264" in text


@pytest.mark.parametrize("url", ["/dossiers/99999/", "/dossiers/abc/", "/kamerstukken/29517-9999/", "/kamerstukken/x/"])
def test_unknown_dossier_or_kamerstuk_is_not_found(policy_client, seed_letter, url):
    assert policy_client.get(url).status_code == 404


def test_csv_export_has_the_filtered_rows(policy_client, seed_letter, c2000_letter):
    response = policy_client.get(reverse("reference_export", args=["csv"]), {"dossier": "25124"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert response["Content-Disposition"] == 'attachment; filename="verwijzingen-dossier-25124.csv"'
    assert [(r["brief"], r["kamerstuk"], r["vergaderjaar"], r["plaats"]) for r in rows] == [
        ("Verzamelbrief brandweer, crisisbeheersing en meldkamers", "25124-116", "2024/25", "voetnoot 3"),
        ("Verzamelbrief brandweer, crisisbeheersing en meldkamers", "25124-117", "2024/25", "voetnoot 10"),
        ("Voortgang C2000", "25124-100", "2023/24", "voetnoot 1"),
    ]


def test_json_export_of_letters_follows_the_filter(policy_client, seed_letter, c2000_letter):
    response = policy_client.get(reverse("letter_export", args=["json"]), {"vergaderjaar": "2023/24"})

    rows = json.loads(b"".join(response.streaming_content))
    assert [(r["title"], r["date"], r["vergaderjaar"], r["sender"]) for r in rows] == [
        ("Voortgang C2000", "2024-03-12", "2023/24", "Staatssecretaris van Justitie en Veiligheid (A.B. Minister)")
    ]


def test_csv_export_neutralises_formulas_in_letter_text(policy_client):
    add(letter_citing('=HYPERLINK("http://x")', "1 mei 2024", []), "formule.docx")

    response = policy_client.get(reverse("letter_export", args=["csv"]))

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0]["titel"] == '\'=HYPERLINK("http://x")'


@pytest.mark.parametrize(
    "url",
    [
        reverse("letter_list") + "?dossier=29517",
        reverse("section_list") + "?dossier=29517",
        reverse("reference_list") + "?dossier=29517",
        reverse("dossier_detail", args=["29517"]),
        reverse("kamerstuk_detail", args=["29517-250"]),
        reverse("api_letters") + "?dossier=29517",
        reverse("api_dossier", args=["29517"]),
    ],
)
def test_query_count_does_not_grow_with_rows(policy_client, url):
    citing_letters(0, 1)
    with CaptureQueriesContext(connection) as one:
        assert policy_client.get(url).status_code == 200
    citing_letters(1, 3)

    with CaptureQueriesContext(connection) as three:
        policy_client.get(url)

    assert Reference.objects.filter(kamerstuk__number="250").count() == 4
    assert len(three) == len(one)


def test_long_lists_count_only_up_to_the_cap(policy_client, monkeypatch):
    from letters.web.listing import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "cap", 2)
    citing_letters(0, 3)

    text = text_of(policy_client.get(reverse("letter_list")))

    assert "meer dan 2 brieven" in text
