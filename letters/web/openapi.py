"""The API described as an OpenAPI 3.1 document, built from what serves it: every list of
settings.LISTINGS (its FilterSet's filters are the query parameters, its Row's fields the
schema of a result), the letter and the dossier (letters.web.api), and the detail endpoints a
higher app names in settings.API_DETAILS (a DetailEndpoint each). A field or filter added there
appears here without a word written twice.

/api/openapi.json gives the document; /api/ shows it as a Dutch page, rendered from the same
document (no script: the CSP allows none).
"""

import dataclasses
import json
import types
import typing

import django_filters
from django.conf import settings
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.module_loading import import_string

from letters.web import filters as list_filters
from letters.web.access import reader_required
from letters.web.api import (
    API_PAGE_SIZE,
    PAGE_PARAM,
    CitedKamerstukRow,
    LetterKamerstukRow,
    LetterZaakRow,
    VersionRow,
    api_view,
)
from letters.web.listing import listings
from letters.web.rows import FootnoteRow, LetterRow, ReferenceRow, SectionRow

OPENAPI_VERSION = "3.1.0"
SCALARS = {int: "integer", str: "string", bool: "boolean", float: "number"}
ERRORS = {
    "400": ("BadRequest", "Een filter of paginanummer dat niet te gebruiken is.", "Ongeldig filter."),
    "401": ("Unauthorized", "Niet ingelogd.", "Inloggen vereist."),
    "403": ("Forbidden", "Ingelogd zonder de rechten hiervoor.", "U hebt hiervoor geen rechten."),
    "404": ("NotFound", "Bestaat niet (of deze pagina van de lijst bestaat niet).", "Niet gevonden."),
}
EXAMPLE_TEXT = 120  # characters of a text shown in an example
_DOSSIER_TEXT = {"type": "string", "examples": ["29517", "36600-VI"]}


@dataclasses.dataclass(frozen=True)
class DetailEndpoint:
    """A detail endpoint of a higher app, named in settings.API_DETAILS (commitments.api.MOTION_DETAIL).

    path: "/api/motions/{id}/"; parameter: its path parameter (name, "integer" or "string"); row:
    the dataclass it answers (fields may be rows, lists of rows, or `X | None`); summary: in Dutch;
    tag: the group it belongs to ("moties")."""

    path: str
    parameter: tuple[str, str]
    row: type
    summary: str
    tag: str

    @property
    def operation_id(self) -> str:
        """From the path: "/api/motions/{id}/" -> "motions_detail"."""
        words = [part for part in self.path.strip("/").split("/") if part != "api" and "{" not in part]
        return "_".join([*words, "detail"])

    @property
    def description(self) -> str:
        """The row's docstring; a dataclass without one has a made-up one, its signature."""
        doc = (self.row.__doc__ or "").strip()
        return self.summary if not doc or doc.startswith(f"{self.row.__name__}(") else doc

    def operation(self) -> dict:
        name, kind = self.parameter
        return {
            "operationId": self.operation_id,
            "tags": [self.tag],
            "summary": self.summary,
            "description": self.description,
            "parameters": [{"name": name, "in": "path", "required": True, "schema": {"type": kind}}],
            "responses": {"200": _json(f"{self.summary}.", _ref(self.row.__name__)), **_errors("401", "403", "404")},
        }


def api_details() -> list[DetailEndpoint]:
    return [import_string(path) for path in settings.API_DETAILS]


def document(base_url: str) -> dict:
    """The OpenAPI document; base_url is the site's root ("https://tkdossiers.example.nl")."""
    schemas = {"Error": _error_schema()}
    paths = {}
    for definition in listings().values():
        schemas[definition.row.__name__] = row_schema(definition.row)
        paths[reverse(f"api_{definition.api_name}")] = {"get": _list_operation(definition)}
    for row in (VersionRow, SectionRow, FootnoteRow, ReferenceRow, CitedKamerstukRow):
        schemas.setdefault(row.__name__, row_schema(row))
    schemas["Letter"] = _letter_schema()
    schemas["Dossier"] = _dossier_schema()
    paths |= _detail_paths()
    for endpoint in api_details():
        schemas[endpoint.row.__name__] = row_schema(endpoint.row)
        paths[endpoint.path] = {"get": endpoint.operation()}
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "TK Dossiers API",
            "version": "1",
            "description": (
                "Alleen lezen. Elke lijst heeft dezelfde filters als haar pagina op de site en geeft "
                f"{API_PAGE_SIZE} resultaten per pagina. Elk antwoord is JSON, ook een fout: "
                '{"detail": "…"}.'
            ),
        },
        "servers": [{"url": base_url.rstrip("/")}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": {
                name: _json(description, _ref("Error"), example={"detail": example})
                for name, description, example in ERRORS.values()
            },
            "securitySchemes": {
                "sessie": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": settings.SESSION_COOKIE_NAME,
                    "description": "Log in op de site; de API gebruikt dezelfde sessie.",
                }
            },
        },
        "security": [] if settings.TKD_PUBLIC_READ else [{"sessie": []}],
    }


