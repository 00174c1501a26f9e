"""`lvtui fetch tmdb` against a server that misbehaves on purpose (tests/tmdb/replay.py, on
127.0.0.1), and against keys that are not keys: each is one line, an exit status, no file,
no secret shown, and bounded memory."""

from __future__ import annotations

import asyncio
import functools
import gzip
import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import Run, run_measured
from lvtui.film.loading import load_film
from lvtui.tmdb.fetch import Credentials
from tmdb.replay import KEY, RESPONSES, Replay, fetch

SECRET = "eyJhbGciOiJIUzI1NiJ9.SECRET"


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


@functools.cache
def bomb() -> bytes:
    """256 MiB of zeros, gzipped (about 1 MiB), a mebibyte at a time: made once, by the
    worker that runs the tests that send it (a quarter of a second)."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(2**20)
    return b"".join(packer.compress(block) for _ in range(256)) + packer.flush()


BODIES: dict[str, Callable[[], bytes]] = {
    "bomb": bomb, "stacked": lambda: gzip.compress(bomb()), "brotli": lambda: b"\x1b" * 100,
    "broken": lambda: b"\x1f\x8b not gzip at all"}


@pytest.mark.parametrize(("encoding", "body", "says"), [
    ("gzip", "bomb", "TMDB's answer to /movie/550 is over 20 MiB"),
    ("gzip, gzip", "stacked", "TMDB's answer to /movie/550 is encoded as 'gzip, gzip', which "
     "lvtui did not ask for"),
    ("br", "brotli", "TMDB's answer to /movie/550 is encoded as 'br', which lvtui did not ask "
     "for"),
    ("gzip", "broken", "TMDB's answer to /movie/550 is not valid gzip"),
])
def test_a_compressed_bomb_is_refused_in_one_line_and_little_memory(
        replay: Replay, home: Path, encoding: str, body: str, says: str) -> None:
    replay.encoded["/3/movie/550"] = (encoding, BODIES[body]())
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


def details(change: Callable[[dict[str, Any]], object]) -> bytes:
    """Rock Crystal's recorded details (its parts appended), changed as *change* says."""
    document = json.loads((RESPONSES / "movies-details_with_append_to_response.json")
                          .read_bytes())
    change(document)
    return json.dumps(document).encode()


def person(change: Callable[[dict[str, Any]], object]) -> bytes:
    document = json.loads((RESPONSES / "people-details.json").read_bytes())
    change(document)
    return json.dumps(document).encode()


SHAPES = {  # what a server or a file may send, and the field lvtui names for it
    "a genre that is a number": (
        details(lambda d: d.update(genres=[5])), "$.genres[0]: expected a JSON object (got 5)"),
    "a billing order that is text": (
        details(lambda d: d["credits"]["cast"][0].update(order="1")),
        '$.credits.cast[0].order: expected a valid integer (got "1")'),
    "a cast member with no id": (
        details(lambda d: d["credits"]["cast"][1].pop("id")),
        "$.credits.cast[1].id: required field is missing"),
    "a release type that is a list": (
        details(lambda d: d["release_dates"]["results"][0]["release_dates"][0].update(
            type=[3])), "$.release_dates.results[0].release_dates[0].type: expected a valid "
                        "integer (got a list)"),
    "a company whose id is text": (
        details(lambda d: d.update(production_companies=[{"id": "x"}])),
        '$.production_companies[0].id: expected a valid integer (got "x")'),
    "a response of no kind": (b'{"id": 12313, "hello": 1}', "is not a TMDB movie, person, "
                              "credits, release dates, keywords or external ids response"),
    "a file nested too deeply": (b"[" * 100_000 + b"]" * 100_000,
                                 "is not a TMDB response (nested too deeply)"),
    "a number of 5,000 digits": (b'{"id": ' + b"9" * 5000 + b"}",
                                 "is not a TMDB response (a number of more than 4,300 digits)"),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_an_answer_of_another_shape_is_one_line_naming_the_field(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str], shape: str) -> None:
    body, says = SHAPES[shape]
    replay.bodies["/3/movie/12313"] = body
    out = home / "film.json"
    status, stdout, stderr = fetch(capsys, "12313", "--api-url", replay.url, "-o", str(out))
    assert (status, stdout, stderr) == (65, "", f"/movie/12313: {says}\n")
    assert not out.exists()


