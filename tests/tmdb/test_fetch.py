"""`lvtui fetch tmdb` against a real HTTP server on 127.0.0.1 replaying TMDB's recorded
responses (tests/tmdb/replay.py). No request leaves the machine."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from lvtui.film.loading import parse_film
from lvtui.tmdb import build as tmdb
from lvtui.tmdb.fetch import people_to_ask
from tmdb.replay import KEY, RESPONSES, TOKEN, Replay, fetch

FIGHT_CLUB = ["movies-details.json", "movies-credits.json", "movies-release_dates.json",
              "movies-keywords.json", "movies-external_ids.json"]


def without_date(data: bytes) -> object:
    film = json.loads(data)
    for source in film.get("sources", []):
        source.pop("retrieved", None)
    return film


def test_fetch_by_id_writes_the_film_import_makes_and_never_shows_the_key(
        replay: Replay, home: Path) -> None:
    # The real command line, in its own process, as a person runs it.
    env = {**os.environ, "TMDB_API_KEY": KEY, "XDG_DATA_HOME": str(home / "data")}
    result = subprocess.run([sys.executable, "-m", "lvtui", "fetch", "tmdb", "550",
                             "--api-url", replay.url], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    path = home / "data" / "lvtui" / "films" / "tmdb-550-fight-club.json"
    assert result.stdout == f"{path}\n" and result.stderr == ""
    data = path.read_bytes()
    imported = tmdb.import_files([(n, (RESPONSES / n).read_bytes()) for n in FIGHT_CLUB])
    assert without_date(data) == without_date(imported)
    film = parse_film(data)
    assert film.sources[0].retrieved is not None and len(film.cast) == 76
    # One request for the movie with its parts appended; this recording has none, so each
    # part was asked for; then the billed cast and the heads of department, each once.
    first = replay.requests[0]
    assert first.path == "/3/movie/550"
    assert first.query["append_to_response"] == ["credits,release_dates,keywords,external_ids"]
    people = people_to_ask(json.loads((RESPONSES / "movies-credits.json").read_bytes()))
    assert 20 < len(people) < 40
    assert sorted(p for p in replay.paths() if p.startswith("/3/person/")) == sorted(
        f"/3/person/{id}" for id in people)  # each answered 404: kept without a bio
    assert all(r.query["api_key"] == [KEY] for r in replay.requests)
    assert KEY not in result.stdout + result.stderr and KEY.encode() not in data


def test_a_token_is_sent_as_a_bearer_and_appended_parts_need_no_more_requests(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMDB_API_KEY")
    monkeypatch.setenv("TMDB_TOKEN", TOKEN)
    out = home / "rock-crystal.json"
    status, stdout, stderr = fetch(capsys, "12313", "--api-url", replay.url, "-o", str(out))
    assert (status, stdout, stderr) == (0, "", "")
    assert parse_film(out.read_bytes()).title == "Rock Crystal"
    assert [p for p in replay.paths() if p.startswith("/3/movie")] == ["/3/movie/12313"]
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" and "api_key" not in r.query
               for r in replay.requests)
    assert TOKEN.encode() not in out.read_bytes()


def test_a_title_that_names_several_films_lists_them_and_fetches_none(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, stdout, stderr = fetch(capsys, "Fight", "Club", "--api-url", replay.url)
    assert status == 2
    assert stderr == "20 films match 'Fight Club': give an id, or --year\n"
    lines = stdout.splitlines()
    assert len(lines) == 20 and lines[0].split() == ["550", "1999", "Fight", "Club"]
    assert "Zombie Fight Club (屍城)" in lines[1]  # the original title, where it differs
    assert replay.paths() == ["/3/search/movie"]
    assert replay.requests[0].query["query"] == ["Fight Club"]
    assert not (home / "data").exists()


def test_a_year_that_leaves_one_film_fetches_it(replay: Replay, home: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = home / "film.json"
    status, _, stderr = fetch(capsys, "Fight Club", "--year", "1999", "--api-url", replay.url,
                              "-o", str(out))
    assert status == 0, stderr
    assert replay.requests[0].query["year"] == ["1999"]
    assert parse_film(out.read_bytes()).external_ids.tmdb == 550  # type: ignore[union-attr]


def test_a_bad_key_is_one_line_that_does_not_show_it(replay: Replay, home: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMDB_API_KEY", "not-the-key-7c21")
    status, stdout, stderr = fetch(capsys, "550", "--api-url", replay.url)
    assert status == 77 and stdout == ""
    assert stderr.startswith("TMDB refused the key (TMDB 7: Invalid API key") \
        and stderr.count("\n") == 1
    assert "not-the-key-7c21" not in stderr
    assert not (home / "data").exists()


def test_without_a_key_one_line_says_how_to_get_one(home: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMDB_API_KEY")
    status, stdout, stderr = fetch(capsys, "550")
    assert status == 2 and stdout == ""
    assert "TMDB_API_KEY" in stderr and "https://www.themoviedb.org/settings/api" in stderr
    assert stderr.count("\n") == 1


def test_a_closed_port_is_one_line_without_the_key(home: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:  # a port nobody listens on any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = home / "film.json"
    status, stdout, stderr = fetch(capsys, "550", "--api-url", f"http://127.0.0.1:{port}/3",
                                   "-o", str(out))
    assert status == 69 and stdout == ""
    assert stderr.startswith("cannot reach TMDB at 127.0.0.1: ") and stderr.count("\n") == 1
    assert KEY not in stderr and not out.exists()


def test_too_many_requests_are_waited_out_as_retry_after_says(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replay.too_many["/3/movie/550"] = 1
    status, _, stderr = fetch(capsys, "550", "--api-url", replay.url, "-o", str(home / "f.json"))
    assert status == 0, stderr
    first, second = (r for r in replay.requests if r.path == "/3/movie/550")
    assert second.at - first.at >= 0.95  # Retry-After: 1


def test_too_many_requests_past_the_retries_is_one_line(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replay.too_many["/3/movie/550"], replay.retry_after = 99, "0"
    status, _, stderr = fetch(capsys, "550", "--api-url", replay.url, "-o", str(home / "f.json"))
    assert status == 69
    assert stderr == "TMDB kept saying too many requests (4 tries); try again later\n"
    assert replay.paths().count("/3/movie/550") == 4 and not (home / "f.json").exists()


@pytest.mark.parametrize(("trouble", "exit_code", "says"), [
    ("slow", 69, "TMDB (127.0.0.1) did not answer /movie/550 in time\n"),
    ("garbled", 65, "TMDB's answer to /movie/550 is not JSON\n"),
    ("huge", 65, "TMDB's answer to /movie/550 is over 20 MiB\n"),
])
def test_an_answer_that_is_late_not_json_or_huge_is_one_line_and_no_file(
        replay: Replay, home: Path, capsys: pytest.CaptureFixture[str], trouble: str,
        exit_code: int, says: str) -> None:
    getattr(replay, trouble).add("/3/movie/550")
    out = home / "film.json"
    status, stdout, stderr = fetch(capsys, "550", "--api-url", replay.url, "--timeout", "0.5",
                                   "-o", str(out))
    assert (status, stdout, stderr) == (exit_code, "", says)
    assert not out.exists() and list(home.iterdir()) == []


def test_a_title_nobody_made_is_one_line(replay: Replay, home: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    status, _, stderr = fetch(capsys, "Fight Club", "--year", "1901", "--api-url", replay.url)
    assert (status, stderr) == (1, "TMDB has no film called 'Fight Club' from 1901\n")


def test_people_are_asked_for_eight_at_once_at_most(replay: Replay, home: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    replay.person_delay = 0.2  # long enough for every request let through to overlap
    status, _, stderr = fetch(capsys, "550", "--api-url", replay.url, "-o", str(home / "f.json"))
    assert status == 0, stderr
    assert 1 < replay.most_in_flight <= 8  # at once, and never more than eight
