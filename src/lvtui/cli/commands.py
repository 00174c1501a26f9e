"""The command line: each command's parser (lvtui.cli.arguments) paired with what runs it
(film_commands, tmdb_commands, app_commands), and `lvtui` itself.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from lvtui.cli.app_commands import browse, serve
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
from lvtui.cli.film_commands import (
    list_cast,
    print_library,
    print_schema,
    print_upgraded,
    validate,
)
from lvtui.cli.tmdb_commands import fetch_tmdb, import_tmdb
from lvtui.film.loading import shipped_film_path
from lvtui.system.exits import Exit


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
