"""Every corpus file through `lvtui validate`, through `lvtui FILE`, and through the app."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import AppFactory, each_section, screen_text, wait_for_palette
from hostile.checks import assert_nothing_got_through
from hostile.corpus import (
    BIDI,
    CASES,
    CONTROLS,
    CORPUS,
    ESCAPES_7BIT,
    ESCAPES_8BIT,
    MARKER,
    Case,
    framed,
)
from lvtui.film.loading import load_film
from lvtui.film.model import Film
from lvtui.reading.cast import cast_rows
from lvtui.ui.screens.help import HelpScreen
from lvtui.ui.screens.person_card import PersonCard

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


def run_in_process(capfdbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch,
                   *args: str) -> subprocess.CompletedProcess[bytes]:
    """The command line in this process: the same code path as `lvtui ARGS`, without an
    interpreter start-up, and with the browser replaced by a tripwire: a file that is
    refused must be refused before an app is even made."""
    from lvtui.cli import commands as cli
    from lvtui.ui.app import FilmApp

    def tripwire(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the browser was started")

    monkeypatch.setattr(FilmApp, "run", tripwire)
    code = cli.main(list(args))
    out, err = capfdbinary.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


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
    assert b"\x1b" not in result.stderr  # no alternate screen, no cursor move, no colour
    assert_nothing_got_through(stderr)
    lines = stderr.splitlines()
    assert lines
    assert all(line.startswith(f"{case.path}: ") for line in lines), stderr
    for expected in case.errors:
        assert expected in stderr


@pytest.mark.parametrize("case", VALID, ids=ids(VALID))
def test_validate_accepts(case: Case, capfdbinary: pytest.CaptureFixture[bytes],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_in_process(capfdbinary, monkeypatch, "validate", str(case.path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == (
        f"{case.path}: ok (schema 2; 28 cast, 34 people, 11 organisations, 7 events)\n")
    assert result.stderr == b""


@pytest.mark.parametrize("command", ["validate", "browse"])
@pytest.mark.parametrize("case", INVALID, ids=ids(INVALID))
def test_refused_by_validate_and_the_browser(case: Case, command: str,
                                             capfdbinary: pytest.CaptureFixture[bytes],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    args = ("validate", str(case.path)) if command == "validate" else (str(case.path),)
    assert_refused(run_in_process(capfdbinary, monkeypatch, *args), case)


# A real process for the cases where bytes on the way out matter most: a binary file, a
# Latin-1 file, a hostile field name. The browser must exit before touching the terminal.
END_TO_END = [case for case in INVALID
              if case.name in ("binary.json", "latin-1.json", "hostile-field-name.json")]


@pytest.mark.parametrize("case", END_TO_END, ids=ids(END_TO_END))
def test_refused_end_to_end(case: Case) -> None:
    assert_refused(run_lvtui(str(case.path)), case)


def test_every_case_expects_something() -> None:
    assert all(case.errors for case in INVALID)
    assert all(case.shows for case in VALID)


# Walked through the app: every family at once, and the files whose text is hard to lay out.
# everything.json holds every family (markup, escape sequences, controls, bidi, wide
# letters) and shows each markup and wide token on screen; each family alone is checked in
# the model. Long strings are a family of their own: their size is the test.
ON_SCREEN = [case for case in VALID if case.name in ("everything.json", "long-strings.json")]
IN_THE_MODEL = [case for case in VALID if case not in ON_SCREEN]


def film_texts(film: Film) -> list[str]:
    """Every string the film holds, as the app gets it."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(film.model_dump(mode="json"))
    return found


@pytest.mark.parametrize("case", IN_THE_MODEL, ids=ids(IN_THE_MODEL))
def test_hostile_text_is_clean_in_the_model(case: Case) -> None:
    """The same families as everything.json, which the app walk shows safely: here, each
    alone, the cleaned text the app would be given, and what it must still say."""
    film = load_film(case.path)
    texts = film_texts(film)
    assert len(texts) > 100
    for text in texts:
        assert_nothing_got_through(text)
    plot = " ".join(film.plot)
    for expected in case.shows.get("plot", ()):
        assert expected in plot


def test_the_app_walk_covers_every_family() -> None:
    """everything.json, walked through the app, holds each family checked in the model."""
    everything = load_film(CORPUS / "everything.json").plot[0]
    for group in (ESCAPES_7BIT, ESCAPES_8BIT, CONTROLS, BIDI):
        assert framed(group)[1] in everything  # what remains of the family once cleaned
    assert MARKER not in everything  # the unterminated OSC swallowed the rest of its string


@pytest.mark.long
@pytest.mark.parametrize("case", ON_SCREEN, ids=ids(ON_SCREEN))
async def test_app_shows_hostile_text_as_text(case: Case, make_app: AppFactory) -> None:
    film = load_film(case.path)
    app = make_app(film)
    async with app.run_test(size=(120, 40)) as pilot:
        async for section, text in each_section(pilot):
            assert_nothing_got_through(text)
            for expected in case.shows.get(section, ()):
                assert expected in text, f"{expected!r} not shown in {section}"

        await pilot.press("3", "enter")  # the first member's card
        assert isinstance(app.screen, PersonCard)
        assert_nothing_got_through(screen_text(app))

        await pilot.press("escape", "slash", *cast_rows(film)[1].actor[:6])
        assert app.film_screen.cast_pane.table.rows, "the search found nobody"
        assert_nothing_got_through(screen_text(app))

        await pilot.press("escape", "f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+p", *cast_rows(film)[0].actor[:5])
        await wait_for_palette(pilot, "Card: ")
        assert_nothing_got_through(screen_text(app))
        await pilot.press("escape")
        assert app.is_running
