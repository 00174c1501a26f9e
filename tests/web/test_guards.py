"""`lvtui serve`'s guards, from a plain HTTP client: only its own origin and names, a cap
on sessions that answers with a page, not a process."""

from __future__ import annotations

from collections.abc import Callable

from web.support import Served, run, wait_until


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
