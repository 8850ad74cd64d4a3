"""The read-only JSON API: every list of settings.LISTINGS with the filters of its page, a
letter, a dossier. It answers JSON in every case (401, 403, 404, 400 too), never a page."""

from dataclasses import dataclass
from functools import wraps
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404

from letters.models import Letter
from letters.web.dossier_views import dossier_from_key, dossier_summary
from letters.web.letter_views import letter_identity
from letters.web.listing import CappedPaginator, listing
from letters.web.rows import FootnoteRow, LetterRow, ReferenceRow, Row, SectionRow, iso

API_PAGE_SIZE = 50
PAGE_PARAM = "page"


@dataclass(frozen=True)
class VersionRow(Row):
    """A version in the letter's answer."""

    number: int
    filename: str
    sha256: str
    imported_at: str

    @classmethod
    def of(cls, version):
        return cls(
            number=version.number,
            filename=version.filename,
            sha256=version.sha256,
            imported_at=version.imported_at.isoformat(),
        )


@dataclass(frozen=True)
class CitedKamerstukRow(Row):
    """A cited kamerstuk in the dossier's answer."""

    kamerstuk: str
    vergaderjaar: str | None
    citations: int
    last_cited: str | None
    official_url: str

    @classmethod
    def of(cls, kamerstuk):
        return cls(
            kamerstuk=kamerstuk.key,
            vergaderjaar=kamerstuk.vergaderjaar or None,
            citations=kamerstuk.citation_count,
            last_cited=iso(kamerstuk.last_cited),
            official_url=kamerstuk.official_url,
        )


@dataclass(frozen=True)
class LetterKamerstukRow(Row):
    """The letter's own kamerstuk in the letter's answer (29517 nr. 275): null while unknown."""

    dossier: str
    nummer: str
    url: str

    labels: ClassVar = {"dossier": "dossier", "nummer": "ondernummer", "url": "officiële publicatie"}

    @classmethod
    def of(cls, kamerstuk):
        return cls(dossier=kamerstuk.dossier.key, nummer=kamerstuk.number, url=kamerstuk.official_url)


@dataclass(frozen=True)
class LetterZaakRow(Row):
    """The letter's zaak at the Kamer in the letter's answer (2025Z18704): null while unknown."""

    nummer: str
    onderwerp: str | None
    url: str

    labels: ClassVar = {"nummer": "zaaknummer", "onderwerp": "onderwerp", "url": "bij de Tweede Kamer"}

    @classmethod
    def of(cls, identity):
        zaak = identity.zaak
        return cls(nummer=zaak.number, onderwerp=zaak.subject or None, url=identity.zaak_url)


def error(status: int, detail: str, **extra) -> JsonResponse:
    return JsonResponse({"detail": detail, **extra}, status=status)


def api_view(view):
    """Readers only (401 otherwise, as JSON); a missing object is a JSON 404, a refusal a JSON 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (settings.TKD_PUBLIC_READ or request.user.is_authenticated):
            return error(401, "Inloggen vereist.")
        try:
            return view(request, *args, **kwargs)
        except Http404 as exc:
            return error(404, str(exc) or "Niet gevonden.")
        except PermissionDenied:
            return error(403, "U hebt hiervoor geen rechten.")

    return wrapper


@api_view
def list_view(request, name):
    """A filtered list as {count, count_is_lower_bound, next, previous, results}."""
    definition = listing(name)
    list_filter = definition.filter(request)
    if not list_filter.is_valid():
        return error(400, "Ongeldig filter.", errors=list_filter.errors)
    paginator = CappedPaginator(list_filter.qs, API_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get(PAGE_PARAM) or 1)
    except PageNotAnInteger:
        return error(400, "Het paginanummer moet een geheel getal zijn.")
    except EmptyPage:
        return error(404, "Deze pagina bestaat niet.")
    return JsonResponse(
        {
            "count": min(paginator.count, paginator.cap),
            "count_is_lower_bound": paginator.capped,
            "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
            "previous": _page_url(request, page.previous_page_number()) if page.has_previous() else None,
            "results": [definition.row.of(item, request.build_absolute_uri).as_dict() for item in page],
        }
    )


def _page_url(request, number):
    query = request.GET.copy()
    query[PAGE_PARAM] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@api_view
def letter(request, pk):
    letter = get_object_or_404(Letter.objects.with_current().select_related("kamerstuk__dossier"), pk=pk)
    versions = list(letter.versions.defer("content").order_by("number"))
    if not versions:
        raise Http404("Van deze brief is nog geen versie ingelezen.")
    version = next((v for v in versions if v.pk == letter.current_version_id), versions[-1])
    absolute = request.build_absolute_uri
    sections = version.sections.select_related("version__letter").defer("blocks")
    references = version.references.select_related(
        "version__letter", "section", "footnote", "kamerstuk__dossier", "dossier"
    )
    identity = letter_identity(letter)
    return JsonResponse(
        LetterRow.of(letter, absolute).as_dict()
        | {
            "document_number": identity.document_number or None,
            "kamerstuk": LetterKamerstukRow.of(identity.kamerstuk).as_dict() if identity.kamerstuk else None,
            "zaak": LetterZaakRow.of(identity).as_dict() if identity.zaak and identity.zaak.number else None,
            "versions": [VersionRow.of(v).as_dict() for v in versions],
            "sections": [SectionRow.of(s, absolute).as_dict() | {"parent_id": s.parent_id} for s in sections],
            "footnotes": [FootnoteRow.of(f).as_dict() for f in version.footnotes.all()],
            "references": [ReferenceRow.of(r, absolute).as_dict() for r in references],
        }
    )


@api_view
def dossier(request, key):
    summary = dossier_summary(dossier_from_key(key))
    dossier = summary["dossier"]
    return JsonResponse(
        {
            "number": dossier.number,
            "toevoeging": dossier.toevoeging or None,
            "title": dossier.title or None,
            "kamerstukken": [CitedKamerstukRow.of(k).as_dict() for k in summary["kamerstukken"]],
            "letters": [LetterRow.of(letter, request.build_absolute_uri).as_dict() for letter in summary["letters"]],
        }
    )
