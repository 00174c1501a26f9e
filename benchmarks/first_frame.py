"""One start-up, as the benchmarks time it: ``python benchmarks/first_frame.py KIND [FILM]``.

KIND is ``lvtui`` (the real command line, ``lvtui FILM [OPTION ...]``) or ``bare`` (a Textual
app that shows one Static). Run on a pseudo-terminal by ``run.py``, which times from starting this
process to the moment the first complete frame reaches the terminal, and sends ``q``.

A frame is complete when the app has refreshed the screen after mounting it: both kinds
then print the same end-of-frame marker, so both are timed the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from textual.app import App

MARKER = "\x1b]777;first-frame\x07"  # an OSC that terminals ignore, searched for by run.py
PEAK_RSS = "peak-rss-kib="  # printed at exit, for run.py


def report_peak_rss() -> None:
    """The peak resident set of this process since exec (getrusage would count the memory
    of the benchmark process that forked it)."""
    status = Path("/proc/self/status").read_text()
    peak = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    sys.__stdout__.write(f"\n{PEAK_RSS}{peak}\n")  # type: ignore[union-attr]
    sys.__stdout__.flush()  # type: ignore[union-attr]


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.binding import BindingType
    from textual.widgets import Static

    class Bare(App[None]):
        BINDINGS: ClassVar[list[BindingType]] = [("q", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            yield Static("A bare Textual app")

        def on_mount(self) -> None:
            self.call_after_refresh(announce, self)

    Bare().run()
    report_peak_rss()


def lvtui(*arguments: str) -> None:
    import lvtui.ui.app
    from lvtui.cli.commands import main

    class Timed(lvtui.ui.app.FilmApp):
        def on_mount(self) -> None:
            self.call_after_refresh(announce, self)

    lvtui.ui.app.FilmApp = Timed  # type: ignore[misc]  # what `lvtui FILM` runs, plus the marker
    code = main(list(arguments))
    report_peak_rss()
    sys.exit(code)


def announce(app: App[None]) -> None:
    # Through the driver, so the marker is queued behind the frame's own bytes.
    assert app._driver is not None
    app._driver.write(MARKER)
    app._driver.flush()


if __name__ == "__main__":
    if sys.argv[1:2] == ["bare"]:
        bare()
    elif sys.argv[1:2] == ["lvtui"] and len(sys.argv) >= 3:
        lvtui(*sys.argv[2:])
    else:
        sys.exit("usage: first_frame.py bare | lvtui FILM [LVTUI OPTION ...]")
