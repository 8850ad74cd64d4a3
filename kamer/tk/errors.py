"""The one error the parsers raise (kept apart so that every parser module can raise it)."""


class FeedError(ValueError):
    """A feed page (or entity) that cannot be read; `reason` says why in plain words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
