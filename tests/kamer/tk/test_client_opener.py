"""Clients of one Kamer share their opener; each request still keeps its own deadline."""

import pytest

from kamer.tk.client import TKClient, TKError
from tests.kamer.fake_server import FakeTK


@pytest.fixture
def fake():
    with FakeTK() as server:
        yield server


def test_clients_of_one_kamer_share_their_opener():
    first, second = TKClient("http://127.0.0.1:8123"), TKClient("http://127.0.0.1:8123/")

    assert first._opener is second._opener
    assert TKClient("http://127.0.0.1:8124")._opener is not first._opener


def test_clients_sharing_an_opener_keep_their_own_deadlines(fake):
    patient = TKClient(fake.base_url, timeout=5, retries=0)
    hasty = TKClient(fake.base_url, timeout=0.5, retries=0)
    guid = fake.publish_document(content=b"PK brief", document_nummer="2025D00001", titel="Brief")
    fake.delay_next(2, 1)

    assert patient.download(guid).content == b"PK brief"
    with pytest.raises(TKError) as raised:
        hasty.download(guid)
    url = hasty.resource_url(guid)
    assert raised.value.reason == f"de Tweede Kamer antwoordde niet binnen 0,5 s: {url} (opgegeven na 1 poging)"
