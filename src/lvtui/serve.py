"""`lvtui serve`: lvtui in a web browser, through textual-serve, and safe by default.

A local web server can be reached by every page the user visits, so:

- it listens on loopback unless told otherwise;
- a websocket is accepted only from the server's own page: its Origin must be the server's
  own address, and the Host the browser asked for must be one of the server's names (a page
  that rebinds its own name to 127.0.0.1 is refused too);
- each tab runs its own lvtui, at most ``max_sessions`` at once; the next tab gets a page
  that says so, and no process;
- the command textual-serve hands to a shell is built by lvtui, every argument quoted, so a
  film path with shell or HTML characters in it is only ever a path; the page's title is
  lvtui's own;
- every lvtui it started ends with its tab, or with the server.

Only this module knows textual-serve; it is imported by `lvtui serve` alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import shlex
import sys
from asyncio.subprocess import Process
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

STOP_GRACE = 5.0  # seconds an app has to quit when asked, before it is killed
BUSY_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lvtui is busy</title></head>
<body style="font-family: sans-serif; max-width: 36em; margin: 4em auto">
<h1>lvtui is busy</h1>
<p>This server already runs {limit} lvtui sessions, its limit. Close one of their tabs,
then reload this page.</p></body></html>
"""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(film: Path | None) -> str:
    """The shell command that runs one lvtui: this Python, every argument quoted, and
    `exec`, so the app is the shell's process itself and a signal to it reaches lvtui."""
    args = [sys.executable, "-m", "lvtui"]
    if film is not None:
        args.append(str(film.resolve()))
    return "exec " + shlex.join(args)


class TrackedAppService(AppService):
    """textual-serve's app service, whose process the server can always end."""

    def __init__(self, *args: Any, processes: set[Process], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._processes = processes  # the server's: every lvtui it has running
        self.process: Process | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        # The one place lvtui uses textual-serve's private API: the process it starts.
        # tests/unit/test_serve.py fails loudly if an upgrade changes it.
        self.process = process = await super()._open_app_process(width, height)
        self._processes.add(process)
        return process


async def end(process: Process, grace: float = STOP_GRACE) -> None:
    """Wait for *process* to end; kill it if it has not after *grace* seconds."""
    try:
        await asyncio.wait_for(process.wait(), grace)
    except TimeoutError:
        if process.returncode is None:
            process.kill()
            await process.wait()


class GuardedServer(Server):
    """textual-serve's server with lvtui's guards: origin, host, session cap, cleanup."""

    def __init__(self, command: str, host: str, port: int, max_sessions: int) -> None:
        named = f"[{host}]" if ":" in host else host  # an IPv6 address, as a URL writes it
        super().__init__(command, host=host, port=port, title="lvtui",
                         public_url=f"http://{named}:{port}")
        self.max_sessions = max_sessions
        self.sessions = 0
        self.processes: set[Process] = set()
        self._announcing: asyncio.Task[None] | None = None
        # Listening on every address, the server cannot know the names it is reached by:
        # each page is then its own origin, as the browser asked for it.
        self.wildcard = host in ("0.0.0.0", "::")
        # The names a browser may use for this server: its own, and, when it listens on
        # loopback, every loopback name.
        names = {named, "localhost", "127.0.0.1", "[::1]"} if is_loopback(host) else {named}
        self.hosts = {f"{name}:{port}" for name in names}

    def own_request(self, request: web.Request) -> bool:
        return self.wildcard or request.host in self.hosts

    def own_origin(self, request: web.Request) -> bool:
        """The page that opens a session must be this server's: a page on one loopback
        name may talk to the server under another (localhost and 127.0.0.1)."""
        origin = request.headers.get("Origin", "")
        if self.wildcard:
            return origin == f"http://{request.host}"
        return origin.removeprefix("http://") in self.hosts and origin.startswith("http://")

    async def handle_index(self, request: web.Request) -> Any:
        if not self.own_request(request):
            raise web.HTTPMisdirectedRequest(text="Not this server's name.\n")
        if self.sessions >= self.max_sessions:
            return web.Response(status=503, text=BUSY_PAGE.format(limit=self.max_sessions),
                                content_type="text/html")
        if self.wildcard:  # the page's websocket goes back to the name the page came from
            self.public_url = f"http://{request.host}"
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not (self.own_request(request) and self.own_origin(request)):
            raise web.HTTPForbidden(text="Only lvtui's own page may open a session.\n")
        if self.sessions >= self.max_sessions:
            raise web.HTTPServiceUnavailable(text="lvtui is busy: too many sessions.\n")
        self.sessions += 1
        websocket = web.WebSocketResponse(heartbeat=15)
        service: TrackedAppService | None = None
        try:
            await websocket.prepare(request)
            width = _number(request.query.get("width"), 80)
            height = _number(request.query.get("height"), 24)
            service = TrackedAppService(
                self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                close=websocket.close, download_manager=self.download_manager,
                debug=self.debug, processes=self.processes)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        finally:
            # The tab is gone (or the server is stopping): its lvtui goes with it.
            self.sessions -= 1
            if service is not None:
                await asyncio.shield(self._stop(service))
        return websocket

    async def _stop(self, service: TrackedAppService) -> None:
        with contextlib.suppress(TimeoutError, ConnectionError):
            await asyncio.wait_for(service.stop(), STOP_GRACE)  # asks the app to quit
        if service.process is not None:
            await end(service.process, 0.5)
            self.processes.discard(service.process)

    async def on_startup(self, app: web.Application) -> None:
        # Startup comes before the port is open: the address is printed once it is, so
        # whoever reads it (a person, a script, a test) can connect at once.
        self._announcing = asyncio.get_running_loop().create_task(self._announce())

    async def _announce(self) -> None:
        for _ in range(200):
            try:
                _, writer = await asyncio.open_connection(self.host, self.port)
            except OSError:
                await asyncio.sleep(0.05)
                continue
            writer.close()
            break
        print(f"lvtui is served at {self.public_url}  (ctrl+c stops it)", flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        # Every lvtui this server started ends with it: asked to quit, then killed.
        for process in list(self.processes):
            if process.returncode is None:
                process.terminate()
        await asyncio.gather(*(end(p) for p in self.processes))


def _number(value: str | None, default: int) -> int:
    try:
        return max(10, min(int(value or default), 1000))
    except ValueError:
        return default


def serve(film: Path | None, host: str, port: int, max_sessions: int) -> None:
    GuardedServer(app_command(film), host, port, max_sessions).serve()
