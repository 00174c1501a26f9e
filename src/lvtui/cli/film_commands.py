"""The commands that read film files: validate, upgrade, schema, library and cast; and the
one way each command reads a film, reports a bad one and writes one."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from lvtui.film.loading import FilmError, load_film, load_film_and_schema, shipped_film_path
from lvtui.film.model import SCHEMA_VERSION, Film
from lvtui.reading.cast import CastRow, cast_rows, search_cast
from lvtui.reading.wording import events
from lvtui.shelf.library import scan
from lvtui.system.exits import Exit
from lvtui.system.files import write_atomically
from lvtui.text.clean import one_line


def read_film(path: Path | None) -> Film:
    return load_film(path if path is not None else shipped_film_path())


def report(error: FilmError, stream: TextIO | None = None) -> int:
    for line in error.lines():
        print(line, file=stream or sys.stderr)
    return error.exit_code


def validate(paths: Sequence[Path]) -> int:
    status = 0
    for path in paths:
        try:
            film, schema = load_film_and_schema(path)
        except FilmError as error:
            status = max(status, report(error))  # unreadable (66) outranks bad content (65)
            continue
        upgrade = ", upgrade it with 'lvtui upgrade'" if schema < SCHEMA_VERSION else ""
        # A path is printed through the cleaner too: a file name can hold anything.
        counts = ", ".join(count(len(items), noun) for items, noun in (
            (film.cast, "cast"), (film.people, "people"),
            (film.organizations, "organisation"), (events(film), "event")))
        print(f"{one_line(str(path))}: ok (schema {schema}{upgrade}; {counts})")
    return status


def count(number: int, noun: str) -> str:
    """"1 event", "7 events"; "cast" and "people" are their own plurals."""
    plural = noun if noun in ("cast", "people") or number == 1 else noun + "s"
    return f"{number} {plural}"


def print_upgraded(path: Path) -> int:
    try:
        film = load_film(path)
    except FilmError as error:
        return report(error)
    json.dump(film.model_dump(mode="json", exclude_defaults=True), sys.stdout, indent=2,
              ensure_ascii=False)
    sys.stdout.write("\n")
    return Exit.OK


def write_film(data: bytes, output: Path | None, *, make_folder: bool = False) -> int:
    """The film to *output*, whole or not at all (a temporary file, then renamed), or to
    standard output. A folder is made only where lvtui chose the place (*make_folder*: the
    library), as a shell's `>` makes none."""
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return Exit.OK
    problem = None
    if output.is_dir():
        problem = "it is a folder: give a file name in it"
    elif not make_folder and not output.parent.is_dir():
        problem = f"there is no folder {one_line(str(output.parent))}: make it first"
    if problem is None:
        try:
            write_atomically(output, data)
        except OSError as error:
            problem = error.strerror or str(error)
    if problem is not None:
        print(f"{one_line(str(output))}: cannot be written ({problem})", file=sys.stderr)
        return Exit.CANT_CREATE
    return Exit.OK


def print_library() -> int:
    for shelved in scan():
        path = one_line(str(shelved.path))  # a file name can hold anything
        if shelved.broken:
            print(f"broken — {path} — {one_line(shelved.problem)}")
        else:
            year = f" ({shelved.year})" if shelved.year else ""
            print(f"{one_line(shelved.title)}{year} — "
                  f"{one_line(shelved.directed_by) or 'no director'} — {path}")
    return Exit.OK


def print_schema() -> int:
    # Built here: the schema machinery is only ever needed by this command.
    json.dump(Film.model_json_schema(mode="validation"), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return Exit.OK


def list_cast(query: str, film_path: Path | None, output: str) -> int:
    try:
        film = read_film(film_path)
    except FilmError as error:
        return report(error)
    rows = cast_rows(film)
    indices = search_cast(rows, query)
    members = [rows[index] for index in indices]
    if output == "json":
        json.dump(
            [{key: value for key, value in member._asdict().items()
              if value is not None and key != "also"}  # searched, not shown
             for member in members],
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
    elif output == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["actor", "role", "credited_as"])
        writer.writerows([m.actor, m.role, m.credited_as or ""] for m in members)
    elif sys.stdout.isatty():
        print_cast_table(film, rows, indices)
    else:  # piped: one line per member, no empty trailing field
        for member in members:
            print(member.line())
    return Exit.OK if members else Exit.NO_MATCH


def print_cast_table(film: Film, rows: Sequence[CastRow], indices: Sequence[int]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # Every cell is a Text, never a markup string: names come from the film file.
    table = Table(title=Text(f"{film.title} ({film.year}): {len(indices)} of {len(film.cast)}"))
    for header in ("#", "Actor", "Role", "Credited as"):
        table.add_column(header)
    for index in indices:
        member = rows[index]
        table.add_row(
            Text(str(index + 1)),
            Text(member.actor),
            Text(member.role),
            Text(member.credited_as or ""),
        )
    Console().print(table)  # Rich honours NO_COLOR by itself
