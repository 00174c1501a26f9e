"""A real HTTP server on 127.0.0.1 that answers as TMDB did: it replays the recorded responses
(tests/tmdb/responses), checks the key as TMDB does, and misbehaves on request (a 429, a slow
answer, a body that is not JSON, a huge body). The error bodies are TMDB's documented ones,
written here: an error cannot be recorded from a public fixture."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

RESPONSES = Path(__file__).parent / "responses"
KEY = "test-key-0f1e2d3c4b5a"
TOKEN = "test-token-9a8b7c6d5e4f"
# TMDB's error bodies (developer.themoviedb.org/docs/errors), as it sends them.
INVALID_KEY = (b'{"status_code":7,"status_message":"Invalid API key: You must be granted a '
               b'valid key.","success":false}')
NOT_FOUND = (b'{"success":false,"status_code":34,"status_message":"The resource you requested '
             b'could not be found."}')
RATE_LIMITED = (b'{"status_code":25,"status_message":"Your request count (#) is over the '
                b'allowed limit of (40).","success":false}')

# What each path answers with: the recorded responses. Fight Club's details were recorded
# without appended parts, so its parts are asked for one by one; Rock Crystal's were
# recorded with them appended.
ROUTES = {
    "/3/movie/550": "movies-details.json",
    "/3/movie/550/credits": "movies-credits.json",
    "/3/movie/550/release_dates": "movies-release_dates.json",
    "/3/movie/550/keywords": "movies-keywords.json",
    "/3/movie/550/external_ids": "movies-external_ids.json",
    "/3/movie/12313": "movies-details_with_append_to_response.json",
    "/3/person/12312": "people-details.json",
    "/3/search/movie": "search-movie.json",
}


@dataclass
class Request:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    at: float


@dataclass
class Replay:
    """The server's behaviour, set by a test, and every request it was sent."""

    port: int = 0
    requests: list[Request] = field(default_factory=list)
    too_many: dict[str, int] = field(default_factory=dict)  # path -> 429s before answering
    retry_after: str = "1"
    slow: set[str] = field(default_factory=set)  # paths that answer after SLOW seconds
    garbled: set[str] = field(default_factory=set)  # paths that answer with HTML
    huge: set[str] = field(default_factory=set)  # paths that answer with 21 MiB
    # path -> (Content-Encoding, body): answered as given (a gzip bomb, a stacked encoding)
    encoded: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    trickle: set[str] = field(default_factory=set)  # paths answered a byte every TRICKLE s
    bodies: dict[str, bytes] = field(default_factory=dict)  # path -> a body of another shape
    # path -> (status, headers, body), answered as given (a redirect, an error of its own)
    answers: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    person_delay: float = 0.0  # seconds each /person/{id} takes, to see how many overlap
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/3"

    def paths(self) -> list[str]:
        return [request.path for request in self.requests]


SLOW = 3.0
TRICKLE = 0.1


def handler(replay: Replay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            with replay.lock:
                replay.requests.append(Request(url.path, query, dict(self.headers),
                                               time.monotonic()))
                left = replay.too_many.get(url.path, 0)
                if left:
                    replay.too_many[url.path] = left - 1
            authorised = query.get("api_key") == [KEY] or \
                self.headers.get("Authorization") == f"Bearer {TOKEN}"
            if not authorised:
                return self.answer(401, INVALID_KEY)
            if left:
                return self.answer(429, RATE_LIMITED, {"Retry-After": replay.retry_after})
            if url.path in replay.slow:
                time.sleep(SLOW)
            if url.path.startswith("/3/person/") and replay.person_delay:
                with replay.lock:
                    replay.in_flight += 1
                    replay.most_in_flight = max(replay.most_in_flight, replay.in_flight)
                time.sleep(replay.person_delay)
                with replay.lock:
                    replay.in_flight -= 1
            if url.path in replay.garbled:
                return self.answer(200, b"<html><body>Bad gateway</body></html>",
                                   {"Content-Type": "text/html"})
            if url.path in replay.answers:
                status, headers, body = replay.answers[url.path]
                return self.answer(status, body, headers)
            if url.path in replay.encoded:
                encoding, body = replay.encoded[url.path]
                return self.answer(200, body, {"Content-Encoding": encoding})
            if url.path in replay.bodies:
                return self.answer(200, replay.bodies[url.path])
            if url.path in replay.trickle:
                return self.answer(200, (RESPONSES / ROUTES[url.path]).read_bytes(),
                                   every=TRICKLE)
            if url.path in replay.huge:
                return self.answer(200, b"[" + b"0," * (21 * 1024 * 1024 // 2) + b"0]")
            name = ROUTES.get(url.path)
            if name is None:
                return self.answer(404, NOT_FOUND)
            self.answer(200, (RESPONSES / name).read_bytes())

        def answer(self, status: int, body: bytes, headers: dict[str, str] | None = None,
                   every: float = 0.0) -> None:
            self.send_response(status)
            for name, value in {"Content-Type": "application/json;charset=utf-8",
                                **(headers or {})}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may have given up (a timeout, a body too big): as it should.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                if not every:
                    self.wfile.write(body)
                for number in range(len(body) if every else 0):  # a byte at a time
                    self.wfile.write(body[number:number + 1])
                    self.wfile.flush()
                    time.sleep(every)

    return Handler


def serve() -> Iterator[Replay]:
    replay = Replay()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(replay))
    server.daemon_threads = True
    replay.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield replay
    finally:
        server.shutdown()
        server.server_close()


def fetch(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`lvtui fetch tmdb ARGS` in this process: its status, stdout and stderr."""
    from lvtui.cli.commands import main

    status = main(["fetch", "tmdb", *args])
    out, err = capsys.readouterr()
    return status, out, err
