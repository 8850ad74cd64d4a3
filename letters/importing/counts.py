"""Figures kept beside the data they count, because counting live does not scale.

At 20,000 letters the dossier page took 300 ms counting every reference of its kamerstukken.
So, per letter, the dossiers its newest version cites (`LetterDossier`), and per kamerstuk its
citations, last citation date and vergaderjaar, are rewritten inside the import transaction:
they touch only what one letter cites. The topics' figures are letters.topics.recount's.

A kamerstuk has one vergaderjaar, while letters cite it with the year they think it has: the
Kamer's own record (kamer.Document, same dossier and volgnummer) decides when it is mirrored,
else the year the current citations give most often.

A letter's own place in the record (dossier and kamerstuk, Letter.dossier and Letter.kamerstuk)
is kept from the Kamer's document of it the same way: at every import (record_citations) and
after every sync (after_sync). It only fills what is empty, so what an admin set stays.

`manage.py recount` rebuilds all of it, for repairs and after bulk loads.
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import CharField, Count, Exists, F, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, Left, Right

from kamer.models import Document, Kamerstukdossier
from letters.importing.rows import insert as insert_rows
from letters.models import Letter, LetterDossier, LetterVersion, Reference, Topic
from letters.topics.recount import recount_topics
from tkdossiers import compiled
from tkdossiers.models import Dossier, Kamerstuk


def record_citations(
    letter: Letter, version: LetterVersion, references: list[Reference], previous_id=None, *, new_letter=False
) -> None:
    """After storing a new current version: its cited dossiers, and the counts of every
    kamerstuk it or the version it replaces cites. A `new_letter` (created by this import) has
    no cited dossiers to replace yet: one statement less."""
    cited = Counter(ref.kamerstuk.dossier_id for ref in references if ref.kamerstuk_id)
    if not new_letter:
        LetterDossier.objects.filter(letter=letter).delete()
    insert_rows(
        LetterDossier,
        [LetterDossier(letter=letter, dossier_id=dossier_id, citations=n) for dossier_id, n in cited.items()],
    )
    kamerstukken = {ref.kamerstuk_id for ref in references if ref.kamerstuk_id}
    if previous_id is not None:
        kamerstukken |= set(
            Reference.objects.filter(version_id=previous_id, kamerstuk__isnull=False).values_list(
                "kamerstuk_id", flat=True
            )
        )
    recount_kamerstukken(kamerstukken)
    if letter.dossier_id is None or letter.kamerstuk_id is None:  # one statement, for letters still unplaced
        record_identity([letter.pk])


def recount_kamerstukken(ids=None) -> int:
    """Citation count, last citation date and vergaderjaar from the current versions and the
    Kamer's record; all kamerstukken when `ids` is None. Rows are locked in key order first, so
    that two imports citing the same kamerstukken wait for each other instead of deadlocking."""
    if ids is None:
        return Kamerstuk.objects.update(**_recounted())
    if not ids:
        return 0
    if connection.vendor != "postgresql":  # SQLite: one writer at a time, nothing to lock
        return Kamerstuk.objects.filter(pk__in=ids).update(**_recounted())
    # every import: compiled once (tkdossiers.compiled)
    return compiled.execute("recount kamerstukken", _recount_of_ids, ids=sorted(ids))


def _recount_of_ids() -> tuple[str, tuple]:
    """The update of the kamerstukken whose keys are the array `ids`, locked in key order by its
    subquery (one statement): PostgreSQL locks the rows as the sorted subquery yields them."""
    table, key = (connection.ops.quote_name(name) for name in (Kamerstuk._meta.db_table, Kamerstuk._meta.pk.column))
    locking = f"SELECT {key} FROM {table} WHERE {key} = ANY(%s::bigint[]) ORDER BY {key} FOR UPDATE"  # noqa: S608
    locked = compiled.slot("ids", locking)
    return compiled.update(Kamerstuk.objects.filter(pk__in=locked), **_recounted())


def _recounted() -> dict:
    """The kept figures of a kamerstuk, as expressions over the current citations and the record."""
    current = Reference.objects.filter(kamerstuk=OuterRef("pk"), version__is_current=True).order_by()
    return {
        "citation_count": Coalesce(Subquery(current.values("kamerstuk").annotate(n=Count("pk")).values("n")), 0),
        "last_cited": Subquery(current.values("kamerstuk").annotate(d=Max("version__letter__date")).values("d")),
        "vergaderjaar": Coalesce(
            Subquery(recorded_year(records_of(OuterRef("dossier"), OuterRef("number")))),
            Subquery(_most_cited_year(current)),
            F("vergaderjaar"),  # no record and no year in any citation: keep what was known
        ),
    }


def records_of(dossier, number):
    """The Kamer's mirrored documents of a kamerstuk: same dossier, volgnummer = ondernummer."""
    documents = Document.objects.filter(dossier=dossier, deleted=False).annotate(
        ondernummer=Cast("volgnummer", CharField())
    )
    return documents.filter(ondernummer=number)


