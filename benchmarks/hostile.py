"""What a hostile file or server costs lvtui, one command: ``python benchmarks/hostile.py``.

Each figure against a baseline measured in the same run, on this machine:

- ``lvtui validate`` of a 15 MiB film whose cast is a million empty records (refused), in
  seconds and peak memory, against validating the shipped film;
- ``lvtui fetch tmdb`` answered with a gzip bomb (1 GiB of zeros, about 1 MiB sent) by a
  server on 127.0.0.1 (refused), against the same command answered "no such film";
- a find key (ctrl+f, then a letter, to the count found) on a plot that matches 2,000,000
  times and on 8 MiB of prose in 4,400 paragraphs, against the same key on the shipped
  film; and escape typed with the letter, to the bar closed.

The peaks are each child's own (VmHWM); the times are the median of ``--rounds`` runs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from films import SHIPPED  # noqa: E402

# lvtui's main in a child that prints its own peak resident memory (KiB) last on stderr.
MEASURED = """\
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
GOALS = {"refusal s": 15.0, "refusal MiB": 400.0, "bomb MiB": 150.0, "key ms": 100.0}


def measured(*args: str, env: dict[str, str] | None = None) -> tuple[int, float, float]:
    """lvtui ARGS in a child: its exit status, seconds and peak MiB."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURED, *args], capture_output=True,
                            text=True, timeout=600, env={**os.environ, **(env or {})},
                            stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = int(result.stderr.rstrip("\n").rsplit("\n", 1)[-1]) / 1024
    return result.returncode, seconds, peak


def records_film(path: Path, size: int) -> Path:
    head = b'{"schema_version": 2, "title": "Records", "year": 1995, "cast": ['
    path.write_bytes(head + b",".join([b"{}"] * ((size - len(head)) // 3)) + b"]}")
    return path


@contextmanager
def server(body: bytes, encoding: str) -> Iterator[str]:
    """A server on 127.0.0.1 that answers every request with *body* (404 if empty)."""
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/json")
            if encoding:
                self.send_header("Content-Encoding", encoding)
            answer = body or b'{"status_code": 34, "status_message": "Not found."}'
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(answer)  # the client may refuse it, as it should

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/3"
    finally:
        httpd.shutdown()
        httpd.server_close()


def zeros_gzipped(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(2**20)
    return b"".join(packer.compress(block) for _ in range(size // 2**20)) + packer.flush()


def huge_plots() -> dict[str, dict[str, Any]]:
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    matches = json.loads(json.dumps(shipped))
    matches["plot"] = [" ".join(["a"] * 2_000_000)]
    prose = json.loads(json.dumps(shipped))
    text = " ".join(shipped["plot"])
    prose["plot"] = [text] * (8 * 2**20 // len(text) + 1)
    return {"shipped film": shipped, "2,000,000 matches": matches, "8 MiB of prose": prose}


def find_keys(film: dict[str, Any], letter: str) -> tuple[float, float]:
    """In the app at 120x40: seconds from a find key to its count, and from a letter and
    escape typed together to the bar closed (the index made first, by ctrl+f)."""
    from textual import events

    from lvtui.film.loading import parse_film
    from lvtui.shelf.settings import SettingsStore
    from lvtui.ui.app import FilmApp

    async def run() -> tuple[float, float]:
        with tempfile.TemporaryDirectory() as home:
            app = FilmApp(parse_film(json.dumps(film).encode()),
                          settings=SettingsStore(Path(home) / "settings.json"))
            async with app.run_test(size=(120, 40)) as pilot:
                screen = app.film_screen
                await pilot.press("ctrl+f")
                while screen.film_find.index is None:
                    await asyncio.sleep(0.01)
                await app.workers.wait_for_complete()  # the links found, the text folded
                await pilot.pause()
                start = time.perf_counter()
                await pilot.press(letter)
                while not screen.film_find.words():
                    await asyncio.sleep(0.001)
                key = time.perf_counter() - start
                await pilot.press("backspace")
                await pilot.pause()
                start = time.perf_counter()
                for name, character in ((letter, letter), ("escape", "\x1b")):  # at once
                    app.post_message(events.Key(name, character))
                while screen.find_bar.has_class("-open"):
                    await asyncio.sleep(0.001)
                return key, time.perf_counter() - start

    return asyncio.run(run())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args(argv)
    rounds = options.rounds
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as work:
        film = records_film(Path(work) / "records.json", 15 * 2**20)
        base = [measured("validate", str(SHIPPED)) for _ in range(rounds)]
        hostile = [measured("validate", str(film)) for _ in range(rounds)]
        assert all(status == 65 for status, _, _ in hostile), hostile
        seconds = statistics.median(s for _, s, _ in hostile)
        peak = max(p for _, _, p in hostile)
        base_seconds = statistics.median(s for _, s, _ in base)
        base_peak = max(p for _, _, p in base)
        rows.append(("validate: 15 MiB of empty records / the shipped film",
                     f"{seconds:.2f} s / {base_seconds:.2f} s = {seconds / base_seconds:.2f}",
                     f"{peak:.0f} / {base_peak:.0f} MiB = {peak / base_peak:.2f}"))
        assert seconds < GOALS["refusal s"] and peak < GOALS["refusal MiB"]

        env = {"TMDB_API_KEY": "benchmark", "XDG_DATA_HOME": work}
        out = str(Path(work) / "film.json")
        bomb = zeros_gzipped(2**30)
        with server(gzip.compress(b"{}"), "gzip") as url:  # a failure with no bomb in it
            base = [measured("fetch", "tmdb", "550", "--api-url", url, "-o", out, env=env)
                    for _ in range(rounds)]
        with server(bomb, "gzip") as url:
            hostile = [measured("fetch", "tmdb", "550", "--api-url", url, "-o", out, env=env)
                       for _ in range(rounds)]
        assert all(status == 65 for status, _, _ in hostile), hostile
        seconds, peak = (statistics.median(s for _, s, _ in hostile),
                         max(p for _, _, p in hostile))
        base_seconds, base_peak = (statistics.median(s for _, s, _ in base),
                                   max(p for _, _, p in base))
        rows.append((f"fetch: a gzip bomb ({len(bomb) / 2**20:.1f} MiB -> 1 GiB) / an "
                     "answer of another shape",
                     f"{seconds:.2f} s / {base_seconds:.2f} s = {seconds / base_seconds:.2f}",
                     f"{peak:.0f} / {base_peak:.0f} MiB = {peak / base_peak:.2f}"))
        assert peak < GOALS["bomb MiB"]

    films = huge_plots()
    keys = {name: [find_keys(film, "a") for _ in range(rounds)] for name, film in films.items()}
    base_key = statistics.median(key for key, _ in keys["shipped film"])
    base_escape = statistics.median(escape for _, escape in keys["shipped film"])
    for name in ("2,000,000 matches", "8 MiB of prose"):
        key = statistics.median(k for k, _ in keys[name])
        escape = statistics.median(e for _, e in keys[name])
        rows.append((f"find key 'a': {name} / the shipped film",
                     f"{key * 1000:.0f} ms / {base_key * 1000:.0f} ms = {key / base_key:.2f}",
                     f"a and escape together: {escape * 1000:.0f} ms / "
                     f"{base_escape * 1000:.0f} ms = {escape / base_escape:.2f}"))
    width = max(len(name) for name, _, _ in rows)
    print(f"{'':{width}}  time                          memory or second figure")
    for name, first, second in rows:
        print(f"{name:{width}}  {first:30}{second}")
    print(f"({rounds} rounds; medians, peaks the largest; goals: refusal under "
          f"{GOALS['refusal s']:.0f} s and {GOALS['refusal MiB']:.0f} MiB, the bomb under "
          f"{GOALS['bomb MiB']:.0f} MiB, a key under {GOALS['key ms']:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
