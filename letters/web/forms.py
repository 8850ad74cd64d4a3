from pathlib import PurePath

from django import forms
from django.conf import settings

from letters.models import Topic
from letters.web.import_reasons import explain


class UploadForm(forms.Form):
    """One .docx file. A file it refuses (empty, another type, too large) leaves its reason in
    `refusal`, in the words FailedImport keeps; the message shown is the clerk's (explain)."""

    file = forms.FileField(
        label="Word-bestand (.docx)",
        help_text="Een brief van de regering aan de Kamer, zoals het ministerie hem schreef.",
        allow_empty_file=True,  # refused in clean_file, with the reason recorded
        widget=forms.ClearableFileInput(
            attrs={"accept": ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        ),
    )

    def __init__(self, *args, too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        self.refusal = ""
        # The upload handler dropped the file; report its size, not a missing field.
        self.fields["file"].required = not too_large

    def clean(self):
        if self.too_large:  # beside the file field, where every other refusal is
            self.add_error("file", self._refused(too_large_reason()))
        return super().clean()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload is None:  # dropped while streaming; clean() reports why
            return None
        if upload.size == 0:
            raise self._refused("het bestand is leeg")
        if upload.size > settings.LETTER_UPLOAD_MAX_BYTES:
            raise self._refused(too_large_reason())
        if not upload.name.lower().endswith(".docx"):
            suffix = PurePath(upload.name).suffix.lower() or "(niets)"
            raise self._refused(f"geweigerd: de bestandsnaam eindigt niet op .docx maar op {suffix}")
        return upload

    def _refused(self, reason: str) -> forms.ValidationError:
        self.refusal = reason
        return forms.ValidationError(explain(reason), code="refused")


def too_large_reason() -> str:
    return f"het bestand is te groot (meer dan {settings.LETTER_UPLOAD_MAX_BYTES // 1024 // 1024} MB)"


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
