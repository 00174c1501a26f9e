"""The user's settings (theme, last section), kept safely where the platform keeps them.

A settings file is never lost: it is written atomically (temporary file, fsync, rename),
and a file that cannot be read is moved aside, never overwritten, with one warning.
No textual import: the app passes values in and out.
"""

from __future__ import annotations

import dataclasses
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lvtui.system.files import Unreadable, read_guarded, write_atomically
from lvtui.system.places import settings_file
from lvtui.text.clean import shorten

MAX_BYTES = 1024 * 1024  # a settings file is a few lines: a larger one is no settings file


@dataclass
class Settings:
    theme: str | None = None
    section: str | None = None


_FIELDS = tuple(field.name for field in dataclasses.fields(Settings))


def _parsed(raw: bytes) -> Settings:
    """Settings from a file's bytes; ValueError (or RecursionError) when they are not."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    values = {name: data.get(name) for name in _FIELDS}
    if not all(isinstance(value, str | None) for value in values.values()):
        raise ValueError("wrong types")
    return Settings(**values)


@dataclass
class SettingsStore:
    path: Path
    warnings: list[str] = field(default_factory=list)
    # Set when a corrupt file could not be moved aside: saving would destroy it.
    read_only: bool = False
    _told: set[str] = field(default_factory=set)
    _base: Settings = field(default_factory=Settings)  # as read or last written

    def _warn_once(self, warning: str) -> None:
        # Every section change saves: a read-only directory must not warn on each one.
        if warning not in self._told:
            self._told.add(warning)
            self.warnings.append(warning)

    @classmethod
    def default(cls) -> SettingsStore:
        return cls(settings_file())

    def load(self) -> Settings:
        """The stored settings; defaults (and a warning) when the file is unusable."""
        try:
            raw = read_guarded(self.path, MAX_BYTES)
        except Unreadable as error:
            if error.missing:
                return Settings()
            # A FIFO, a device, a link loop...: read nothing, and replace nothing either.
            self.read_only = True
            self.warnings.append(f"Could not read settings ({shorten(error.problem)}); "
                                 "using defaults, and nothing will be saved.")
            return Settings()
        try:
            self._base = _parsed(raw)
        except (ValueError, RecursionError):
            kept = self._set_aside()
            if kept is None:
                self.read_only = True
                self.warnings.append("Settings file is corrupt and could not be moved aside; "
                                     "it is left as it is and nothing will be saved.")
            else:
                self.warnings.append(f"Settings file was corrupt; it is kept as {kept.name}, "
                                     "defaults are in use.")
            return Settings()
        return dataclasses.replace(self._base)

    def save(self, settings: Settings) -> bool:
        """Write *settings* atomically; False (and a warning) when that is not possible.

        Only what changed since this store read or wrote the file is written over: another
        lvtui may have saved since, and its theme is kept where this one changed only the
        section."""
        if self.read_only:
            return False  # with no new warning: it was explained when the file was read
        try:
            now = _parsed(read_guarded(self.path, MAX_BYTES))
        except (OSError, ValueError, RecursionError):
            now = self._base  # none, or not readable now: nothing to keep
        merged = Settings(**{name: getattr(settings, name)
                             if getattr(settings, name) != getattr(self._base, name)
                             else getattr(now, name) for name in _FIELDS})
        data = json.dumps(dataclasses.asdict(merged), indent=2)
        try:
            write_atomically(self.path, (data + "\n").encode())
            self._base = merged
            return True
        except OSError as error:
            self._warn_once(f"Could not save settings ({shorten(str(error))}).")
            return False

    def _set_aside(self) -> Path | None:
        """Move a corrupt file out of the way so that saving never destroys it."""
        for number in range(1, 100):
            aside = self.path.with_name(f"{self.path.name}.corrupt-{number}")
            if not aside.exists():
                try:
                    os.replace(self.path, aside)
                except OSError:
                    return None
                return aside
        return None


class SettingsSaver:
    """The settings of a running app, saved as they change without a key ever waiting for a
    disk: a key hands the latest settings over (under a lock it holds only for that) and a
    thread writes them, one write at a time, each taking the latest, so the file ends as
    the last change whichever thread runs last."""

    def __init__(self, store: SettingsStore) -> None:
        self.store = store
        self.settings = store.load()
        self._unsaved: Settings | None = None  # what no write has taken yet
        self._handing_over = threading.Lock()  # never held during a write
        self._writing = threading.Lock()

    def hand_over(self) -> None:
        """The settings as they are now are the next to write."""
        with self._handing_over:
            self._unsaved = dataclasses.replace(self.settings)

    def write(self) -> bool:
        """Write what was handed over, if a write has not taken it; False when that failed
        (the store has a warning to show)."""
        with self._writing:
            with self._handing_over:
                settings, self._unsaved = self._unsaved, None
            return settings is None or self.store.save(settings)

    def take_warnings(self) -> list[str]:
        warnings, self.store.warnings[:] = list(self.store.warnings), []
        return warnings
