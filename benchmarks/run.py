"""Every lvtui benchmark, one command: ``python benchmarks/run.py``.

Timings on a shared machine are noisy, so every figure is a ratio against a baseline
measured in the same run, interleaved (A B A B ...): each round measures every variant
once, the ratio is taken within the round, and the table shows the median, min and max
of the per-round ratios. Absolute medians are printed beside them for scale.

- Start-up: process start to the first complete frame on a pseudo-terminal, lvtui
  (shipped film) against a bare Textual app showing one Static; and lvtui on generated
  films of 1k, 10k and 100k cast members against the shipped film.
- Import: ``import lvtui.ui.app`` against ``import textual.app``, each in a fresh process.
- Model: importing ``lvtui.film.model`` (which builds every validator) against importing
  pydantic, in one fresh process; and the same with Pydantic's plugin scan turned off.
- Keystroke: CPU time from a key press in the cast search to the finished frame, at
  28, 1k, 10k and 100k cast members, against the same search box with no list; and a key
  in the find bar (ctrl+f: every text and the whole cast), 100k cast against the shipped film.
- Memory: peak RSS of those start-ups, against the bare app.

``--write benchmarks/RESULTS.md`` also records the table, the machine and the date there.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import fcntl
import os
import platform
import pty
import re
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from first_frame import MARKER, PEAK_RSS  # noqa: E402

from films import HOSTILE_ACTOR, SHIPPED, write_film, write_hostile_plot  # noqa: E402

SIZE = (120, 40)
T = TypeVar("T")
KEYS = [*"elisa", *["backspace"] * 5]  # narrowing as letters come, widening as they go
KEY_WAIT = 0.25  # seconds after each key: far more than a key and its frame take
key_wait = KEY_WAIT  # --key-wait: shorter only for a smoke run, whose figures are not kept


# -- measuring ---------------------------------------------------------------------------


@dataclass
class Launch:
    seconds: float  # process start to the end of the first frame
    peak_rss_mib: float


class Terminal:
    """A program on a 120x40 pseudo-terminal, read by a thread as it writes: keys go in,
    and the moment given bytes come out is taken from outside, as a person sees it."""

    def __init__(self, args: Sequence[str], home: Path) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home),
               "TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8",
               "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
               "XDG_CACHE_HOME": str(home / "cache")}
        self.args, self.master = args, master
        self.output = bytearray()
        self._grew = threading.Condition()
        self.started = time.monotonic()
        self.process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        start_new_session=True)
        os.close(slave)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            with self._grew:
                self.output.extend(chunk)
                self._grew.notify_all()
            if not chunk:
                return

    def send(self, keys: bytes) -> tuple[float, int]:
        """Type *keys*; when they were sent, and how much output there was by then."""
        with self._grew:
            seen = len(self.output)
        os.write(self.master, keys)
        return time.monotonic(), seen

    def wait_for(self, needle: bytes, after: int = 0, timeout: float = 120) -> float:
        """When *needle* first came out past offset *after* (waiting for it)."""
        deadline = time.monotonic() + timeout
        with self._grew:
            while self.output.find(needle, max(0, after - len(needle))) < 0:
                if not self._grew.wait(timeout=deadline - time.monotonic()) \
                        and time.monotonic() >= deadline:
                    self.process.kill()
                    raise RuntimeError(f"no {needle!r} from {self.args}: "
                                       f"{bytes(self.output[-500:])!r}")
            return time.monotonic()

    def quit(self) -> float:
        """Press q; the peak resident set the program reported as it exited, in MiB."""
        os.write(self.master, b"q")
        try:
            status = self.process.wait(timeout=60)
        finally:
            if self.process.poll() is None:  # never left running: with no terminal to
                self.process.kill()           # read from, an app may spin on the CPU
                self.process.wait()
            self._reader.join(timeout=5)
            os.close(self.master)
        peak = re.search(re.escape(PEAK_RSS.encode()) + rb"(\d+)", self.output)
        if status != 0 or peak is None:
            raise RuntimeError(f"{self.args} exited with status {status}: "
                               f"{bytes(self.output[-500:])!r}")
        return int(peak.group(1)) / 1024


def launch(args: Sequence[str], home: Path) -> Launch:
    """Run *args* on a 120x40 pty, wait for the first-frame marker, press q, collect rusage."""
    terminal = Terminal(args, home)
    seconds = terminal.wait_for(MARKER.encode()) - terminal.started
    return Launch(seconds, terminal.quit())


def first_key_seconds(args: Sequence[str], home: Path, key: bytes, answer: bytes) -> float:
    """From *key*, typed the moment the first frame is out, to *answer* on the terminal:
    what the links, found after the first frame, cost the first key. It starts on the
    overview, whatever section the last run was left on: a key that changes nothing
    draws nothing."""
    terminal = Terminal([*args, "--section", "overview"], home)
    terminal.wait_for(MARKER.encode())
    sent, seen = terminal.send(key)
    seconds = terminal.wait_for(answer, after=seen) - sent
    terminal.quit()
    return seconds


def count_seconds(args: Sequence[str], home: Path, letter: str, answer: str) -> float:
    """In the cast search of a settled app, from *letter* typed to the new count (*answer*)
    on the terminal: a keystroke as a person feels it, search, paint and terminal."""
    terminal = Terminal(args, home)
    terminal.wait_for(MARKER.encode())
    time.sleep(1.5 * key_wait / KEY_WAIT)  # the other panes, links and index are made
    terminal.send(b"/")
    time.sleep(0.5 * key_wait / KEY_WAIT)  # the search box has the focus
    sent, seen = terminal.send(letter.encode())
    seconds = terminal.wait_for(answer.encode(), after=seen) - sent
    terminal.send(b"\x1b")  # out of the box, alone: escape and q at once read as alt+q
    time.sleep(0.3)
    terminal.quit()
    return seconds


def model_build_seconds(*, plugins: bool = True) -> tuple[float, float]:
    """In a fresh process: importing pydantic, then importing lvtui.film.model, which builds
    every validator. With *plugins* off, Pydantic skips its scan of installed packages."""
    code = ("import time; t = time.perf_counter(); import pydantic; u = time.perf_counter(); "
            "import lvtui.film.model; print(u - t, time.perf_counter() - u)")
    env = dict(os.environ)
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    if not plugins:
        env["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env=env)
    pydantic_seconds, model_seconds = result.stdout.split()
    return float(pydantic_seconds), float(model_seconds)


def import_seconds(module: str) -> float:
    code = (f"import time; t = time.perf_counter(); import {module}; "
            "print(time.perf_counter() - t)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    return float(result.stdout)


def keystroke_seconds(film_path: Path | None, home: Path, *, find: bool = False) -> float:
    """Median CPU seconds per key of KEYS in the cast search (with *find*, in the find bar);
    with no film, the floor: the shipped film's app whose cast pane has the search box but
    no list."""
    return asyncio.run(_type_keys(film_path, home, find))


async def _type_keys(film_path: Path | None, home: Path, find: bool = False) -> float:
    from textual import events
    from textual.app import ComposeResult
    from textual.containers import Horizontal
    from textual.widgets import Static

    import lvtui.ui.app
    from lvtui.film.loading import load_film
    from lvtui.shelf.settings import SettingsStore
    from lvtui.ui.find.bar import FindBox
    from lvtui.ui.widgets import film_panes
    from lvtui.ui.widgets.cast import CastPane, SearchBox

    class ListlessCastPane(CastPane):
        """The floor: the same pane, search box and count, with no list and no search."""

        def compose(self) -> ComposeResult:
            with Horizontal(id="cast-bar"):
                yield SearchBox(id="cast-search")
                yield Static(id="cast-count")

        def on_resize(self, event: events.Resize) -> None:
            event.prevent_default()  # the base handler sizes the list's column headers

        def apply_search(self, text: str) -> None:
            pass

    real_pane = film_panes.CastPane
    film_panes.CastPane = ListlessCastPane if film_path is None else real_pane  # type: ignore[misc]
    try:
        film = load_film(film_path or SHIPPED)
        app = lvtui.ui.app.FilmApp(film, section="overview",
                                settings=SettingsStore(home / "settings.json"))
        costs = []
        async with app.run_test(size=SIZE) as pilot:
            # ctrl+f waits for the index (made after the first frame) before it returns.
            await pilot.press("ctrl+f" if find else "slash")
            box = app.film_screen.query_one(FindBox if find else SearchBox)
            assert app.focused is box
            box.cursor_blink = False  # no timer work between keys
            await pilot.pause(0.5)
            for key in KEYS:
                before = time.process_time()
                # As the driver sends it. Not pilot.press: Pilot then waits on every widget
                # of the screen, a cost that grows with the widget count and is not the app's.
                app.post_message(events.Key(key, key if len(key) == 1 else None))
                await asyncio.sleep(key_wait)  # handled, searched and painted; idle is free
                costs.append(time.process_time() - before)
            # With a short --key-wait, keys may still be on their way: leaving now would close
            # the app under them. The app forwards each key to the box in order, so a call
            # queued on the app after the keys, then on the box, runs once the box has read
            # them all; a backspace is then still bubbling up to the bindings that delete.
            read = asyncio.Event()
            app.call_later(lambda: box.call_later(read.set))
            await asyncio.wait_for(read.wait(), timeout=60)
            for _ in range(1000):
                if box.value == "":
                    break
                await asyncio.sleep(0.01)
            assert box.value == "", f"the box still holds {box.value!r}: a key was lost"
        return statistics.median(costs)
    finally:
        film_panes.CastPane = real_pane  # type: ignore[misc]


# -- the plan ----------------------------------------------------------------------------


@dataclass
class Figure:
    """One table row: variant / baseline, round by round."""

    name: str
    goal: float
    unit: str
    variant: Callable[[], float]
    baseline: Callable[[], float]
    ratios: list[float] = field(default_factory=list)
    values: list[tuple[float, float]] = field(default_factory=list)

    def measure_once(self) -> None:
        variant, baseline = self.variant(), self.baseline()
        self.values.append((variant, baseline))
        self.ratios.append(variant / baseline)

    def row(self) -> list[str]:
        median = statistics.median(self.ratios)
        variant = statistics.median(v for v, _ in self.values)
        baseline = statistics.median(b for _, b in self.values)
        digits = 3 if self.unit == "s" else 1
        goal, met = ("—", "") if self.goal == float("inf") else (
            f"≤ {self.goal}", "yes" if median <= self.goal else "**no**")
        return [self.name, f"{median:.2f}", f"{min(self.ratios):.2f}", f"{max(self.ratios):.2f}",
                goal, met, f"{variant:.{digits}f} / {baseline:.{digits}f} {self.unit}"]


class Cached(Generic[T]):
    """Launches are expensive: one measurement per variant per round feeds two figures."""

    def __init__(self, run: Callable[[], T]) -> None:
        self._run = run
        self._value: T | None = None

    def reset(self) -> None:
        self._value = None

    def get(self) -> T:
        if self._value is None:
            self._value = self._run()
        return self._value


def expected_count(film_path: Path, letter: str) -> str:
    """The count the cast search shows after *letter*, as lvtui's own search finds it."""
    from lvtui.film.loading import load_film
    from lvtui.reading.cast import CastSearch, cast_rows

    rows = cast_rows(load_film(film_path))
    return f"{len(CastSearch(rows).update(letter) or []):,} of {len(rows):,}"


