"""The Kamer side of the previous release's database: letters.SyncState and letters.TKDocument.

A document in every fetch state that release knew, with the odd `bijgewerkt` strings the Kamer
sends, so that kamer 0002 and letters 0010 meet each kind; then a typeset publication of one.
Like populate_letters, each function returns what it made by name.
"""

import datetime

from tests.migrations.previous_release import PDF, at, sha

# Every document below, in the order made.
DOCUMENTS = ["imported", "typeset", "pending", "recorded", "withdrawn", "failed", "linked"]


def kamer_sync_state(apps, made):
    """A sync of documents that ran, and one of Zaken that failed."""
    SyncState = apps.get_model("letters", "SyncState")
    sync = SyncState.objects.create(
        category="Document",
        skiptoken=9_876_543_210,
        last_run_at=at(2025, 11, 20, 7, 0),
        last_success_at=at(2025, 11, 20, 7, 1, 30),
        last_error="",
        entries_seen=1250,
    )
    SyncState.objects.create(category="Zaak", skiptoken=None, last_error="HTTP 503 van de Kamer", entries_seen=0)
    return {"sync": sync}


def word_documents_of(dossier):
    """What the Word documents of the dossier have in common."""
    return {
        "dossier": dossier,
        "vergaderjaar": "2025-2026",
        "content_type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }


def documents_fetched(apps, made):
    """The documents letters imported, kept the typeset publication of, or is about to fetch."""
    TKDocument = apps.get_model("letters", "TKDocument")
    dossier, letter = made["dossier"], made["letter"]
    common = word_documents_of(dossier)
    imported = TKDocument.objects.create(
        guid="a1b2c3d4-0000-4000-8000-000000000001",
        document_number="2025D43420",
        soort="Brief regering",
        title="Verzamelbrief brandweer en crisisbeheersing",
        subject="Brief van de minister",
        volgnummer=262,
        date=datetime.date(2025, 10, 3),
        bijgewerkt="2025-10-03T16:01:58.5570000",
        content_length=48213,
        enclosure_url="https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document(a1b2)/resource",
        status="imported",
        fetched_bijgewerkt="2025-10-03T16:01:58.5570000",
        fetched_length=48213,
        letter=letter,
        **common,
    )
    typeset = TKDocument.objects.create(
        guid="a1b2c3d4-0000-4000-8000-000000000002",
        document_number="2025D45000",
        soort="Brief regering",
        title="Verzamelbrief (opgemaakt)",
        bijgewerkt="2025-11-12T09:30:00.0000010Z",
        content_length=len(PDF),
        status="typeset",
        status_reason="opgemaakte publicatie in plaats van het Word-bestand",
        fetched_bijgewerkt="2025-11-12T09:30:00.0000010Z",
        fetched_length=len(PDF),
        letter=letter,
        dossier=dossier,
        vergaderjaar="2025-2026",
        content_type="application/pdf",
    )
    pending = TKDocument.objects.create(
        guid="a1b2c3d4-0000-4000-8000-000000000003",
        document_number="2025D47001",
        soort="Brief regering",
        title="Voortgang Landelijke Meldkamer Samenwerking",
        bijgewerkt="2025-11-20T08:15:00+01:00",
        content_length=30111,
        status="pending",
        **common,
    )
    return {"imported": imported, "typeset": typeset, "pending": pending}


def documents_otherwise(apps, made):
    """A document letters left alone, one the Kamer withdrew, one letters could not read, one linked by hand."""
    TKDocument = apps.get_model("letters", "TKDocument")
    dossier, letter = made["dossier"], made["letter"]
    common = word_documents_of(dossier)
    recorded = TKDocument.objects.create(
        guid="a1b2c3d4-0000-4000-8000-000000000004",
        document_number="2025D47002",
        soort="Motie",
        title="Motie van het lid Michon-Derkzen",
        bijgewerkt="",
        status="recorded",
        dossier=dossier,
    )
    withdrawn = TKDocument.objects.create(
        guid="a1b2c3d4-0000-4000-8000-000000000005",
        document_number="2025D40000",
        soort="Brief regering",
        title="Ingetrokken brief",
        bijgewerkt="2025-09-01T12:00:00",
        deleted=True,
        status="withdrawn",
        status_reason="De Kamer heeft het document ingetrokken",
        fetched_bijgewerkt="2025-08-30T10:00:00.1234567",
        fetched_length=1024,
        **common,
    )
    failed = TKDocument.objects.create(
        guid="a1b2c3d4-0000-4000-8000-000000000006",
        document_number="2025D46000",
        soort="Brief regering",
        title="Brief zonder leesbaar bestand",
        bijgewerkt="2025-11-01T00:00:00.0000000",
        status="failed",
        status_reason="Geen geldig Word-bestand",
        fetched_bijgewerkt="niet te lezen",
        fetched_length=12,
        **common,
    )
    # Linked to its letter by hand before the letter was fetched: a fetch too (as imported).
    linked = TKDocument.objects.create(
        guid="a1b2c3d4-0000-4000-8000-000000000007",
        document_number="2025D43421",
        soort="Brief regering",
        title="Bijlage bij de verzamelbrief",
        status="recorded",
        letter=letter,
        **common,
    )
    return {"recorded": recorded, "withdrawn": withdrawn, "failed": failed, "linked": linked}


def known_update_times(apps, made):
    """Distinct, known update times on every document, to see that they stay."""
    TKDocument = apps.get_model("letters", "TKDocument")
    for number, name in enumerate(DOCUMENTS):
        TKDocument.objects.filter(pk=made[name].pk).update(updated_at=at(2025, 11, 21, 10, number))
    return {}


def publications_and_watched_dossiers(apps, made):
    """The typeset publication fetched for one document, and the dossiers the sync watches."""
    TypesetPublication = apps.get_model("letters", "TypesetPublication")
    WatchedDossier = apps.get_model("letters", "WatchedDossier")
    letter, typeset = made["letter"], made["typeset"]
    publication = TypesetPublication.objects.create(
        letter=letter, tk_document=typeset, sha256=sha(PDF), content_type="application/pdf", size=len(PDF), content=PDF
    )
    WatchedDossier.objects.create(number="29517", note="Veiligheidsregio's")
    WatchedDossier.objects.create(number="36600", toevoeging="VI", note="Begroting JenV")
    return {"publication": publication}
