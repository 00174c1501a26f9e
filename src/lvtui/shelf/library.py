"""The shelf: the film files in the library folder, where `lvtui fetch` saves them, and the
shipped film, each with what a list of films shows of it, or why it cannot be opened.

A file that does not validate is on the shelf too, with its first problem: never hidden,
never fatal to the rest.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lvtui.film.loading import FilmError, load_film, shipped_film_path
from lvtui.reading.people import credits
from lvtui.shelf.across import Record, records_of
from lvtui.system.files import real_path
from lvtui.text.folding import fold

if TYPE_CHECKING:
    from lvtui.film.model import Film
    from lvtui.shelf.cache import ShelfCache


def library_folder() -> Path:
    """``$XDG_DATA_HOME/lvtui/films`` (``~/.local/share/lvtui/films``), or the platform's own."""
    import platformdirs

    return Path(platformdirs.user_data_dir("lvtui", appauthor=False)) / "films"


@dataclass(frozen=True)
class Shelved:
    """A film file on the shelf: its title, year and director, or the problem that keeps it
    from opening."""

    path: Path
    title: str = ""
    year: int | None = None
    directed_by: str = ""
    problem: str = ""  # the first; empty when the film opens
    original_title: str = ""
    # Its people and organisations that can be found in other films (lvtui.shelf.across).
    records: tuple[Record, ...] = field(default=(), compare=False, repr=False)

    @property
    def broken(self) -> bool:
        return bool(self.problem)

    def search_text(self) -> str:
        """What the shelf's filter looks in, folded: the titles, the year and the director
        (the file's name for a film that does not open)."""
        if self.broken:
            return fold(self.path.name)
        fields = (self.title, self.original_title, str(self.year or ""), self.directed_by)
        return "\x00".join(fold(field) for field in fields)

    def sort_key(self) -> tuple[bool, str, int, str]:
        """By title (any case, any accents), then year; the broken files last, by name."""
        return self.broken, fold(self.title or self.path.name), self.year or 0, str(self.path)


def shelve(path: Path, film: Film | None = None) -> Shelved:
    """What the shelf shows of the file in *path* (read, unless its *film* is known)."""
    if film is None:
        try:
            film = load_film(path)
        except FilmError as error:
            return Shelved(path, problem=error.problems[0] if error.problems else "not a film")
    return Shelved(path, film.title, film.year, credits(film, "Directing"),
                   original_title=film.original_title or "", records=records_of(film))


def film_files(folder: Path) -> list[Path]:
    """The ``.json`` files directly in *folder*; none when there is no such folder."""
    try:
        return sorted(path for path in folder.iterdir()
                      if path.suffix == ".json" and not path.name.startswith("."))
    except OSError:  # no folder yet (nothing fetched), or one that cannot be read
        return []


def scan(folder: Path | None = None, extra: Iterable[Path] = (),
         known: Mapping[Path, Film] | None = None,
         cache: ShelfCache | None = None) -> list[Shelved]:
    """Every film on the shelf, sorted: the shipped film, *extra* files, and the folder's.
    The films in *known* (by resolved path) are not read again, nor the files *cache* has
    as they are now."""
    paths = [shipped_film_path(), *extra, *film_files(folder or library_folder())]
    unique: dict[Path, Path] = {}  # each file once, by where it really is, shown as given
    for path in paths:
        unique.setdefault(real_path(path), path)
    known = known or {}
    shelf = [_shelve_once(key, path, known.get(key), cache) for key, path in unique.items()]
    if cache is not None:
        cache.keep_only(set(unique))
        cache.save()
    return sorted(shelf, key=Shelved.sort_key)


def _shelve_once(key: Path, path: Path, film: Film | None, cache: ShelfCache | None) -> Shelved:
    if film is not None or cache is None:
        return shelve(path, film)
    try:
        stamp = os.stat(key)
    except OSError:
        return shelve(path)  # says why it cannot be read
    cached = cache.get(key, path, stamp)
    if cached is None:
        cached = shelve(path)
        cache.put(key, stamp, cached)
    return cached