def recorded_year(records):
    """The record's vergaderjaar ("2024-2025") as citations write it ("2024/25")."""
    written = records.filter(vergaderjaar__regex=r"^[0-9]{4}-[0-9]{4}$").order_by("-bijgewerkt", "-pk")
    return written.values(year=Concat(Left("vergaderjaar", 4), Value("/"), Right("vergaderjaar", 2)))[:1]


def _most_cited_year(citations):
    """The year most citations give. On a tie the earlier one: writers who get it wrong tend to
    write the year they cite it in, and a kamerstuk cannot be cited before it exists."""
    years = citations.exclude(vergaderjaar="").values("vergaderjaar").annotate(n=Count("pk"))
    return years.order_by("-n", "vergaderjaar").values("vergaderjaar")[:1]


def after_sync(report, chunk=5000) -> int:
    """A KAMER_SYNC_HOOKS hook: the kamerstukken whose record the sync brought or changed take
    its vergaderjaar (their citations were counted when they were imported); letters whose
    document is now known as a kamerstuk get their dossier and kamerstuk."""
    with transaction.atomic():
        record_identity()
    recounted = 0
    for start in range(0, len(report.changed_documents), chunk):
        changed = Document.objects.filter(pk__in=report.changed_documents[start : start + chunk])
        dossiers = set(changed.filter(volgnummer__isnull=False).values_list("dossier", flat=True))
        is_changed = changed.annotate(ondernummer=Cast("volgnummer", CharField())).filter(
            dossier=OuterRef("dossier"), ondernummer=OuterRef("number")
        )  # withdrawn ones too: the kamerstuk's year falls back to its citations
        with transaction.atomic():
            ids = Kamerstuk.objects.filter(dossier__in=dossiers - {None}).filter(Exists(is_changed))
            recounted += recount_kamerstukken(list(ids.values_list("pk", flat=True)))
    return recounted


def rebuild_letter_dossiers() -> int:
    """Every letter's cited dossiers from its current version, from scratch. Imports that
    write their rows meanwhile wait until this commits, then write their own again."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {LetterDossier._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")
        LetterDossier.objects.all().delete()
        rows = (
            Reference.objects.filter(version__is_current=True, kamerstuk__isnull=False)
            .order_by()
            .values("version__letter", "kamerstuk__dossier")
            .annotate(n=Count("pk"))
        )
        created = LetterDossier.objects.bulk_create(
            (
                LetterDossier(
                    letter_id=row["version__letter"], dossier_id=row["kamerstuk__dossier"], citations=row["n"]
                )
                for row in rows.iterator(chunk_size=5000)
            ),
            batch_size=5000,
        )
    return len(created)


def recount_all() -> dict[str, int]:
    """Rebuild every kept count from the data: after bulk loads, and to repair."""
    letter_dossiers = rebuild_letter_dossiers()
    with transaction.atomic():
        kamerstukken = recount_kamerstukken()
    recount_topics()
    return {"letter dossiers": letter_dossiers, "kamerstukken": kamerstukken, "topics": Topic.objects.count()}


def kamer_document(letter: Letter) -> Document | None:
    """The Kamer's document of a letter: the one it was fetched from, else the one with its number."""
    fetched = Document.objects.filter(fetch__letter=letter)
    if letter.document_number:
        fetched = fetched | Document.objects.filter(document_number=letter.document_number)
    return fetched.order_by("deleted", "-bijgewerkt", "-pk").first()


