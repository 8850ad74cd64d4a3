"""The limits of letters/docx/package.py: DTDs decided on the parsed tree, caps on what one letter builds."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from letters.docx.package import MAX_FOOTNOTES, MAX_PARAGRAPHS
from letters.docx.reader import ReadError, read
from tests.docx_builder import build_docx, footnote_ref, para, run, text_para
from tests.letters.docx.bad_files import DTD_REFUSED, dtd_after_long_comment


@pytest.fixture
def dtd_server():
    """A local HTTP server that serves a DTD and records every path asked for."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            body = b'<!ENTITY x "van het netwerk">'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE w:document SYSTEM "{url}/letter.dtd">',
        '<!DOCTYPE w:document [<!ENTITY x SYSTEM "{url}/entity.txt">]>',
        '<!DOCTYPE w:document [<!ENTITY % remote SYSTEM "{url}/remote.dtd"> %remote;]>',
    ],
    ids=["external-dtd", "external-entity", "parameter-entity"],
)
def test_dtd_with_network_address_is_refused_without_fetching(dtd_server, doctype):
    url, asked = dtd_server
    content = dtd_after_long_comment("word/document.xml", doctype.format(url=url))

    with pytest.raises(ReadError) as refused:
        read(content)

    assert (str(refused.value), asked) == (DTD_REFUSED.format("word/document.xml"), [])


def test_letter_with_more_paragraphs_than_the_cap_is_refused():
    # Table cells count as paragraphs too: MAX_PARAGRAPHS - 1 body paragraphs and two cells.
    body = [text_para(f"Alinea {index}.") for index in range(MAX_PARAGRAPHS - 1)]
    body.append(f"<w:tbl><w:tr><w:tc>{text_para('links')}</w:tc><w:tc>{text_para('rechts')}</w:tc></w:tr></w:tbl>")

    with pytest.raises(ReadError) as refused:
        read(build_docx(*body))

    assert str(refused.value) == "de brief bevat te veel alinea's (meer dan 50.000)"


def test_letter_with_more_footnote_markers_than_the_cap_is_refused():
    markers = [footnote_ref(1 + index % 3) for index in range(MAX_FOOTNOTES + 1)]
    content = build_docx(para(run("Zie de noten."), *markers), footnotes={1: "een", 2: "twee", 3: "drie"})

    with pytest.raises(ReadError) as refused:
        read(content)

    assert str(refused.value) == "de brief bevat te veel voetnoten (meer dan 10.000)"
