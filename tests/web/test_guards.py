"""`lvtui serve`'s guards, from a plain HTTP client: only its own origin and names, a cap
on sessions that answers with a page, not a process."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from web.support import Served, handshake, run, wait_until


def test_a_foreign_origin_or_host_is_refused(serve: Callable[..., Served]) -> None:
    server = serve()
    own = f"http://127.0.0.1:{server.port}"
    assert handshake(server.url, "http://evil.example") == 403
    assert handshake(server.url, "null") == 403
    # A page that rebinds its own name to 127.0.0.1: its origin is its own host, refused.
    rebound = f"evil.example:{server.port}"
    # Not its name: refused (421) before its origin is looked at.
    assert handshake(server.url, f"http://{rebound}", rebound) == 421
    assert server.apps() == []  # no lvtui was started for any of them
    assert handshake(server.url, own) == 101
    # The page opened as localhost talks to the server as 127.0.0.1: both are its own.
    assert handshake(server.url, f"http://localhost:{server.port}") == 101


def test_the_session_cap_answers_with_a_page_not_a_process(
        serve: Callable[..., Served]) -> None:
    import urllib.error
    import urllib.request

    import aiohttp

    server = serve("--max-sessions", "1")
    own = {"Origin": f"http://127.0.0.1:{server.port}"}

    async def visit() -> tuple[int, str, int]:
        async with aiohttp.ClientSession() as session, \
                session.ws_connect(f"{server.url}/ws", headers=own) as first:
            await first.receive(timeout=20)  # the app is up and drawing
            try:
                urllib.request.urlopen(server.url, timeout=10)
                status, page = 200, ""
            except urllib.error.HTTPError as error:
                status, page = error.code, error.read().decode()
            try:
                async with session.ws_connect(f"{server.url}/ws", headers=own):
                    second = 101
            except aiohttp.WSServerHandshakeError as error:
                second = error.status
            return status, page, second

    status, page, second = run(visit())
    assert status == 503 and "lvtui is busy" in page and "1 lvtui sessions" in page
    assert second == 503
    wait_until(lambda: server.apps() == [], what="the one session's lvtui to end")


def test_on_every_address_each_page_is_its_own_origin(serve: Callable[..., Served]) -> None:
    import urllib.error
    import urllib.request

    server = serve("--host", "0.0.0.0")
    page = urllib.request.urlopen(server.url, timeout=10).read().decode()
    assert f"ws://127.0.0.1:{server.port}/ws" in page  # back to the name the page came from

    assert handshake(server.url, "http://evil.example") == 403
    assert handshake(server.url, f"http://127.0.0.1:{server.port}") == 101

    # DNS rebinding: a page on evil.example, whose name now resolves to this machine. Its
    # requests carry its own name as Host, and its Origin: both refused, page and socket.
    rebound = f"evil.example:{server.port}"
    try:
        urllib.request.urlopen(urllib.request.Request(server.url, headers={"Host": rebound}),
                               timeout=10)
        status = 200
    except urllib.error.HTTPError as error:
        status = error.code
    assert status == 421

    wait_until(lambda: server.apps() == [], what="the accepted session's lvtui to end")
    assert handshake(server.url, f"http://{rebound}", rebound) == 421
    assert server.apps() == []  # none was started for it


def peak_rss_mib(pid: int) -> float:
    """The most memory *pid* has held at once (VmHWM), in MiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines()
                    if line.startswith("VmHWM:"))) / 1024


def test_a_huge_resize_is_clamped_and_malformed_messages_are_dropped(
        serve: Callable[..., Served]) -> None:
    import aiohttp

    server = serve()
    own = {"Origin": f"http://127.0.0.1:{server.port}"}

    async def session() -> float:
        async with aiohttp.ClientSession() as client, \
                client.ws_connect(f"{server.url}/ws?width=4000&height=4000", headers=own) as ws:
            await ws.receive(timeout=30)  # the app is up and drawing
            for message in ('"not json"', "not json", '["resize"]', '["stdin", 5]', "{}",
                            '["resize", {"width": "x", "height": []}]', "[]", '["ping"]',
                            '["resize", {"width": 4000, "height": 4000}]'):
                await ws.send_str(message)
            await ws.send_bytes(b"\x00binary")
            # The tab still answers: the cast section and its count, drawn. The app reads
            # what the page sends in order, so by then it has laid out and painted at the
            # size it was given; its peak memory says whether that size was clamped.
            await ws.send_str('["stdin", "3"]')
            # Unclamped, the app would stream a 4000x4000 frame for minutes: each piece is
            # looked at once (with the end of the one before), and not past a deadline.
            deadline = asyncio.get_running_loop().time() + 30
            before = b""
            while True:
                assert asyncio.get_running_loop().time() < deadline, "no answer in 30 s"
                message = await ws.receive(timeout=20)
                data = message.data if isinstance(message.data, bytes) else b""
                if b"28 of 28" in before + data:
                    break
                before = data[-8:]
            (app,) = server.apps()
            return peak_rss_mib(app)

    peak = run(session())
    assert peak < 100, f"a 4000x4000 resize grew the session to {peak:.0f} MiB"
    assert server.process.poll() is None  # the server is still up


