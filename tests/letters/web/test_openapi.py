"""The API's OpenAPI 3.1 document (letters/web/openapi.py) and the Dutch page that shows it.

openapi-spec-validator is no dependency of the project: where it is installed the document is
validated with it, and everywhere the structure is checked below, and every answer the API
gives is checked against the schema the document gives for it."""

import dataclasses
import html
import json
import re
import typing

import openapi_spec_validator
import pytest
from django.test import Client
from django.urls import reverse

from commitments.models import Motion
from letters.web.listing import listings
from letters.web.openapi import DetailEndpoint, api_details, row_schema
from letters.web.rows import LetterRow, Row

pytestmark = pytest.mark.django_db

TYPES = {
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}
FORMATS = {
    "date": r"\d{4}-\d{2}-\d{2}",
    "date-time": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)",
    "uri": r"https?://\S+",
}


def problems(value, schema, schemas, where="$") -> list[str]:
    """Where value breaks schema, for the JSON schema words the document uses. An object must
    have exactly the documented fields: an undocumented one is a problem too."""
    if "$ref" in schema:
        return problems(value, schemas[schema["$ref"].rsplit("/", 1)[-1]], schemas, where)
    if "anyOf" in schema:
        options = [problems(value, option, schemas, where) for option in schema["anyOf"]]
        return [] if any(not found for found in options) else [f"{where}: none of anyOf"]
    kinds = schema["type"] if isinstance(schema.get("type"), list) else [schema.get("type")]
    if None not in kinds and not any(TYPES[kind](value) for kind in kinds):
        return [f"{where}: {value!r} is not {kinds}"]
    found = []
    if isinstance(value, str) and "format" in schema and not re.fullmatch(FORMATS[schema["format"]], value):
        found.append(f"{where}: {value!r} is no {schema['format']}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, dict) and "properties" in schema:
        missing = set(schema.get("required", [])) - set(value)
        extra = set(value) - set(schema["properties"])
        found += [f"{where}: missing {sorted(missing)}"] * bool(missing) + [
            f"{where}: undocumented {sorted(extra)}"
        ] * bool(extra)
        for name, field in schema["properties"].items():
            if name in value:
                found += problems(value[name], field, schemas, f"{where}.{name}")
    if isinstance(value, dict) and isinstance(schema.get("additionalProperties"), dict):
        for name, item in value.items():
            found += problems(item, schema["additionalProperties"], schemas, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += problems(item, schema["items"], schemas, f"{where}[{index}]")
    return found


@pytest.fixture
def spec(policy_client):
    response = policy_client.get(reverse("api_openapi"))
    assert (response.status_code, response["Content-Type"]) == (200, "application/json")
    return response.json()


def answer_schema(spec, path, status="200"):
    response = spec["paths"][path]["get"]["responses"][status]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    return response["content"]["application/json"]["schema"]


def refs(value):
    if isinstance(value, dict):
        yield from ([value["$ref"]] if "$ref" in value else [])
        for item in value.values():
            yield from refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from refs(item)


def test_openapi_document_passes_openapi_spec_validator(spec):
    openapi_spec_validator.validate(spec)  # raises with the first error it finds


def test_openapi_document_holds_together(spec):
    operations = [(path, item["get"]) for path, item in spec["paths"].items()]

    assert spec["openapi"] == "3.1.0"
    assert [path for path, _ in operations] == [
        *[f"/api/{definition.api_name}/" for definition in listings().values()],
        "/api/letters/{id}/",
        "/api/dossiers/{key}/",
        *[endpoint.path for endpoint in api_details()],
    ]
    assert {"/api/letters/", "/api/sections/", "/api/references/", "/api/motions/", "/api/commitments/"} <= set(
        spec["paths"]
    )
    for ref in refs(spec):
        section, name = ref.removeprefix("#/components/").split("/")
        assert name in spec["components"][section], ref
    for path, operation in operations:
        in_path = sorted(p["name"] for p in operation["parameters"] if p["in"] == "path")
        assert in_path == sorted(re.findall(r"{(\w+)}", path)), path
        assert set(operation["responses"]) >= {"200", "401", "403", "404"}, path
    assert len({operation["operationId"] for _, operation in operations}) == len(operations)
    assert spec["components"]["securitySchemes"]["sessie"] == {
        "type": "apiKey",
        "in": "cookie",
        "name": "sessionid",
        "description": "Log in op de site; de API gebruikt dezelfde sessie.",
    }


@dataclasses.dataclass(frozen=True)
class PartRow:
    name: str
    seats: int


@dataclasses.dataclass(frozen=True)
class SampleDetailRow(Row):
    """One sample, with its parts."""

    labels: typing.ClassVar = {"key": "sleutel"}

    key: str
    main: PartRow
    maybe: PartRow | None
    parts: list[PartRow]


SAMPLE_DETAIL = DetailEndpoint(
    path="/api/samples/{key}/",
    parameter=("key", "string"),
    row=SampleDetailRow,
    summary="Eén voorbeeld",
    tag="voorbeelden",
)


def test_detail_endpoints_named_in_settings_appear_with_their_row_schema(policy_client, settings):
    settings.API_DETAILS = [*settings.API_DETAILS, "tests.letters.web.test_openapi.SAMPLE_DETAIL"]
    part = {
        "type": "object",
        "properties": {"name": {"type": "string"}, "seats": {"type": "integer"}},
        "required": ["name", "seats"],
    }

    spec = policy_client.get(reverse("api_openapi")).json()

    openapi_spec_validator.validate(spec)
    assert list(spec["paths"])[-1] == "/api/samples/{key}/"
    assert spec["paths"]["/api/samples/{key}/"]["get"] == {
        "operationId": "samples_detail",
        "tags": ["voorbeelden"],
        "summary": "Eén voorbeeld",
        "description": "One sample, with its parts.",
        "parameters": [{"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {
            "200": {
                "description": "Eén voorbeeld.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SampleDetailRow"}}},
            },
            "401": {"$ref": "#/components/responses/Unauthorized"},
            "403": {"$ref": "#/components/responses/Forbidden"},
            "404": {"$ref": "#/components/responses/NotFound"},
        },
    }
    assert spec["components"]["schemas"]["SampleDetailRow"] == {
        "type": "object",
        "properties": {
            "key": {"type": "string", "description": "sleutel"},
            "main": part,
            "maybe": {**part, "type": ["object", "null"]},
            "parts": {"type": "array", "items": part},
        },
        "required": ["key", "main", "maybe", "parts"],
    }


