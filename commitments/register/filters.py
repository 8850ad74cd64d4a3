"""The analysts' filters of the toezeggingen register (django-filter, as every list)."""

import re

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from commitments.dossiers import in_dossier
from commitments.filters import LabelChoiceFilter
from commitments.models import Commitment, ToezeggingMatch
from kamer.models import Toezegging
from letters.web.filters import ALL, DossierFilter, TextFilter, YesNoFilter

UNFINISHED = [Toezegging.Status.OPENSTAAND, Toezegging.Status.DEELS_VOLDAAN]


def ministeries():
    """The ministeries the register names, for the select: one query when the form is built."""
    names = Toezegging.objects.current().exclude(ministerie="").order_by("ministerie")
    return [(name, name) for name in names.values_list("ministerie", flat=True).distinct()]


def overdue_q(today=None) -> Q:
    """Open or partly met, and past its datumNakoming (as ToezeggingQuerySet.overdue)."""
    return Q(status__in=UNFINISHED, due__lt=today or timezone.localdate())


def dossier_pattern(value: tuple[str, str | None]) -> str:
    """A regular expression for the dossier as the register writes it in kamerbriefNakoming:
    "Kamerstuk 29 517, nr. 275", "36 600 VI, nr. 52", "36600-VI-52". The same in PostgreSQL and
    SQLite (no \\y, \\m or \\b: SQLite's is Python's, PostgreSQL's is not)."""
    number, toevoeging = value
    digits = " ?".join(re.escape(digit) for digit in number)
    after = rf"[ -]?{re.escape(toevoeging)}([^A-Za-z]|$)" if toevoeging else "([^0-9]|$)"
    return rf"(^|[^0-9]){digits}{after}"


class ToezeggingFilter(django_filters.FilterSet):
    q = TextFilter(method="filter_text", label="Tekst of nummer bevat")
    status = LabelChoiceFilter(choices=Toezegging.Status.choices, label="Status")
    ministerie = django_filters.ChoiceFilter(choices=[], label="Ministerie", empty_label=ALL)  # see __init__
    overdue = YesNoFilter(method="filter_overdue", label="Over tijd")
    dossier = DossierFilter()

    class Meta:
        model = Toezegging
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The register's own ministeries, read when the list is filtered (as a plain list: the
        # export's file name and the API description read the choices too).
        self.filters["ministerie"].extra["choices"] = ministeries()

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset.filter(deleted=False))

    def filter_text(self, qs, name, value):
        return qs.filter(Q(text__icontains=value) | Q(number__iexact=value.strip()))

    def filter_overdue(self, qs, name, value):
        return qs.filter(overdue_q()) if value else qs.exclude(overdue_q())

    def filter_dossier(self, qs, name, value):
        """Where known: the kamerbrief nakoming cites the dossier, or a clerk accepted a commitment
        of the dossier as this toezegging."""
        commitments = Commitment.objects.filter(in_dossier(value)).values("pk")
        accepted = ToezeggingMatch.objects.filter(
            toezegging=OuterRef("guid"), state=ToezeggingMatch.State.ACCEPTED, commitment__in=commitments
        )
        return qs.filter(Q(kamerbrief_nakoming__regex=dossier_pattern(value)) | Exists(accepted))
