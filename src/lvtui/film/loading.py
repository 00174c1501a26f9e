"""Bytes on disk -> :class:`Film`, and every way that can fail, as one error type.

Each failure becomes a :class:`FilmError` whose problems are short sentences a person
understands (lvtui.film.problems), each naming the place in the file (``$.cast[3].role``)
where there is one.

No textual import here; a test proves it.
"""

from __future__ import annotations

import copy
import gc
import json
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

from pydantic import BaseModel, ValidationError
from pydantic_core import SchemaValidator

from lvtui.film.model import MAX_REFERENCE_PROBLEMS, SCHEMA_VERSION, Film
from lvtui.film.problems import quote, schema_problem
from lvtui.film.tmdb_kinds import tmdb_kind
from lvtui.system.exits import Exit
from lvtui.system.files import Unreadable, read_guarded
from lvtui.text.clean import one_line

MAX_BYTES = 16 * 1024 * 1024
# The values a film file may hold (records, lists, strings, numbers), counted on its bytes
# before they are parsed: a 16 MiB file of empty records, `[{},{},...]`, is 5.6 million of
# them, and parsing and validating it took gigabytes. Some 1.6x the 100,000-member cast of
# the benchmarks (610,000); at the bound, parsing peaks under 300 MiB whatever the shape
# (a million keys in one object, the costliest, some 270 MiB).
MAX_ITEMS = 1_000_000
MAX_FIELDS = 1_000  # in one JSON object: the film itself has 33
# Up to this many items every problem is collected and counted; past it, each list is
# checked only to its first problem (Pydantic's fail-fast), so that a file of a million
# bad records costs a few problems, not a million of them (some 400 bytes each, then a
# Python dict each when listed).
THOROUGH_ITEMS = 50_000
MAX_PROBLEMS = 50  # problems listed for one file; the count of the rest follows
_BOM = b"\xef\xbb\xbf"


class FilmError(Exception):
    """A film file that cannot be read or is not a valid film."""

    def __init__(
        self, path: str | os.PathLike[str], problems: Iterable[str], *, unreadable: bool = False
    ) -> None:
        self.path = one_line(os.fspath(path))
        self.problems = list(problems)
        self.unreadable = unreadable
        super().__init__("\n".join(self.lines()))

    @property
    def exit_code(self) -> Exit:
        return Exit.NO_INPUT if self.unreadable else Exit.DATA

    def lines(self) -> list[str]:
        """One line per problem, each prefixed by the path, ready for stderr."""
        return [f"{self.path}: {problem}" for problem in self.problems]


def shipped_film_path() -> Path:
    """The film that ships inside the package (or beside it, in a source checkout)."""
    packaged = Path(str(resources.files("lvtui"))) / "data" / "film.json"
    if packaged.is_file():
        return packaged
    # Editable installs and a bare checkout keep the file at the top of the repository.
    return Path(__file__).resolve().parents[3] / "data" / "film.json"


def load_film(path: str | os.PathLike[str]) -> Film:
    """Read, decode, parse and validate the film file at *path*."""
    return parse_film(read_film_bytes(path), path)


def load_film_and_schema(path: str | os.PathLike[str]) -> tuple[Film, int]:
    """The film at *path*, and the schema its file was written for (1 is upgraded)."""
    return parse_film_and_schema(read_film_bytes(path), path)


