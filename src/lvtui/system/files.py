"""Every file lvtui reads, read one guarded way; where a file really is; and writing a file
whole or not at all. No textual import here."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from lvtui.text.clean import clean


class Unreadable(OSError):
    """A file lvtui will not read, said in a few words ("no such file", "is a directory,
    not a film file"); with *missing*, a file that is not there at all."""

    def __init__(self, problem: str, *, missing: bool = False) -> None:
        super().__init__(problem)
        self.problem, self.missing = problem, missing


def read_guarded(path: str | os.PathLike[str], limit: int, *, kind: str = "file") -> bytes:
    """The bytes of the regular file at *path*, at most *limit* of them; anything else (a
    directory, a FIFO, a device, a link loop, a file too big) is an :class:`Unreadable`,
    said at once, before anything is read: every file lvtui reads comes through here.

    It opens first, then looks at what was opened: a check on the path before opening it
    could be answered by one file and the open by another (swapped in between for a FIFO,
    which would block). O_NONBLOCK: opening a FIFO or a device never waits."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise Unreadable("no such file", missing=True) from None
    except OSError as error:
        raise Unreadable(os_problem(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable(f"is a directory, not a {kind}")
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("is not a regular file (a pipe, socket or device)")
        if info.st_size > limit:
            raise Unreadable(f"is {info.st_size:,} bytes, over the {_size(limit)} cap")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except Unreadable:
        raise
    except OSError as error:
        raise Unreadable(os_problem(error)) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew since it was looked at
        raise Unreadable(f"is over the {_size(limit)} cap")
    return data


def _size(limit: int) -> str:
    return f"{limit // 2**20} MiB" if limit >= 2**20 else f"{limit // 2**10} KiB"


def os_problem(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is a symbolic link loop"
    if error.errno == errno.EACCES:
        return "permission denied"
    return clean(error.strerror or type(error).__name__).lower()


def real_path(path: Path) -> Path:
    """Where *path* really is, its links followed; a link loop (which Path.resolve raises
    RuntimeError for) or a path that cannot be looked at stays as it is, made absolute, so
    that opening it says what is wrong with it."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux): the
    settings are saved from a thread, and setting it to read it would touch every thread's
    files meanwhile."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file beside it, then rename it into
    place: a reader (or a crash) never sees half a file, and a failure leaves no temporary
    file behind. A symbolic link is written through, to where it points (a settings file
    kept in a dotfiles folder stays there, a link stays a link). Only a regular file is
    ever replaced: a device, a FIFO or a directory (there, or where a link points) is an
    OSError, never renamed over (as root, a cache linked to /dev/zero would replace the
    device). Raises OSError."""
    path = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
    except FileNotFoundError:
        pass  # a new file
    try:  # a file written over keeps its permissions; a new one has the umask's
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part",
                                             dir=path.parent)
    try:
        os.fchmod(descriptor, mode)  # mkstemp's 0600 is for the temporary file alone
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