@pytest.mark.parametrize("shape", [*SHAPES, "also known as a number"])
def test_a_saved_response_of_another_shape_is_one_line_naming_the_field(
        run: Run, tmp_path: Path, shape: str) -> None:
    body, says = SHAPES.get(shape) or (person(lambda p: p.update(also_known_as=5)),
                                       "$.also_known_as: expected a valid list (got 5)")
    (tmp_path / "response.json").write_bytes(body)
    result = run("import", "tmdb", "response.json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (65, "")
    assert result.stderr == f"response.json: {says}\n"


def test_a_person_of_another_shape_is_kept_without_a_bio(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replay.bodies["/3/person/12312"] = person(lambda p: p.update(also_known_as=5))
    out = home / "film.json"
    status, _, stderr = fetch(capsys, "12313", "--api-url", replay.url, "-o", str(out))
    assert status == 0, stderr
    assert "TMDB" in out.read_text()


def test_a_biography_of_megabytes_is_cut_to_a_card_s_length(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = ("He acted. " * 700_000).strip()  # 7 MiB in one paragraph
    # Richard Anderson's recorded answer, as the first billed of Rock Crystal (14632).
    replay.bodies["/3/person/14632"] = person(lambda p: p.update(id=14632, biography=words))
    out = home / "film.json"
    status, _, stderr = fetch(capsys, "12313", "--api-url", replay.url, "-o", str(out))
    assert status == 0, stderr
    film = load_film(out)
    bio = next(p.bio for p in film.people if p.external_ids and p.external_ids.tmdb == 14632)
    assert len(bio) <= 2_000 and bio.startswith("He acted. He") and bio.endswith("…")
    assert out.stat().st_size < 100_000


def test_answers_that_would_make_a_film_over_16_mib_write_nothing(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each answer under TMDB's 20 MiB, the film they make over what lvtui opens."""
    replay.bodies["/3/movie/12313"] = details(
        lambda d: d["credits"]["cast"][0].update(character="Role " * 3_500_000))
    out = home / "film.json"
    status, stdout, stderr = fetch(capsys, "12313", "--api-url", replay.url, "-o", str(out))
    assert (status, stdout) == (65, "")
    assert stderr.startswith("the film these answers make would be ") \
        and stderr.endswith(" bytes, over the 16 MiB a film file may have\n")
    assert not out.exists()


def test_an_answer_of_a_million_values_is_refused_before_it_is_parsed(
        run: Run, tmp_path: Path) -> None:
    """20 MiB of empty genres was 1.85 GB at 8 MiB, a MemoryError at 20."""
    (tmp_path / "movie.json").write_bytes(details(lambda d: d.update(genres=[{}] * 1_000_000)))
    status, _, err, peak = run_measured("import", "tmdb", str(tmp_path / "movie.json"))
    assert status == 65
    assert err.startswith(f"{tmp_path / 'movie.json'}: holds some 2,00") \
        and err.endswith(" values, over the 200,000 of any TMDB answer lvtui reads")
    assert peak < 150, f"{peak:.0f} MiB"


def test_a_person_s_names_are_kept_to_the_first_hundred(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """TMDB lists a few dozen; a server sending 150,000 for each person is read to 100."""
    names = [f"Name {number}" for number in range(150_000)]
    replay.bodies["/3/person/14632"] = person(lambda p: p.update(id=14632, also_known_as=names))
    out = home / "film.json"
    status, _, stderr = fetch(capsys, "12313", "--api-url", replay.url, "-o", str(out))
    assert status == 0, stderr
    film = load_film(out)
    kept = next(p.other_names for p in film.people
                if p.external_ids and p.external_ids.tmdb == 14632)
    assert kept == names[:100]


def test_a_redirect_to_no_port_at_all_is_one_line(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replay.answers["/3/movie/550"] = (302, {"Location": "http://127.0.0.1:99999/x"}, b"")
    status, stdout, stderr = fetch(capsys, "550", "--api-url", replay.url, "-o",
                                   str(home / "film.json"))
    assert (status, stdout) == (69, "")
    assert stderr.startswith("TMDB (127.0.0.1) failed on /movie/550: ") \
        and stderr.count("\n") == 1


def test_a_key_longer_than_any_is_refused_before_any_request(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMDB_API_KEY", "k" * 120_000)  # a query httpx will not send
    status, stdout, stderr = fetch(capsys, "550", "--api-url", replay.url)
    assert (status, stdout) == (2, "")
    assert stderr.startswith("TMDB_API_KEY is 120,000 characters long, more than any key")
    assert replay.requests == []


def test_a_retry_after_of_days_is_waited_no_longer_than_the_timeout(replay: Replay) -> None:
    from lvtui.tmdb.fetch import FetchError, Tmdb

    replay.too_many["/3/movie/550"], replay.retry_after = 99, "99999999"
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    async def ask() -> None:
        tmdb = Tmdb(replay.url, Credentials(api_key=KEY), timeout=2.0, sleep=sleep)
        try:
            await tmdb.get("/movie/550")
        finally:
            await tmdb.close()

    with pytest.raises(FetchError):
        asyncio.run(ask())
    assert waits == [2.0, 2.0, 2.0]


def test_what_a_server_says_is_cut_short_and_never_holds_the_key(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    message = "\n".join(["Your key " + KEY.upper() + " is wrong"] * 200_000)
    replay.answers["/3/movie/550"] = (500, {}, json.dumps(
        {"status_code": [1] * 100_000, "status_message": message}).encode())
    status, stdout, stderr = fetch(capsys, "550", "--api-url", replay.url, "-o",
                                   str(home / "film.json"))
    assert (status, stdout) == (69, "")
    assert stderr.startswith("TMDB answered 500 to /movie/550 (TMDB [1, 1,") \
        and stderr.count("\n") == 1 and len(stderr) < 400
    assert KEY.lower() not in stderr.lower()
