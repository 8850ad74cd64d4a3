"""Plain dicts for exports and the JSON API; one function per kind of row."""


def letter_row(letter, absolute) -> dict:
    return {
        "id": letter.pk,
        "document_number": letter.document_number or None,
        "kenmerk": letter.kenmerk or None,
        "title": letter.title,
        "date": letter.date.isoformat() if letter.date else None,
        "vergaderjaar": letter.vergaderjaar or None,
        "sender": letter.sender_display or None,
        "version": letter.current_version.number if letter.current_version else None,
        "url": absolute(letter.get_absolute_url()),
    }


def section_row(section, absolute) -> dict:
    letter = section.version.letter
    return {
        "id": section.pk,
        "letter_id": letter.pk,
        "letter_title": letter.title,
        "letter_date": letter.date.isoformat() if letter.date else None,
        "number": section.number or None,
        "heading": section.heading,
        "level": section.level,
        "text": section.text,
        "url": absolute(f"{letter.get_absolute_url()}#{section.anchor}"),
    }


def reference_row(reference, absolute) -> dict:
    letter = reference.version.letter
    kamerstuk = reference.kamerstuk
    return {
        "id": reference.pk,
        "letter_id": letter.pk,
        "letter_title": letter.title,
        "letter_date": letter.date.isoformat() if letter.date else None,
        "section": reference.section.heading if reference.section else None,
        "location": reference.location_display,
        "kind": reference.kind,
        "text": reference.text,
        "dossier": kamerstuk.dossier.number if kamerstuk else None,
        "toevoeging": (kamerstuk.dossier.toevoeging or None) if kamerstuk else None,
        "ondernummer": kamerstuk.number if kamerstuk else None,
        "vergaderjaar": reference.vergaderjaar or (kamerstuk.vergaderjaar if kamerstuk else "") or None,
        "kamerstuk": kamerstuk.key if kamerstuk else None,
        "official_url": kamerstuk.official_url if kamerstuk else None,
    }


def footnote_row(footnote) -> dict:
    return {"number": footnote.number, "text": footnote.text}


LETTER_COLUMNS = [
    "id",
    "document_number",
    "kenmerk",
    "title",
    "date",
    "vergaderjaar",
    "sender",
    "version",
    "url",
]
SECTION_COLUMNS = ["id", "letter_id", "letter_title", "letter_date", "number", "heading", "level", "text", "url"]
REFERENCE_COLUMNS = [
    "id",
    "letter_id",
    "letter_title",
    "letter_date",
    "section",
    "location",
    "kind",
    "text",
    "dossier",
    "toevoeging",
    "ondernummer",
    "vergaderjaar",
    "kamerstuk",
    "official_url",
]
