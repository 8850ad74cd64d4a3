import io
import json
import logging
from datetime import datetime

import pytest

from tkdossiers.logs import JsonFormatter, ReadableFormatter, RequestContextFilter

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.tkdossiers.log_urls")]


@pytest.fixture
def stderr_lines():
    """What the configured stderr handler writes (the settings' filter and formatter), line by line."""
    handler = next(h for h in logging.getLogger("django.request").handlers if h.name == "stderr")
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    handler.setStream(previous)


def without_time(line: dict) -> dict:
    datetime.fromisoformat(line.pop("time"))
    return line


def test_failing_view_logs_one_json_line_with_the_request_id_of_the_response(client, stderr_lines):
    client.raise_request_exception = False

    response = client.get("/stuk/", HTTP_X_REQUEST_ID="proxy-7f3a.1")

    [line] = stderr_lines()
    exception = line.pop("exception")
    assert (response.status_code, response["X-Request-ID"]) == (500, "proxy-7f3a.1")
    assert without_time(line) == {
        "level": "ERROR",
        "logger": "django.request",
        "message": "Internal Server Error: /stuk/",
        "request_id": "proxy-7f3a.1",
        "method": "GET",
        "path": "/stuk/",
        "status": 500,
    }
    assert exception.startswith("Traceback (most recent call last):")
    assert exception.endswith("RuntimeError: kapot")


@pytest.mark.parametrize("given", ["", "a b", "x" * 129, "id\nFAKE LINE", "<script>"])
def test_request_id_that_is_not_a_sane_token_is_replaced(client, stderr_lines, given):
    response = client.get("/nergens/", HTTP_X_REQUEST_ID=given)

    [line] = stderr_lines()
    assert response.status_code == 404
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"] != given
    assert without_time(line) == {
        "level": "WARNING",
        "logger": "django.request",
        "message": "Not Found: /nergens/",
        "request_id": response["X-Request-ID"],
        "method": "GET",
        "path": "/nergens/",
        "status": 404,
    }


def test_app_log_line_during_a_request_names_the_request_and_the_user(client, policy_user, stderr_lines):
    client.force_login(policy_user)

    response = client.post("/noteer/", HTTP_X_REQUEST_ID="r-1")

    assert response.content == b"genoteerd"
    assert [without_time(line) for line in stderr_lines()] == [
        {
            "level": "WARNING",
            "logger": "tkdossiers.tests",
            "message": "gezien door beleid",
            "request_id": "r-1",
            "method": "POST",
            "path": "/noteer/",
            "user_id": policy_user.pk,
        }
    ]


def record(message: str) -> logging.LogRecord:
    entry = logging.LogRecord("letters.importing.store", logging.INFO, __file__, 1, message, (), None)
    RequestContextFilter().filter(entry)
    return entry


def test_log_line_outside_a_request_has_no_request_fields():
    line = json.loads(JsonFormatter().format(record("import klaar")))

    assert without_time(line) == {"level": "INFO", "logger": "letters.importing.store", "message": "import klaar"}


def test_demo_log_line_is_readable():
    line = ReadableFormatter().format(record("import klaar"))

    assert line.endswith(" INFO letters.importing.store [-] import klaar")
