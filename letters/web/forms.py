from django import forms
from django.conf import settings

from letters.models import Topic


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Word-bestand (.docx)",
        help_text="Een brief van de regering aan de Kamer, zoals het ministerie hem schreef.",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        ),
    )

    def __init__(self, *args, too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        # The upload handler dropped the file; report its size, not a missing field.
        self.fields["file"].required = not too_large

    def clean(self):
        if self.too_large:
            limit = settings.LETTER_UPLOAD_MAX_BYTES // 1024 // 1024
            raise forms.ValidationError(f"Het bestand is te groot (meer dan {limit} MB).")
        return super().clean()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload is None:  # dropped while streaming; clean() reports why
            return None
        if upload.size > settings.LETTER_UPLOAD_MAX_BYTES:
            raise forms.ValidationError("Het bestand is te groot.")
        if not upload.name.lower().endswith(".docx"):
            raise forms.ValidationError("Alleen Word-bestanden (.docx) kunnen worden geïmporteerd.")
        return upload


class SearchForm(forms.Form):
    """The search terms, in websearch syntax; the filters beside them are SectionFilter's."""

    # A pasted sentence or two fits; Django's CharField also refuses a NUL (PostgreSQL would fail).
    q = forms.CharField(label="Zoekterm", required=False, max_length=500)


class SectionTopicsForm(forms.Form):
    """A hand correction: the topics a passage has, chosen from the list."""

    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        error_messages={
            "invalid_pk_value": "Kies alleen onderwerpen uit de lijst.",
            "invalid_choice": "Kies alleen onderwerpen uit de lijst; een ervan bestaat niet (meer).",
            "invalid_list": "Kies alleen onderwerpen uit de lijst.",
        },
    )
