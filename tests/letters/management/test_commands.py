import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from letters.models import FailedImport, Letter, LetterVersion
from tests.conftest import REAL_LETTERS, SAMPLES, SEED
from tests.docx_builder import with_replaced_text
from tests.letters.docx.bad_files import BAD_FILES, BAD_IDS

ROOT = Path(__file__).resolve().parents[3]


def analyse(path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "analyse_letter", str(path), "--json"],
        cwd=ROOT,
        env=os.environ | {"DJANGO_SETTINGS_MODULE": "tkdossiers.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_analyse_letter_prints_the_contract(gold):
    done = analyse(SEED)

    result = json.loads(done.stdout)
    assert done.returncode == 0
    assert result["document"] == {
        "title": gold["title"],
        "date": gold["date"],
        "document_number": gold["document_number"],
        "sender": "Minister van Justitie en Veiligheid (Foort van Oosten)",
    }
    # the opening lists every subject of the letter, and each of them is a topic of a section below it
    assert result["sections"][0] == {
        "heading": "",
        "level": 1,
        "topics": [
            "alerteren-nl-alert-en-was",
            "brandweerzorg",
            "c2000-en-vmx",
            "crisisbeheersing",
            "geweld-tegen-hulpverleners",
            "kcr2-locc",
            "meldkamers-en-112",
            "noodcommunicatievoorziening",
            "ptss-en-psychosociale-zorg",
            "weerbaarheid",
        ],
    }
    assert result["sections"][9] == {"heading": "C2000", "level": 2, "topics": ["c2000-en-vmx", "meldkamers-en-112"]}
    assert [s["heading"] for s in result["sections"][1:]] == gold["headings"]
    assert len(result["footnotes"]) == 35
    assert result["footnotes"][0] == {"number": "1", "text": "Kamerstukken II, 2023/24, 29 517, nr. 264"}
    assert len(result["references"]) == 26
    assert result["references"][0] == {
        "text": "Kamerstukken II, 2023/24, 29 517, nr. 264",
        "dossier": "29517",
        "toevoeging": None,
        "number": "264",
        "year": "2023/24",
        "location": "footnote 1",
    }
    assert result["motions"][1] == {
        "text": "de motie van het lid Wijen-Nass",
        "members": ["Wijen-Nass"],
        "kamerstuk": "29628-1272",
        "declares_done": True,
    }
    assert (len(result["motions"]), len(result["commitments"])) == (7, 5)


@pytest.mark.django_db
def test_analyse_letter_writes_nothing():
    analyse(SEED)

    assert (Letter.objects.count(), FailedImport.objects.count()) == (0, 0)


@pytest.mark.parametrize(("name", "make", "reason"), BAD_FILES, ids=BAD_IDS)
def test_analyse_letter_on_a_bad_file_prints_one_plain_error_line(tmp_path, name, make, reason):
    path = tmp_path / name
    path.write_bytes(make())

    done = analyse(path)

    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"error: {reason}\n")


def test_analyse_letter_on_a_missing_file(tmp_path):
    done = analyse(tmp_path / "bestaat-niet.docx")

    assert done.returncode == 1
    assert done.stderr.startswith("error: kan ") and done.stderr.count("\n") == 1


@pytest.mark.django_db
def test_import_letter_summarises_every_outcome(tmp_path):
    call_command("import_letter", str(SEED), stdout=StringIO(), stderr=StringIO())
    corrected = tmp_path / "verzamelbrief-2025D43420-v2.docx"
    corrected.write_bytes(with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg"))
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"%PDF-1.4")
    out = StringIO()

    with pytest.raises(CommandError) as failed:
        call_command(
            "import_letter",
            str(SEED),
            str(corrected),
            str(broken),
            *map(str, REAL_LETTERS),
            stdout=out,
            stderr=StringIO(),
        )

    assert str(failed.value) == "1 van 8 bestanden mislukt"
    assert out.getvalue().splitlines() == [
        "geïmporteerd: 5, nieuwe versie: 1, ongewijzigd: 1, mislukt: 1",
        f"mislukt: {broken}: dit is een PDF-bestand, geen Word-document (.docx)",
    ]
    assert LetterVersion.objects.count() == 7
    assert FailedImport.objects.get().filename == "kapot.docx"


@pytest.mark.django_db
def test_import_letter_takes_a_folder_and_shows_progress():
    out, err = StringIO(), StringIO()

    call_command("import_letter", str(SAMPLES / "letters"), stdout=out, stderr=err)

    assert out.getvalue() == "geïmporteerd: 5, nieuwe versie: 0, ongewijzigd: 0, mislukt: 0\n"
    assert "5/5" in err.getvalue() and "[##############################]" in err.getvalue()
