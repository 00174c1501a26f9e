"""`lvtui serve` before anything listens: the film is checked, the extra is asked for, a
public address is warned about; the names and messages it accepts; and what it uses of
textual-serve, its one private hook among them."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lvtui.cli import commands as cli


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Calls to lvtui.web.serve.serve, which is replaced: nothing listens in these tests."""
    import lvtui.web.serve

    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(lvtui.web.serve, "serve",
                        lambda *args, **options: calls.append((*args, options)))
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
    title = "lvtui — Leaving Las Vegas (1995)"  # the page's title: lvtui's own, and the film
    assert served[-1] == (None, "127.0.0.1", 8000, 8,
                          {"public_names": [], "verbose": False, "title": title})
    assert capsys.readouterr().err == ""
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "9000", "--max-sessions", "2",
                     "--public-name", "films.example", "--public-name", "tv", "--verbose"]) == 0
    assert served[-1] == (None, "0.0.0.0", 9000, 2, {"public_names": ["films.example", "tv"],
                                                    "verbose": True, "title": title})
    err = capsys.readouterr().err
    assert err.count("warning") == 1 and "anyone who can reach that address" in err
    assert cli.main(["serve", "--host", "::1"]) == 0
    assert capsys.readouterr().err == ""


def test_without_the_web_extra_one_line_says_how_to_get_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "lvtui.web.serve", raising=False)
    monkeypatch.delitem(sys.modules, "textual_serve.server", raising=False)
    monkeypatch.delitem(sys.modules, "textual_serve.app_service", raising=False)
    assert cli.main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err == "lvtui serve needs the web extra: pip install 'lvtui[web]'\n"


def test_the_app_command_quotes_every_argument() -> None:
    import shlex

    from lvtui.web.serve import app_command

    path = Path("/tmp/film $(touch X) `id`; rm -rf ~ <img src=x>.json")
    command = app_command(path)
    assert command.startswith("exec ")
    assert shlex.split(command)[1:] == [sys.executable, "-m", "lvtui", str(path)]


def test_what_lvtui_uses_of_textual_serve_is_still_there() -> None:
    """lvtui.web.serve overrides one private hook of textual-serve, AppService._open_app_process
    (to know every process it starts), calls the app service's public methods and serves
    its page's files. A release that changes any of them must fail here, not orphan apps or
    serve a broken page."""
    from textual_serve.app_service import AppService

    from lvtui.web.serve import STATIC

    signature = inspect.signature(AppService._open_app_process)
    assert list(signature.parameters) == ["self", "width", "height"]
    assert inspect.iscoroutinefunction(AppService._open_app_process)
    assert "create_subprocess_shell" in inspect.getsource(AppService._open_app_process)
    init = inspect.signature(AppService.__init__).parameters
    assert {"write_bytes", "write_str", "close", "download_manager", "debug"} <= set(init)
    for method, parameters in {"start": ["self", "width", "height"], "stop": ["self"],
                               "send_bytes": ["self", "data"], "blur": ["self"],
                               "focus": ["self"],
                               "set_terminal_size": ["self", "width", "height"]}.items():
        assert inspect.iscoroutinefunction(getattr(AppService, method)), method
        assert list(inspect.signature(getattr(AppService, method)).parameters) == parameters
    script = (STATIC / "js" / "textual.js").read_text(encoding="utf-8")
    # The page gives the script these, and the font it asks for is served from here.
    assert "dataset.sessionWebsocketUrl" in script and "dataset.fontSize" in script
    assert "'Roboto Mono'" in script
    for name in ("css/xterm.css", "fonts/RobotoMono-VariableFont_wght.ttf",
                 "fonts/RobotoMono-Italic-VariableFont_wght.ttf"):
        assert (STATIC / name).is_file(), name


def test_a_page_message_reaches_a_session_only_if_lvtui_knows_it() -> None:
    from lvtui.web.serve import HEIGHTS, WIDTHS, envelope, terminal_size

    assert envelope('["stdin", "q"]') == ("stdin", "q")
    assert envelope('["blur"]') == ("blur", None)
    for malformed in ("not json", "{}", "[]", "[5]", '"resize"', "[null, 1]"):
        assert envelope(malformed) is None, malformed
    assert terminal_size(4000, WIDTHS) == WIDTHS[1] and terminal_size(4000, HEIGHTS) == HEIGHTS[1]
    assert terminal_size(-5, WIDTHS) == WIDTHS[0] and terminal_size("120", WIDTHS) == 120
    for bad in (None, "4e9", "12x", 1.5, True, [80], {"w": 1}, "9" * 40):
        assert terminal_size(bad, WIDTHS) is None, bad


@pytest.mark.parametrize(("listen", "host", "own"), [
    ("127.0.0.1", "127.0.0.1:8000", True),
    ("127.0.0.1", "localhost:8000", True),
    ("127.0.0.1", "LOCALHOST:8000", True),
    ("127.0.0.1", "[::1]:8000", True),
    ("127.0.0.1", "127.0.0.1:9999", False),  # another port: another server
    ("127.0.0.1", "evil.example:8000", False),
    ("127.0.0.1", "10.1.2.3:8000", False),  # not an address it listens on
    ("0.0.0.0", "evil.example:8000", False),  # DNS rebinding: the page's own name
    ("0.0.0.0", "localhost.evil.example:8000", False),
    ("0.0.0.0", "10.1.2.3:8000", True),  # an address written as numbers cannot be rebound
    ("0.0.0.0", "[fe80::1]:8000", True),
    ("0.0.0.0", "films.example:8000", True),  # given with --public-name
    ("0.0.0.0", "FILMS.example:8000", True),
    ("0.0.0.0", "localhost:8000", True),
    ("0.0.0.0", ":8000", False),
    ("0.0.0.0", "", False),
    ("10.1.2.3", "10.1.2.3:8000", True),
    ("10.1.2.3", "10.9.9.9:8000", False),
    ("10.1.2.3", "127.0.0.1:8000", False),  # loopback cannot reach that address
])
def test_the_server_answers_only_to_its_own_names(listen: str, host: str, own: bool) -> None:
    from lvtui.web.serve import GuardedServer

    server = GuardedServer("exec true", listen, 8000, 1, public_names=["films.example"])
    assert server.own_host(host) is own


def test_the_machines_own_name_is_one_of_its_names() -> None:
    import socket

    from lvtui.web.serve import GuardedServer

    server = GuardedServer("exec true", "0.0.0.0", 8000, 1)
    assert server.own_host(f"{socket.gethostname()}:8000")


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
