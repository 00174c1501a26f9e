"""The commands that make a film of TMDB's answers: import (saved answers) and fetch (asked
over HTTP). TMDB's code is imported only when one of them runs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from lvtui.cli import app_commands
from lvtui.cli.film_commands import report, write_film
from lvtui.film.loading import FilmError
from lvtui.system.exits import Exit
from lvtui.system.files import Unreadable, read_guarded
from lvtui.system.places import films_folder
from lvtui.text.clean import one_line


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
    status = write_film(fetched.data, path, make_folder=output is None)
    if status != 0:
        return status
    if output is None:
        print(path)
    return app_commands.browse(path, None, None) if open_it else Exit.OK


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
