"""`lvtui serve`: lvtui in a web browser, through textual-serve, and safe by default.

A local web server can be reached by every page the user visits, so:

- it listens on loopback unless told otherwise;
- it answers only to its own names: loopback names, the address it listens on, an address
  written as numbers (which no page can rebind), this machine's host name, and the names
  given with ``--public-name``. A page whose own name was rebound to this machine (DNS
  rebinding) is refused, whatever address the server listens on;
- a websocket is accepted only from the server's own page: its Origin must be one of the
  server's own names too;
- each tab runs its own lvtui, at most ``max_sessions`` at once; the next tab gets a page
  that says so, and no process;
- what a page sends is checked before it reaches a session: a size is clamped, a message
  that is not one lvtui knows is dropped;
- the page is lvtui's own: its title names the film, and nothing on it is fetched from
  anywhere but this server (the terminal's font is served from here);
- the command textual-serve hands to a shell is built by lvtui, every argument quoted, so a
  film path with shell or HTML characters in it is only ever a path;
- every lvtui it started ends with its tab, or with the server (ctrl+c or SIGTERM).

Only this module knows textual-serve; it is imported by `lvtui serve` alone. Of
textual-serve it uses the app service (which runs one lvtui and relays its bytes), through
its public methods and one private hook, and the page's script, style and font files:
``tests/unit/test_serve.py`` fails loudly if an upgrade changes any of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import ipaddress
import json
import logging
import shlex
import signal
import socket
import sys
from asyncio.subprocess import Process
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from string import Template
from typing import Any

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from lvtui.system.files import real_path

STOP_GRACE = 5.0  # seconds an app has to quit when asked, before it is killed
# A session's terminal size, whatever message asks for it: a 4000x4000 terminal would cost
# the server hundreds of MiB; no screen shows more than this at a readable size.
WIDTHS, HEIGHTS = (10, 500), (10, 200)
STATIC = Path(textual_serve.__file__).parent / "static"  # xterm.js, its style, the font
PAGE = Template(Path(__file__).with_name("page.html").read_text(encoding="utf-8"))
BUSY_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lvtui is busy</title></head>
<body style="font-family: sans-serif; max-width: 36em; margin: 4em auto">
<h1>lvtui is busy</h1>
<p>This server already runs {limit} lvtui sessions, its limit. Close one of their tabs,
then reload this page.</p></body></html>
"""
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
ACCESS_LOG = '%a "%r" %s %b'  # with --verbose: who, what, the status and the size


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_address(name: str) -> bool:
    """Whether *name* is an address written as numbers (``10.0.0.5``, ``[::1]``)."""
    try:
        ipaddress.ip_address(name.strip("[]") if name.startswith("[") else name)
    except ValueError:
        return False
    return True


def app_command(film: Path | None) -> str:
    """The shell command that runs one lvtui: this Python, every argument quoted, and
    `exec`, so the app is the shell's process itself and a signal to it reaches lvtui."""
    args = [sys.executable, "-m", "lvtui"]
    if film is not None:
        args.append(str(real_path(film)))
    return "exec " + shlex.join(args)


def terminal_size(value: object, bounds: tuple[int, int]) -> int | None:
    """A width or height from a page, within *bounds*; None if it is not a number."""
    if isinstance(value, str) and value.isdecimal() and len(value) < 10:
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    return max(bounds[0], min(value, bounds[1]))


def envelope(text: str) -> tuple[str, Any] | None:
    """A message from the page, ``["kind", data]``; None if it is not one."""
    try:
        message = json.loads(text)
    except ValueError:
        return None
    if not isinstance(message, list) or not message or not isinstance(message[0], str):
        return None
    return message[0], message[1] if len(message) > 1 else None


