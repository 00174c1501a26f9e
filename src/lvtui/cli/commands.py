"""The command line: each command's parser (lvtui.cli.arguments) paired with what runs it, and
the commands themselves: validate, schema, upgrade, cast, serve, import, fetch, library.

The browser itself is imported only when it is about to run, so `lvtui validate`
and friends never pay for importing textual.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from lvtui.cli.arguments import (
    Commands,
    Run,
    browser_parser,
    cast_parser,
    fetch_parser,
    import_parser,
    library_parser,
    schema_parser,
    serve_parser,
    upgrade_parser,
    validate_parser,
)
from lvtui.film.loading import FilmError, load_film, load_film_and_schema, shipped_film_path
from lvtui.film.model import SCHEMA_VERSION, Film
from lvtui.reading.cast import CastRow, cast_rows, search_cast
from lvtui.reading.wording import events
from lvtui.shelf.library import scan
from lvtui.system.exits import Exit
from lvtui.system.files import Unreadable, read_guarded, write_atomically
from lvtui.system.places import films_folder
from lvtui.text.clean import one_line, shorten


def commands_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """`lvtui COMMAND ...`: each command is a sub-parser, and says which function runs it;
    and the sub-parsers by name."""
    root = argparse.ArgumentParser(prog="lvtui", description=browser_parser().description,
                                   epilog="'lvtui COMMAND --help' tells more of each.")
    commands = root.add_subparsers(dest="command", metavar="COMMAND", required=True,
                                   help="what to do (lvtui COMMAND --help)")
    # Each command's parser, and what runs it with the options parsed.
    commands_and_runs: list[tuple[Callable[[Commands], argparse.ArgumentParser], Run]] = [
        (validate_parser, lambda o: validate(o.paths or [shipped_film_path()])),
        (schema_parser, lambda o: print_schema()),
        (upgrade_parser, lambda o: print_upgraded(o.path)),
        (cast_parser, lambda o: list_cast(" ".join(o.query), o.film, o.format)),
        (serve_parser, lambda o: serve(o.path, o.host, o.port, o.max_sessions, o.public_name,
                                       o.verbose)),
        (import_parser, lambda o: import_tmdb(o.files, o.output)),
        (fetch_parser, lambda o: fetch_tmdb(" ".join(o.film), o.year, o.output, o.api_url,
                                            o.timeout, o.open)),
        (library_parser, lambda o: print_library()),
    ]
    for build, run in commands_and_runs:
        build(commands).set_defaults(run=run)
    shown = dict(commands.choices)  # before help is one of them
    explain = commands.add_parser("help", help="what lvtui, or one of its commands, does",
                                  description="Show the help of lvtui, or of one of its "
                                  "commands.")
    explain.add_argument("topic", nargs="?", choices=tuple(shown), metavar="COMMAND",
                         help="the command to explain")
    explain.set_defaults(run=lambda o: _print_help(shown[o.topic] if o.topic else None))
    return root, dict(commands.choices)


def _print_help(parser: argparse.ArgumentParser | None) -> int:
    (parser or browser_parser()).print_help()
    return Exit.OK


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else None
    # A command is a sub-parser: its errors show its own usage ("usage: lvtui cast ...").
    root, commands = commands_parser()
    if command in commands:
        options, extra = root.parse_known_args(args)
        if extra:  # said by the command's parser, not the root's: its usage is the one to see
            commands[command].error(f"unrecognized arguments: {' '.join(extra)}")
        run: Run = options.run
        return run(options)
    parser = browser_parser()
    options = parser.parse_args(args)
    if options.path is not None and options.film is not None:
        parser.error("give the film file either as PATH or with --film, not both")
    if options.find is not None:
        print("lvtui: --find is now --search (it searches the cast, as / does)",
              file=sys.stderr)
        if options.search is not None:
            parser.error("give the search once, with --search")
        options.search = options.find
    if options.search is not None and options.section not in (None, "cast"):
        parser.error(f"--search opens the cast, so it cannot open on {options.section}: "
                     "give one or the other")
    return browse(options.film or options.path, options.section, options.search)


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


def import_tmdb(paths: Sequence[Path], output: Path | None) -> int:
    from lvtui.tmdb import build as tmdb  # only this command reads TMDB's shapes

    named = []
    for path in paths:
        try:
            named.append((one_line(str(path)), read_guarded(path, tmdb.MAX_BYTES)))
        except Unreadable as error:
            print(f"{one_line(str(path))}: cannot be read ({error.problem})", file=sys.stderr)
            return Exit.NO_INPUT
    try:
        data = tmdb.import_files(named)
    except tmdb.NotTmdb as error:
        print(one_line(str(error)), file=sys.stderr)
        return Exit.DATA
    except FilmError as error:
        return report(error)
    return write_film(data, output)


def fetch_tmdb(query: str, year: int | None, output: Path | None, api_url: str | None,
               timeout: float, open_it: bool) -> int:
    import asyncio

    from lvtui.tmdb import fetch as tmdb_fetch

    try:
        credentials = tmdb_fetch.Credentials.from_environment()
        with _progress() as progress:
            fetched = asyncio.run(tmdb_fetch.fetch(
                query, year=year, api_url=api_url or tmdb_fetch.API_URL,
                credentials=credentials, timeout=timeout, progress=progress))
    except tmdb_fetch.Ambiguous as error:
        print(one_line(str(error)), file=sys.stderr)
        for candidate in error.candidates:
            print(one_line(candidate.line()))
        return error.exit_code
    except tmdb_fetch.FetchError as error:
        print(one_line(str(error)), file=sys.stderr)
        return error.exit_code
    except FilmError as error:
        return report(error)
    path = output if output is not None else films_folder() / fetched.file_name()
    status = write_film(fetched.data, path)
    if status != 0:
        return status
    if output is None:
        print(path)
    return browse(path, None, None) if open_it else 0


class _progress:
    """A Rich progress bar on stderr while people are asked for, when stderr is a terminal;
    otherwise nothing. Called with (done, total)."""

    def __enter__(self) -> Callable[[int, int], None]:
        if not sys.stderr.isatty():
            return lambda done, total: None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("Asking TMDB for the people", total=None)
        return lambda done, total: self.bar.update(task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if hasattr(self, "bar"):
            self.bar.stop()


def write_film(data: bytes, output: Path | None) -> int:
    """The film to *output*, whole or not at all (a temporary file, then renamed), or to
    standard output."""
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return Exit.OK
    try:
        write_atomically(output, data)
    except OSError as error:
        print(f"{one_line(str(output))}: cannot be written ({error.strerror})", file=sys.stderr)
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


def serve(path: Path | None, host: str, port: int, max_sessions: int,
          public_names: Sequence[str] = (), verbose: bool = False) -> int:
    try:
        film = read_film(path)  # the same errors and exit codes as validate, before listening
    except FilmError as error:
        return report(error)
    try:
        from lvtui.web.serve import is_loopback
        from lvtui.web.serve import serve as serve_film
    except ImportError:
        print("lvtui serve needs the web extra: pip install 'lvtui[web]'", file=sys.stderr)
        return Exit.USAGE
    if not is_loopback(host):
        print(f"lvtui: warning: listening on {one_line(host)}: anyone who can reach that "
              "address can use lvtui", file=sys.stderr)
    try:
        serve_film(path, host, port, max(1, max_sessions), public_names=public_names,
                   verbose=verbose, title=f"lvtui — {shorten(film.title, 200)} ({film.year})")
    except OSError as error:  # the port is taken, the address is not this computer's...
        reason = os.strerror(error.errno) if error.errno else str(error)
        print(f"lvtui: cannot listen on {one_line(host)}:{port}: {reason.lower()}",
              file=sys.stderr)
        return Exit.UNAVAILABLE
    return Exit.OK


def _end_with_the_server(every: float = 0.5) -> None:
    """End this process once the server that started it is gone, even killed with no word
    to its sessions (kill -9): then this process has a new parent. A tab's lvtui is the
    server's child (serve runs it with exec), and it lived on, orphaned, before. It ends at
    once (os._exit): its tab is gone, there is no terminal to restore, the settings are
    saved as they change, and an app asked to exit while its input thread still posts to
    it printed warnings to the stderr it shares with the server."""
    import threading
    import time

    server = os.getppid()

    def watch() -> None:
        while os.getppid() == server:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="end with the server", daemon=True).start()


def browse(path: Path | None, section: str | None, find: str | None) -> int:
    try:
        film = read_film(path)
    except FilmError as error:
        return report(error)
    from lvtui.ui.app import FilmApp  # textual is imported only when the browser runs

    # The film lives as long as the program: set it aside from the garbage collector's full
    # passes, which would otherwise walk every one of its objects again and again.
    gc.freeze()

    app = FilmApp(film, path=path, section=section, find=find)
    if "web_driver" in os.environ.get("TEXTUAL_DRIVER", ""):  # a tab of `lvtui serve`
        _end_with_the_server()
    app.run()
    return app.return_code or 0  # Textual's 1 after a crash: never 0 for one
