"""A big valid letter: what reading it costs in time and memory (issue 17, item 5).

Builds, deterministically, a WordprocessingML package the size of the one the security
review used (about 17 MB, 125,000 paragraphs): a letter head, Word-style paragraphs with
revision ids and run properties, headings in two heading styles, numbered lists, a small
data table now and then, footnotes, a signature, and a scanned annex image (incompressible
bytes the reader never unpacks) that brings the file to review size. Then, each in a fresh
child process so that one measurement cannot inherit another's heap:

- floor: unzip word/document.xml and lxml-parse it, nothing else;
- read: letters.docx.reader.read();
- read+split: read() and letters.docx.sections.split().

Per measurement: wall time (first run, and the median of --repeat runs), the peak of
Python allocations (tracemalloc, which cannot see libxml2's tree), how far the process's
peak RSS rose (VmHWM after resetting it, Linux) and how much RSS the process kept once
the result was dropped (what a worker keeps "for good").

    .venv/bin/python bench/big_letter.py [--paragraphs 125000] [--repeat 3] [--max-paragraphs N] [--save FILE]

The table is printed and written, with the letter's shape, to bench/results/big_letter.json.
"""

import argparse
import gc
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MEASURES = ("floor", "read", "read+split")
RESULTS_FILE = ROOT / "bench" / "results" / "big_letter.json"
TARGET_FILE_BYTES = 17 * 1024 * 1024
FIXED_DATE = (2025, 10, 3, 0, 0, 0)
WORDS = (
    "het kabinet de Kamer motie toezegging brief minister staatssecretaris onderzoek rapport uitvoering "
    "wetsvoorstel begroting gemeenten provincies burgers zorg onderwijs veiligheid justitie woningbouw "
    "stikstof energie klimaat asiel migratie arbeidsmarkt pensioenen toeslagen herstel evaluatie advies "
    "Raad van State consultatie planning voortgang maatregelen middelen regeling beleid informatie over "
    "meldkamer brandweer politie ambulance veiligheidsregio crisisbeheersing oefening capaciteit personeel "
    "met voor naar in op aan en of bij door dat deze worden wordt heeft hebben zal kunnen nader ook"
).split()
RSIDS = [f"00{n:06X}" for n in random.Random(17).sample(range(16**6), 64)]


# --- The letter ---------------------------------------------------------------------


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _sentence(rng: random.Random) -> str:
    text = _words(rng, rng.randint(8, 22))
    return text[0].upper() + text[1:] + "."