def mention_seconds(size: int, *, named: bool) -> float:
    """Finding the names in a text of *size* words among *size* names: with *named*, each
    word is a name (the mentions found per second); without, the same number of words and
    letters, none a name (the plain text scanned)."""
    from lvtui.text.mentions import Mentions

    names = [(f"Name{number:06d} Surname", f"id-{number}") for number in range(size)]
    mentions = Mentions(names)
    word = "Name{:06d} Surname" if named else "Nome{:06d} Surname"
    text = " ".join(word.format(number) for number in range(size))
    start = time.process_time()
    found = mentions.find(text)
    seconds = time.process_time() - start
    assert len(found) == (size if named else 0)
    return seconds


def plan(sizes: Sequence[int], work: Path) -> tuple[list[Figure], list[Cached[Any]]]:
    python, script = sys.executable, str(HERE / "first_frame.py")

    def lvtui(film: Path) -> list[str]:
        return [python, script, "lvtui", str(film)]
    films = {size: write_film(size, work / f"film-{size}.json") for size in sizes}
    bare = Cached(lambda: launch([python, script, "bare"], work))
    shipped = Cached(lambda: launch([python, script, "lvtui", str(SHIPPED)], work))
    big = {size: Cached(lambda p=path: launch([python, script, "lvtui", str(p)], work))
           for size, path in films.items()}
    figures = [
        Figure("first frame: shipped film / bare Textual app", 1.5, "s",
               lambda: shipped.get().seconds, lambda: bare.get().seconds),
        Figure("import lvtui.ui.app / import textual.app", 1.5, "s",
               lambda: import_seconds("lvtui.ui.app"), lambda: import_seconds("textual.app")),
    ]
    build = Cached(lambda: model_build_seconds())
    figures += [
        # The model's own cost, against the import it cannot avoid: pydantic's. The goal is
        # schema 1's figure, measured the same way before schema 2 (2.13): no slower.
        Figure("build lvtui.film.model / import pydantic", 2.13, "s",
               lambda: build.get()[1], lambda: build.get()[0]),
        Figure("build lvtui.film.model: plugins off / on", float("inf"), "s",
               lambda: model_build_seconds(plugins=False)[1], lambda: build.get()[1]),
    ]
    for size in sizes:
        figures.append(Figure(f"first frame: {size:,} cast / shipped film",
                              1.2 if size == max(sizes) else float("inf"), "s",
                              lambda s=size: big[s].get().seconds, lambda: shipped.get().seconds))
    keystroke = {size: (lambda p=path: keystroke_seconds(p, work)) for size, path in films.items()}
    floor = lambda: keystroke_seconds(None, work)  # noqa: E731
    figures.append(Figure("keystroke: 28 cast / the search box with no list", 1.5, "ms",
                          lambda: 1000 * keystroke_seconds(SHIPPED, work), lambda: 1000 * floor()))
    # Find looks in every text of the film and in the whole cast, as the cast search does.
    figures.append(Figure(f"find keystroke: {max(sizes):,} cast / shipped film", 1.5, "ms",
                          lambda: 1000 * keystroke_seconds(films[max(sizes)], work, find=True),
                          lambda: 1000 * keystroke_seconds(SHIPPED, work, find=True)))
    smallest = min(sizes)
    for size in sizes:
        if size != smallest:
            figures.append(Figure(f"keystroke: {size:,} cast / {smallest:,} cast",
                                  1.5 if size == max(sizes) else float("inf"), "ms",
                                  lambda s=size: 1000 * keystroke[s](),
                                  lambda: 1000 * keystroke[smallest]()))
    # As a person feels a key: sent on the terminal, until the new count is on it.
    letter = "e"
    counts = {path: expected_count(path, letter) for path in (SHIPPED, films[max(sizes)])}
    figures.append(Figure(f"keystroke to the count, pty: {max(sizes):,} cast / 28 cast", 1.5,
                          "ms",
                          lambda: 1000 * count_seconds(lvtui(films[max(sizes)]), work, letter,
                                                       counts[films[max(sizes)]]),
                          lambda: 1000 * count_seconds(lvtui(SHIPPED), work, letter,
                                                       counts[SHIPPED])))
    # A plot that names someone in every word, against the same plot naming no one.
    named, plain = (write_hostile_plot(max(sizes), work / f"{kind}.json", named=kind == "named")
                    for kind in ("named", "plain"))
    key, answer = b"3", HOSTILE_ACTOR.encode()  # the cast section, where the actor is listed
    figures.append(Figure(f"first key, pty: a plot naming someone {max(sizes):,} times / "
                          "the same plot naming no one", 1.5, "ms",
                          lambda: 1000 * first_key_seconds(lvtui(named), work, key, answer),
                          lambda: 1000 * first_key_seconds(lvtui(plain), work, key, answer)))
    for size in sizes:
        figures.append(Figure(f"mentions: {size:,} names, {size:,} found / plain text", 1.5,
                              "ms", lambda s=size: 1000 * mention_seconds(s, named=True),
                              lambda s=size: 1000 * mention_seconds(s, named=False)))
    figures.append(Figure("peak RSS: shipped film / bare app", 1.3, "MiB",
                          lambda: shipped.get().peak_rss_mib, lambda: bare.get().peak_rss_mib))
    figures.append(Figure(f"peak RSS: {max(sizes):,} cast / bare app", 2.0, "MiB",
                          lambda: big[max(sizes)].get().peak_rss_mib,
                          lambda: bare.get().peak_rss_mib))
    return figures, [bare, shipped, build, *big.values()]