def test_motion_detail_is_in_the_document(spec):
    operation = spec["paths"]["/api/motions/{id}/"]["get"]
    motion = spec["components"]["schemas"]["MotionDetailRow"]["properties"]

    assert (operation["operationId"], operation["tags"], operation["parameters"]) == (
        "motions_detail",
        ["moties"],
        [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
    )
    assert list(motion)[-4:] == ["zaak", "indieners", "stemming", "ledger"]
    assert list(motion["stemming"]["properties"]["per_fractie"]["items"]["properties"]) == [
        "fractie",
        "zetels",
        "soort",
    ]
    assert list(motion["ledger"]["properties"]) == ["regering", "kamer", "griffie"]
    assert motion["zaak"]["type"] == ["object", "null"]


def test_openapi_query_parameters_are_the_filters_of_each_list(spec):
    for definition in listings().values():
        parameters = spec["paths"][f"/api/{definition.api_name}/"]["get"]["parameters"]

        assert [p["name"] for p in parameters] == [*definition.filterset.base_filters, "page"]

    letters = {p["name"]: p for p in spec["paths"]["/api/letters/"]["get"]["parameters"]}
    motions = {p["name"]: p for p in spec["paths"]["/api/motions/"]["get"]["parameters"]}
    assert letters["dossier"] == {
        "name": "dossier",
        "in": "query",
        "description": "Dossier (bijv. 29517 of 36600-VI)",
        "schema": {"type": "string", "examples": ["29517", "36600-VI"], "maxLength": 200},
    }
    assert letters["year"]["schema"] == {"type": "integer", "minimum": 1900, "maximum": 2100}
    assert letters["date_from"]["schema"] == {"type": "string", "format": "date"}
    assert letters["page"]["description"] == "Paginanummer, vanaf 1; 50 brieven per pagina."
    assert (motions["status"]["schema"], motions["status"]["description"]) == (
        {"type": "string", "enum": ["open", "done"]},
        "Status. Kies uit: open (open), done (afgedaan)",
    )
    assert motions["awaiting"]["schema"] == {"type": "string", "enum": ["true", "1", "ja", "false", "0", "nee"]}


def test_openapi_result_schema_is_the_row_dataclass_of_each_list(spec):
    schemas = spec["components"]["schemas"]
    for definition in listings().values():
        assert list(schemas[definition.row.__name__]["properties"]) == list(definition.row.columns())

    letter = schemas["LetterRow"]["properties"]
    assert [f.name for f in dataclasses.fields(LetterRow)] == schemas["LetterRow"]["required"]
    assert (letter["id"]["type"], letter["title"]["type"], letter["version"]["type"]) == (
        "integer",
        "string",
        ["integer", "null"],
    )
    assert (letter["date"]["type"], letter["date"]["format"], letter["url"]["format"]) == (
        ["string", "null"],
        "date",
        "uri",
    )


@dataclasses.dataclass(frozen=True)
class CitingRow(Row):
    labels: typing.ClassVar = {"cited_dossiers": "geciteerde dossiers", "status": "status"}
    value_labels: typing.ClassVar = {"status": {"open": "open", "done": "afgedaan"}}

    cited_dossiers: list[str]
    status: str
    imported_at: str | None


def test_row_schema_takes_lists_moments_and_the_rows_dutch_labels():
    assert row_schema(CitingRow) == {
        "type": "object",
        "properties": {
            "cited_dossiers": {"type": "array", "items": {"type": "string"}, "description": "geciteerde dossiers"},
            "status": {"type": "string", "description": "status: open = open, done = afgedaan"},
            "imported_at": {"type": ["string", "null"], "format": "date-time"},
        },
        "required": ["cited_dossiers", "status", "imported_at"],
    }


def test_every_api_answer_matches_its_documented_schema(policy_client, spec, seed_letter, c2000_letter):
    schemas = spec["components"]["schemas"]
    answers = [
        *[
            (f"/api/{d.api_name}/", policy_client.get(f"/api/{d.api_name}/", {"dossier": "29517"}))
            for d in listings().values()
        ],
        ("/api/letters/{id}/", policy_client.get(f"/api/letters/{seed_letter.pk}/")),
        ("/api/dossiers/{key}/", policy_client.get("/api/dossiers/29517/")),
        *[("/api/motions/{id}/", policy_client.get(f"/api/motions/{motion.pk}/")) for motion in Motion.objects.all()],
    ]

    for path, response in answers:
        assert response.status_code == 200 and response.json()
        assert problems(response.json(), answer_schema(spec, path), schemas) == [], path
    assert policy_client.get("/api/motions/", {"dossier": "29517"}).json()["count"] == 3


@pytest.mark.parametrize(
    ("url", "status"),
    [("/api/letters/?dossier=abc", "400"), ("/api/letters/?page=9", "404"), ("/api/dossiers/12345/", "404")],
)
def test_api_errors_have_the_documented_shape(policy_client, spec, url, status):
    response = policy_client.get(url)

    assert response.status_code == int(status)
    assert problems(response.json(), answer_schema(spec, "/api/letters/", status), spec["components"]["schemas"]) == []


def test_openapi_document_needs_a_login_like_the_api():
    response = Client().get(reverse("api_openapi"))

    assert (response.status_code, response.json()) == (401, {"detail": "Inloggen vereist."})


def text_of(response) -> str:
    page = response.content.decode()
    page = page[page.index("<main") : page.index("</main>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)).strip())


def examples(response) -> list:
    return [
        json.loads(html.unescape(code))
        for code in re.findall(r"<pre><code>(.*?)</code></pre>", response.content.decode(), flags=re.S)
    ]


def test_api_page_shows_each_endpoint_its_parameters_and_an_example(policy_client, seed_letter):
    response = policy_client.get(reverse("api_docs"))
    text = text_of(response)
    example = examples(response)[0]

    assert response.status_code == 200
    assert "Brieven: GET /api/letters/ De brieven met dezelfde filters als de lijst op de site, 50 per pagina." in text
    assert "dossier tekst Dossier (bijv. 29517 of 36600-VI)" in text
    assert "year geheel getal (1900–2100) Jaar" in text
    assert "id in het pad geheel getal" in text
    assert "date datum (JJJJ-MM-DD) of null" in text
    assert '404 Bestaat niet (of deze pagina van de lijst bestaat niet). {"detail": "Niet gevonden."}' in text
    assert (example["count"], example["next"], example["results"][0]["title"]) == (
        1,
        None,
        "Verzamelbrief brandweer, crisisbeheersing en meldkamers",
    )


def test_api_page_makes_its_examples_from_the_schema_without_data(policy_client):
    (letter,) = examples(policy_client.get(reverse("api_docs")))[0]["results"]

    assert list(letter) == list(LetterRow.columns())
    assert (letter["id"], letter["title"], letter["date"], letter["url"]) == (
        1,
        "tekst",
        "2025-10-03",
        "https://tkdossiers.example.nl/",
    )


def test_api_page_runs_no_inline_script_or_style_and_asks_a_login(policy_client):
    response = policy_client.get(reverse("api_docs"))
    page = response.content.decode()
    anonymous = Client().get(reverse("api_docs"))

    assert (response.status_code, re.findall(r"<script(?![^>]*\bsrc=)", page), re.findall(r"\sstyle=", page)) == (
        200,
        [],
        [],
    )
    assert (anonymous.status_code, anonymous["Location"]) == (302, "/inloggen/?next=/api/")


def test_letter_schema_has_its_own_kamerstuk_and_zaak_or_null(spec):
    letter = spec["components"]["schemas"]["Letter"]["properties"]

    assert (letter["kamerstuk"]["type"], list(letter["kamerstuk"]["properties"])) == (
        ["object", "null"],
        ["dossier", "nummer", "url"],
    )
    assert (letter["zaak"]["type"], list(letter["zaak"]["properties"])) == (
        ["object", "null"],
        ["nummer", "onderwerp", "url"],
    )
