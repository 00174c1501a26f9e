"""Where a file really is, and writing a file whole or not at all. No textual import here."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def real_path(path: Path) -> Path:
    """Where *path* really is, its links followed; a link loop (which Path.resolve raises
    RuntimeError for) or a path that cannot be looked at stays as it is, made absolute, so
    that opening it says what is wrong with it."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file beside it, then rename it into
    place: a reader (or a crash) never sees half a file, and a failure leaves no temporary
    file behind. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part",
                                             dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
