"""The shelf: the film files in the library folder, where `lvtui fetch` saves them, and the
shipped film, each with what a list of films shows of it, or why it cannot be opened.

A file that does not validate is on the shelf too, with its first problem: never hidden,
never fatal to the rest. What was read of each file is kept between starts (ShelfCache).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lvtui.film.loading import FilmError, count_items, load_film, shipped_film_path
from lvtui.reading.departments import credits
from lvtui.shelf.across import PeopleAcrossFilms, Record, film_identities, records_of
from lvtui.system.files import read_guarded, real_path, write_atomically
from lvtui.system.places import cache_file, films_folder
from lvtui.text.clean import clean, shorten
from lvtui.text.folding import fold

if TYPE_CHECKING:
    from lvtui.film.model import Film


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
    films: tuple[str, ...] = ()  # what tells the film apart: "tmdb 550" (film_identities)

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

    def label(self) -> tuple[str, str, str]:
        """How a list of films names it, each part cut to fit a row: the title, " (1995)",
        " — Mike Figgis"."""
        year = f" ({self.year})" if self.year is not None else ""
        by = f" — {shorten(self.directed_by, 40)}" if self.directed_by else ""
        return shorten(self.title, 60), year, by

    def sort_key(self) -> tuple[bool, str, int, str]:
        """By title (any case, any accents), then year; the broken files last, by name."""
        return self.broken, fold(self.title or self.path.name), self.year or 0, str(self.path)


# -- the cache: what the shelf read of each film file, kept between starts ------------------
# A file not changed since (the same size and modification time) is not read and checked
# again. The cache is only ever a shortcut: one that cannot be read, or an entry of the
# wrong shape, is ignored, and the file is read as if there were none. Its text is cleaned
# as it is read back, as a film file's is: the cache is a file anyone could have written.

VERSION = 2  # 2: what tells each film apart (films)
# A thousand films of a hundred people each are some 20 MiB; a link to /dev/zero or a file
# grown past this is not read, nor one of more values than this, counted as a film file's
# are (60 MiB of empty lists, parsed, were 1.6 GB): it is only a shortcut.
MAX_BYTES = 64 * 1024 * 1024
MAX_ITEMS = 2_000_000


class ShelfCache:
    """Entries by resolved path: the file's size and modification time, and what was read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, Any] = {}
        self._changed = False
        try:
            data = read_guarded(path, MAX_BYTES)
            if count_items(data) > MAX_ITEMS:
                return
            document = json.loads(data)
        except (OSError, ValueError, RecursionError):
            return  # none yet, or unreadable: every file is read
        if isinstance(document, dict) and document.get("version") == VERSION \
                and isinstance(document.get("films"), dict):
            self._entries = document["films"]

    def get(self, key: Path, path: Path, stamp: os.stat_result) -> Shelved | None:
        """What was read of the file *key* (shown as *path*) when it had this size and
        modification time."""
        entry = self._entries.get(str(key))
        if not isinstance(entry, dict) or entry.get("stamp") != _stamp(stamp):
            return None
        try:
            return _shelved(path, entry)
        except (KeyError, TypeError, ValueError):
            return None  # an entry of the wrong shape: read the file

    def put(self, key: Path, stamp: os.stat_result, shelved: Shelved) -> None:
        self._entries[str(key)] = {
            "stamp": _stamp(stamp), "title": shelved.title, "year": shelved.year,
            "directed_by": shelved.directed_by, "problem": shelved.problem,
            "original_title": shelved.original_title, "films": list(shelved.films),
            "records": [[[list(identity) for identity in found], id, role]
                        for found, id, role in shelved.records]}
        self._changed = True

    def keep_only(self, keys: set[Path]) -> None:
        """Forget the files no longer on the shelf."""
        gone = set(self._entries) - {str(key) for key in keys}
        for key in gone:
            del self._entries[key]
        self._changed = self._changed or bool(gone)

    def save(self) -> None:
        """Write the cache if anything changed; a cache that cannot be written is no loss."""
        if not self._changed:
            return
        data = json.dumps({"version": VERSION, "films": self._entries}, ensure_ascii=False)
        try:
            write_atomically(self.path, data.encode())
        except OSError:
            return
        self._changed = False


def _stamp(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return clean(value)


def _shelved(path: Path, entry: dict[str, Any]) -> Shelved:
    year = entry["year"]
    if year is not None and not isinstance(year, int):
        raise TypeError("not a year")
    records: list[Record] = []
    for found, id, role in entry["records"]:
        identities = tuple((_text(kind), _text(value)) for kind, value in found)
        records.append((identities, _text(id), _text(role)))
    return Shelved(path, _text(entry["title"]), year, _text(entry["directed_by"]),
                   problem=_text(entry["problem"]),
                   original_title=_text(entry["original_title"]), records=tuple(records),
                   films=tuple(_text(name) for name in entry["films"]))


def shelve(path: Path, film: Film | None = None) -> Shelved:
    """What the shelf shows of the file in *path* (read, unless its *film* is known)."""
    if film is None:
        try:
            film = load_film(path)
        except FilmError as error:
            return Shelved(path, problem=error.problems[0] if error.problems else "not a film")
    return Shelved(path, film.title, film.year, credits(film, "Directing"),
                   original_title=film.original_title or "", records=records_of(film),
                   films=film_identities(film))


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
    paths = [shipped_film_path(), *extra, *film_files(folder or films_folder())]
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


def read_shelf(folder: Path | None, open_films: Mapping[Path, Film]
               ) -> tuple[list[Shelved], PeopleAcrossFilms]:
    """The shelf of *folder* (None: the library folder), what was read kept in the cache;
    and the people of its films, by identity, for the cards' "In other films". The films
    in *open_films* are not read again."""
    shelf = scan(folder or films_folder(), list(open_films), open_films,
                 ShelfCache(cache_file()))
    people = PeopleAcrossFilms()
    for film in shelf:
        people.add_records(film.path, film.title, film.year, film.records, film.films)
    return shelf, people
