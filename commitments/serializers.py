def motion_row(motion, absolute) -> dict:
    kamerstuk = motion.kamerstuk
    return {
        "id": motion.pk,
        "members": " en ".join(motion.members),
        "kamerstuk": kamerstuk.key if kamerstuk else None,
        "status": motion.status,
        "awaiting_review": motion.awaiting_review,
        "declared_in": motion.declared_in.title if motion.declared_in else None,
        "official_url": kamerstuk.official_url if kamerstuk else None,
        "url": absolute(motion.get_absolute_url()),
    }


def commitment_row(commitment, absolute) -> dict:
    letter = commitment.letter
    return {
        "id": commitment.pk,
        "text": commitment.text,
        "kind": commitment.kind,
        "due": commitment.due.isoformat() if commitment.due else None,
        "status": commitment.status,
        "overdue": commitment.is_overdue,
        "letter_id": letter.pk,
        "letter_title": letter.title,
        "letter_date": letter.date.isoformat() if letter.date else None,
        "url": absolute(letter.get_absolute_url() + (f"#{commitment.made_in.anchor}" if commitment.made_in else "")),
    }


MOTION_COLUMNS = ["id", "members", "kamerstuk", "status", "awaiting_review", "declared_in", "official_url", "url"]
COMMITMENT_COLUMNS = [
    "id",
    "text",
    "kind",
    "due",
    "status",
    "overdue",
    "letter_id",
    "letter_title",
    "letter_date",
    "url",
]
