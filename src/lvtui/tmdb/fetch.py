"""`lvtui fetch tmdb`: a film asked of TMDB over HTTP, then made as `lvtui import` makes it.

One request for the movie (its credits, release dates, keywords and external ids appended;
a server that leaves them out is asked for each), then ``/person/{id}`` for the first 20
billed and the crew who head a department, at most 8 at once. A 429 is waited out as its
Retry-After says, a few times. The key is sent, never shown: no message, URL or file holds it.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import os
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, quote_plus

import httpx

from lvtui.film.jobs import KEY_JOBS, SOURCE_JOBS
from lvtui.system.exits import Exit
from lvtui.text.clean import shorten
from lvtui.tmdb.build import MAX_BYTES, film_from, slug
from lvtui.tmdb.responses import PARTS, Responses, kind_of
from lvtui.tmdb.shapes import NotJson, NotTmdb, checked, decode

API_URL = "https://api.themoviedb.org/3"
CONCURRENT = 8
BILLED = 20  # the cast whose /person/{id} is asked for
RETRIES = 3  # 429s waited out before giving up
LONGEST_WAIT = 60.0  # seconds: a Retry-After beyond this is not waited for
LONGEST_KEY = 1_000  # characters: a v4 token is some 250
KEY_HELP = ("set TMDB_API_KEY (an API key, v3) or TMDB_TOKEN (an API read access token, v4): "
            "both are on https://www.themoviedb.org/settings/api once you have an account")


class FetchError(Exception):
    """A failure said in one line, with the exit status it ends lvtui with."""

    def __init__(self, message: str, exit_code: Exit) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class NotFound(FetchError):
    def __init__(self, what: str) -> None:
        super().__init__(f"TMDB has no {what}", Exit.NO_MATCH)


@dataclass(frozen=True)
class Credentials:
    api_key: str | None = None
    token: str | None = None

    @classmethod
    def from_environment(cls) -> Credentials:
        key, token = os.environ.get("TMDB_API_KEY", ""), os.environ.get("TMDB_TOKEN", "")
        if not key.strip() and not token.strip():
            raise FetchError(f"lvtui fetch tmdb needs a key: {KEY_HELP}", Exit.USAGE)
        for name, value in (("TMDB_API_KEY", key), ("TMDB_TOKEN", token)):
            if len(value.strip()) > LONGEST_KEY:
                raise FetchError(f"{name} is {len(value.strip()):,} characters long, more than "
                                 "any key: copy it again from "
                                 "https://www.themoviedb.org/settings/api", Exit.USAGE)
            if not _plain(value.strip()):
                # Said without the value: a key pasted with a line break would otherwise be
                # printed by the HTTP library, escaped, where no redaction looked for it.
                raise FetchError(f"{name} holds a character no key has (a space, a line break, "
                                 "a control character or a letter outside ASCII): copy it "
                                 "again from https://www.themoviedb.org/settings/api",
                                 Exit.USAGE)
        return cls(key.strip() or None, token.strip() or None)

    def redact(self, text: str) -> str:
        """*text* without the key or token, in any form a message may quote them: as they
        are, escaped (as Python, JSON or a bytes literal writes them) or URL-encoded."""
        for secret in (self.api_key, self.token):
            if secret:
                for form in sorted(_forms(secret), key=len, reverse=True):
                    # Any case: httpx lower-cases a URL's scheme, and quotes it so.
                    text = re.sub(re.escape(form), "***", text, flags=re.IGNORECASE)
        return text


def _plain(secret: str) -> bool:
    """Whether *secret* is printable ASCII without spaces, as every TMDB key and token is."""
    return secret.isascii() and secret.isprintable() and " " not in secret


def _forms(secret: str) -> set[str]:
    return {secret, repr(secret)[1:-1], json.dumps(secret)[1:-1],
            repr(secret.encode("utf-8", "surrogateescape"))[2:-1],
            quote(secret, safe=""), quote_plus(secret)} - {""}


@dataclass(frozen=True)
class Candidate:
    id: int
    title: str
    year: str
    original_title: str

    def line(self) -> str:
        original = f" ({self.original_title})" if self.original_title != self.title else ""
        return f"{self.id:>8}  {self.year or '----'}  {self.title}{original}"


class Ambiguous(FetchError):
    def __init__(self, query: str, candidates: Sequence[Candidate]) -> None:
        super().__init__(f"{len(candidates)} films match {query!r}: give an id, or --year",
                         Exit.USAGE)
        self.candidates = candidates


class Tmdb:
    """TMDB's API at *api_url*, asked with *credentials*."""

    def __init__(self, api_url: str, credentials: Credentials, *, timeout: float = 30.0,
                 sleep: Callable[[float], Any] = asyncio.sleep) -> None:
        self.api_url = api_url.rstrip("/")
        self.credentials = credentials
        # gzip alone, and decoded here, bounded: httpx would decode every encoding an answer
        # lists, one after the other, with no bound on what comes out.
        headers = {"Accept": "application/json", "Accept-Encoding": "gzip",
                   "User-Agent": "lvtui"}
        if credentials.token and not credentials.api_key:
            headers["Authorization"] = f"Bearer {credentials.token}"
        self.timeout = timeout
        self.client = httpx.AsyncClient(headers=headers, timeout=timeout, follow_redirects=True)
        self.sleep = sleep
        self.host = httpx.URL(self.api_url).host or self.api_url

    async def close(self) -> None:
        await self.client.aclose()

    async def get(self, path: str, **params: str) -> Any:
        """The decoded JSON at *path*; every failure as a FetchError that names no secret."""
        if self.credentials.api_key:
            params["api_key"] = self.credentials.api_key
        for attempt in range(RETRIES + 1):
            status, retry_after, body = await self._ask(path, params)
            if status == 429 and attempt < RETRIES:
                # Waited out, but never longer than an answer is: a Retry-After of days
                # kept `--timeout 2` for three minutes.
                await self.sleep(min(_retry_after(retry_after), self.timeout))
                continue
            return self._decoded(status, body, path)
        raise AssertionError("unreachable")  # the last attempt returns or raises

    async def _ask(self, path: str, params: dict[str, str]) -> tuple[int, str | None, bytes]:
        """One request: its status, Retry-After and body, all within the timeout, which is
        a deadline for the whole answer (httpx's own is for each read: an answer sent a
        byte a second would never end)."""
        try:
            async with asyncio.timeout(self.timeout):
                async with self.client.stream("GET", self.api_url + path, params=params) as answer:
                    body = await _read_capped(answer, path)
                    return answer.status_code, answer.headers.get("Retry-After"), body
        except (TimeoutError, httpx.TimeoutException):
            raise FetchError(f"TMDB ({self.host}) did not answer {path} in time",
                             Exit.UNAVAILABLE) from None
        except httpx.ConnectError as error:
            reason = self.credentials.redact(str(error)) or "connection refused"
            raise FetchError(f"cannot reach TMDB at {self.host}: {reason}",
                             Exit.UNAVAILABLE) from None
        except (httpx.HTTPError, httpx.InvalidURL, ValueError, OverflowError,
                ExceptionGroup) as error:  # a redirect to port 99999 is an OverflowError
            raise FetchError(f"TMDB ({self.host}) failed on {path}: "
                             f"{self.credentials.redact(shorten(str(error), 200))}",
                             Exit.UNAVAILABLE) from None

    def _decoded(self, status: int, body: bytes, path: str) -> Any:
        try:
            document = decode(body, path)
        except NotJson:
            document = None  # an error page, or not JSON: said below, by the status
        except NotTmdb as error:  # JSON, but nothing TMDB would send
            if status == 200:
                raise FetchError(str(error), Exit.DATA) from None
            document = None
        if status == 200 and document is not None:
            return document
        code = document.get("status_code") if isinstance(document, dict) else None
        message = document.get("status_message") if isinstance(document, dict) else None
        said = self.credentials.redact(
            f" (TMDB {shorten(str(code), 20)}: {shorten(str(message), 200)})" if code else "")
        if status == 401 or code in (3, 7, 10, 14):
            raise FetchError(f"TMDB refused the key{said}: {KEY_HELP}", Exit.NO_PERMISSION)
        if status == 404 or code == 34:
            raise NotFound(path.strip("/").replace("/", " "))
        if status == 429:
            raise FetchError(f"TMDB kept saying too many requests ({RETRIES + 1} tries); "
                             "try again later", Exit.UNAVAILABLE)
        if status == 200:
            raise FetchError(f"TMDB's answer to {path} is not JSON", Exit.DATA)
        raise FetchError(f"TMDB answered {status} to {path}{said}", Exit.UNAVAILABLE)

    # -- what lvtui asks -----------------------------------------------------------------------

    async def find(self, query: str, year: int | None) -> int:
        """The id of the one film *query* names (an id, or a title with --year)."""
        if query.isdigit():
            if not (query.isascii() and len(query) <= 10):  # "²", or 5,000 digits
                raise FetchError(f"{shorten(query)!r} is not a TMDB id (at most ten digits, "
                                 "0 to 9)", Exit.USAGE)
            return int(query)
        params = {"query": query, "include_adult": "false"}
        if year is not None:
            params["year"] = str(year)
        found = await self.get("/search/movie", **params)
        if not isinstance(found, dict):
            raise NotTmdb("/search/movie: is not a TMDB search answer (not a JSON object)")
        results = checked(found, "search", "/search/movie")["results"]
        candidates = [Candidate(r["id"], r.get("title", ""), r.get("release_date", "")[:4],
                                r.get("original_title", "")) for r in results]
        if year is not None:  # a server may not filter: the year decides here too
            candidates = [c for c in candidates if c.year == str(year)]
        if not candidates:
            raise NotFound(f"film called {query!r}" + (f" from {year}" if year else ""))
        if len(candidates) > 1:
            raise Ambiguous(query, candidates)
        return candidates[0].id

    async def responses(self, movie_id: int, progress: Callable[[int, int], None]
                        ) -> Responses:
        responses = Responses()
        movie = await self.get(f"/movie/{movie_id}", append_to_response=",".join(PARTS))
        responses.add(movie, f"/movie/{movie_id}")
        for part in PARTS:  # a mirror may ignore append_to_response
            if not isinstance(movie, dict) or part not in movie:
                responses.add(await self.get(f"/movie/{movie_id}/{part}"),
                              f"/movie/{movie_id}/{part}")
        wanted = people_to_ask(responses.part("credits") or {})
        done = 0
        progress(done, len(wanted))
        gate = asyncio.Semaphore(CONCURRENT)

        async def person(id: int) -> None:
            nonlocal done
            async with gate:
                try:
                    document = await self.get(f"/person/{id}")
                    if kind_of(document) == "person":
                        responses.add(document, f"/person/{id}")
                except (NotFound, NotTmdb):
                    pass  # kept as the credits name them, without a bio
            done += 1
            progress(done, len(wanted))

        await asyncio.gather(*(person(id) for id in wanted))
        return responses


