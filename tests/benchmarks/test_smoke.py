"""The benchmark scripts run end to end (one quick round each) and the generated films validate.

No timing is asserted here: figures live in benchmarks/RESULTS.md, not in the test suite.
These are runs of the benchmark scripts, not tests of lvtui's behaviour: some 15 CPU-seconds
of launches, a tenth of the suite's budget on two cores. So they are marked `benchmark_run`,
left out of the README's test command, and run by .ci/run after it, beside the linters.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def one_round(script: str, *args: str) -> str:
    """Run a benchmark script from the repository's root; what it printed."""
    result = subprocess.run([sys.executable, script, *args], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.mark.benchmark_run
def test_generated_films_validate(tmp_path: Path) -> None:
    for size in (1, 28, 500):
        path = tmp_path / f"film-{size}.json"
        subprocess.run([sys.executable, "benchmarks/films.py", str(size), str(path)],
                       cwd=ROOT, check=True, capture_output=True, timeout=60)
        result = subprocess.run([sys.executable, "-m", "lvtui", "validate", str(path)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert f": ok (schema 2; {size} cast, " in result.stdout
        assert result.stdout.endswith(" 7 events)\n")


@pytest.mark.benchmark_run
def test_one_quick_round_prints_every_figure(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text("# notes kept\n<!-- results -->\nold\n<!-- /results -->\nmore notes\n")
    printed = one_round("benchmarks/run.py", "--rounds", "1", "--sizes", "200,2000",
                        "--no-warm-up", "--key-wait", "0.02", "--write", str(results))
    for figure in ("first frame: shipped film / bare Textual app",
                   "import lvtui.ui.app / import textual.app",
                   "first frame: 2,000 cast / shipped film",
                   "keystroke: 28 cast / the search box with no list",
                   "keystroke: 2,000 cast / 200 cast",
                   "find keystroke: 2,000 cast / shipped film",
                   "peak RSS: shipped film / bare app",
                   "build lvtui.film.model / import pydantic",
                   "build lvtui.film.model: plugins off / on",
                   "peak RSS: 2,000 cast / bare app",
                   "keystroke to the count, pty: 2,000 cast / 28 cast",
                   "first key, pty: a plot naming someone 2,000 times / the same plot naming no one",
                   "mentions: 200 names, 200 found / plain text",
                   "mentions: 2,000 names, 2,000 found / plain text"):
        assert figure in printed
    written = results.read_text()
    assert written.startswith("# notes kept\n<!-- results -->\n| figure |")
    assert written.endswith("<!-- /results -->\nmore notes\n")
    assert "old" not in written


@pytest.mark.benchmark_run
def test_the_shelf_benchmark_runs_one_quick_round(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text("<!-- results -->\nkept\n<!-- /results -->\n"
                       "<!-- shelf-results -->\nold\n<!-- /shelf-results -->\n")
    printed = one_round("benchmarks/shelf.py", "--rounds", "1", "--films", "30",
                        "--write", str(results))
    for figure in ("first frame: 30 films on the shelf / empty shelf",
                   "open the shelf, pty: 30 films / empty shelf",
                   "filter keystroke, pty: 30 films / empty shelf",
                   "open a film from the shelf / show a section, pty",
                   "a card, pty: 30 films on the shelf / empty shelf",
                   "a card in 2 other films / in none, pty"):
        assert figure in printed
    written = results.read_text()
    assert "kept" in written and "old" not in written and "| figure |" in written


@pytest.mark.benchmark_run
def test_the_hostile_benchmark_runs_one_round() -> None:
    printed = one_round("benchmarks/hostile.py", "--rounds", "1")
    for figure in ("validate: 15 MiB of empty records / the shipped film",
                   "fetch: a gzip bomb (1.0 MiB -> 1 GiB) / an answer of another shape",
                   "find key 'a': 2,000,000 matches / the shipped film",
                   "find key 'a': 8 MiB of prose / the shipped film"):
        assert figure in printed
