"""The command line's words: the parser of `lvtui [FILM]` and of each command, each option
described. No command runs here (lvtui.cli.commands pairs each parser with what it runs)."""

from __future__ import annotations

import argparse
import math
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from lvtui import __version__
from lvtui.reading.sections import SECTION_IDS
from lvtui.system.exits import Exit, status_line

# The sub-parsers of `lvtui COMMAND` (argparse's own type for them), and what runs a command.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Run: TypeAlias = Callable[[argparse.Namespace], int]

CAST_EPILOG = """\
output: 'table' is a table on a terminal and, piped, one line per member with the
fields separated by tabs (actor, role, then the credited name when there is one);
'json' is a list of objects; 'csv' has a header row.
""" + textwrap.fill(status_line(
    (Exit.OK, "when at least one member matched"), (Exit.NO_MATCH, "when none did (as grep)"),
    (Exit.USAGE, "for bad usage"), (Exit.DATA, "when the film file is not valid"),
    (Exit.NO_INPUT, "when it cannot be read")), 80)  # its description is laid out as written


def browser_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lvtui",
        description="Browse Leaving Las Vegas (1995), or any valid film file, in the terminal.",
        epilog="commands: 'lvtui validate [PATH ...]', 'lvtui schema', 'lvtui upgrade PATH', "
        "'lvtui cast [QUERY]', 'lvtui serve [FILM]', 'lvtui import tmdb FILE...', "
        "'lvtui fetch tmdb ID|TITLE', 'lvtui library', "
        "'lvtui help [COMMAND]'. "
        "'lvtui COMMAND --help' tells more of each.",
    )
    parser.add_argument("--version", action="version", version=f"lvtui {__version__}")
    parser.add_argument(
        "path", nargs="?", type=Path, help="a film file (default: the shipped film)"
    )
    _add_film_option(parser)
    parser.add_argument("--section", choices=SECTION_IDS, help="open on this section")
    parser.add_argument("--search", metavar="TEXT",
                        help="open the cast with this search applied (as / does)")
    # Its old name: "find" is ctrl+f's in the app, which looks in every text.
    parser.add_argument("--find", metavar="TEXT", help=argparse.SUPPRESS)
    return parser


def validate_parser(commands: Commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "validate", help="check film files",
        description="Check film files. Prints 'PATH: ok (schema N; N cast, N people, "
        "N organisations, N events)' for each good file, and one line per problem on stderr "
        "for each bad one. A schema-1 file is valid too; 'lvtui upgrade' rewrites it.",
        epilog=status_line((Exit.OK, "when every file is valid"),
                           (Exit.DATA, "when one is not a valid film"),
                           (Exit.NO_INPUT, "when one cannot be read (this wins)")),
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="film files (default: the shipped film)"
    )
    return parser


def schema_parser(commands: Commands) -> argparse.ArgumentParser:
    return commands.add_parser(
        "schema", help="print the JSON Schema of a film file",
        description="Print the JSON Schema of a film file, for an editor to check and "
        "complete film files with: lvtui schema > film.schema.json",
    )


def upgrade_parser(commands: Commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "upgrade", help="print a schema-1 film file as schema 2",
        description="Print a film file as schema 2, the current format: "
        "lvtui upgrade old.json > new.json. A schema-2 file is printed as it validates.",
        epilog=status_line((Exit.OK, "when the file is valid"),
                           (Exit.DATA, "when it is not a valid film"),
                           (Exit.NO_INPUT, "when it cannot be read")),
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="a film file")
    return parser


def cast_parser(commands: Commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "cast", help="list the cast members matching a query",
        description="List the cast members whose actor, role or credited name contains\n"
        "every word of QUERY (any case, any accents, any order); every member when QUERY\n"
        "is left out.",
        epilog=CAST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "query", nargs="*", metavar="QUERY",
        help="part of a name; several words are one query: lvtui cast elisabeth shue",
    )
    _add_film_option(parser)
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="how to print the members (default: table)")
    return parser


def serve_parser(commands: Commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "serve", help="serve lvtui to a web browser",
        description="Serve lvtui to a web browser (needs the web extra: "
        "pip install 'lvtui[web]'). The film is checked first, as 'lvtui validate' checks it; "
        "then the address to open is printed. Each browser tab runs its own lvtui; closing "
        "the tab ends it, and ctrl+c (or SIGTERM) ends the server and every lvtui it started.",
        epilog=status_line((Exit.OK, "after ctrl+c or SIGTERM"),
                           (Exit.USAGE, "for bad usage or without the web extra"),
                           (Exit.DATA, "when the film file is not valid"),
                           (Exit.NO_INPUT, "when it cannot be read"),
                           (Exit.UNAVAILABLE, "when the address cannot be listened on "
                            "(the port is taken)")),
    )
    parser.add_argument("path", nargs="?", type=Path, metavar="FILM",
                        help="a film file (default: the shipped film)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default: 127.0.0.1, this computer "
                        "only); any other lets everyone who can reach it use lvtui")
    parser.add_argument("--port", type=port, default=8000,
                        help="the port (default: 8000; 0: any free port, printed)")
    parser.add_argument("--max-sessions", type=whole_number, default=8, metavar="N",
                        help="tabs served at once; the next one gets a page saying so "
                        "(default: 8)")
    parser.add_argument("--public-name", action="append", default=[], metavar="NAME",
                        help="a name this server is reached by (repeatable). It answers only "
                        "to its own names: loopback names, the address it listens on, "
                        "addresses written as numbers, this machine's host name and these; "
                        "a page under any other name is refused (DNS rebinding)")
    parser.add_argument("--verbose", action="store_true",
                        help="log one short line per request on stderr")
    return parser


