"""The model: strict, closed, cleaned, and dates at their real precision."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lvtui.film.fields import PartialDate
from lvtui.film.loading import FilmError, load_film, load_film_and_schema
from lvtui.film.model import Film
from lvtui.reading.wording import spelled_date

FILMS = Path(__file__).resolve().parents[1] / "films"


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
            lambda f: f["reception"]["aggregators"][0].update(count=1.0),
            "$.reception.aggregators[0].count",
        ),
        (lambda f: f["cast"][3].update(character=7),
         "$.cast[3].character: expected a valid string (got 7)"),
        (lambda f: f["cast"][3].pop("character"), "$.cast[3].character: required field is missing"),
        (lambda f: f["cast"][3].update(nickname="x"), "$.cast[3].nickname: unknown field"),
        (lambda f: f.update(schema_version=3), "$.schema_version: expected 2 (got 3)"),
        # Limits in lvtui's words, from each error's type and its context, whatever English
        # Pydantic would use.
        (lambda f: f.update(year=99999), "$.year: expected 2200 or less (got 99999)"),
        (lambda f: f.update(runtime=0), "$.runtime: expected 1 or more (got 0)"),
        (lambda f: f.update(year=1995.5), "$.year: expected a valid integer (got 1995.5)"),
        (lambda f: f["people"][0].update(name="\x1b[0m  "), "$.people[0].name: must not be empty"),
        (lambda f: f["cast"][5].update(person="nobody"),
         '$.cast[5].person: no person or organisation has the id "nobody"'),
        (lambda f: f["crew"][0].update(person="variety"),
         '$.crew[0].person: "variety" is an organisation, not a person'),
        (lambda f: f["reception"]["reviews"][0].update(outlet="roger-ebert"),
         '$.reception.reviews[0].outlet: "roger-ebert" is a person, not an organisation'),
        (lambda f: f["people"][0].update(id="Nicolas Cage"),
         '$.people[0].id: an id is lowercase letters, digits and hyphens, at most 64 '
         '(got "Nicolas Cage")'),
        (lambda f: f["reception"]["aggregators"][1].update(value=101),
         "$.reception.aggregators[1]: value 101 is over the top of its scale, 100"),
        (lambda f: f["marketing"]["spend"].update(currency="EURO"),
         '$.marketing.spend.currency: must be a three-letter ISO 4217 code such as EUR or USD '
         '(got "EURO")'),
        (lambda f: f["cast"][3].update(charcter="Sera"),
         '$.cast[3].charcter: unknown field: did you mean "character"?'),
        (lambda f: f.update(sumary=[]), '$.sumary: unknown field: did you mean "summary"?'),
        (lambda f: f["people"][0].update(sort_nam="Cage"),
         '$.people[0].sort_nam: unknown field: did you mean "sort_name"?'),
        (lambda f: f["accolades"][0].update(result="lost"), "$.accolades[0].result"),
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
    film_dict["cast"][1]["character"] = None
    film_dict["cast"][27]["extra"] = 1
    found = problems(write_film, film_dict)
    assert [p.split(":")[0] for p in found] == ["$.year", "$.cast[1].character",
                                                "$.cast[27].extra"]


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
    film_dict["people"][0]["name"] = "Nic\x1b[31molas\u202e Cage\x9b2J"
    film_dict["plot"][0] = "tab\there\x00"
    film = Film.model_validate(film_dict)
    assert film.people[0].name == "Nicolas Cage"
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
    assert spelled_date(date) == shown
    assert str(date) == iso


def test_dates_round_trip_through_json(film_dict: dict[str, Any]) -> None:
    film = Film.model_validate(film_dict)
    assert film.model_dump(mode="json")["people"][28]["died"] == "1994-04"
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


def test_the_json_schema_describes_every_field() -> None:
    """An author can write a film file from `lvtui schema` alone: every field says what it is."""
    schema = Film.model_json_schema(mode="validation")
    undescribed = [f"{name}.{field}" for name, model in [("Film", schema),
                                                        *schema["$defs"].items()]
                   for field, spec in model.get("properties", {}).items()
                   if not spec.get("description")]
    assert undescribed == []


def test_a_schema_1_file_reads_as_schema_2(write_film: Callable[[Any], Path]) -> None:
    old = json.loads((FILMS / "schema-1.json").read_text(encoding="utf-8"))
    film, schema = load_film_and_schema(write_film(old))
    assert schema == 1
    assert film.schema_version == 2
    assert [(c.job, film.name(c.person)) for c in film.crew] == [
        ("Director", "Mike Figgis"), ("Screenplay", "Mike Figgis"),
        ("Original music", "Mike Figgis"), ("Novel", "John O'Brien")]
    # The upgrade writes a document that reads back as itself.
    again = Film.model_validate(json.loads(film.model_dump_json(exclude_defaults=True)))
    assert again == film


def test_schema_1_errors_name_schema_1_fields(write_film: Callable[[Any], Path]) -> None:
    old = json.loads((FILMS / "schema-1.json").read_text(encoding="utf-8"))
    del old["cast"][2]["role"]
    assert problems(write_film, old) == ["$.cast[2].role: required field is missing"]


def test_the_readme_example_is_a_valid_film() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = readme.split("```json\n", 1)[1].split("```", 1)[0]
    film = Film.model_validate(json.loads(example))
    assert [film.name(credit.person) for credit in film.cast] == ["Léa Moreau"]


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda f: f["people"][0].update(id="ben\n"), "$.people[0].id: an id is lowercase"),
    (lambda f: f["people"][0].update(born="1964\n"), "$.people[0].born: expected an ISO 8601"),
    (lambda f: f.update(external_ids={"imdb": "tt0113627\n"}), "$.external_ids.imdb: must be"),
])
def test_a_value_that_ends_in_a_line_break_is_not_in_the_form_its_field_takes(
        write_film: Callable[[Any], Path], film_dict: dict[str, Any],
        mutate: Callable[[dict[str, Any]], None], expected: str) -> None:
    """A pattern's $ matches before a final line break in Python: the whole string must."""
    mutate(film_dict)
    assert any(problem.startswith(expected) for problem in problems(write_film, film_dict))
