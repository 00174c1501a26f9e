"""People across films: the same person by an external id, or by name and birth date."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from lvtui.film.model import Film
from lvtui.shelf.across import PeopleAcrossFilms


def film(title: str, people: list[dict[str, Any]], cast: list[tuple[str, str]],
         organizations: list[dict[str, Any]] = ()) -> Film:  # type: ignore[assignment]
    return Film.model_validate({
        "schema_version": 2, "title": title, "year": 2000, "people": people,
        "organizations": list(organizations),
        "cast": [{"person": person, "character": character} for person, character in cast]})


ANNA = {"id": "anna", "name": "Anna Karina", "born": "1940-09-22"}


def test_the_same_person_by_id_or_by_name_and_birth_and_never_by_name_alone() -> None:
    index = PeopleAcrossFilms()
    here = film("Here", [ANNA, {"id": "x", "name": "Jean Smith"},
                         {"id": "t", "name": "Tom", "external_ids": {"imdb": "nm0000001"}}],
                [("anna", "Odile"), ("x", "A man"), ("t", "Tom")])
    index.add(Path("here.json"), here)
    # Elsewhere under other ids and a new name: the IMDb id is enough.
    there = film("There", [{**ANNA, "id": "karina"},
                           {"id": "smith", "name": "Jean Smith"},
                           {"id": "thomas", "name": "Thomas", "external_ids": {"imdb": "nm0000001"}}],
                 [("karina", "Natacha"), ("smith", "Another man"), ("thomas", "A king")])
    index.add(Path("there.json"), there)
    lines = {id: [other.line() for other in index.elsewhere(Path("here.json"), here, id)]
             for id in ("anna", "x", "t")}
    assert lines == {"anna": ["There (2000) — Natacha"], "x": [], "t": ["There (2000) — A king"]}
    # A person's TMDB id is not the company's with the same number.
    company = {"id": "c", "name": "Studio", "external_ids": {"tmdb": 7}}
    person = {"id": "p", "name": "Pat", "external_ids": {"tmdb": 7}}
    index.add(Path("a.json"), film("A", [person], [("p", "Pat")]))
    b = film("B", [], [], [company])
    index.add(Path("b.json"), b)
    assert index.elsewhere(Path("b.json"), b, "c") == []


def test_a_film_is_never_elsewhere_from_itself_however_its_path_is_written(
        tmp_path: Path) -> None:
    index = PeopleAcrossFilms()
    one = film("One", [copy.deepcopy(ANNA)], [("anna", "Odile")])
    (tmp_path / "one.json").write_text("{}")
    index.add(tmp_path / "one.json", one)
    assert index.elsewhere(tmp_path / "." / "one.json", one, "anna") == []