def row_schema(row) -> dict:
    """A Row dataclass as a JSON schema: every field is always present, null where it says so.
    Its Dutch column labels (`labels`, `value_labels`, when the row has them) describe the fields."""
    hints = typing.get_type_hints(row)
    labels, value_labels = getattr(row, "labels", {}), getattr(row, "value_labels", {})
    properties = {}
    for field in dataclasses.fields(row):
        schema = type_schema(hints[field.name])
        if schema.get("type") in ("string", ["string", "null"]):
            schema |= _text_format(field.name)
        description = field.metadata.get("description") or labels.get(field.name)
        if field.name in value_labels:
            values = ", ".join(f"{value} = {label}" for value, label in value_labels[field.name].items())
            description = f"{description}: {values}" if description else values
        if description:
            schema["description"] = str(description)
        properties[field.name] = schema
    return {"type": "object", "properties": properties, "required": list(properties)}


def _text_format(name: str) -> dict:
    """Rows give dates, moments and links as text; their names say which (letter_date, imported_at, url)."""
    if name in ("date", "due", "last_cited", "datum") or name.endswith("_date"):
        return {"format": "date"}
    if name.endswith("_at"):
        return {"format": "date-time"}
    return {"format": "uri"} if name == "url" or name.endswith("_url") else {}


def type_schema(annotation) -> dict:
    """int, str, bool, float, list[...], a dataclass (as an object) and `X | None` as JSON schema."""
    if dataclasses.is_dataclass(annotation):
        return row_schema(annotation)
    arguments = typing.get_args(annotation)
    if typing.get_origin(annotation) in (types.UnionType, typing.Union):
        options = [type_schema(argument) for argument in arguments if argument is not type(None)]
        if type(None) in arguments and len(options) == 1 and "type" in options[0]:  # `str | None`
            return {**options[0], "type": [options[0]["type"], "null"]}
        return {"anyOf": options + ([{"type": "null"}] if type(None) in arguments else [])}
    if typing.get_origin(annotation) in (list, tuple):
        return {"type": "array", "items": type_schema(arguments[0]) if arguments else {}}
    if annotation in SCALARS:
        return {"type": SCALARS[annotation]}
    if annotation is dict or typing.get_origin(annotation) is dict:
        return {"type": "object"}
    return {}


def filter_parameter(name: str, list_filter) -> dict:
    description = str(list_filter.label or name)
    if list_filter.extra.get("help_text"):
        description += f" ({list_filter.extra['help_text']})"
    choices = _choices(list_filter)
    if choices:
        description += ". Kies uit: " + ", ".join(f"{value} ({label})" for value, label in choices)
    return {"name": name, "in": "query", "description": description, "schema": filter_schema(list_filter)}


def filter_schema(list_filter) -> dict:
    """What a filter of letters.web.filters takes; anything else is described as text."""
    if isinstance(list_filter, list_filters.DossierFilter):
        return {**_DOSSIER_TEXT, "maxLength": list_filters.MAX_TEXT}
    if isinstance(list_filter, list_filters.VergaderjaarFilter):
        return {"type": "string", "pattern": r"^\d{4}(/\d{2}|-\d{4})$", "examples": ["2024/25", "2024-2025"]}
    if isinstance(list_filter, list_filters.YearFilter):
        return {"type": "integer", "minimum": list_filters.FIRST_YEAR, "maximum": list_filters.LAST_YEAR}
    if isinstance(list_filter, django_filters.DateFilter):
        return {"type": "string", "format": "date"}
    if isinstance(list_filter, list_filters.YesNoFilter):
        return {"type": "string", "enum": [*list_filters.YES, *list_filters.NO]}
    choices = _choices(list_filter)
    if choices:
        return {"type": "string", "enum": [str(value) for value, _ in choices]}
    if issubclass(list_filter.field_class, list_filters.TextField):
        return {"type": "string", "maxLength": list_filters.MAX_TEXT}
    return {"type": "string"}


def _choices(list_filter) -> list:
    choices = list_filter.extra.get("choices")
    return [(value, label) for value, label in choices if value != ""] if isinstance(choices, list | tuple) else []