def test_each_session_is_one_lvtui_and_sigterm_ends_the_server_and_the_rest_cleanly(
        serve: Callable[..., Served]) -> None:
    """Two tabs are two lvtui; a tab closed ends its own; SIGTERM ends the server and the
    one left. (ctrl+c with a tab open: the Chromium test.)"""
    import aiohttp

    server = serve()
    own = {"Origin": f"http://127.0.0.1:{server.port}"}

    async def open_two_close_one_then_terminate() -> None:
        async with aiohttp.ClientSession() as client, \
                client.ws_connect(f"{server.url}/ws", headers=own) as ws:
            async with client.ws_connect(f"{server.url}/ws", headers=own) as closed:
                await closed.receive(timeout=30)
                await ws.receive(timeout=30)
                assert len(server.apps()) == 2
            wait_until(lambda: len(server.apps()) == 1, what="the closed tab's lvtui to end")
            server.process.send_signal(signal.SIGTERM)
            with contextlib.suppress(TimeoutError):
                while not ws.closed:  # the server closes the tab's socket as it goes
                    await ws.receive(timeout=20)

    run(open_two_close_one_then_terminate())
    assert server.process.wait(timeout=20) == 0
    assert server.apps() == []
    assert server.process.stdout is not None
    said = server.process.stdout.read()
    assert "Traceback" not in said and said.count("\n") <= 2, said


def test_requests_are_logged_only_with_verbose(serve: Callable[..., Served]) -> None:
    import urllib.request

    quiet, verbose = serve(), serve("--verbose")
    for server in (quiet, verbose):
        urllib.request.urlopen(server.url, timeout=10).read()
        urllib.request.urlopen(f"{server.url}/static/css/xterm.css", timeout=10).read()
    outputs = []
    for server in (quiet, verbose):
        server.stop()
        assert server.process.stdout is not None
        outputs.append(server.process.stdout.read())
    assert outputs[0] == ""
    lines = outputs[1].splitlines()
    assert len(lines) == 2 and all(len(line) < 120 for line in lines), lines
    assert '"GET / HTTP/1.1" 200' in lines[0] and "/static/css/xterm.css" in lines[1]


def test_no_path_answers_another_name_and_no_page_may_be_framed(
        serve: Callable[..., Served]) -> None:
    import urllib.error
    import urllib.request

    server = serve()

    def get(path: str, host: str | None = None) -> tuple[int, Any]:
        request = urllib.request.Request(f"{server.url}{path}",
                                         headers={"Host": host} if host else {})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, answer.headers
        except urllib.error.HTTPError as error:
            return error.code, error.headers

    for path in ("/", "/static/css/xterm.css", "/static/js/textual.js", "/ws"):
        status, _ = get(path, f"evil.example:{server.port}")
        assert status == 421, path  # a rebound name reads not even the static files
    for path in ("/", "/static/css/xterm.css"):
        status, headers = get(path)
        assert status == 200, path
        assert headers["X-Frame-Options"] == "DENY", path
        assert headers["Content-Security-Policy"] == "frame-ancestors 'none'", path


def test_port_0_prints_the_port_the_server_really_listens_on() -> None:
    import re
    import subprocess
    import sys
    import urllib.request

    process = subprocess.Popen([sys.executable, "-m", "lvtui", "serve", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        assert process.stdout is not None
        said = process.stdout.readline()
        found = re.fullmatch(r"lvtui is served at http://127\.0\.0\.1:(\d+)  \(ctrl\+c stops "
                             r"it\)\n", said)
        assert found and int(found[1]) != 0, said
        page = urllib.request.urlopen(f"http://127.0.0.1:{found[1]}/", timeout=10)
        assert page.status == 200  # its own port is its own name's
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)


def test_sessions_end_with_a_server_killed_without_a_word(
        serve: Callable[..., Served]) -> None:
    import os

    import aiohttp

    server = serve()
    own = {"Origin": f"http://127.0.0.1:{server.port}"}

    async def open_then_kill() -> list[int]:
        async with aiohttp.ClientSession() as client, \
                client.ws_connect(f"{server.url}/ws", headers=own) as ws:
            await ws.receive(timeout=30)  # the app is up and drawing
            apps = server.apps()
            os.kill(server.process.pid, signal.SIGKILL)  # no ctrl+c, no SIGTERM
            return apps

    apps = run(open_then_kill())
    assert len(apps) == 1

    def ended(pid: int) -> bool:
        try:  # gone, or a zombie waiting for whoever adopted it
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
        except OSError:
            return True

    wait_until(lambda: all(ended(pid) for pid in apps), what="the orphaned lvtui to end")
