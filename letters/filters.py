import django_filters
from django import forms

from letters.models import FailedImport, Letter


class LetterFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Titel bevat")
    year = django_filters.NumberFilter(field_name="date", lookup_expr="year", label="Jaar")
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="Vanaf", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="Tot en met", widget=forms.DateInput(attrs={"type": "date"})
    )
    document_number = django_filters.CharFilter(lookup_expr="iexact", label="Documentnummer")

    class Meta:
        model = Letter
        fields = []


class FailedImportFilter(django_filters.FilterSet):
    filename = django_filters.CharFilter(lookup_expr="icontains", label="Bestandsnaam bevat")
    source = django_filters.ChoiceFilter(choices=FailedImport._meta.get_field("source").choices, label="Bron")

    class Meta:
        model = FailedImport
        fields = []