def people_to_ask(credits: dict[str, Any]) -> list[int]:
    """The first 20 billed, then whoever heads directing, writing, music, camera, editing
    and production, and the authors of what the film is based on; each once."""
    cast = sorted((c for c in credits.get("cast") or [] if isinstance(c, dict)),
                  key=lambda c: c.get("order", 1 << 30))
    ids = [c["id"] for c in cast[:BILLED]]
    for credit in credits.get("crew") or []:
        if not isinstance(credit, dict):
            continue
        job = str(credit.get("job") or "")
        if job in KEY_JOBS.get(str(credit.get("department")), ()) or job.lower() in SOURCE_JOBS:
            ids.append(credit["id"])
    return [id for id in dict.fromkeys(ids) if isinstance(id, int)]


async def _read_capped(answer: httpx.Response, path: str) -> bytes:
    """The body, decoded, refused as soon as it passes MAX_BYTES: a few KB of gzip can be
    gigabytes of zeros."""
    too_big = FetchError(f"TMDB's answer to {path} is over 20 MiB", Exit.DATA)
    declared = answer.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise too_big
    encoding = answer.headers.get("Content-Encoding", "").strip().lower()
    if encoding not in ("", "identity", "gzip"):
        raise FetchError(f"TMDB's answer to {path} is encoded as {shorten(encoding)!r}, "
                         "which lvtui did not ask for", Exit.DATA)
    gzip = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
    body = bytearray()
    try:
        async for chunk in answer.aiter_raw():
            if gzip is not None:
                chunk = gzip.decompress(chunk, MAX_BYTES + 1 - len(body))
                if gzip.unconsumed_tail:  # more than the cap would come out of it
                    raise too_big
            body += chunk
            if len(body) > MAX_BYTES:
                raise too_big
    except zlib.error:
        raise FetchError(f"TMDB's answer to {path} is not valid gzip", Exit.DATA) from None
    return bytes(body)


