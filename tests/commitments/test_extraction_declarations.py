"""Done declarations in the forms ministries use, and the look-alikes that declare nothing done."""

import pytest

from commitments.extraction import Passage, find_motions


def declared(text):
    return [m.declares_done for m in find_motions([Passage(0, text)], {})]


@pytest.mark.parametrize(
    "text",
    [
        "Met deze brief is de motie van het lid Van Dijk uitgevoerd.",
        "Hiermee is voldaan aan de motie van het lid Van Dijk.",
        "Met deze brief wordt voldaan aan de motie van de leden Kuik en Palland.",
        "De motie van het lid Van Dijk beschouw ik hiermee als afgedaan.",
        "Ik beschouw de motie van het lid Van Dijk hiermee als uitgevoerd.",
        "Hiermee kom ik de motie van het lid Van Dijk na.",
        "Daarmee is de motie van het lid Van Dijk afgedaan.",
        "Hiermee voldoe ik aan de motie van het lid Van Dijk.",
    ],
)
def test_declarations(text):
    assert declared(text) == [True]


@pytest.mark.parametrize(
    "text",
    [
        "Hiermee kom ik tegemoet aan de motie van het lid Van Dijk.",  # meeting it halfway
        "Hiermee is uitvoering gegeven aan de motie van het lid Van Dijk.",  # fulfilment without a claim of done
        "De motie van het lid Van Dijk is nog niet afgedaan.",
        "Over de uitvoering van de motie van het lid Van Dijk kom ik later terug.",
        "De motie van het lid Van Dijk wordt momenteel uitgevoerd.",  # progress
        "De motie van het lid Van Dijk is deels uitgevoerd.",
        "Ik beschouw de motie van het lid Van Dijk niet als afgedaan.",
        # done only when something else has happened
        "Ik beschouw de motie van het lid Van Dijk pas als afgedaan wanneer het onderzoek klaar is.",
        "Ik kan de motie van het lid Van Dijk als afgedaan beschouwen zodra het rapport er is.",
        "De motie van het lid Van Dijk kan als afgedaan worden beschouwd nadat de wet is gewijzigd.",
        "Zodra het onderzoek gereed is, is de motie van het lid Van Dijk afgedaan.",
    ],
)
def test_look_alikes_declare_nothing_done(text):
    assert declared(text) == [False]