class TrackedAppService(AppService):
    """textual-serve's app service, whose process the server can always end."""

    def __init__(self, *args: Any, processes: set[Process], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._processes = processes  # the server's: every lvtui it has running
        self.process: Process | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        # The one private hook lvtui overrides: the process it starts.
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


def machine_names() -> set[str]:
    """This machine's host name and its fully qualified name, in lower case."""
    names = {socket.gethostname().lower()}
    with contextlib.suppress(OSError):
        names.add(socket.getfqdn().lower())
    return names - {""}


class GuardedServer:
    """lvtui's web server: the page, the websocket that relays each tab to its own lvtui,
    and textual-serve's static files; with lvtui's guards on every request."""

    def __init__(self, command: str, host: str, port: int, max_sessions: int, *,
                 title: str = "lvtui", public_names: Iterable[str] = (),
                 verbose: bool = False) -> None:
        self.command, self.host = command, host
        self.max_sessions = max_sessions
        self.title = title
        self.verbose = verbose
        self.sessions = 0
        self.processes: set[Process] = set()
        self.sockets: set[web.WebSocketResponse] = set()
        self.downloads = DownloadManager()  # the app service needs one; lvtui offers none
        self.listening_on(port)
        self.wildcard = host in ("0.0.0.0", "::", "")
        # The names a page may reach this server by. On every address (0.0.0.0), any
        # address written as numbers is one too: a page's name can be rebound to this
        # machine, an address cannot.
        self.names = {self.named.lower(), *machine_names(),
                      *(name.lower() for name in public_names)}
        if self.wildcard or is_loopback(host):
            self.names.update(LOOPBACK_NAMES)

    def listening_on(self, port: int) -> None:
        self.port = port
        self.named = f"[{self.host}]" if ":" in self.host else self.host  # IPv6, as URLs write it
        self.url = f"http://{self.named}:{port}"

    # -- the guards ----------------------------------------------------------------------

    def own_host(self, host: str | None) -> bool:
        """Whether *host* (``name:port``, as a Host header or an Origin writes it) names
        this server."""
        if not host:
            return False
        name, _, port = host.rpartition(":")
        if not name or port != str(self.port):
            return False
        name = name.lower()
        return name in self.names or (self.wildcard and is_address(name))

    def own_origin(self, request: web.Request) -> bool:
        """The page that opens a session must be this server's: a page on one of its
        names may talk to it under another (localhost and 127.0.0.1)."""
        origin = request.headers.get("Origin", "")
        return origin.startswith("http://") and self.own_host(origin.removeprefix("http://"))

    # -- the routes ----------------------------------------------------------------------

    @web.middleware
    async def only_own_names(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Every path answers to the server's own names only: the page, the websocket and
        the static files alike."""
        if not self.own_host(request.host):
            raise web.HTTPMisdirectedRequest(text="Not this server's name.\n")
        return await handler(request)

    @staticmethod
    async def not_framed(request: web.Request, response: web.StreamResponse) -> None:
        """No other site may show lvtui in a frame: ten hidden iframes took every session."""
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Content-Security-Policy"] = "frame-ancestors 'none'"

    async def page(self, request: web.Request) -> web.Response:
        if self.sessions >= self.max_sessions:
            return web.Response(status=503, text=BUSY_PAGE.format(limit=self.max_sessions),
                                content_type="text/html")
        # Back to the name the page came from: on every address, it is the one that works.
        base = f"http://{request.host}"
        size = terminal_size(request.query.get("fontsize", "16"), (6, 64)) or 16
        return web.Response(content_type="text/html", text=PAGE.substitute(
            title=html.escape(self.title), static=html.escape(f"{base}/static"),
            websocket=html.escape(f"ws://{request.host}/ws"), font_size=size))

    async def session(self, request: web.Request) -> web.WebSocketResponse:
        if not self.own_origin(request):
            raise web.HTTPForbidden(text="Only lvtui's own page may open a session.\n")
        if self.sessions >= self.max_sessions:
            raise web.HTTPServiceUnavailable(text="lvtui is busy: too many sessions.\n")
        self.sessions += 1
        websocket = web.WebSocketResponse(heartbeat=15)
        service: TrackedAppService | None = None
        try:
            await websocket.prepare(request)
            self.sockets.add(websocket)
            service = TrackedAppService(
                self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                close=websocket.close, download_manager=self.downloads, debug=False,
                processes=self.processes)
            await service.start(terminal_size(request.query.get("width"), WIDTHS) or 80,
                                terminal_size(request.query.get("height"), HEIGHTS) or 24)
            await self.relay(websocket, service)
        finally:
            # The tab is gone (or the server is stopping): its lvtui goes with it.
            self.sessions -= 1
            self.sockets.discard(websocket)
            if service is not None:
                await asyncio.shield(self._stop(service))
        return websocket

    async def relay(self, websocket: web.WebSocketResponse, service: AppService) -> None:
        """Pass what the page sends to its lvtui: keys, sizes (clamped), focus. Anything
        else is dropped, and the session goes on."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT or (found := envelope(message.data)) is None:
                continue
            kind, data = found
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                width = terminal_size(data.get("width"), WIDTHS)
                height = terminal_size(data.get("height"), HEIGHTS)
                if width is not None and height is not None:
                    await service.set_terminal_size(width, height)
            elif kind == "ping" and isinstance(data, str | int | float):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def _stop(self, service: TrackedAppService) -> None:
        with contextlib.suppress(TimeoutError, ConnectionError):
            await asyncio.wait_for(service.stop(), STOP_GRACE)  # asks the app to quit
        if service.process is not None:
            await end(service.process, 0.5)
            self.processes.discard(service.process)

    # -- running -------------------------------------------------------------------------

    def application(self) -> web.Application:
        app = web.Application(middlewares=[self.only_own_names])
        app.add_routes([web.get("/", self.page), web.get("/ws", self.session),
                        web.static("/static", STATIC)])
        app.on_response_prepare.append(self.not_framed)
        app.on_shutdown.append(self._on_shutdown)
        return app

    async def run(self) -> None:
        """Listen, say where, and serve until ctrl+c or SIGTERM; then end every session."""
        if self.verbose:
            logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
        runner = web.AppRunner(self.application(), handle_signals=False,
                               access_log=logging.getLogger("aiohttp.access")
                               if self.verbose else None, access_log_format=ACCESS_LOG,
                               shutdown_timeout=STOP_GRACE)
        await runner.setup()
        try:
            # A taken port fails here, before the address is printed.
            await web.TCPSite(runner, self.host, self.port).start()
            self.listening_on(runner.addresses[0][1])  # --port 0: the one it was given
            print(f"lvtui is served at {self.url}  (ctrl+c stops it)", flush=True)
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signal_number in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signal_number, stop.set)
            await stop.wait()
        finally:
            await runner.cleanup()

    async def _on_shutdown(self, app: web.Application) -> None:
        # Every tab is told the server is going, and every lvtui this server started ends
        # with it: asked to quit, then killed.
        await asyncio.gather(*(websocket.close(code=1001, message=b"lvtui stopped")
                               for websocket in list(self.sockets)), return_exceptions=True)
        for process in list(self.processes):
            if process.returncode is None:
                process.terminate()
        await asyncio.gather(*(end(p) for p in self.processes))


def serve(film: Path | None, host: str, port: int, max_sessions: int, *, title: str,
          public_names: Iterable[str] = (), verbose: bool = False) -> None:
    server = GuardedServer(app_command(film), host, port, max_sessions, title=title,
                           public_names=public_names, verbose=verbose)
    asyncio.run(server.run())