def read_film_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BYTES`, or a :class:`FilmError`."""
    try:
        return read_guarded(path, MAX_BYTES, kind="film file")
    except Unreadable as error:
        raise FilmError(path, [error.problem], unreadable=True) from None


def parse_film(data: bytes, path: str | os.PathLike[str] = "<film>") -> Film:
    """Decode and validate film JSON; a UTF-8 byte order mark is accepted and dropped."""
    return parse_film_and_schema(data, path)[0]


def parse_film_and_schema(data: bytes, path: str | os.PathLike[str] = "<film>"
                          ) -> tuple[Film, int]:
    """:func:`parse_film`, and the schema the file was written for."""

    def refuse(*problems: str) -> NoReturn:
        raise FilmError(path, problems)

    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    items = count_items(data)
    if items > MAX_ITEMS:
        refuse(f"holds some {items:,} values (records, lists, strings, numbers), over the "
               f"{MAX_ITEMS:,} a film file may hold")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        refuse(f"is not UTF-8: byte 0x{data[error.start]:02X} at byte offset {error.start}")
    if not text.strip():
        refuse("is empty")
    try:
        with _no_collection():
            document = json.loads(text, object_pairs_hook=_unique_keys,
                                  parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        message = error.msg.removesuffix(" at")  # "Invalid control character at"
        refuse(f"invalid JSON at line {error.lineno}, column {error.colno}: {message}")
    except _RefusedJSON as error:
        refuse(str(error))
    except RecursionError:
        refuse("invalid JSON: nested too deeply")
    except ValueError:
        # The only other ValueError json raises: an integer longer than Python converts.
        refuse(f"invalid JSON: a number has more than {sys.get_int_max_str_digits():,} digits")
    if tmdb_kind(document) is not None:
        refuse("is a TMDB answer, not a film file: 'lvtui import tmdb FILE ...' makes a film "
               "of it (with the film's credits and other answers, in any order)")
    try:
        with _no_collection():
            return _validate(document, thorough=items <= THOROUGH_ITEMS)
    except ValidationError as error:
        details = error.errors(include_url=False)
        problems = [schema_problem(detail) for detail in details[:MAX_PROBLEMS]]
        if items > THOROUGH_ITEMS:
            problems.append("(a file this large is checked only to the first problem of each "
                            "list)")
        elif len(details) > MAX_PROBLEMS:  # a screenful says what is wrong; 100,000 lines do not
            references = sum(detail["type"] == "reference" for detail in details)
            some = "at least " if references >= MAX_REFERENCE_PROBLEMS else ""
            problems.append(f"and {some}{len(details) - MAX_PROBLEMS:,} more problems")
        refuse(*problems)
    except RecursionError:
        refuse("nested too deeply")


@contextmanager
def _no_collection() -> Iterator[None]:
    """The garbage collector paused: parsing and validating make millions of objects and no
    garbage, and each full pass would walk every object made so far (with a 100,000-member
    cast, most of the time it takes to load). On the main thread only: the pause is the
    whole process's, and a thread reading films (the shelf, a thousand films after the first
    frame) would pause it under the running app for as long, its garbage piling up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def count_items(data: bytes) -> int:
    """About how many values the JSON in *data* holds, without parsing it: its braces,
    brackets and commas (a container's first value is counted by its bracket, each other
    value or field by the comma before it). Commas in text count too: a long film's prose
    adds a few hundred thousand, well within the bound."""
    return data.count(b"{") + data.count(b"[") + data.count(b",")


def _validate(document: Any, *, thorough: bool = True) -> tuple[Film, int]:
    if isinstance(document, dict) and document.get("schema_version") == 1:
        # Schema 1 is checked by its own rules, so its errors name its own fields; only a
        # file that asks for it pays for building those validators.
        from lvtui.film.schema_v1 import FilmV1
        from lvtui.film.upgrade import upgrade

        old = _checker(FilmV1, thorough).validate_python(document)
        return _checker(Film, thorough).validate_python(upgrade(old)), 1
    return _checker(Film, thorough).validate_python(document), SCHEMA_VERSION


def _checker(model: type[BaseModel], thorough: bool) -> SchemaValidator:
    """The model's own validator, or (not *thorough*) one that stops each list at its
    first problem."""
    return model.__pydantic_validator__ if thorough else _fail_fast(model)  # type: ignore[return-value]


@cache
def _fail_fast(model: type[BaseModel]) -> SchemaValidator:
    """*model*'s validator with every list schema set to stop at its first problem (built
    in a millisecond, only for a large file)."""
    schema = copy.deepcopy(model.__pydantic_core_schema__)
    nodes: list[Any] = [schema]
    while nodes:
        node = nodes.pop()
        if isinstance(node, dict):
            if node.get("type") == "list":
                node["fail_fast"] = True
            nodes.extend(node.values())
        elif isinstance(node, list):
            nodes.extend(node)
    return SchemaValidator(schema)


class _RefusedJSON(ValueError):
    """JSON that the standard parser accepts but a film file must not hold."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if len(pairs) > MAX_FIELDS:  # each an "unknown field" problem: a million cost 2 GB
        raise _RefusedJSON(f"a JSON object with {len(pairs):,} fields, over the "
                           f"{MAX_FIELDS:,} any object of a film file may have")
    # "Last one wins" would silently drop data the author wrote: refuse instead.
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _RefusedJSON(f"duplicate key {quote(key)} in one JSON object")
        seen[key] = value
    return seen


def _reject_constant(name: str) -> NoReturn:
    raise _RefusedJSON(f"invalid JSON: {name} is not a JSON number")