def _list_operation(definition) -> dict:
    noun = definition.export_name
    page = {
        "name": PAGE_PARAM,
        "in": "query",
        "description": f"Paginanummer, vanaf 1; {API_PAGE_SIZE} {noun} per pagina.",
    }
    page["schema"] = {"type": "integer", "minimum": 1}
    parameters = [filter_parameter(name, f) for name, f in definition.filterset.base_filters.items()]
    return {
        "operationId": f"list_{definition.api_name}",
        "summary": noun.capitalize(),
        "description": f"De {noun} met dezelfde filters als de lijst op de site, {API_PAGE_SIZE} per pagina.",
        "parameters": [*parameters, page],
        "responses": {
            "200": _json(f"Een pagina {noun}.", _page_schema(definition.row.__name__)),
            **_errors("400", "401", "403", "404"),
        },
    }


def _page_schema(row_name: str) -> dict:
    link = {"type": ["string", "null"], "format": "uri"}
    return {
        "type": "object",
        "properties": {
            "count": {"type": "integer", "description": "Aantal resultaten (hooguit de telgrens)."},
            "count_is_lower_bound": {"type": "boolean", "description": "Er zijn meer resultaten dan geteld."},
            "next": {**link, "description": "De volgende pagina, of null."},
            "previous": {**link, "description": "De vorige pagina, of null."},
            "results": {"type": "array", "items": _ref(row_name)},
        },
        "required": ["count", "count_is_lower_bound", "next", "previous", "results"],
    }


def _letter_schema() -> dict:
    """LetterRow, its own kamerstuk and zaak when known, and the parts of its newest version, as
    letters.web.api.letter answers."""
    schema = row_schema(LetterRow)
    section = row_schema(SectionRow)
    section["properties"]["parent_id"] = {"type": ["integer", "null"], "description": "De bovenliggende sectie."}
    section["required"].append("parent_id")
    identity = {
        "kamerstuk": {**row_schema(LetterKamerstukRow), "type": ["object", "null"]},
        "zaak": {**row_schema(LetterZaakRow), "type": ["object", "null"]},
    }
    parts = {
        **identity,
        "versions": {"type": "array", "items": _ref("VersionRow")},
        "sections": {"type": "array", "items": section},
        "footnotes": {"type": "array", "items": _ref("FootnoteRow")},
        "references": {"type": "array", "items": _ref("ReferenceRow")},
    }
    return {**schema, "properties": {**schema["properties"], **parts}, "required": [*schema["required"], *parts]}


def _dossier_schema() -> dict:
    parts = {
        "number": {"type": "string", "description": "Dossiernummer."},
        "toevoeging": {"type": ["string", "null"]},
        "title": {"type": ["string", "null"], "description": "Titel volgens de Tweede Kamer."},
        "kamerstukken": {"type": "array", "items": _ref("CitedKamerstukRow")},
        "letters": {"type": "array", "items": _ref("LetterRow")},
    }
    return {"type": "object", "properties": parts, "required": list(parts)}


def _detail_paths() -> dict:
    letter = "De brief met zijn versies en de secties, voetnoten en verwijzingen van de nieuwste versie."
    dossier = "Het dossier met de geciteerde kamerstukken en de brieven die het citeren."
    pk = {"name": "id", "schema": {"type": "integer"}}
    key = {"name": "key", "description": "Dossiernummer met eventuele toevoeging", "schema": _DOSSIER_TEXT}
    return {
        _template_path("api_letter", pk="{id}"): {"get": _detail_operation("Letter", "Eén brief", letter, pk)},
        _template_path("api_dossier", key="{key}"): {"get": _detail_operation("Dossier", "Eén dossier", dossier, key)},
    }


def _detail_operation(name: str, summary: str, description: str, parameter: dict) -> dict:
    return {
        "operationId": name.lower(),
        "summary": summary,
        "description": description,
        "parameters": [{"in": "path", "required": True, **parameter}],
        "responses": {"200": _json(f"{summary}.", _ref(name)), **_errors("401", "403", "404")},
    }


def _error_schema() -> dict:
    return {
        "type": "object",
        "properties": {
            "detail": {"type": "string", "description": "Wat er mis is, in het Nederlands."},
            "errors": {
                "type": "object",
                "description": "Bij een ongeldig filter: per filter de meldingen.",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
        "required": ["detail"],
    }


def _template_path(name: str, **params) -> str:
    """The path of a URL with {placeholders}: reversed with stand-ins its converters accept."""
    stand_ins = {param: 987654321 if param == "pk" else "STAND-IN" for param in params}
    path = reverse(name, kwargs=stand_ins)
    for param, placeholder in params.items():
        path = path.replace(str(stand_ins[param]), placeholder)
    return path


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(description: str, schema: dict, **example) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema, **example}}}


def _errors(*codes) -> dict:
    return {code: {"$ref": f"#/components/responses/{ERRORS[code][0]}"} for code in codes}


# The Dutch page: the same document, as tables and an example per endpoint.


