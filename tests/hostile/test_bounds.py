"""What a hostile file or server may cost: each refused in one line, in bounded memory.

Each case runs lvtui in a child process that reports its own peak memory; the time each
takes is measured in benchmarks/hostile.py, not here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpers import run_measured
from lvtui.film.loading import MAX_ITEMS, FilmError, parse_film

Writer = Callable[..., Path]
FILM = b'{"schema_version": 2, "title": "Records", "year": 1995, "cast": ['


def records_file(path: Path, size: int, record: bytes = b"{}") -> Path:
    """A film of *size* bytes whose cast is *record*, *record*, ..."""
    count = (size - len(FILM) - 2) // (len(record) + 1)
    path.write_bytes(FILM + b",".join([record] * count) + b"]}")
    return path


def test_a_15_mib_film_of_empty_records_is_refused_in_one_line_and_little_memory(
        tmp_path: Path) -> None:
    film = records_file(tmp_path / "records.json", 15 * 2**20)
    status, _, err, peak = run_measured("validate", str(film))
    assert status == 65
    assert err.splitlines() == [
        f"{film}: holds some 10,485,718 values (records, lists, strings, numbers), over the "
        f"{MAX_ITEMS:,} a film file may hold"]
    assert peak < 400, f"{peak:.0f} MiB"


def test_a_large_film_of_bad_records_lists_the_first_problem_of_each_list(
        tmp_path: Path) -> None:
    """Under the bound, 300,000 bad records are a few problems, not 900,000 of them."""
    film = tmp_path / "crew.json"
    film.write_bytes(b'{"schema_version": 2, "title": "Crew", "year": 1995, "crew": ['
                     + b",".join([b"{}"] * 300_000) + b'], "cast": [1, 2, 3]}')
    status, _, err, peak = run_measured("validate", str(film))
    assert status == 65
    assert err.splitlines() == [
        f"{film}: $.cast[0]: expected a JSON object (got 1)",
        f"{film}: $.crew[0].person: required field is missing",
        f"{film}: $.crew[0].job: required field is missing",
        f"{film}: $.crew[0].department: required field is missing",
        f"{film}: (a file this large is checked only to the first problem of each list)"]
    assert peak < 400, f"{peak:.0f} MiB"


def test_half_a_million_credits_of_nobody_are_counted_as_at_least(
        film_dict: dict[str, Any]) -> None:
    film_dict["cast"] += [{"person": "nobody", "character": "Extra"}] * 2_000
    try:
        parse_film(json.dumps(film_dict).encode())
    except FilmError as error:
        problems = error.problems
    assert len(problems) == 51
    assert problems[0] == '$.cast[28].person: no person or organisation has the id "nobody"'
    assert problems[-1] == "and at least 950 more problems"


def test_half_a_million_credits_of_nobody_cost_little_memory(tmp_path: Path) -> None:
    film = records_file(tmp_path / "nobody.json", 8 * 2**20,
                        b'{"person":"nobody","character":"x"}')
    status, _, err, peak = run_measured("validate", str(film))
    assert status == 65
    assert len(err.splitlines()) == 51
    assert peak < 400, f"{peak:.0f} MiB"


def test_an_object_of_100_000_fields_is_refused_as_it_is_parsed(tmp_path: Path) -> None:
    """Each an unknown field, each a problem: 1.85 million of them cost 2 GB."""
    fields = ",".join(f'"k{number}":0' for number in range(100_000))
    film = tmp_path / "fields.json"
    film.write_text('{"schema_version": 2, "title": "T", "year": 1995, ' + fields + "}")
    status, _, err, peak = run_measured("validate", str(film))
    assert status == 65
    assert err.splitlines() == [f"{film}: a JSON object with 100,003 fields, over the 1,000 "
                                "any object of a film file may have"]
    assert peak < 400, f"{peak:.0f} MiB"


def test_a_valid_film_of_half_a_million_releases_is_refused_past_its_list_s_bound(
        tmp_path: Path) -> None:
    """Valid, and 966 MB to validate, 2.7 GB and a crash on the timeline: a list holds at
    most 10,000 (the records a film has by the hundred thousand, 250,000)."""
    film = records_file(tmp_path / "releases.json", 15 * 2**20, b'{"date":"1990"}')
    film.write_bytes(film.read_bytes().replace(b'"cast": [', b'"releases": [', 1)
                     [: 4 * 2**20].rsplit(b",", 1)[0] + b"]}")
    status, _, err, peak = run_measured("validate", str(film))
    assert status == 65
    assert err.splitlines()[0] == f"{film}: $.releases: expected at most 10000 items (got a list)"
    assert peak < 400, f"{peak:.0f} MiB"
