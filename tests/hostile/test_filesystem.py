"""Paths that are not film files, through both commands: refused at once, exit 66, one line.

The loader's own tests cover the same cases from Python; these run lvtui as a person
does, so a hang (a FIFO opened for reading blocks until a writer comes) would show as a
timeout here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hostile.checks import assert_nothing_got_through
from lvtui.film.loading import MAX_BYTES
from lvtui.system.exits import Exit


def directory(tmp_path: Path) -> Path:
    (tmp_path / "film.d").mkdir()
    return tmp_path / "film.d"


def fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "pipe.json")
    return tmp_path / "pipe.json"


def symlink_loop(tmp_path: Path) -> Path:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    return tmp_path / "a.json"


def missing(tmp_path: Path) -> Path:
    return tmp_path / "no-such-film.json"


def over_the_cap(tmp_path: Path) -> Path:
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    return path


def permission_denied(tmp_path: Path) -> Path:
    path = tmp_path / "secret.json"
    path.write_text("{}")
    path.chmod(0)
    return path


def device(tmp_path: Path) -> Path:
    return Path("/dev/zero")  # endless, like a FIFO, but always there


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "directory": (directory, "is a directory, not a film file"),
    "fifo": (fifo, "is not a regular file"),
    "device": (device, "is not a regular file"),
    "symlink loop": (symlink_loop, "is a symbolic link loop"),
    "missing": (missing, "no such file"),
    "over the size cap": (over_the_cap, "over the 16 MiB cap"),
    "permission denied": (permission_denied, "permission denied"),
}


HANG_PRONE = {"fifo", "device"}  # opened for reading, these would block forever


@pytest.mark.parametrize("command", [["validate"], []], ids=["validate", "browse"])
@pytest.mark.parametrize("case", list(CASES))
def test_refused_at_once(tmp_path: Path, case: str, command: list[str],
                         capfd: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    if case == "permission denied" and os.geteuid() == 0:
        pytest.skip("root reads any file")
    make, problem = CASES[case]
    path = make(tmp_path)
    if case in HANG_PRONE:  # a real process, so that a hang is a timeout, not a stuck suite
        result = subprocess.run(
            [sys.executable, "-m", "lvtui", *command, str(path)],
            capture_output=True, stdin=subprocess.DEVNULL, timeout=30,
        )
        code, stdout, stderr = result.returncode, result.stdout, result.stderr.decode("utf-8")
    else:  # the same code path in this process, with no interpreter start-up
        from lvtui.cli.commands import main
        from lvtui.ui.app import FilmApp

        monkeypatch.setattr(FilmApp, "run", lambda *args, **kwargs: pytest.fail("it started"))
        code = main([*command, str(path)])
        out, err = capfd.readouterr()
        stdout, stderr = out.encode(), err
    assert code == Exit.NO_INPUT
    assert stdout == b""
    assert_nothing_got_through(stderr)
    assert stderr.startswith(f"{path}: ") and problem in stderr
    assert stderr.count("\n") == 1
