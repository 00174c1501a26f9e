"""`lvtui fetch tmdb` against a server that misbehaves on purpose (tests/tmdb/replay.py, on
127.0.0.1), and against keys that are not keys: each is one line, an exit status, no file,
no secret shown, and bounded memory."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import run_measured
from lvtui.cli import main
from lvtui.tmdb_fetch import Credentials
from tmdb.replay import KEY, Replay, serve

SECRET = "eyJhbGciOiJIUzI1NiJ9.SECRET"


@pytest.fixture
def replay() -> Iterator[Replay]:
    yield from serve()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TMDB_API_KEY", KEY)
    monkeypatch.delenv("TMDB_TOKEN", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def fetch(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["fetch", "tmdb", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("tail", ["\nREST", "\rREST", "\u200bREST", " REST", "\x7fREST",
                                  "\x1b[31mREST", "ÉREST"])
@pytest.mark.parametrize("variable", ["TMDB_TOKEN", "TMDB_API_KEY"])
def test_a_key_that_no_key_could_be_is_refused_before_any_request_without_showing_it(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, variable: str, tail: str) -> None:
    monkeypatch.delenv("TMDB_API_KEY")
    monkeypatch.setenv(variable, SECRET + tail)
    status, stdout, stderr = fetch(capsys, "550", "--api-url", replay.url)
    assert (status, stdout) == (2, "")
    assert stderr.startswith(f"{variable} holds a character no key has") \
        and stderr.count("\n") == 1
    assert "SECRET" not in stderr and "REST" not in stderr
    assert replay.requests == []


def test_a_secret_is_redacted_in_every_form_a_message_quotes_it() -> None:
    secret = "abc\ndef\u200b\"g h"
    credentials = Credentials(token=secret)
    for said in (secret, repr(secret), repr(secret.encode()), f"b'Bearer {secret!r}'",
                 '{"token": "abc\\ndef\\u200b\\"g h"}', "abc%0Adef%E2%80%8B%22g%20h",
                 "abc%0Adef%E2%80%8B%22g+h"):
        redacted = credentials.redact(f"Illegal header value {said}")
        assert "abc" not in redacted and "def" not in redacted, (said, redacted)


def zeros_gzipped(size: int) -> bytes:
    """*size* zero bytes, gzipped, made a mebibyte at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(2**20)
    return b"".join(packer.compress(block) for _ in range(size // 2**20)) + packer.flush()


BOMB = zeros_gzipped(1024 * 2**20)  # 1 GiB of zeros: about 1 MiB of gzip


@pytest.mark.parametrize(("encoding", "body", "says"), [
    ("gzip", BOMB, "TMDB's answer to /movie/550 is over 20 MiB"),
    ("gzip, gzip", gzip.compress(BOMB), "TMDB's answer to /movie/550 is encoded as "
     "'gzip, gzip', which lvtui did not ask for"),
    ("br", b"\x1b" * 100, "TMDB's answer to /movie/550 is encoded as 'br', which lvtui did "
     "not ask for"),
    ("gzip", b"\x1f\x8b not gzip at all", "TMDB's answer to /movie/550 is not valid gzip"),
], ids=["bomb", "stacked", "brotli", "broken"])
def test_a_compressed_bomb_is_refused_in_one_line_and_little_memory(
        replay: Replay, home: Path, encoding: str, body: bytes, says: str) -> None:
    replay.encoded["/3/movie/550"] = (encoding, body)
    out = home / "film.json"
    status, stdout, stderr, peak = run_measured(
        "fetch", "tmdb", "550", "--api-url", replay.url, "-o", str(out),
        env={"TMDB_API_KEY": KEY})
    assert (status, stdout, stderr) == (65, "", says)
    assert peak < 150, f"{peak:.0f} MiB"
    assert not out.exists()
    assert replay.requests[0].headers["Accept-Encoding"] == "gzip"


def test_the_timeout_is_a_deadline_for_the_whole_answer(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An answer sent a byte every tenth of a second never waits a whole second for a
    read, which was all httpx's timeout bounded."""
    replay.trickle.add("/3/movie/550")
    out = home / "film.json"
    status, stdout, stderr = fetch(capsys, "550", "--api-url", replay.url, "--timeout", "0.5",
                                   "-o", str(out))
    assert (status, stdout, stderr) == (69, "", "TMDB (127.0.0.1) did not answer /movie/550 "
                                                "in time\n")
    assert not out.exists()
