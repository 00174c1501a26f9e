"""Every corpus file through `lvtui validate`, through `lvtui FILE`, and through the app."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import AppFactory, screen_text, wait_for_palette
from hostile.checks import assert_nothing_got_through
from hostile.corpus import CASES, CORPUS, Case
from lvtui.loading import load_film
from lvtui.screens.help import HelpScreen
from lvtui.screens.person_card import PersonCard
from lvtui.sections import SECTION_IDS

VALID = [case for case in CASES if case.exit == 0]
INVALID = [case for case in CASES if case.exit != 0]


def ids(cases: list[Case]) -> list[str]:
    return [case.name for case in cases]


def run_lvtui(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lvtui", *args],
        capture_output=True, stdin=subprocess.DEVNULL, timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_the_files_on_disk_are_what_corpus_py_writes() -> None:
    assert sorted(path.name for path in CORPUS.iterdir()) == sorted(ids(list(CASES)))
    for case in CASES:
        assert case.path.read_bytes() == case.build(), f"stale: run python {CORPUS.parent}/corpus.py"


def assert_refused(result: subprocess.CompletedProcess[bytes], case: Case) -> None:
    """The documented exit code, nothing on stdout, one clean line per problem on stderr."""
    assert result.returncode == case.exit
    assert result.stdout == b""
    # Decoding as UTF-8 fails if any raw byte from a binary or Latin-1 file was echoed.
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    assert_nothing_got_through(stderr)
    lines = stderr.splitlines()
    assert lines
    assert all(line.startswith(f"{case.path}: ") for line in lines), stderr
    for expected in case.errors:
        assert expected in stderr


@pytest.mark.parametrize("case", VALID, ids=ids(VALID))
def test_validate_accepts(case: Case) -> None:
    result = run_lvtui("validate", str(case.path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == f"{case.path}: ok (28 cast, 7 events)\n"
    assert result.stderr == b""


@pytest.mark.parametrize("case", INVALID, ids=ids(INVALID))
def test_validate_refuses(case: Case) -> None:
    assert_refused(run_lvtui("validate", str(case.path)), case)


@pytest.mark.parametrize("case", INVALID, ids=ids(INVALID))
def test_browser_refuses_before_the_screen_changes(case: Case) -> None:
    result = run_lvtui(str(case.path))
    assert_refused(result, case)
    assert b"\x1b" not in result.stderr  # no alternate screen, no cursor move, no colour


def test_every_case_expects_something() -> None:
    assert all(case.errors for case in INVALID)
    assert all(case.shows for case in VALID)


@pytest.mark.parametrize("case", VALID, ids=ids(VALID))
async def test_app_shows_hostile_text_as_text(case: Case, make_app: AppFactory) -> None:
    film = load_film(case.path)
    app = make_app(film)
    async with app.run_test(size=(120, 40)) as pilot:
        for number, section in enumerate(SECTION_IDS, start=1):
            await pilot.press(str(number))
            assert app.section == section
            text = screen_text(app)
            assert_nothing_got_through(text)
            for expected in case.shows.get(section, ()):
                assert expected in text, f"{expected!r} not shown in {section}"

        await pilot.press("3", "enter")  # the first member's card
        assert isinstance(app.screen, PersonCard)
        assert_nothing_got_through(screen_text(app))

        await pilot.press("escape", "slash", *film.cast[1].actor[:6])
        assert app.cast_pane.table.rows, "the search found nobody"
        assert_nothing_got_through(screen_text(app))

        await pilot.press("escape", "f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+p", *film.cast[0].actor[:5])
        await wait_for_palette(pilot, "Card: ")
        assert_nothing_got_through(screen_text(app))
        await pilot.press("escape")
        assert app.is_running
