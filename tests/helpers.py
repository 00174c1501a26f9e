"""Helpers shared by the app and hostile-input tests (imported as ``helpers``)."""

from __future__ import annotations

import inspect
import io
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import WeakSet

from rich.console import Console
from rich.segment import Segment
from textual import events
from textual.app import App
from textual.driver import Driver
from textual.events import Resize
from textual.geometry import Size

from lvtui.reading.sections import SECTION_IDS

if TYPE_CHECKING:
    import subprocess

    from lvtui.ui.app import FilmApp

AppFactory = Callable[..., "FilmApp"]
Run = Callable[..., "subprocess.CompletedProcess[str]"]  # the `run` fixture: lvtui ARGS
FILMS = Path(__file__).resolve().parent / "films"  # the example film files


A = TypeVar("A", bound="App[Any]")


def lean(app: A, *, every_frame: bool = False) -> A:
    """*app*, whose scrolls and fades land at once, and whose frames are drawn only when a
    test reads the screen (unless *every_frame*). Tests check where things end, never the
    frames on the way: animated, the in-process tests did some 8 % more work, and drawing
    frames that the headless driver throws away was a third of what an app test costs.
    The resize storm draws every frame (a frame at a strange size is what it tries), and
    the end-to-end tests (a pty, the web server's sessions) run lvtui as shipped."""
    app.animation_level = "none"
    if not every_frame:
        _UNDRAWN.add(app)
    return app


_UNDRAWN: WeakSet[App[Any]] = WeakSet()  # apps whose frames are drawn only when read


def _draw_frames_only_when_read() -> None:
    """Textual's screens draw each frame with ``Compositor.render_update``; the headless
    driver discards it. For the apps in ``_UNDRAWN`` the frame is skipped (its dirty regions
    dropped); reading the screen (``screen_text``, ``screen_lines``, snapshots) asks for a
    full frame, which is always drawn. Fails at import if Textual renames the method."""
    from textual._compositor import Compositor
    from textual._context import active_app

    draw = Compositor.render_update

    def render_update(self: Compositor, full: bool = False,
                      screen_stack: list[Any] | None = None, simplify: bool = False) -> Any:
        if not full and active_app.get(None) in _UNDRAWN:
            self._dirty_regions.clear()
            return None
        return draw(self, full, screen_stack, simplify)

    assert "full" in inspect.signature(draw).parameters, "Textual changed render_update"
    Compositor.render_update = render_update  # type: ignore[method-assign]


_draw_frames_only_when_read()


def _parse_each_stylesheet_once() -> None:
    """Textual parses an app's CSS (its own and every widget's DEFAULT_CSS) afresh for each
    app, some 30 ms of every app test's start. Parsed from the same source with the same
    theme variables, the rules are the same whatever the app, so a test process parses each
    source once per set of variables. Fails at import if Textual changes the method."""
    from textual.css.stylesheet import Stylesheet

    parse = Stylesheet._parse_rules
    parsed: dict[tuple[Any, ...], Any] = {}

    def parse_rules(self: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False,
                    tie_breaker: int = 0, scope: str = "") -> Any:
        key = (css, read_from, is_default_rules, tie_breaker, scope,
               tuple(self._variables.items()))
        if key not in parsed:
            parsed[key] = parse(self, css, read_from, is_default_rules, tie_breaker, scope)
        return parsed[key]

    names = ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]
    assert list(inspect.signature(parse).parameters) == names, "Textual changed _parse_rules"
    Stylesheet._parse_rules = parse_rules  # type: ignore[method-assign]


_parse_each_stylesheet_once()


def record_calls(monkeypatch: Any, owner: type, name: str) -> list[Any]:
    """Each call of *owner.name*, a method of one argument, from now on, by its argument;
    the method still does its work. (Exactly one: Textual calls a watcher with as many
    arguments as it declares.)"""
    calls: list[Any] = []
    method = getattr(owner, name)

    def recorded(self: Any, argument: Any) -> Any:
        calls.append(argument)
        return method(self, argument)

    monkeypatch.setattr(owner, name, recorded)
    return calls


def resize(app: App[Any], width: int, height: int) -> None:
    """What a terminal's SIGWINCH becomes: the driver's size, and a Resize event."""
    driver: Driver | None = app._driver
    assert driver is not None
    driver._size = Size(width, height)  # type: ignore[attr-defined]
    app.post_message(Resize(Size(width, height), Size(width, height)))


