"""Why an import failed, in words a clerk can act on.

The reader (letters/docx) and the importer give precise, technical reasons ("geen geldig
.docx-bestand: het is geen zip-archief"); those are stored on FailedImport and stay on the
Importfouten page, in smaller type, for whoever has to look into it. A clerk first reads what
happened and what to do about it. A reason not known here is shown as it is.
"""

import re

_SAVE_AS_DOCX = "Open de brief in Word, kies Opslaan als › Word-document (.docx) en upload dat bestand."
_ASK_SUPPORT = "Lukt het dan nog niet, stuur het bestand naar functioneel beheer."
_ONLY_DOCX = "Alleen Word-bestanden (.docx) kunnen worden geïmporteerd"

# (pattern on the technical reason, what the clerk reads); the first that matches wins. The
# text may take a group of the pattern (\1): the size limit, which a clerk can check.
_EXPLANATIONS = [
    # Before "afgebroken" and "te groot" below: the import stopped, the file may be fine.
    (
        r"^de verwerking stopte halverwege",
        "Het inlezen is halverwege gestopt; er is niets opgeslagen. Upload het bestand opnieuw. "
        f"Gebeurt dat weer, dan is de brief misschien te groot om in te lezen. {_ASK_SUPPORT}",
    ),
    (
        r"^de verwerking stopte: het inlezen duurde te lang",
        f"Het inlezen duurde te lang en is gestopt; er is niets opgeslagen. {_ASK_SUPPORT}",
    ),
    (r"^het bestand is leeg", "Het bestand is leeg (0 bytes). Kies het Word-bestand van de brief opnieuw."),
    (
        r"PDF-bestand|\.pdf\b",
        f"{_ONLY_DOCX}; dit is een PDF-bestand. Vraag de brief op als Word-bestand bij wie hem schreef en upload dat.",
    ),
    (r"oud Word-bestand|\.doc\b", f"{_ONLY_DOCX}; dit is een oud Word-bestand (.doc). {_SAVE_AS_DOCX}"),
    (r"^geweigerd: de bestandsnaam", f"{_ONLY_DOCX}. {_SAVE_AS_DOCX}"),
    (
        r"versleuteld",
        "Het bestand is beveiligd met een wachtwoord. Sla de brief in Word op zonder wachtwoord "
        "en probeer het opnieuw.",
    ),
    (
        r"het is geen zip-archief",
        "Dit is geen Word-bestand (.docx). Sla de brief in Word op als .docx en probeer het opnieuw.",
    ),
    (
        r"beschadigd|afgebroken|geen geldige XML|word/document\.xml ontbreekt|geen documenttekst",
        "Het Word-bestand is beschadigd of onvolledig, bijvoorbeeld doordat het downloaden of kopiëren "
        f"is afgebroken. {_SAVE_AS_DOCX} {_ASK_SUPPORT}",
    ),
    (
        r"^het bestand is te groot( \(meer dan \d+ MB\))?",
        "Het bestand is te groot\\1. Staan er grote afbeeldingen in? Verklein die en sla de brief "
        f"opnieuw op. {_ASK_SUPPORT}",
    ),
    (r"^de brief bevat te veel", f"De brief is te lang om te importeren. {_ASK_SUPPORT}"),
    (
        r"zip-bom|pakt uit tot|te groot|te veel bestanden|ongeldige bestandsnaam|DTD",
        "Het bestand is geweigerd: het zit anders in elkaar dan een Word-brief en kan daarom niet veilig "
        f"worden gelezen. {_SAVE_AS_DOCX} {_ASK_SUPPORT}",
    ),
    (
        r"^opslaan mislukt",
        "Het opslaan is door een storing mislukt; er is niets opgeslagen. Probeer het over een paar minuten opnieuw.",
    ),
    (
        r"^onverwachte fout",
        "Het bestand kon door een fout in TK Dossiers niet worden gelezen. Stuur het bestand naar functioneel beheer.",
    ),
]
_COMPILED = [(re.compile(pattern), text) for pattern, text in _EXPLANATIONS]


def explain(reason: str) -> str:
    """What a clerk reads for a stored reason: what happened and what to do."""
    for pattern, text in _COMPILED:
        match = pattern.search(reason)
        if match:
            return match.expand(text)
    return reason[:1].upper() + reason[1:]