def _retry_after(value: str | None) -> float:
    """Seconds to wait: Retry-After in seconds (TMDB's form), or 1 when it is missing."""
    if value and re.fullmatch(r"\s*\d+(\.\d+)?\s*", value):
        return min(float(value), LONGEST_WAIT)
    return 1.0


@dataclass
class Fetched:
    data: bytes
    movie_id: int
    title: str

    def file_name(self) -> str:
        return f"tmdb-{self.movie_id}-{slug(self.title) or 'film'}.json"


async def fetch(query: str, *, year: int | None, api_url: str, credentials: Credentials,
                timeout: float = 30.0,
                progress: Callable[[int, int], None] = lambda done, total: None) -> Fetched:
    """The film *query* names, validated, as bytes to write."""
    tmdb = Tmdb(api_url, credentials, timeout=timeout)
    try:
        movie_id = await tmdb.find(query, year)
        responses = await tmdb.responses(movie_id, progress)
        film, data = film_from(responses, retrieved=datetime.date.today().isoformat(),
                               url=f"https://www.themoviedb.org/movie/{movie_id}")
    except NotTmdb as error:  # an answer of a shape lvtui does not read
        raise FetchError(str(error), Exit.DATA) from None
    finally:
        await tmdb.close()
    return Fetched(data, movie_id, film.title)
