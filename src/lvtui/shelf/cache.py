"""What the shelf read of each film file, kept between starts: a file not changed since (the
same size and modification time) is not read and checked again.

The cache is only ever a shortcut: one that cannot be read, or an entry of the wrong shape,
is ignored, and the file is read as if there were none. Its text is cleaned as it is read
back, as a film file's is: the cache is a file anyone could have written. No textual import.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from lvtui.film.loading import count_items
from lvtui.shelf.across import Record
from lvtui.shelf.library import Shelved
from lvtui.system.files import read_guarded, write_atomically
from lvtui.text.clean import clean

VERSION = 1
# A thousand films of a hundred people each are some 20 MiB; a link to /dev/zero or a file
# grown past this is not read, nor one of more values than this, counted as a film file's
# are (60 MiB of empty lists, parsed, were 1.6 GB): it is only a shortcut.
MAX_BYTES = 64 * 1024 * 1024
MAX_ITEMS = 2_000_000


def cache_file() -> Path:
    """``$XDG_CACHE_HOME/lvtui/shelf.json`` (``~/.cache/lvtui/shelf.json``)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("lvtui", appauthor=False)) / "shelf.json"


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
            "original_title": shelved.original_title,
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
                   original_title=_text(entry["original_title"]), records=tuple(records))
