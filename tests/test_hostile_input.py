"""Hostile filter values on every list page, export and API list: never a 500, and a value that
cannot be used is named in a clear Dutch message (beside the field, as JSON, as plain text).

The parameters are read from each FilterSet's base_filters, so a new filter is fuzzed too. Each
test sends every hostile value to every parameter of one URL and reports all failures together.
"""

import html

import pytest
from django.db import transaction
from django.forms import MultiWidget
from django.urls import reverse

from letters.web.api import PAGE_PARAM as API_PAGE_PARAM
from letters.web.exports import FORMATS
from letters.web.filters import FailedImportFilter, SectionFilter
from letters.web.forms import SearchForm
from letters.web.listing import PAGE_PARAM, listing
from tests.docx_builder import letter_citing
from tests.letters.imported import add

pytestmark = pytest.mark.django_db

HOSTILE = [
    "\x00",
    "a\x00b",
    "0",
    "-1",
    "10000",
    "99999999999999999999",
    "2024-13-45",
    "'; DROP TABLE letters_letter; --",
    "%",
    "_",
    "\\",
    "ü" * 10000,
    "<script>alert(1)</script>",
]
REFUSED_EVERYWHERE = ["\x00", "a\x00b", "ü" * 10000]
ENGLISH = ("Enter ", "Ensure ", "Select a valid", "Null characters", "This field", "is not")
LISTS = ["letter", "section", "reference", "motion", "commitment"]
PAGES = {
    "letter_list": listing("letter").filterset,
    "section_list": listing("section").filterset,
    "reference_list": listing("reference").filterset,
    "motion_list": listing("motion").filterset,
    "commitment_list": listing("commitment").filterset,
    "failed_imports": FailedImportFilter,
}


@pytest.fixture
def reader(clerk_client):
    """A clerk reads every list, the failed imports too; one small letter gives the lists rows."""
    add(letter_citing("Voortgang C2000", "12 maart 2024", ["Kamerstukken II 2023/24, 25 124, nr. 100"]), "c2000.docx")
    return clerk_client


def parameters(filterset) -> list[str]:
    """The query parameters a FilterSet reads: a filter with a multi-widget reads one per part."""
    names = []
    for name, list_filter in filterset.base_filters.items():
        widget = list_filter.field.widget
        suffixes = getattr(widget, "suffixes", None) if isinstance(widget, MultiWidget) else None
        names += [f"{name}_{suffix}" if suffix else name for suffix in suffixes] if suffixes else [name]
    return names


def errors_of(filterset, param, value) -> dict[str, list[str]]:
    form = filterset({param: value}, queryset=filterset._meta.model.objects.none()).form
    return {field: list(messages) for field, messages in form.errors.items()}


def refusal_problem(param, value, errors) -> str | None:
    """NUL and 10,000 characters are no use to any filter: each must refuse them, in Dutch."""
    if value in REFUSED_EVERYWHERE and param not in errors:
        return "accepted, though no filter can use it"
    english = [m for messages in errors.values() for m in messages if any(word in m for word in ENGLISH)]
    return f"not Dutch: {english}" if english else None


def short(value: str) -> str:
    return repr(value if len(value) < 40 else f"{value[:10]}…({len(value)} chars)")


def fuzz(client, url, params, check) -> list[str]:
    """Every hostile value in every parameter; the failures of `check`, and any exception, as text."""
    failures = []
    for param in params:
        for value in HOSTILE:
            try:
                with transaction.atomic():  # a database error must not poison the next request
                    response = client.get(url, {param: value})
                    problem = check(param, value, response)
            except Exception as exc:  # noqa: BLE001 - any escaping exception is a 500 under gunicorn
                problem = f"{type(exc).__name__}: {str(exc)[:200]}"
            if problem:
                failures.append(f"{url}?{param}={short(value)}: {problem}")
    return failures