def notifications(app: App[Any]) -> list[str]:
    """The messages of the notifications shown now (Textual keeps them privately)."""
    return [str(notification.message) for notification in app._notifications]


def screen_text(app: FilmApp) -> str:
    """Every character on the app's screen (modal screens included), as plain text lines."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      force_terminal=True, color_system="truecolor", legacy_windows=False)
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens
    )
    console.print(update)
    return console.export_text(styles=False)


def screen_lines(app: FilmApp) -> list[list[Segment]]:
    """The screen (modal screens included) as rendered: per line, its segments and styles.
    One render gives both the text and every cell's colours, link and click action."""
    update = app.screen._compositor.render_update(full=True,
                                                  screen_stack=app._background_screens)
    return [[segment for strip in line for segment in strip] for line in update.strips]


async def each_section(pilot: Any) -> AsyncIterator[tuple[str, str]]:
    """Show every section by its number key, as a person would; yield each with the text
    of the whole screen."""
    app = pilot.app
    for number, section in enumerate(SECTION_IDS, start=1):
        await pilot.press(str(number))
        # A pane not made yet is shown once it is: on a busy machine, after the pilot's
        # idle wait has already ended.
        await pause_until(pilot, lambda shown=section: app.film_screen.section == shown,
                          f"the {section} section shown")
        yield section, screen_text(app)


async def pause_until(pilot: Any, condition: Callable[[], bool], what: str,
                      tries: int = 200) -> None:
    """Let the app run, a frame at a time, until *condition* holds (AssertionError naming
    *what* if it never does)."""
    for _ in range(tries):
        await pilot.pause()
        if condition():
            return
    raise AssertionError(f"never: {what}")


async def wait_for_palette(pilot: Any, needle: str, tries: int = 200) -> None:
    """Wait until the command palette, which searches in the background, lists *needle*."""
    from textual.command import CommandPalette

    app = pilot.app
    await pause_until(pilot, lambda: isinstance(app.screen, CommandPalette)
                      and needle in screen_text(app), f"the palette lists {needle!r}", tries)


def read_at_once(typed: str) -> list[Any]:
    """What Textual's terminal driver makes of *typed* arriving in one read (its parser:
    keys, pastes, mouse events), in order."""
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    return [*parser.feed(typed), *parser.feed("")]


def post_clicks(app: FilmApp, positions: list[tuple[int, int]]) -> int:
    """Click at each screen position as a terminal reports it: mouse down, mouse up (the app
    makes the click). All are queued at once, as a fast hand would click."""
    for x, y in positions:
        for event in (events.MouseDown, events.MouseUp):
            app.post_message(event(None, x, y, 0, 0, 1, False, False, False,
                                   screen_x=x, screen_y=y))
    return len(positions)


# Runs lvtui's main in a child Python, which prints its own peak resident memory (KiB) as
# the last line of stderr: what one run of a command costs. VmHWM, not ru_maxrss: Linux
# keeps the latter across exec, so a child of a 500 MiB worker would report 500 MiB.
_MEASURED = """\
import re, sys
from pathlib import Path
from lvtui.cli.commands import main
try:
    code = main(sys.argv[1:])
finally:
    status = Path("/proc/self/status").read_text()
    print(re.search(r"VmHWM:\\s*(\\d+)", status).group(1), file=sys.stderr)
sys.exit(code)
"""


def run_measured(*args: str, env: dict[str, str] | None = None,
                 timeout: float = 60) -> tuple[int, str, str, float]:
    """lvtui ARGS in a child process: its exit status, stdout, stderr (without the last
    line) and peak memory in MiB."""
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _MEASURED, *args], capture_output=True,
                            text=True, timeout=timeout, env={**os.environ, **(env or {})},
                            stdin=subprocess.DEVNULL)
    *said, peak = result.stderr.rstrip("\n").split("\n")
    return result.returncode, result.stdout, "\n".join(said), int(peak) / 1024


def a_device(path: Path) -> Path:
    """A character device at *path* like /dev/zero (its reads never end), made in the test's
    own directory, so that a bug that writes over it harms nothing; skips where only root
    may make one."""
    import os
    import stat

    import pytest

    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("only root makes devices")
    return path


def printed_by(code: str) -> str:
    """What Python *code* prints, run in a fresh interpreter: what importing a module does
    to a process can only be seen in one that has imported nothing yet."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    return result.stdout.strip()
