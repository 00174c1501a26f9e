"""`lvtui serve` before anything listens: the film is checked, the extra is asked for, a
public address is warned about; and the one piece of textual-serve's private API it uses."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lvtui import cli


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Calls to lvtui.serve.serve, which is replaced: nothing listens in these tests."""
    import lvtui.serve

    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(lvtui.serve, "serve", lambda *args: calls.append(args))
    return calls


def test_a_bad_film_is_refused_before_anything_listens(
        served: list[tuple[Any, ...]], write_film: Callable[..., Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", str(tmp_path / "missing.json")]) == 66
    assert cli.main(["serve", str(write_film({"schema_version": 2, "title": "x"}))]) == 65
    assert "year" in capsys.readouterr().err
    assert served == []


def test_loopback_by_default_and_a_warning_for_anything_else(
        served: list[tuple[Any, ...]], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve"]) == 0
    assert served[-1] == (None, "127.0.0.1", 8000, 8)
    assert capsys.readouterr().err == ""
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "9000", "--max-sessions", "2"]) == 0
    assert served[-1] == (None, "0.0.0.0", 9000, 2)
    err = capsys.readouterr().err
    assert err.count("warning") == 1 and "anyone who can reach that address" in err
    assert cli.main(["serve", "--host", "::1"]) == 0
    assert capsys.readouterr().err == ""


def test_without_the_web_extra_one_line_says_how_to_get_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "lvtui.serve", raising=False)
    monkeypatch.delitem(sys.modules, "textual_serve.server", raising=False)
    monkeypatch.delitem(sys.modules, "textual_serve.app_service", raising=False)
    assert cli.main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err == "lvtui serve needs the web extra: pip install 'lvtui[web]'\n"


def test_the_app_command_quotes_every_argument() -> None:
    import shlex

    from lvtui.serve import app_command

    path = Path("/tmp/film $(touch X) `id`; rm -rf ~ <img src=x>.json")
    command = app_command(path)
    assert command.startswith("exec ")
    assert shlex.split(command)[1:] == [sys.executable, "-m", "lvtui", str(path)]


def test_textual_serves_private_process_hook_is_still_there() -> None:
    """lvtui.serve overrides AppService._open_app_process to know every process it
    starts; a textual-serve release that renames it must fail here, not orphan apps."""
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    signature = inspect.signature(AppService._open_app_process)
    assert list(signature.parameters) == ["self", "width", "height"]
    assert inspect.iscoroutinefunction(AppService._open_app_process)
    assert "create_subprocess_shell" in inspect.getsource(AppService._open_app_process)
    init = inspect.signature(AppService.__init__).parameters
    assert {"write_bytes", "write_str", "close", "download_manager", "debug"} <= set(init)
    assert inspect.iscoroutinefunction(Server._process_messages)


def test_a_taken_port_is_one_line_and_exit_69() -> None:
    import socket
    import subprocess

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "lvtui", "serve", "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 69
    assert result.stderr.strip().splitlines() == [
        f"lvtui: cannot listen on 127.0.0.1:{port}: address already in use"]
    assert "Traceback" not in result.stdout + result.stderr
