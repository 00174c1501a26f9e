"""`lvtui serve` in a real Chromium (Debian's, driven by Playwright), and its guards:
loopback, its own origin only, a cap on sessions, no shell and no HTML from a film path,
no process left behind by a closed tab or by ctrl+c.

What the app drew is read from the websocket frames the page received, not guessed.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from hostile.corpus import CORPUS
from lvtui.loading import shipped_film_path

T = TypeVar("T")
pytestmark = pytest.mark.xdist_group("web")  # one worker: the server ports and Chromium
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = "no Chromium: apt-get install chromium (the web tests drive it; .ci/run does)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def children(pid: int) -> list[int]:
    """Every lvtui process under *pid*, at any depth (Linux)."""
    found: list[int] = []
    pending = [pid]
    while pending:
        parent = pending.pop()
        try:
            listed = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, listed):
            pending.append(child)
            try:
                if b"lvtui" in Path(f"/proc/{child}/cmdline").read_bytes():
                    found.append(child)
            except OSError:
                pass
    return found


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run *coroutine* to its end, in a thread of its own: Playwright's sync API keeps an
    event loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def wait_until(condition: Callable[[], bool], timeout: float = 20.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


class Served:
    """`lvtui serve` running in its own process group, on a free port."""

    def __init__(self, *args: str, cwd: Path | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lvtui", "serve", *args, "--port", str(self.port)],
            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True)
        assert self.process.stdout is not None
        first = self.process.stdout.readline()
        if "warning" in first:  # a public address: the warning comes first
            first = self.process.stdout.readline()
        assert "lvtui is served at http://" in first and f":{self.port}" in first, first

    def apps(self) -> list[int]:
        return children(self.process.pid)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # as ctrl+c
        try:
            return self.process.wait(timeout=20)
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)


@pytest.fixture
def serve() -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def start(*args: str, cwd: Path | None = None) -> Served:
        server = Served(*args, cwd=cwd)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=["--no-sandbox"])
        yield chromium
        chromium.close()


class Tab:
    """A browser tab on the server, and everything the app sent it over the websocket."""

    def __init__(self, browser: Any, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.received = bytearray()
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message),
                                               dialog.dismiss()))
        self.page.on("websocket", self._socket)
        self.page.goto(url)

    def _socket(self, websocket: Any) -> None:
        def received(payload: str | bytes) -> None:
            self.received += payload if isinstance(payload, bytes) else payload.encode()
        websocket.on("framereceived", received)

    def text(self) -> str:
        return self.received.decode("utf-8", "replace")

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never drawn; last: {self.text()[-300:]!r}")
            self.page.wait_for_timeout(50)  # lets Playwright deliver the frames

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def close(self) -> None:
        self.page.close()


def test_the_film_in_chromium_answers_keys_and_searches(browser: Any,
                                                        serve: Callable[..., Served]) -> None:
    server = serve()
    tab = Tab(browser, server.url)
    tab.wait_for("Leaving Las Vegas (1995)")
    tab.page.mouse.click(640, 400)  # focus the terminal, as a person would
    tab.press("5")
    tab.wait_for("Timeline 19")
    tab.press("/", *"shue")
    tab.wait_for("1 of 28")
    tab.press("Enter", "Enter")
    tab.wait_for("Person")
    tab.wait_for("Elisabeth Judson Shue")
    assert len(server.apps()) == 1  # one tab, one lvtui
    tab.close()


def test_a_closed_tab_ends_its_lvtui_and_ctrl_c_ends_the_rest(
        browser: Any, serve: Callable[..., Served]) -> None:
    server = serve()
    first, second = Tab(browser, server.url), Tab(browser, server.url)
    first.wait_for("Leaving Las Vegas (1995)")
    second.wait_for("Leaving Las Vegas (1995)")
    wait_until(lambda: len(server.apps()) == 2, what="two lvtui processes")
    first.close()
    wait_until(lambda: len(server.apps()) == 1, what="the closed tab's lvtui to end")
    apps = server.apps()
    assert server.stop() == 0  # ctrl+c, with a tab still open
    wait_until(lambda: not any(Path(f"/proc/{pid}").exists() for pid in apps),
               what="the open tab's lvtui to end with the server")
    second.close()


def test_a_film_path_runs_nothing_and_injects_nothing(
        browser: Any, serve: Callable[..., Served], tmp_path: Path) -> None:
    name = "film $(touch PWNED) `touch PWNED2`; touch PWNED3 <img src=x onerror=alert(1)>.json"
    shutil.copy(shipped_film_path(), tmp_path / name)
    server = serve(name, cwd=tmp_path)
    tab = Tab(browser, server.url)
    tab.wait_for("Leaving Las Vegas (1995)")
    assert not list(tmp_path.glob("PWNED*"))
    html = tab.page.content()
    assert "<img src=x" not in html and "onerror" not in html
    assert tab.dialogs == []
    tab.close()


def test_hostile_film_text_reaches_the_page_as_text(browser: Any,
                                                    serve: Callable[..., Served]) -> None:
    server = serve(str(CORPUS / "everything.json"))
    tab = Tab(browser, server.url)
    title = tab.page.title()
    tab.wait_for("CLICKME")
    tab.page.mouse.click(640, 400)
    tab.press("2", "6", "4", "Tab", "Enter")  # the plot, reception, the notes: a link
    tab.wait_for("Person")
    assert "[@click=app.bait" in tab.text()  # markup, shown as its characters
    for sequence in (b"\x1b]0;", b"\x1b]2;", b"\x1b]8;", b"\x1b]52;"):  # title, link, clipboard
        assert sequence not in tab.received, sequence
    assert tab.page.title() == title and tab.dialogs == []
    tab.close()


def test_a_foreign_origin_or_host_is_refused(serve: Callable[..., Served]) -> None:
    import aiohttp

    server = serve()

    async def handshake(origin: str, host: str | None = None) -> int:
        headers = {"Origin": origin, **({"Host": host} if host else {})}
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(f"{server.url}/ws", headers=headers):
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    own = f"http://127.0.0.1:{server.port}"
    assert run(handshake("http://evil.example")) == 403
    assert run(handshake("null")) == 403
    # A page that rebinds its own name to 127.0.0.1: its origin is its own host, refused.
    rebound = f"evil.example:{server.port}"
    assert run(handshake(f"http://{rebound}", rebound)) == 403
    assert server.apps() == []  # no lvtui was started for any of them
    assert run(handshake(own)) == 101
    # The page opened as localhost talks to the server as 127.0.0.1: both are its own.
    assert run(handshake(f"http://localhost:{server.port}")) == 101


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
    import urllib.request

    import aiohttp

    server = serve("--host", "0.0.0.0")
    page = urllib.request.urlopen(server.url, timeout=10).read().decode()
    assert f"ws://127.0.0.1:{server.port}/ws" in page  # back to the name the page came from

    async def handshake(origin: str) -> int:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(f"{server.url}/ws", headers={"Origin": origin}):
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    assert run(handshake("http://evil.example")) == 403
    assert run(handshake(f"http://127.0.0.1:{server.port}")) == 101