# -- reporting ---------------------------------------------------------------------------


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor() or "unknown CPU") if Path("/proc/cpuinfo").exists() else "?"
    import textual

    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, Textual {textual.__version__}")


def table(figures: Sequence[Figure]) -> str:
    header = ["figure", "median", "min", "max", "goal", "met", "medians (variant / baseline)"]
    rows = [header, ["---"] * len(header), *(figure.row() for figure in figures)]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def measure(figures: Sequence[Figure], launches: Sequence[Cached[Any]], rounds: int) -> None:
    """Interleaved rounds: each measures every figure once, launches made afresh."""
    for number in range(1, rounds + 1):
        for cached in launches:
            cached.reset()
        for figure in figures:
            figure.measure_once()
        print(f"round {number}/{rounds} done", file=sys.stderr, flush=True)


def report(figures: Sequence[Figure], rounds: int) -> str:
    """The table, with the number of rounds, the date and the machine."""
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{table(figures)}\n\n{rounds} interleaved rounds, {date}.\nMachine: {machine()}.\n"


def write_results(path: Path, text: str,
                  markers: tuple[str, str] = ("<!-- results -->", "<!-- /results -->")) -> None:
    """Replace what lies between the *markers* of *path*; the notes around stay."""
    start, end = markers
    old = path.read_text(encoding="utf-8") if path.exists() else f"{start}\n{end}\n"
    before, _, rest = old.partition(start)
    _, _, after = rest.partition(end)
    path.write_text(f"{before}{start}\n{text}\n{end}{after}", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="interleaved rounds (default 9)")
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="generated cast sizes, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--write", type=Path, help="record the results in this Markdown file")
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                        help="skip the first launch of each variant (for a quick smoke run)")
    parser.add_argument("--key-wait", type=float, default=KEY_WAIT,
                        help=f"seconds after each key (default {KEY_WAIT}; less only for a "
                             "smoke run: a key may not be done by then)")
    options = parser.parse_args(argv)
    global key_wait
    key_wait = options.key_wait
    sizes = sorted(int(size) for size in options.sizes.split(","))

    with tempfile.TemporaryDirectory(prefix="lvtui-bench-") as directory:
        figures, launches = plan(sizes, Path(directory))
        if options.warm_up:  # warm the file cache and write the settings file once
            for cached in launches:
                cached.get()
        measure(figures, launches, options.rounds)
    text = report(figures, options.rounds)
    print(text)
    if options.write:
        write_results(options.write, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