def page_check(filterset):
    def check(param, value, response):
        if response.status_code not in (200, 400):
            return f"status {response.status_code}"
        content = response.content.decode()
        errors = errors_of(filterset, param, value) if param != PAGE_PARAM else {}
        missing = [m for messages in errors.values() for m in messages if html.escape(m) not in content]
        if missing:
            return f"error not shown: {missing}"
        if not errors and 'class="error"' in content:
            return "an error shown for a usable value"
        return refusal_problem(param, value, errors) if param != PAGE_PARAM else None

    return check


@pytest.mark.parametrize("url_name", PAGES)
def test_list_pages_survive_hostile_filters(reader, url_name):
    filterset = PAGES[url_name]

    failures = fuzz(reader, reverse(url_name), [*parameters(filterset), PAGE_PARAM], page_check(filterset))

    assert not failures, "\n".join(failures)


def test_search_survives_hostile_filters(reader):
    filters = [param for param in parameters(SectionFilter) if param != "q"]  # q is the search terms here

    failures = fuzz(reader, reverse("search"), [*filters, PAGE_PARAM], page_check(SectionFilter))

    assert not failures, "\n".join(failures)


def test_search_survives_hostile_terms(reader):
    def check(param, value, response):
        return None if response.status_code == 200 else f"status {response.status_code}"

    failures = fuzz(reader, reverse("search"), ["q"], check)

    assert not failures, "\n".join(failures)


def test_search_refuses_unusable_terms_with_a_dutch_message(reader):
    def check(param, value, response):
        errors = {"q": SearchForm({"q": value}).errors.get("q", [])} if value in REFUSED_EVERYWHERE else {}
        shown = all(html.escape(m) in response.content.decode() for m in errors.get("q", []))
        return refusal_problem(param, value, errors) or (None if shown else f"error not shown: {errors}")

    failures = fuzz(reader, reverse("search"), ["q"], check)

    assert not failures, "\n".join(failures)


def api_check(filterset):
    def check(param, value, response):
        if response["Content-Type"] != "application/json":
            return f"not JSON: {response['Content-Type']}"
        answer = (response.status_code, response.json())
        if param == API_PAGE_PARAM:  # a page that is no number is a 400, one past the end a 404
            return None if answer[0] == 200 or (answer[0] in (400, 404) and "detail" in answer[1]) else answer
        errors = errors_of(filterset, param, value)
        if errors:
            expected = (400, {"detail": "Ongeldig filter.", "errors": errors})
            return refusal_problem(param, value, errors) if answer == expected else f"{answer}"[:300]
        if value in REFUSED_EVERYWHERE:
            return refusal_problem(param, value, errors)
        return None if answer[0] == 200 and "results" in answer[1] else f"{answer}"[:300]

    return check


@pytest.mark.parametrize("name", LISTS)
def test_api_lists_survive_hostile_filters(reader, name):
    definition = listing(name)

    failures = fuzz(
        reader,
        reverse(f"api_{definition.api_name}"),
        [*parameters(definition.filterset), API_PAGE_PARAM],
        api_check(definition.filterset),
    )

    assert not failures, "\n".join(failures)


def export_check(filterset, fmt):
    def check(param, value, response):
        body = b"".join(response.streaming_content) if response.streaming else response.content
        errors = errors_of(filterset, param, value)
        if not errors:
            ok = response.status_code == 200 and response["Content-Disposition"].endswith(f'.{fmt}"')
            return refusal_problem(param, value, errors) if ok else f"{response.status_code} {body[:200]!r}"
        text = body.decode()
        if (response.status_code, response["Content-Type"].split(";")[0]) != (400, "text/plain"):
            return f"{response.status_code} {response['Content-Type']} {text[:200]!r}"
        expected = "\n".join(f"Ongeldig filter: {field}: {m}" for field, messages in errors.items() for m in messages)
        if text != expected:
            return f"body {text[:300]!r}, expected {expected[:300]!r}"
        return refusal_problem(param, value, errors)

    return check


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", LISTS)
def test_exports_survive_hostile_filters(reader, name, fmt):
    definition = listing(name)

    failures = fuzz(
        reader,
        reverse(f"{name}_export", args=[fmt]),
        parameters(definition.filterset),
        export_check(definition.filterset, fmt),
    )

    assert not failures, "\n".join(failures)
