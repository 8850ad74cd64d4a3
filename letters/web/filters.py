"""The analysts' filters: one FilterSet per list, sharing the dossier filter.

A dossier is typed the way analysts write it ("29517", "29 517", "36600-VI",
"36600 VI"); without a toevoeging it matches the number with any toevoeging.

Every value a filter cannot use is a form error in Dutch, never a database error: free text
is at most MAX_TEXT characters and has no NUL (PostgreSQL refuses NUL in any string; Django's
CharField already says so), years and dates lie in FIRST_YEAR..LAST_YEAR, a choice or a
yes/no is one of its values. The pages show the error beside the field, the API as JSON.
"""

import datetime

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection
from django.db.models import CharField, Exists, Func, OuterRef, Q, Value
from django.db.models.functions import Lower

from letters.models import FailedImport, Letter, LetterDossier, Reference, Section
from letters.web.textmatch import ACCENTED, PLAIN, fold
from tkdossiers.citations import normalise_year, parse_dossier

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})
MAX_TEXT = 200  # longer than any title, sender or number an analyst types; keeps megabytes out of LIKE
# The letters are the modern Kamer's (its open data, Word files); a year outside this range is a
# typo. It also keeps Django's year lookup, date(year, 1, 1) to date(year + 1, 1, 1), inside
# Python's dates (years 1 to 9999), where year=0 or 10000 raised a 500.
FIRST_YEAR, LAST_YEAR = 1900, 2100
YEAR_MESSAGE = f"Kies een jaar van {FIRST_YEAR} tot en met {LAST_YEAR}."
DATE_MESSAGE = f"Kies een datum van {FIRST_YEAR} tot en met {LAST_YEAR}."
YES, NO = ("true", "1", "ja"), ("false", "0", "nee")
ALL = "Alle"  # the empty choice of every select: no filter


class TextField(forms.CharField):
    """Free text of at most MAX_TEXT characters (CharField itself refuses a NUL)."""

    def __init__(self, *, max_length=MAX_TEXT, **kwargs):
        super().__init__(max_length=max_length, **kwargs)


class TextFilter(django_filters.CharFilter):
    field_class = TextField


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        messages = {"min_value": YEAR_MESSAGE, "max_value": YEAR_MESSAGE, "invalid": "Schrijf het jaar in cijfers."}
        super().__init__(*args, min_value=FIRST_YEAR, max_value=LAST_YEAR, error_messages=messages, **kwargs)


class DateInRangeField(forms.DateField):
    default_validators = [
        MinValueValidator(datetime.date(FIRST_YEAR, 1, 1), DATE_MESSAGE),
        MaxValueValidator(datetime.date(LAST_YEAR, 12, 31), DATE_MESSAGE),
    ]


class DateFilter(django_filters.DateFilter):
    field_class = DateInRangeField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", DATE_WIDGET)
        super().__init__(*args, **kwargs)


class OneOfFilter(django_filters.ChoiceFilter):
    """A choice; anything else is named with the values there are, not echoed back."""

    def __init__(self, *args, choices, **kwargs):
        values = ", ".join(str(value) for value, _ in choices)
        kwargs.setdefault("error_messages", {"invalid_choice": f"Onbekende waarde; kies uit {values}."})
        kwargs.setdefault("empty_label", ALL)  # not Django's "---------"
        super().__init__(*args, choices=choices, **kwargs)


class YesNoField(forms.NullBooleanField):
    """Yes or no (true/false, 1/0, ja/nee); empty is no filter. Django's NullBooleanField takes
    anything else for empty, so "awaiting=maybe" would list everything without a word."""

    widget = forms.Select(choices=[("", ALL), ("true", "ja"), ("false", "nee")])

    def to_python(self, value):
        text = str(value if value is not None else "").strip().lower()
        if text in ("", "unknown"):
            return None
        if text in YES or text in NO:
            return text in YES
        raise forms.ValidationError("Kies ja of nee (true of false).", code="invalid")


class YesNoFilter(django_filters.BooleanFilter):
    field_class = YesNoField


class DossierField(TextField):
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


class Folded(Func):
    """lower(text) without diacritics, as textmatch.fold does in Python, with PostgreSQL's
    built-in translate(): its unaccent is an extension a database need not have."""

    function = "translate"
    output_field = CharField()

    def __init__(self, expression):
        super().__init__(Lower(expression), Value(ACCENTED), Value(PLAIN))


def filter_sender(qs, path: str, value: str):
    """Rows whose letter's sender (the ministry) or signatory (the minister: "Yeşilgöz", "Van
    Weel") holds value, whatever the diacritics ("Yesilgoz" finds "Yeşilgöz"). SQLite (the
    demo) has no translate(): its few letters are compared in Python."""
    folded = fold(value)
    if connection.vendor == "postgresql":
        sender, signatory = f"{path}sender", f"{path}signatory"
        return qs.alias(_sender=Folded(sender), _signatory=Folded(signatory)).filter(
            Q(_sender__contains=folded) | Q(_signatory__contains=folded)
        )
    names = Letter.objects.values_list("pk", "sender", "signatory")
    letters = [pk for pk, sender, signatory in names.iterator() if folded in fold(f"{sender}\n{signatory}")]
    return qs.filter(**{f"{path}pk__in": letters})