def record_identity(letter_ids=None) -> int:
    """Fill the empty dossier and kamerstuk of letters (all, or those of `letter_ids`) from their
    Kamer document, when the Kamer knows it as a kamerstuk; returns how many letters changed.
    Only letters whose document has a volgnummer are read, so a sync with nothing new costs one query."""
    changed = 0
    for letter in _unplaced(letter_ids):
        changed += _fill_identity(letter, kamer_document(letter))
    return changed


def _unplaced(letter_ids) -> list[Letter]:
    """The letters record_identity may fill, locked in key order."""
    if letter_ids is None or connection.vendor != "postgresql":
        return list(_unplaced_letters(letter_ids))
    # every import asks for its letter: compiled once (tkdossiers.compiled)
    ids = compiled.slot("ids", "SELECT unnest(%s::bigint[])")
    return compiled.instances("unplaced letters", lambda: _unplaced_letters(ids), ids=list(letter_ids))


def _unplaced_letters(letter_ids):
    unset = Letter.objects.filter(Q(dossier__isnull=True) | Q(kamerstuk__isnull=True))
    if letter_ids is not None:
        unset = unset.filter(pk__in=letter_ids)
    numbered = Document.objects.filter(volgnummer__isnull=False).filter(
        Q(fetch__letter=OuterRef("pk")) | Q(document_number=OuterRef("document_number"), document_number__gt="")
    )
    return unset.filter(Exists(numbered)).select_for_update(of=("self",)).order_by("pk")


def _fill_identity(letter: Letter, document: Document | None) -> bool:
    dossier = document_dossier(document, create=True) if document else None
    if dossier is None or document.volgnummer is None:
        return False
    fields = []
    if letter.dossier_id is None:
        letter.dossier, fields = dossier, ["dossier"]
    taken = Letter.objects.filter(kamerstuk__dossier=dossier, kamerstuk__number=str(document.volgnummer))
    # An admin's dossier that is another one says this document is not the letter's kamerstuk.
    if letter.kamerstuk_id is None and letter.dossier_id == dossier.pk and not taken.exists():
        letter.kamerstuk, _ = Kamerstuk.objects.get_or_create(
            dossier=dossier, number=str(document.volgnummer), defaults={"soort": document.soort[:100]}
        )
        fields.append("kamerstuk")
    if fields:
        letter.save(update_fields=[*fields, "updated_at"])
    return bool(fields)


def document_dossier(document: Document, *, create=False) -> Dossier | None:
    """Our Dossier of a Kamer document: linked by the sync, else by the Kamerstukdossier's GUID, else
    by its number (made when `create` and the mirrored Kamerstukdossier gives the number)."""
    if document.dossier_id:
        return document.dossier
    guid = document.kamerstukdossier_id
    if not guid:
        return None
    known = Dossier.objects.filter(tk_id=guid).first()
    record = None if known else Kamerstukdossier.objects.filter(guid=guid, deleted=False).exclude(number="").first()
    if record is None:
        return known
    found = Dossier.objects.filter(number=record.number, toevoeging=record.toevoeging).first()
    if found is None and create:
        found = Dossier.objects.create(
            number=record.number, toevoeging=record.toevoeging, title=record.title, tk_id=guid
        )
    return found
