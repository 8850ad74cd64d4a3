"""Pages per kamerstukdossier and per kamerstuk: everything that cites them."""

from django.db.models import Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import render

from letters.models import Letter, LetterDossier, Reference
from letters.web.access import reader_required
from tkdossiers.citations import parse_dossier
from tkdossiers.models import Dossier, Kamerstuk

PAGE_LIMIT = 20  # of each list; the page links to the full lists


def dossier_from_key(key: str) -> Dossier:
    parsed = parse_dossier(key)
    if parsed is None:
        raise Http404("Geen geldig dossiernummer")
    number, toevoeging = parsed
    try:
        return Dossier.objects.get(number=number, toevoeging=toevoeging or "")
    except Dossier.DoesNotExist:
        raise Http404("Dossier onbekend") from None


def kamerstuk_from_key(key: str) -> Kamerstuk:
    dossier_key, _, number = key.rpartition("-")
    if not number.isdigit():
        raise Http404("Geen geldig kamerstuknummer")
    try:
        return Kamerstuk.objects.select_related("dossier").get(dossier=dossier_from_key(dossier_key), number=number)
    except Kamerstuk.DoesNotExist:
        raise Http404("Kamerstuk onbekend") from None


def dossier_summary(dossier: Dossier) -> dict:
    """The dossier's cited kamerstukken, letters and citing passages, newest first."""
    kamerstukken = dossier.kamerstukken.filter(citation_count__gt=0).order_by(
        "-last_cited", Cast("number", IntegerField()).desc()
    )
    citing = LetterDossier.objects.filter(dossier=dossier, letter=OuterRef("pk"))
    letters = Letter.objects.with_current().filter(Exists(citing) | Q(dossier=dossier)).order_by("-date", "-pk")
    references = Reference.objects.current().filter(kamerstuk__dossier=dossier)
    return {"dossier": dossier, "kamerstukken": kamerstukken, "letters": letters, "references": references}


@reader_required
def dossier_detail(request, key):
    summary = dossier_summary(dossier_from_key(key))
    return render(
        request,
        "letters/dossier_detail.html",
        {
            **summary,
            "kamerstukken": list(summary["kamerstukken"][:PAGE_LIMIT]),
            "kamerstuk_count": summary["kamerstukken"].count(),
            "letters": list(summary["letters"][:PAGE_LIMIT]),
            "references": list(summary["references"][:PAGE_LIMIT]),
            "limit": PAGE_LIMIT,
        },
    )


@reader_required
def kamerstuk_detail(request, key):
    kamerstuk = kamerstuk_from_key(key)
    references = list(Reference.objects.current().filter(kamerstuk=kamerstuk))
    own_letter = Letter.objects.filter(kamerstuk=kamerstuk).first()
    return render(
        request,
        "letters/kamerstuk_detail.html",
        {"kamerstuk": kamerstuk, "references": references, "own_letter": own_letter},
    )