class SenderFilter(TextFilter):
    """The sender filter of a list; path leads from its rows to the letter ("version__letter__")."""

    def __init__(self, *, path: str = "", **kwargs):
        self.path = path
        kwargs.setdefault("label", "Afzender")
        kwargs.setdefault("help_text", "ministerie of bewindspersoon")
        super().__init__(**kwargs)

    def filter(self, qs, value):
        return filter_sender(qs, self.path, value) if value else qs


class VergaderjaarField(TextField):
    def clean(self, value):
        value = (super().clean(value) or "").strip()
        if not value:
            return None
        year = normalise_year(value)
        if not (year and _is_vergaderjaar(year)):
            raise forms.ValidationError("Schrijf het vergaderjaar als 2024/25 of 2024-2025.")
        return year


def _is_vergaderjaar(year: str) -> bool:
    """'2024/25' is one; '2024/99' and '0/1' are not."""
    first, second = (int(part) for part in year.split("/"))
    return FIRST_YEAR <= first < LAST_YEAR and second == (first + 1) % 100


class VergaderjaarFilter(django_filters.CharFilter):
    field_class = VergaderjaarField


class LetterFilter(django_filters.FilterSet):
    q = TextFilter(method="filter_text", label="Zoeken in titel")
    dossier = DossierFilter()
    vergaderjaar = VergaderjaarFilter(field_name="vergaderjaar", label="Vergaderjaar")
    year = YearFilter(field_name="date", lookup_expr="year", label="Jaar")
    date_from = DateFilter(field_name="date", lookup_expr="gte", label="Vanaf")
    date_to = DateFilter(field_name="date", lookup_expr="lte", label="Tot en met")
    sender = SenderFilter()
    document_number = TextFilter(lookup_expr="iexact", label="Documentnummer")

    class Meta:
        model = Letter
        fields = []

    def filter_text(self, qs, name, value):
        return qs.filter(Q(title__icontains=value) | Q(document_number__iexact=value) | Q(kenmerk__iexact=value))

    def filter_dossier(self, qs, name, value):
        cites = LetterDossier.objects.filter(dossier_q("dossier", value), letter=OuterRef("pk"))
        return qs.filter(Exists(cites) | dossier_q("dossier", value))


class SectionFilter(django_filters.FilterSet):
    q = TextFilter(method="filter_text", label="Tekst bevat")
    dossier = DossierFilter()
    vergaderjaar = VergaderjaarFilter(field_name="version__letter__vergaderjaar", label="Vergaderjaar")
    date_from = DateFilter(field_name="version__letter__date", lookup_expr="gte", label="Vanaf")
    date_to = DateFilter(field_name="version__letter__date", lookup_expr="lte", label="Tot en met")
    sender = SenderFilter(path="version__letter__")

    class Meta:
        model = Section
        fields = []

    def filter_text(self, qs, name, value):
        return qs.filter(Q(heading__icontains=value) | Q(text__icontains=value))

    def filter_dossier(self, qs, name, value):
        cites = Reference.objects.filter(dossier_q("kamerstuk__dossier", value), section=OuterRef("pk"))
        return qs.filter(Exists(cites) | dossier_q("version__letter__dossier", value))


class ReferenceFilter(django_filters.FilterSet):
    q = TextFilter(field_name="text", lookup_expr="icontains", label="Tekst bevat")
    dossier = DossierFilter()
    vergaderjaar = VergaderjaarFilter(method="filter_vergaderjaar", label="Vergaderjaar")
    kind = OneOfFilter(choices=Reference.Kind.choices, label="Soort")
    date_from = DateFilter(field_name="version__letter__date", lookup_expr="gte", label="Brief vanaf")
    date_to = DateFilter(field_name="version__letter__date", lookup_expr="lte", label="Brief tot en met")
    sender = SenderFilter(path="version__letter__")

    class Meta:
        model = Reference
        fields = []

    def filter_dossier(self, qs, name, value):
        return qs.filter(dossier_q("kamerstuk__dossier", value))

    def filter_vergaderjaar(self, qs, name, value):
        return qs.filter(Q(vergaderjaar=value) | Q(vergaderjaar="", kamerstuk__vergaderjaar=value))


class FailedImportFilter(django_filters.FilterSet):
    filename = TextFilter(lookup_expr="icontains", label="Bestandsnaam bevat")
    source = OneOfFilter(choices=FailedImport._meta.get_field("source").choices, label="Bron")

    class Meta:
        model = FailedImport
        fields = []
