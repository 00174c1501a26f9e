"""`lvtui library`: the shipped film and the library folder's films, one line each, sorted by
title; a broken file listed last with its first problem, never hidden, never fatal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import FILMS, Run
from lvtui.library import library_folder, scan
from lvtui.loading import shipped_film_path


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    films = tmp_path / "data" / "lvtui" / "films"
    assert library_folder() == films  # where `lvtui fetch` saves, too
    return films


def library(run: Run) -> list[str]:
    result = run("library")
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout.splitlines()


def test_with_nothing_fetched_the_shelf_is_the_shipped_film(
        folder: Path, run: Run) -> None:
    assert library(run) == [f"Leaving Las Vegas (1995) — Mike Figgis — {shipped_film_path()}"]


def test_films_sorted_by_title_and_a_broken_file_listed_last(
        folder: Path, run: Run) -> None:
    folder.mkdir(parents=True)
    for name in ("rock-crystal", "fight-club", "minimal"):
        shutil.copy(FILMS / f"{name}.json", folder / f"{name}.json")
    (folder / "broken.json").write_text('{"schema_version": 2, "title": 5, "year": 1999}')
    (folder / "not-json.json").write_bytes(b"\xff\xfe")
    (folder / "notes.txt").write_text("not a film file: not listed")
    lines = library(run)
    assert lines[:4] == [
        f"Fight Club (1999) — David Fincher — {folder / 'fight-club.json'}",
        f"Leaving Las Vegas (1995) — Mike Figgis — {shipped_film_path()}",
        f"Rock Crystal (2004) — Joseph Vilsmaier — {folder / 'rock-crystal.json'}",
        f"Untitled (2001) — no director — {folder / 'minimal.json'}",
    ]
    assert lines[4].startswith(f"broken — {folder / 'broken.json'} — $.title")
    assert lines[5].startswith(f"broken — {folder / 'not-json.json'} — ")
    assert len(lines) == 6


def test_a_file_name_is_shown_as_text(folder: Path, run: Run) -> None:
    folder.mkdir(parents=True)
    shutil.copy(FILMS / "minimal.json", folder / "evil\x1b]0;title\x07.json")
    (line,) = [line for line in library(run) if line.startswith("Untitled ")]
    assert "\x1b" not in line and "\x07" not in line


def test_each_file_is_shelved_once(folder: Path) -> None:
    folder.mkdir(parents=True)
    shutil.copy(FILMS / "minimal.json", folder / "m.json")
    shelf = scan(extra=[folder / "m.json", shipped_film_path()])
    assert [shelved.title for shelved in shelf] == ["Leaving Las Vegas", "Untitled"]