def endpoints(spec: dict, request) -> list[dict]:
    schemas = spec["components"]["schemas"]
    samples = _samples(request)
    shown = []
    for path, item in spec["paths"].items():
        operation = item["get"]
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
        result = _resolve(answer, schemas)
        is_list = "results" in result["properties"]  # its fields are those of one result
        if is_list:
            row = _resolve(result["properties"]["results"]["items"], schemas)
            example = example_of(answer, schemas) | {"next": None, "previous": None}
            example["results"] = [samples.get(path) or example_of(row, schemas)]
        else:
            row, example = result, example_of(answer, schemas)
        shown.append(
            {
                "id": operation["operationId"],
                "path": path,
                "is_list": is_list,
                "link": path if "{" not in path else "",
                "summary": operation["summary"],
                "description": operation["description"],
                "parameters": [_parameter(parameter, schemas) for parameter in operation["parameters"]],
                "fields": [
                    {"name": name, "type": type_label(field, schemas), "description": field.get("description", "")}
                    for name, field in row["properties"].items()
                ],
                "described": any("description" in field for field in row["properties"].values()),
                "errors": [code for code in operation["responses"] if code != "200"],
                "example": json.dumps(example, indent=2, ensure_ascii=False),
            }
        )
    return shown


def _parameter(parameter: dict, schemas: dict) -> dict:
    shown = {"type": type_label(parameter["schema"], schemas), "in_path": parameter["in"] == "path"}
    return {**parameter, **shown, "description": parameter.get("description", "")}


def type_label(schema: dict, schemas: dict) -> str:
    """A schema in words: "tekst of null", "lijst van VersionRow", "geheel getal (1900–2100)"."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " of ".join(type_label(option, schemas) for option in schema["anyOf"])
    kinds = schema.get("type", [])
    if isinstance(kinds, list):
        return " of ".join(type_label({**schema, "type": kind}, schemas) for kind in kinds) or "alles"
    if kinds == "array":
        return f"lijst van {type_label(schema.get('items', {}), schemas)}"
    if kinds == "integer" and "minimum" in schema and "maximum" in schema:
        return f"geheel getal ({schema['minimum']}–{schema['maximum']})"
    formats = {"date": "datum (JJJJ-MM-DD)", "date-time": "tijdstip (ISO 8601)", "uri": "webadres"}
    if kinds == "string" and schema.get("format") in formats:
        return formats[schema["format"]]
    if kinds == "string" and "enum" in schema:
        return "keuze"
    words = {"string": "tekst", "integer": "geheel getal", "boolean": "true of false", "number": "getal"}
    return words.get(kinds, kinds)


def example_of(schema: dict, schemas: dict):
    """A made-up value of a schema, for an answer without data to show."""
    schema = _resolve(schema, schemas)
    if schema.get("examples") or schema.get("enum"):
        return (schema.get("examples") or schema["enum"])[0]
    if "anyOf" in schema:
        return example_of(schema["anyOf"][0], schemas)
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind
    if kind == "object":
        return {name: example_of(field, schemas) for name, field in schema.get("properties", {}).items()}
    if kind == "array":
        return [example_of(schema.get("items", {}), schemas)]
    formats = {"date": "2025-10-03", "date-time": "2025-10-03T09:30:00+02:00", "uri": "https://tkdossiers.example.nl/"}
    made_up = {"string": formats.get(schema.get("format"), "tekst"), "integer": 1, "boolean": False, "number": 1.5}
    return made_up.get(kind)


def _samples(request) -> dict:
    """Per list path, its first row as the API gives it (long texts cut short), when there is one."""
    samples = {}
    for definition in listings().values():
        first = definition.filterset(QueryDict(), queryset=definition.queryset()).qs.first()
        if first is not None:
            row = definition.row.of(first, request.build_absolute_uri).as_dict()
            samples[reverse(f"api_{definition.api_name}")] = {name: _shorten(value) for name, value in row.items()}
    return samples


def _shorten(value):
    return value[:EXAMPLE_TEXT] + "…" if isinstance(value, str) and len(value) > EXAMPLE_TEXT else value


def _resolve(schema: dict, schemas: dict) -> dict:
    return schemas[schema["$ref"].rsplit("/", 1)[-1]] if "$ref" in schema else schema


@api_view
def openapi_json(request):
    return JsonResponse(document(request.build_absolute_uri("/")), json_dumps_params={"ensure_ascii": False})


@reader_required
def api_docs(request):
    spec = document(request.build_absolute_uri("/"))
    errors = [(code, description, detail) for code, (_, description, detail) in ERRORS.items()]
    return render(
        request, "letters/api_docs.html", {"spec": spec, "endpoints": endpoints(spec, request), "errors": errors}
    )
