import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from commitments.models import Commitment, Motion
from letters.models import Reference
from letters.web.filters import DateFilter, DossierFilter, OneOfFilter, TextFilter, YesNoFilter, dossier_q


class MotionFilter(django_filters.FilterSet):
    dossier = DossierFilter()
    status = OneOfFilter(choices=Motion.Status.choices, label="Status", empty_label="alle")
    member = TextFilter(field_name="members_key", lookup_expr="icontains", label="Indiener")
    awaiting = YesNoFilter(method="filter_awaiting", label="Wacht op griffie")

    class Meta:
        model = Motion
        fields = []

    def filter_dossier(self, qs, name, value):
        return qs.filter(dossier_q("kamerstuk__dossier", value))

    def filter_awaiting(self, qs, name, value):
        awaiting = Q(pk__in=Motion.objects.awaiting_review().values("pk"))
        return qs.filter(awaiting) if value else qs.exclude(awaiting)


class CommitmentFilter(django_filters.FilterSet):
    q = TextFilter(field_name="text", lookup_expr="icontains", label="Tekst bevat")
    dossier = DossierFilter()
    status = OneOfFilter(choices=Commitment.Status.choices, label="Status", empty_label="alle")
    kind = OneOfFilter(choices=Commitment.Kind.choices, label="Soort", empty_label="alle")
    overdue = YesNoFilter(method="filter_overdue", label="Over tijd")
    due_before = DateFilter(field_name="due", lookup_expr="lte", label="Uiterlijk vóór")

    class Meta:
        model = Commitment
        fields = []

    def filter_dossier(self, qs, name, value):
        cites = Reference.objects.filter(
            dossier_q("kamerstuk__dossier", value), version__letter=OuterRef("letter"), version__is_current=True
        )
        return qs.filter(Exists(cites) | dossier_q("letter__dossier", value))

    def filter_overdue(self, qs, name, value):
        overdue = Q(status=Commitment.Status.OPEN, due__lt=timezone.localdate())
        return qs.filter(overdue) if value else qs.exclude(overdue)