def import_parser(commands: Commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "import", help="make a film file from saved TMDB responses",
        description="Build a film file from saved TMDB API v3 responses: a movie's details "
        "(/movie/{id}, with or without append_to_response parts), its credits, release_dates, "
        "keywords and external_ids, and any /person/{id} responses, recognised by their "
        "shape, in any order. The film is checked before it is written.",
        epilog=status_line((Exit.OK, "when the film was written"), (Exit.USAGE, "for bad usage"),
                           (Exit.DATA, "when a file is not a TMDB response lvtui can use (an "
                            "error body, an OMDb response, a film file)"),
                           (Exit.NO_INPUT, "when a file cannot be read"),
                           (Exit.CANT_CREATE, "when OUT cannot be written (a folder, or in a "
                            "folder that does not exist)")))
    parser.add_argument("source", choices=("tmdb",), help="where the responses came from")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help="saved responses, as JSON")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="write the film here (default: standard output)")
    return parser


def fetch_parser(commands: Commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "fetch", help="ask TMDB for a film and make a film file of it",
        description="Ask TMDB for a film and make a film file of it, as 'lvtui import tmdb' "
        "does. The key comes from TMDB_API_KEY (an API key, v3) or TMDB_TOKEN (a read access "
        "token, v4), and is never shown. Without -o the film goes into lvtui's library folder "
        "and its path is printed.",
        epilog=status_line(
            (Exit.OK, "when the film was written"), (Exit.NO_MATCH, "when TMDB has no such film"),
            (Exit.USAGE, "for bad usage, no key, or a title that names several films (they "
             "are listed)"),
            (Exit.DATA, "when TMDB's answer is not JSON, not of the shape lvtui reads, or "
             "over 20 MiB"),
            (Exit.UNAVAILABLE, "when TMDB cannot be reached, times out or keeps refusing for "
             "too many requests"),
            (Exit.CANT_CREATE, "when the film cannot be written (-o a folder, or in one "
             "that does not exist)"),
            (Exit.NO_PERMISSION, "when it refuses the key")))
    parser.add_argument("source", choices=("tmdb",), help="where to ask")
    parser.add_argument("film", nargs="+", metavar="ID|TITLE",
                        help="TMDB's id of the film (550), or its title (Fight Club)")
    parser.add_argument("--year", type=year, help="the year it came out, to tell films apart")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="write the film here (default: the library folder)")
    parser.add_argument("--open", action="store_true", help="then open it in lvtui")
    parser.add_argument("--api-url", type=web_address, default=None, metavar="URL",
                        help="TMDB's API (default: https://api.themoviedb.org/3); a mirror")
    parser.add_argument("--timeout", type=seconds, default=30.0, metavar="SECONDS",
                        help="give up on each answer that has not come whole after this long "
                        "(default: 30)")
    return parser


def library_parser(commands: Commands) -> argparse.ArgumentParser:
    return commands.add_parser(
        "library", help="list the films lvtui can open",
        description="List the films lvtui can open: the shipped film and every film file in "
        "the library folder ($XDG_DATA_HOME/lvtui/films, where 'lvtui fetch' saves them), one "
        "line each, 'Title (Year) — director — path', sorted by title. A file that is not a "
        "valid film is listed last, as broken, with its first problem.",
        epilog=status_line((Exit.OK, "broken files included"), (Exit.USAGE, "for bad usage")))


# Option values, checked as they are parsed: a bad one is a usage error (exit 2) that says
# what the option takes, never a traceback.


def _number(text: str, low: int, high: int, what: str) -> int:
    if not (text.isascii() and text.isdecimal() and len(text) <= 10) or \
            not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(f"expected {what} from {low} to {high:,}")
    return int(text)


def port(text: str) -> int:
    return _number(text, 0, 65535, "a port")


def whole_number(text: str) -> int:
    return _number(text, 1, 1_000_000, "a whole number")


def year(text: str) -> int:
    return _number(text, 1870, 2200, "a year")


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= 86_400):
        raise argparse.ArgumentTypeError("expected a number of seconds, more than 0")
    return value


def web_address(text: str) -> str:
    """An http(s) URL with a host; checked by the parser lvtui fetches with."""
    import httpx  # only when the option is given

    try:
        url = httpx.URL(text)
        port = url.port  # httpx checks no range: 99999 failed only when asked
    except (httpx.InvalidURL, ValueError, TypeError):
        url, port = None, None
    if url is None or url.scheme not in ("http", "https") or not url.host or \
            not 0 < (port or 80) < 65536:
        raise argparse.ArgumentTypeError("expected an http:// or https:// address")
    return text


def _add_film_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--film", type=Path, metavar="PATH", help="read this film file instead of the shipped one"
    )
