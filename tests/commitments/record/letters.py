"""A letter that mentions a motion only by its member: "de motie van het lid Van Dijk"."""

from letters.importing.store import import_letter
from letters.models import Source
from tests.docx_builder import build_docx, footnote_ref, head_table, para, run, text_para

MEMBER_ONLY_DATE = "3 november 2025"


def member_only_letter(date: str = MEMBER_ONLY_DATE) -> bytes:
    """Its passage on videobellen cites dossier 28 684 and declares Van Dijk's motion done; another
    passage cites 36 600 VI. No footnote names the motion's own kamerstuk."""
    return build_docx(
        head_table(date, "Voortgang meldkamers"),
        text_para("Videobellen", bold=True),
        para(run("In mijn brief over de meldkamers"), footnote_ref(1), run(" schreef ik over videobellen.")),
        text_para("Hiermee beschouw ik de motie van het lid Van Dijk als afgedaan."),
        text_para("Begroting", bold=True),
        para(run("Over de begroting schreef ik eerder"), footnote_ref(2), run(".")),
        text_para("De Minister van Justitie en Veiligheid,"),
        text_para("A.B. Minister"),
        footnotes={1: "Kamerstukken II 2023/24, 28 684, nr. 700", 2: "Kamerstukken II 2024/25, 36 600 VI, nr. 5"},
    )


def import_member_only(date: str = MEMBER_ONLY_DATE, filename: str = "van-dijk.docx"):
    return import_letter(content=member_only_letter(date), filename=filename, source=Source.COMMAND).letter
