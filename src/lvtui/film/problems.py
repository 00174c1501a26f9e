"""A validation problem as one line a person understands: its place in the file as a JSON
path (``$.cast[3].role``) and what is wrong in plain words, anything quoted from the file
cleaned and cut short first (the file is untrusted). No Textual here."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from lvtui.film.model import Film
from lvtui.text.clean import shorten

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(location: Iterable[int | str]) -> str:
    """``("cast", 3, "role")`` -> ``$.cast[3].role``; hostile key names are cleaned and cut."""
    parts = ["$"]
    for step in location:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif _IDENTIFIER.fullmatch(step):
            parts.append(f".{step}")
        else:
            parts.append(f"[{quote(step)}]")
    return "".join(parts)


def schema_problem(detail: Any) -> str:
    """One of Pydantic's errors as lvtui says it: the JSON path, then what is wrong there."""
    where = json_path(detail["loc"])
    kind = detail["type"]
    if kind == "missing":
        return f"{where}: required field is missing"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):  # models; dataclasses
        field = detail["loc"][-1] if detail["loc"] else ""
        known = _fields_at(tuple(detail["loc"][:-1]))
        close = difflib.get_close_matches(str(field), known, n=1, cutoff=0.75)
        return f"{where}: unknown field" + (f": did you mean {quote(close[0])}?" if close else "")
    if kind == "string_pattern_mismatch":  # the pattern is for the schema, not for people
        field = str(detail["loc"][-1]) if detail["loc"] else ""
        form = _FORMS.get(field, "is not written in the form this field takes")
        return f"{where}: {form} (got {_kind_of(detail.get('input'))})"
    if kind == "reference":  # the id is quoted in the message, and ids are plain
        return f"{where}: {detail['msg']}"
    if kind in ("model_type", "dict_type", "dataclass_type"):  # "a valid dictionary or ..."
        return f"{where}: expected a JSON object (got {_kind_of(detail.get('input'))})"
    context = detail.get("ctx") or {}
    if kind == "value_error" and "error" in context:  # lvtui's own validators' words
        message = str(context["error"])
    elif kind in _WORDS:
        message = _WORDS[kind].format(**context)
    else:  # a check lvtui does not word: Pydantic's own sentence, as it is
        message = str(detail["msg"])
    return f"{where}: {message} (got {_kind_of(detail.get('input'))})"


# Each kind of problem Pydantic reports, in lvtui's words, from the error's type and context
# (its limits), never by rewording Pydantic's English.
_WORDS = {
    "int_type": "expected a valid integer", "int_parsing": "expected a valid integer",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number", "float_parsing": "expected a number",
    "finite_number": "expected a finite number",
    "string_type": "expected a valid string", "bool_type": "expected true or false",
    "list_type": "expected a valid list",
    "literal_error": "expected {expected}", "enum": "expected {expected}",
    "greater_than_equal": "expected {ge} or more", "greater_than": "expected more than {gt}",
    "less_than_equal": "expected {le} or less", "less_than": "expected less than {lt}",
    "string_too_short": "expected at least {min_length} characters",
    "string_too_long": "expected at most {max_length} characters",
    "too_short": "expected at least {min_length} items",
    "too_long": "expected at most {max_length} items",
}


# What a field with a pattern takes, said as a person would say it.
_FORMS = {
    "currency": "must be a three-letter ISO 4217 code such as EUR or USD",
    "imdb": 'must be an IMDb id such as "tt0137523" (a film) or "nm0000093" (a person)',
    "wikidata": 'must be a Wikidata item such as "Q190050"',
}


@cache
def _schema() -> dict[str, Any]:
    return Film.model_json_schema(mode="validation")


def _fields_at(location: tuple[int | str, ...]) -> list[str]:
    """The field names of the object at *location* in a film file, by the published schema:
    what a misspelt field there is compared with."""
    schema = _schema()
    definitions = schema.get("$defs", {})

    def resolved(node: dict[str, Any]) -> dict[str, Any]:
        while True:
            if "$ref" in node:
                node = definitions.get(node["$ref"].rsplit("/", 1)[-1], {})
            elif "anyOf" in node:  # an optional object: the choice that is not null
                node = next((choice for choice in node["anyOf"]
                             if choice.get("type") != "null"), {})
            else:
                return node

    node = resolved(schema)
    for step in location:
        node = resolved(node.get("items", {}) if isinstance(step, int)
                        else node.get("properties", {}).get(step, {}))
    return sorted(node.get("properties", {}))


def _kind_of(value: Any) -> str:
    """How a wrong value is quoted: containers by kind, anything else by value."""
    if isinstance(value, dict | list):
        return "an object" if isinstance(value, dict) else "a list"
    return quote(value)


def quote(value: Any) -> str:
    """A value from the file, fit to quote in a one-line message."""
    if isinstance(value, str):
        return json.dumps(shorten(value), ensure_ascii=False)
    return shorten(json.dumps(value))
