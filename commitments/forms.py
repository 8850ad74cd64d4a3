from django import forms

from commitments.models import Commitment


class DecisionForm(forms.Form):
    note = forms.CharField(
        label="Toelichting", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CommitmentStatusForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe status", choices=Commitment.Status.choices)
    note = forms.CharField(
        label="Toelichting", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ZaakLinkForm(forms.Form):
    zaak = forms.CharField(label="Zaak", required=False, max_length=64)  # its GUID; only to link
    note = forms.CharField(
        label="Toelichting", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
