"""The model: strict, closed, cleaned, and dates at their real precision."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lvtui.loading import FilmError, load_film
from lvtui.model import Film, PartialDate


def problems(write_film: Callable[[Any], Path], film: dict[str, Any]) -> list[str]:
    with pytest.raises(FilmError) as caught:
        load_film(write_film(film))
    return caught.value.problems


def test_shipped_film_loads(film_dict: dict[str, Any]) -> None:
    film = Film.model_validate(film_dict)
    assert film.title == "Leaving Las Vegas"
    assert film.year == 1995


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda f: f.update(year="1995"), '$.year: expected a valid integer (got "1995")'),
        (lambda f: f.update(year=True), "$.year: expected a valid integer (got true)"),
        (
            lambda f: f["reception"]["rotten_tomatoes"].update(reviews=1.0),
            "$.reception.rotten_tomatoes.reviews",
        ),
        (lambda f: f["cast"][3].update(role=7), "$.cast[3].role: expected a valid string (got 7)"),
        (lambda f: f["cast"][3].pop("role"), "$.cast[3].role: required field is missing"),
        (lambda f: f["cast"][3].update(nickname="x"), "$.cast[3].nickname: unknown field"),
        (lambda f: f.update(schema_version=2), "$.schema_version: expected 1 (got 2)"),
        (lambda f: f["cast"][0].update(actor="\x1b[0m  "), "$.cast[0].actor: must not be empty"),
        (lambda f: f["accolades"][0].update(result="lost"), "$.accolades[0].result"),
        (lambda f: f["reception"]["metacritic"].update(score=101), "$.reception.metacritic.score"),
        (
            lambda f: f["releases"][0].update(date="1995-02-30"),
            "$.releases[0].date: day 30 is not in February 1995",
        ),
        (lambda f: f["releases"][0].update(date="1995-13"), "$.releases[0].date: month 13"),
        (
            lambda f: f["releases"][0].update(date="27 October 1995"),
            "$.releases[0].date: expected an ISO 8601 date string",
        ),
        (
            lambda f: f["releases"][0].update(date=1995),
            "$.releases[0].date: expected an ISO 8601 date string: YYYY, YYYY-MM or YYYY-MM-DD (got 1995)",
        ),
        (lambda f: f.update(cast={}), "$.cast: expected a valid list (got an object)"),
    ],
)
def test_invalid_values_name_their_path(
    write_film: Callable[[Any], Path],
    film_dict: dict[str, Any],
    mutate: Callable[[dict[str, Any]], object],
    expected: str,
) -> None:
    mutate(film_dict)
    found = problems(write_film, film_dict)
    assert any(problem.startswith(expected) for problem in found), found


def test_every_schema_error_is_reported(
    write_film: Callable[[Any], Path], film_dict: dict[str, Any]
) -> None:
    film_dict["year"] = "x"
    film_dict["cast"][1]["role"] = None
    film_dict["cast"][27]["extra"] = 1
    found = problems(write_film, film_dict)
    assert [p.split(":")[0] for p in found] == ["$.year", "$.cast[1].role", "$.cast[27].extra"]


def test_hostile_unknown_key_is_cleaned_and_cut(
    write_film: Callable[[Any], Path], film_dict: dict[str, Any]
) -> None:
    film_dict["\x1b]52;c;aGk=\x07" + "k" * 200] = 1
    [problem] = problems(write_film, film_dict)
    assert "\x1b" not in problem and "\x07" not in problem
    assert problem.startswith('$["kkkk')  # the OSC sequence, up to its BEL, is gone
    assert problem.endswith(": unknown field")
    assert len(problem) < 100


def test_strings_are_cleaned_on_load(film_dict: dict[str, Any]) -> None:
    film_dict["cast"][0]["actor"] = "Nic\x1b[31molas\u202e Cage\x9b2J"
    film_dict["plot"][0] = "tab\there\x00"
    film = Film.model_validate(film_dict)
    assert film.cast[0].actor == "Nicolas Cage"
    assert film.plot[0] == "tab here"


@pytest.mark.parametrize(
    ("iso", "precision", "shown"),
    [
        ("1990", "year", "1990"),
        ("1994-04", "month", "April 1994"),
        ("1995-10-27", "day", "27 October 1995"),
    ],
)
def test_partial_dates_keep_their_precision(iso: str, precision: str, shown: str) -> None:
    date = PartialDate.parse(iso)
    assert date.precision == precision
    assert date.display() == shown
    assert str(date) == iso


def test_dates_round_trip_through_json(film_dict: dict[str, Any]) -> None:
    film = Film.model_validate(film_dict)
    assert film.model_dump(mode="json")["source_novel"]["author_died"] == "1994-04"
    assert Film.model_validate(film.model_dump(mode="json")) == film


def test_a_year_sorts_before_its_months() -> None:
    dates = [PartialDate.parse(s) for s in ("1995-10-27", "1995", "1995-10", "1994-12-31")]
    assert [str(d) for d in sorted(dates, key=lambda d: d.sort_key)] == [
        "1994-12-31",
        "1995",
        "1995-10",
        "1995-10-27",
    ]


def test_json_schema_is_closed_and_has_dates_as_patterns() -> None:
    schema = Film.model_json_schema()
    assert schema["additionalProperties"] is False
    release = schema["$defs"]["Release"]["properties"]["date"]
    assert "pattern" in release and release["type"] == "string"