def _run(rng: random.Random, text: str, properties: str = "") -> str:
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r w:rsidRPr="{rng.choice(RSIDS)}">{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(rng: random.Random, runs: str, ppr: str = "") -> str:
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:p w:rsidR="{rng.choice(RSIDS)}" w:rsidRDefault="{rng.choice(RSIDS)}">{ppr}{runs}</w:p>'


def _heading(rng: random.Random, style: str, text: str) -> str:
    return _paragraph(rng, _run(rng, text), f'<w:pStyle w:val="{style}"/>')


def _body(rng: random.Random, footnote_id: int | None) -> str:
    runs = [_run(rng, _sentence(rng))]
    if footnote_id is not None:
        marker = '<w:rPr><w:rStyle w:val="Voetnootmarkering"/></w:rPr>'
        runs.append(f'<w:r>{marker}<w:footnoteReference w:id="{footnote_id}"/></w:r>')
    if rng.random() < 0.3:
        runs.append(_run(rng, " " + _sentence(rng), "<w:i/>" if rng.random() < 0.1 else ""))
    return _paragraph(rng, "".join(runs))


def _list_item(rng: random.Random, num_id: int) -> str:
    ppr = f'<w:pStyle w:val="Lijstalinea"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    return _paragraph(rng, _run(rng, _sentence(rng)), ppr)


def _table(rng: random.Random, cells: list[list[str]]) -> str:
    rows = "".join(
        "<w:tr>" + "".join(f"<w:tc>{_paragraph(rng, _run(rng, text))}</w:tc>" for text in row) + "</w:tr>"
        for row in cells
    )
    return f'<w:tbl><w:tblPr><w:tblStyle w:val="Tabelraster"/></w:tblPr>{rows}</w:tbl>'


def _footnote(rng: random.Random, footnote_id: int) -> str:
    year = 2020 + footnote_id % 6
    citation = f" Kamerstukken II {year}/{year + 1}, {29517 + footnote_id % 40}, nr. {footnote_id % 300 + 1}."
    return (
        f'<w:footnote w:id="{footnote_id}"><w:p><w:pPr><w:pStyle w:val="Voetnoottekst"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="Voetnootmarkering"/></w:rPr><w:footnoteRef/></w:r>'
        f"{_run(rng, citation)}</w:p></w:footnote>"
    )


def build_body(paragraphs: int, rng: random.Random) -> tuple[list[str], list[str], dict]:
    head = [["Datum", "3 oktober 2025"], ["Betreft", "Voortgang van een zeer lange brief"], ["Ons kenmerk", "6543210"]]
    body, notes = [_table(rng, head)], []
    shape = {"paragraphs": 0, "headings": 0, "tables": 0, "list_items": 0}
    while shape["paragraphs"] < paragraphs - 2:
        index = shape["paragraphs"]
        if index % 400 == 1:
            body.append(_heading(rng, "Kop1", f"Hoofdstuk {index // 400 + 1} {_words(rng, 3)}"))
            shape["headings"] += 1
        elif index % 40 == 1:
            body.append(_heading(rng, "Kop2", f"Onderdeel {index // 40 + 1} {_words(rng, 2)}"))
            shape["headings"] += 1
        elif index % 1000 == 500:
            body.append(_table(rng, [[_words(rng, 2), str(rng.randint(1, 999)), _words(rng, 3)] for _ in range(3)]))
            shape["tables"] += 1
            shape["paragraphs"] += 8  # nine cells, one of them counted below
        elif index % 100 in (60, 61, 62):
            body.append(_list_item(rng, 1))
            shape["list_items"] += 1
        else:
            footnote_id = len(notes) + 1 if rng.random() < 0.04 else None
            if footnote_id is not None:
                notes.append(_footnote(rng, footnote_id))
            body.append(_body(rng, footnote_id))
        shape["paragraphs"] += 1
    body += [
        _paragraph(rng, _run(rng, "De Minister van Justitie en Veiligheid,")),
        _paragraph(rng, _run(rng, "A.B. Minister")),
    ]
    shape["paragraphs"] += 2
    shape["footnotes"] = len(notes)
    return body, notes, shape


STYLES = (
    XML_HEAD + f'<w:styles xmlns:w="{W_NS}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Standaard"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:basedOn w:val="Standaard"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Lijstalinea"><w:name w:val="List Paragraph"/>'
    '<w:basedOn w:val="Standaard"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Voetnoottekst"><w:name w:val="footnote text"/></w:style>'
    '<w:style w:type="character" w:styleId="Voetnootmarkering"><w:name w:val="footnote reference"/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    "</w:styles>"
)
NUMBERING = (
    XML_HEAD + f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
    '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)
SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
)
CONTENT_TYPES = (
    XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    XML_HEAD + f'<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    XML_HEAD + f'<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{R_NS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{R_NS}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{R_NS}/footnotes" Target="footnotes.xml"/>'
    f'<Relationship Id="rId4" Type="{R_NS}/image" Target="media/image1.png"/></Relationships>'
)


def build_big_letter(paragraphs: int = 125_000, seed: int = 17) -> tuple[bytes, dict]:
    """The .docx bytes and its shape. Same arguments, same bytes."""
    rng = random.Random(seed)
    body, notes, shape = build_body(paragraphs, rng)
    document = (
        XML_HEAD + f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": STYLES,
        "word/numbering.xml": NUMBERING,
        "word/footnotes.xml": XML_HEAD + f'<w:footnotes xmlns:w="{W_NS}">{SEPARATORS}{"".join(notes)}</w:footnotes>',
    }
    text_only = _zip(parts, zipfile.ZIP_DEFLATED)
    image = random.Random(seed).randbytes(max(TARGET_FILE_BYTES - len(text_only), 0))
    content = _zip(parts, zipfile.ZIP_DEFLATED, image)
    shape |= {"document_xml_mb": len(document.encode()) / 2**20, "image_mb": len(image) / 2**20}
    shape["file_mb"] = len(content) / 2**20
    return content, shape


def _zip(parts: dict[str, str], compression: int, image: bytes = b"") -> bytes:
    """The package; entries carry a fixed date so that the same letter gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_DATE), text.encode("utf-8"), compression)
        if image:
            archive.writestr(zipfile.ZipInfo("word/media/image1.png", FIXED_DATE), image, zipfile.ZIP_STORED)
    return buffer.getvalue()


# --- Measuring, one child process per measurement ---------------------------------------


def _floor(content: bytes, limits: dict):
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _read(content: bytes, limits: dict):
    from letters.docx.reader import ReadError, read

    try:
        return read(content, "big-letter.docx", **limits)
    except ReadError as refused:
        return refused


def _read_split(content: bytes, limits: dict):
    from letters.docx.sections import split

    parsed = _read(content, limits)
    return parsed if isinstance(parsed, Exception) else (parsed, split(parsed.blocks))


RUNNERS = {"floor": _floor, "read": _read, "read+split": _read_split}


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} missing from /proc/self/status")


def measure_in_this_process(measure: str, path: Path, repeat: int, max_paragraphs: int | None) -> dict:
    content = path.read_bytes()
    limits = {} if max_paragraphs is None else {"max_paragraphs": max_paragraphs}
    import letters.docx.sections  # noqa: F401 - imported before the baseline, not counted

    def run():
        return RUNNERS[measure](content, limits)

    gc.collect()
    before = _status_kb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) starts again at the current RSS
    result, first_s, first_cpu = _timed(run)
    peak = _status_kb("VmHWM")
    refused = str(result) if isinstance(result, Exception) else ""
    del result
    gc.collect()
    kept = _status_kb("VmRSS") - before
    later = [_timed(run)[1:] for _ in range(repeat - 1)]
    tracemalloc.start()
    run()
    python_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "measure": measure,
        "first_s": round(first_s, 2),
        "median_s": round(statistics.median([first_s, *(wall for wall, _ in later)]), 2),
        "median_cpu_s": round(statistics.median([first_cpu, *(cpu for _, cpu in later)]), 2),
        "tracemalloc_peak_mb": round(python_peak / 2**20, 1),
        "rss_peak_growth_mb": round((peak - before) / 1024, 1),
        "rss_kept_mb": round(kept / 1024, 1),
        "refused": refused,
    }


def _timed(run):
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def measure_in_child(measure: str, path: Path, repeat: int, max_paragraphs: int | None) -> dict:
    command = [sys.executable, __file__, "--child", measure, "--file", str(path), "--repeat", str(repeat)]
    if max_paragraphs is not None:
        command += ["--max-paragraphs", str(max_paragraphs)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def print_report(shape: dict, rows: list[dict]) -> None:
    print(
        f"letter: {shape['file_mb']:.1f} MB .docx (word/document.xml {shape['document_xml_mb']:.1f} MB, "
        f"annex image {shape['image_mb']:.1f} MB), {shape['paragraphs']} paragraphs, {shape['headings']} headings, "
        f"{shape['tables']} tables, {shape['list_items']} list items, {shape['footnotes']} footnotes"
    )
    print("| measure | first s | median s | median CPU s | tracemalloc peak MB | peak RSS growth MB | RSS kept MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['measure']} | {row['first_s']} | {row['median_s']} | {row['median_cpu_s']} "
            f"| {row['tracemalloc_peak_mb']} | {row['rss_peak_growth_mb']} | {row['rss_kept_mb']} |"
        )
    for row in rows:
        if row["refused"]:
            print(f"{row['measure']}: refused: {row['refused']}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Time and memory of reading one big valid letter.")
    parser.add_argument("--paragraphs", type=int, default=125_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement for the median time")
    parser.add_argument(
        "--max-paragraphs", type=int, help="passed to read() (default: the reader's own cap, MAX_PARAGRAPHS)"
    )
    parser.add_argument("--save", type=Path, help="also write the .docx here")
    parser.add_argument("--child", choices=MEASURES, help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure_in_this_process(args.child, args.file, args.repeat, args.max_paragraphs)))
        return
    content, shape = build_big_letter(args.paragraphs, args.seed)
    if args.save:
        args.save.write_bytes(content)
    with tempfile.NamedTemporaryFile(suffix=".docx") as file:
        file.write(content)
        file.flush()
        rows = [measure_in_child(measure, Path(file.name), args.repeat, args.max_paragraphs) for measure in MEASURES]
    print_report(shape, rows)
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    settings = {key: getattr(args, key) for key in ("paragraphs", "seed", "repeat", "max_paragraphs")}
    RESULTS_FILE.write_text(json.dumps({"settings": settings, "letter": shape, "measures": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
