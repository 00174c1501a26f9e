"""`lvtui library`: the shipped film and the library folder's films, one line each, sorted by
title; a broken file listed last with its first problem, never hidden, never fatal."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import FILMS, Run, a_device
from lvtui.film.loading import shipped_film_path
from lvtui.shelf.library import scan
from lvtui.system.places import films_folder


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    films = tmp_path / "data" / "lvtui" / "films"
    assert films_folder() == films  # where `lvtui fetch` saves, too
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


def test_a_symbolic_link_loop_is_listed_as_broken(folder: Path, run: Run) -> None:
    folder.mkdir(parents=True)
    (folder / "a.json").symlink_to(folder / "b.json")
    (folder / "b.json").symlink_to(folder / "a.json")
    assert library(run)[1:] == [f"broken — {folder / 'a.json'} — is a symbolic link loop",
                                f"broken — {folder / 'b.json'} — is a symbolic link loop"]


def test_a_line_break_in_a_title_or_a_file_name_forges_no_line(folder: Path, run: Run) -> None:
    folder.mkdir(parents=True)
    (folder / "two\nlines.json").write_text(
        '{"schema_version": 2, "title": "Forged\\nBroken — x — y", "year": 2001,'
        ' "original_title": "a\\u2028b"}')
    assert library(run) == [
        f"Forged Broken — x — y (2001) — no director — {folder / 'two lines.json'}",
        f"Leaving Las Vegas (1995) — Mike Figgis — {shipped_film_path()}"]


def test_each_file_is_shelved_once(folder: Path) -> None:
    folder.mkdir(parents=True)
    shutil.copy(FILMS / "minimal.json", folder / "m.json")
    shelf = scan(extra=[folder / "m.json", shipped_film_path()])
    assert [shelved.title for shelved in shelf] == ["Leaving Las Vegas", "Untitled"]


def test_a_film_file_not_changed_since_is_not_read_again(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    import os

    import lvtui.shelf.library
    from lvtui.shelf.library import ShelfCache

    folder.mkdir(parents=True)
    for name in ("con-air", "fight-club"):
        shutil.copy(FILMS / f"{name}.json", folder / f"{name}.json")
    (folder / "broken.json").write_text('{"schema_version": 2, "title": "Oops"}')
    read: list[str] = []
    real = lvtui.shelf.library.load_film
    monkeypatch.setattr(lvtui.shelf.library, "load_film",
                        lambda path: read.append(Path(path).name) or real(path))
    cache = tmp_path / "cache" / "shelf.json"
    first = scan(folder, cache=ShelfCache(cache))
    assert sorted(read) == ["broken.json", "con-air.json", "fight-club.json", "film.json"]
    read.clear()
    again = scan(folder, cache=ShelfCache(cache))
    assert read == [] and again == first
    assert [film.records for film in again] == [film.records for film in first]
    assert any(film.records for film in again)  # Cage and the others, by name and birth
    # A file changed since is read again; the others are not.
    path = folder / "con-air.json"
    path.write_text(path.read_text().replace('"Con Air"', '"Con Air!"'))
    os.utime(path, ns=(1, 1))
    titles = [film.title for film in scan(folder, cache=ShelfCache(cache))]
    assert read == ["con-air.json"] and "Con Air!" in titles
    # A cache written by anyone is text: cleaned as it is read back, as a film file is.
    document = json.loads(cache.read_text())
    entry = document["films"][str((folder / "fight-club.json").resolve())]
    entry["title"] = "Fight\x1b]0;evil\x07 Club"
    cache.write_text(json.dumps(document))
    read.clear()
    shelf = scan(folder, cache=ShelfCache(cache))
    assert read == [] and "Fight Club" in [film.title for film in shelf]
    # A cache that is not one is ignored: every file is read.
    cache.write_text("[1, 2")
    read.clear()
    assert scan(folder, cache=ShelfCache(cache)) == scan(folder) and len(read) == 8


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_shelf_cache_that_is_no_file_is_neither_read_nor_written(
        folder: Path, tmp_path: Path, kind: str) -> None:
    from lvtui.shelf.library import ShelfCache

    cache = tmp_path / "shelf.json"
    if kind == "fifo":
        os.mkfifo(cache)  # read as a file, it would wait for a writer for ever
    else:  # a link to a device like /dev/zero: read as a file, it grew to gigabytes
        cache.symlink_to(a_device(tmp_path / "zero"))
    shelf = scan(folder, cache=ShelfCache(cache))
    assert [film.title for film in shelf] == ["Leaving Las Vegas"]
    assert cache.is_fifo() if kind == "fifo" else cache.resolve().is_char_device()


def test_a_shelf_cache_of_millions_of_values_is_not_parsed(tmp_path: Path) -> None:
    from lvtui.shelf.library import ShelfCache

    cache = tmp_path / "shelf.json"
    cache.write_bytes(b'{"version": 1, "films": {"a": [' + b",".join([b"[]"] * 3_000_000)
                      + b"]}}")
    assert ShelfCache(cache).get(tmp_path / "a", tmp_path / "a", os.stat(cache)) is None
    assert ShelfCache(cache)._entries == {}  # nothing of it kept, nothing parsed
