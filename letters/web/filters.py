"""The analysts' filters: one FilterSet per list, sharing the dossier filter.

A dossier is typed the way analysts write it ("29517", "29 517", "36600-VI",
"36600 VI"); without a toevoeging it matches the number with any toevoeging.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from letters.models import FailedImport, Letter, LetterDossier, Reference, Section
from tkdossiers.citations import normalise_year, parse_dossier

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


class DossierField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        parsed = parse_dossier(value)
        if parsed is None:
            raise forms.ValidationError("Geen dossiernummer; schrijf bijvoorbeeld 29517, 29 517 of 36600-VI.")
        return parsed


class DossierFilter(django_filters.Filter):
    """Filters with the FilterSet's filter_dossier method on (number, toevoeging)."""

    field_class = DossierField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "Dossier")
        kwargs.setdefault("help_text", "bijv. 29517 of 36600-VI")
        super().__init__(*args, method="filter_dossier", **kwargs)


def dossier_q(path: str, value: tuple[str, str | None]) -> Q:
    number, toevoeging = value
    query = Q(**{f"{path}__number": number})
    if toevoeging:
        query &= Q(**{f"{path}__toevoeging": toevoeging})
    return query


class VergaderjaarField(forms.CharField):
    def clean(self, value):
        value = (super().clean(value) or "").strip()
        if not value:
            return None
        year = normalise_year(value)
        if not year:
            raise forms.ValidationError("Schrijf het vergaderjaar als 2024/25 of 2024-2025.")
        return year


class VergaderjaarFilter(django_filters.CharFilter):
    field_class = VergaderjaarField


class LetterFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Zoeken in titel")
    dossier = DossierFilter()
    vergaderjaar = VergaderjaarFilter(field_name="vergaderjaar", label="Vergaderjaar")
    year = django_filters.NumberFilter(field_name="date", lookup_expr="year", label="Jaar")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="Vanaf", widget=DATE_WIDGET)
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="Tot en met", widget=DATE_WIDGET)
    sender = django_filters.CharFilter(field_name="sender", lookup_expr="icontains", label="Afzender")
    document_number = django_filters.CharFilter(lookup_expr="iexact", label="Documentnummer")

    class Meta:
        model = Letter
        fields = []

    def filter_text(self, qs, name, value):
        return qs.filter(Q(title__icontains=value) | Q(document_number__iexact=value) | Q(kenmerk__iexact=value))

    def filter_dossier(self, qs, name, value):
        cites = LetterDossier.objects.filter(dossier_q("dossier", value), letter=OuterRef("pk"))
        return qs.filter(Exists(cites) | dossier_q("dossier", value))


class SectionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Tekst bevat")
    dossier = DossierFilter()
    vergaderjaar = VergaderjaarFilter(field_name="version__letter__vergaderjaar", label="Vergaderjaar")
    date_from = django_filters.DateFilter(
        field_name="version__letter__date", lookup_expr="gte", label="Vanaf", widget=DATE_WIDGET
    )
    date_to = django_filters.DateFilter(
        field_name="version__letter__date", lookup_expr="lte", label="Tot en met", widget=DATE_WIDGET
    )
    sender = django_filters.CharFilter(field_name="version__letter__sender", lookup_expr="icontains", label="Afzender")

    class Meta:
        model = Section
        fields = []

    def filter_text(self, qs, name, value):
        return qs.filter(Q(heading__icontains=value) | Q(text__icontains=value))

    def filter_dossier(self, qs, name, value):
        cites = Reference.objects.filter(dossier_q("kamerstuk__dossier", value), section=OuterRef("pk"))
        return qs.filter(Exists(cites) | dossier_q("version__letter__dossier", value))


class ReferenceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="Tekst bevat")
    dossier = DossierFilter()
    vergaderjaar = VergaderjaarFilter(method="filter_vergaderjaar", label="Vergaderjaar")
    kind = django_filters.ChoiceFilter(choices=Reference.Kind.choices, label="Soort", empty_label="alle soorten")
    date_from = django_filters.DateFilter(
        field_name="version__letter__date", lookup_expr="gte", label="Brief vanaf", widget=DATE_WIDGET
    )
    date_to = django_filters.DateFilter(
        field_name="version__letter__date", lookup_expr="lte", label="Brief tot en met", widget=DATE_WIDGET
    )
    sender = django_filters.CharFilter(field_name="version__letter__sender", lookup_expr="icontains", label="Afzender")

    class Meta:
        model = Reference
        fields = []

    def filter_dossier(self, qs, name, value):
        return qs.filter(dossier_q("kamerstuk__dossier", value))

    def filter_vergaderjaar(self, qs, name, value):
        return qs.filter(Q(vergaderjaar=value) | Q(vergaderjaar="", kamerstuk__vergaderjaar=value))


class FailedImportFilter(django_filters.FilterSet):
    filename = django_filters.CharFilter(lookup_expr="icontains", label="Bestandsnaam bevat")
    source = django_filters.ChoiceFilter(choices=FailedImport._meta.get_field("source").choices, label="Bron")

    class Meta:
        model = FailedImport
        fields = []
