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


def test_the_same_film_in_another_file_is_never_another_film(tmp_path: Path) -> None:
    """Fight Club imported with -o somewhere, then copied onto the shelf: one film, known by
    its TMDB and IMDb ids, so no card lists it under "In other films"."""
    from lvtui.film.loading import load_film
    from lvtui.shelf.library import scan

    kept = Path(__file__).parents[1] / "films" / "fight-club.json"
    fight_club = load_film(kept)
    (tmp_path / "fight-club.json").write_bytes(kept.read_bytes())
    pitt = next(c.person for c in fight_club.cast if c.character == "Tyler Durden")
    index = PeopleAcrossFilms()
    for shelved in scan(tmp_path):  # as the app reads the shelf
        index.add_records(shelved.path, shelved.title, shelved.year, shelved.records,
                          shelved.films)
    assert index.elsewhere(kept, fight_club, pitt) == []
    other = copy.deepcopy(fight_club.model_dump(mode="json", exclude_none=True))
    other.update(title="Fight Club 2", external_ids={"imdb": "tt9999999"})
    index.add(tmp_path / "sequel.json", Film.model_validate(other))
    assert [e.title for e in index.elsewhere(kept, fight_club, pitt)] == ["Fight Club 2"]
