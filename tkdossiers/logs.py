"""Log records that say which request they belong to: one JSON line each in production.

RequestIdMiddleware (tkdossiers.middleware) puts the request in `current_request`; the
filter copies what a reader of the log needs from it onto every record, and the formatter
writes those fields as one line of JSON on stderr, where the process manager collects it.
"""

import contextvars
import json
import logging
import re
from datetime import UTC, datetime

current_request = contextvars.ContextVar("current_request", default=None)

REQUEST_FIELDS = ("request_id", "method", "path", "user_id")

# A calendar program or feed reader has no login, so its address holds the secret: the personal
# calendar (/meldingen/agenda/<token>.ics), a monitor's feed (/meldingen/feed/<token>/), a mail's
# signed unsubscribe link (/meldingen/afmelden/<token>/). The database keeps only a hash of the
# first two (alerts.feed_tokens); a log line with the whole address would undo that for whoever
# reads the logs. Tokens are long (43 characters, or a signed value): "agenda/vernieuwen/" stays.
SECRET_IN_ADDRESS = re.compile(r"(/meldingen/(?:agenda|feed|afmelden)/)[\w\-:.%]{20,}")


def redact(text: str) -> str:
    """The text with the secret token of any such address replaced."""
    return SECRET_IN_ADDRESS.sub(r"\1[verborgen]", text)


def user_id_of(request) -> int | None:
    # Only a user something already loaded: writing a log line must never query the database
    # (the line may be about a database that just failed). AuthenticationMiddleware keeps the
    # loaded user in _cached_user.
    user = getattr(request, "_cached_user", None)
    return user.pk if user is not None and user.is_authenticated else None


class RequestContextFilter(logging.Filter):
    """Adds request_id, method, path and user_id (None outside a request) to each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        # django.request logs after the middleware has finished, but passes the request along.
        request = getattr(record, "request", None) or current_request.get()
        record.request_id = getattr(request, "request_id", None)
        record.method = getattr(request, "method", None)
        record.path = getattr(request, "path", None)
        record.user_id = user_id_of(request) if request is not None else None
        return True


class JsonFormatter(logging.Formatter):
    """One line of JSON per record; fields without a value are left out."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **{field: getattr(record, field, None) for field in REQUEST_FIELDS},
            "status": getattr(record, "status_code", None),
            "exception": self.formatException(record.exc_info) if record.exc_info else None,
        }
        return redact(json.dumps({key: value for key, value in line.items() if value is not None}, ensure_ascii=False))


class ReadableFormatter(logging.Formatter):
    """The DEBUG=1 console: time, level, logger, request id (or -) and message on one line."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_label)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        record.request_label = getattr(record, "request_id", None) or "-"
        return redact(super().format(record))
