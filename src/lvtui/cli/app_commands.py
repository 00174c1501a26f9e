"""The commands that run the app: in this terminal (lvtui [FILM]), or served to web
browsers (lvtui serve). Textual, and the web server, are imported only when they run."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from lvtui.cli.film_commands import read_film, report
from lvtui.film.loading import FilmError
from lvtui.system.exits import Exit
from lvtui.text.clean import one_line, shorten


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


def browse(path: Path | None, section: str | None, search: str | None) -> int:
    try:
        film = read_film(path)
    except FilmError as error:
        return report(error)
    from lvtui.ui.app import FilmApp  # textual is imported only when the browser runs

    # The film lives as long as the program: set it aside from the garbage collector's full
    # passes, which would otherwise walk every one of its objects again and again.
    gc.freeze()

    app = FilmApp(film, path=path, section=section, search=search)
    if "web_driver" in os.environ.get("TEXTUAL_DRIVER", ""):  # a tab of `lvtui serve`
        _end_with_the_server()
    app.run()
    return app.return_code or 0  # Textual's 1 after a crash: never 0 for one
