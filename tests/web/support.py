"""What the web tests share: `lvtui serve` in a process of its own, the lvtui processes
under it, and waiting on conditions."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


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


def handshake(url: str, origin: str, host: str | None = None) -> int:
    """The status a websocket handshake to *url* gets with this Origin (and Host): 101 when
    a session is opened."""
    import aiohttp

    async def attempt() -> int:
        headers = {"Origin": origin, **({"Host": host} if host else {})}
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(f"{url}/ws", headers=headers):
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    return run(attempt())


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
