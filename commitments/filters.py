import datetime
import re

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils import timezone

from commitments.dossiers import in_dossier
from commitments.models import Commitment, Motion, can_see_audit_details
from letters.web.filters import (
    DateFilter,
    DateInRangeField,
    DossierFilter,
    OneOfFilter,
    TextFilter,
    YesNoFilter,
    dossier_q,
)

MONTH_NAMES = "januari februari maart april mei juni juli augustus september oktober november december".split()
MONTHS = (
    {name: number for number, name in enumerate(MONTH_NAMES, 1)}
    | {name: number for number, name in enumerate("jan feb mrt apr mei jun jul aug sep okt nov dec".split(), 1)}
    | {"sept": 9}
)
WRITTEN_DATE = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\.?\s+(?P<year>\d{4})")


class LabelChoiceField(django_filters.fields.ChoiceField):
    """A choice by its value or by the Dutch label the pages show: status=afgedaan as status=done."""

    def to_python(self, value):
        value = super().to_python(value)
        labels = {str(label).lower(): key for key, label in self.choices if key != ""}
        return labels.get(value.strip().lower(), value)


class LabelChoiceFilter(OneOfFilter):
    field_class = LabelChoiceField

    def __init__(self, *args, choices, **kwargs):
        labels = ", ".join(str(label) for _, label in choices)
        kwargs.setdefault("error_messages", {"invalid_choice": f"Onbekende waarde; kies uit {labels}."})
        super().__init__(*args, choices=choices, **kwargs)


class WrittenDateField(DateInRangeField):
    """A date from the date picker (2025-01-01), typed in figures (1-1-2025) or in words (1 januari 2025)."""

    default_error_messages = {"invalid": "Geen datum; kies er een of schrijf bijvoorbeeld 1 januari 2025."}

    def to_python(self, value):
        written = WRITTEN_DATE.fullmatch(str(value or "").strip().lower())
        if written and written["month"] in MONTHS:
            try:
                return datetime.date(int(written["year"]), MONTHS[written["month"]], int(written["day"]))
            except ValueError:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)


class WrittenDateFilter(DateFilter):
    field_class = WrittenDateField


# ?sort=…: (value, label, order). Commitments without a due date come last either way.
SORTS = [
    ("due", "uiterlijke datum, vroegste eerst", [F("due").asc(nulls_last=True), "-id"]),
    ("-due", "uiterlijke datum, laatste eerst", [F("due").desc(nulls_last=True), "-id"]),
    ("letter_date", "datum van de brief, oudste eerst", [F("letter__date").asc(nulls_last=True), "-id"]),
    ("-letter_date", "datum van de brief, nieuwste eerst", [F("letter__date").desc(nulls_last=True), "-id"]),
]
ORDERS = {value: order for value, _, order in SORTS}


# ?ledger=…: where the government's letter and the Kamer's record (Zaak.afgedaan) disagree. "Kamer
# niet" needs a mirrored zaak that is not afgedaan: without one the Kamer has not said anything.
GOVERNMENT_NOT_KAMER, KAMER_NOT_GOVERNMENT = "regering-niet-kamer", "kamer-niet-regering"
LEDGER_CHOICES = [
    (GOVERNMENT_NOT_KAMER, "regering zegt afgedaan, Kamer niet"),
    (KAMER_NOT_GOVERNMENT, "Kamer zegt afgedaan, regering niet"),
]


class MotionFilter(django_filters.FilterSet):
    dossier = DossierFilter()
    status = LabelChoiceFilter(choices=Motion.Status.choices, label="Status")
    member = TextFilter(field_name="members_key", lookup_expr="icontains", label="Indiener")
    awaiting = YesNoFilter(method="filter_awaiting", label="Wacht op griffie")
    ledger = LabelChoiceFilter(choices=LEDGER_CHOICES, method="filter_ledger", label="Regering en Kamer")

    class Meta:
        model = Motion
        fields = []

    def filter_dossier(self, qs, name, value):
        return qs.filter(dossier_q("kamerstuk__dossier", value))

    def filter_awaiting(self, qs, name, value):
        awaiting = Q(pk__in=Motion.objects.awaiting_review().values("pk"))
        return qs.filter(awaiting) if value else qs.exclude(awaiting)

    def filter_ledger(self, qs, name, value):
        if value == GOVERNMENT_NOT_KAMER:
            return qs.filter(declared_in__isnull=False, zaak__guid__isnull=False).exclude(zaak__afgedaan=True)
        return qs.filter(declared_in__isnull=True, zaak__afgedaan=True)


class CommitmentFilter(django_filters.FilterSet):
    q = TextFilter(field_name="text", lookup_expr="icontains", label="Tekst bevat")
    dossier = DossierFilter()
    status = LabelChoiceFilter(choices=Commitment.Status.choices, label="Status")
    kind = LabelChoiceFilter(choices=Commitment.Kind.choices, label="Soort")
    overdue = YesNoFilter(method="filter_overdue", label="Over tijd")
    due_before = WrittenDateFilter(field_name="due", lookup_expr="lte", label="Uiterlijk vóór")
    sort = OneOfFilter(
        choices=[(value, label) for value, label, _ in SORTS],
        method="filter_sort",
        label="Sorteren op",
        empty_label=None,  # no choice is the first: the model's order, by due date
    )

    class Meta:
        model = Commitment
        fields = []

    def filter_queryset(self, queryset):
        """With the latest status change of each; who made it and why only for a user who may see
        the audit trail (self.request is the request when the list passes it)."""
        user = getattr(self.request, "user", None)
        audit_details = user is not None and can_see_audit_details(user)
        return super().filter_queryset(queryset).with_last_change(audit_details=audit_details)

    def filter_dossier(self, qs, name, value):
        return qs.filter(in_dossier(value))  # by the commitment's own passage, not its letter

    def filter_overdue(self, qs, name, value):
        overdue = Q(status=Commitment.Status.OPEN, due__lt=timezone.localdate())
        return qs.filter(overdue) if value else qs.exclude(overdue)

    def filter_sort(self, qs, name, value):
        return qs.order_by(*ORDERS[value])
