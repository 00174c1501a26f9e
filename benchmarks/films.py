"""Film files with enormous casts, for the benchmarks.

``python benchmarks/films.py 100000 film-100k.json`` writes the shipped film with a cast
of 100,000: the 28 real members first, then generated ones. Names are built from
syllables, some with accents, some with a credited-as name or a short bio, so searching
them behaves like searching real names. The same count always gives the same file, and
every file validates (the benchmark smoke test checks it with ``lvtui validate``).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data" / "film.json"

FIRST = ["Ana", "Ben", "Cara", "Dmitri", "Elisa", "Fran", "Günter", "Hana", "Iñigo", "Jo",
         "Kasia", "Luc", "Maëlle", "Nico", "Ola", "Pia", "Quinn", "Rosa", "Søren", "Teo"]
SYLLABLES = ["an", "ber", "co", "del", "es", "far", "gor", "hal", "is", "jan", "ko", "lem",
             "mar", "nov", "ost", "per", "qui", "ros", "sel", "tor", "ul", "ver", "wen", "zé"]
ROLES = ["Gambler", "Bartender", "Cab driver", "Dealer", "Motel clerk", "Tourist",
         "Cocktail waitress", "Pit boss", "Security guard", "Showgirl", "Busboy", "Valet"]


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def member(rng: random.Random, number: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """A generated person and their cast credit."""
    actor = f"{rng.choice(FIRST)} {surname(rng)}"
    person: dict[str, Any] = {"id": f"generated-{number}", "name": actor}
    credit: dict[str, Any] = {"person": person["id"],
                              "character": f"{rng.choice(ROLES)} #{number}"}
    if rng.random() < 0.05:
        first, last = actor.split()
        credit["credited_as"] = f"{first} {rng.choice('ABCDEFGH')}. {last}"
    if rng.random() < 0.02:
        person["bio"] = f"A performer born in {rng.randint(1930, 1985)}."
    return person, credit


def make_film(cast_size: int) -> dict[str, Any]:
    """The shipped film with its cast extended (or cut) to *cast_size* members."""
    film: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    real = film["cast"][:cast_size]
    rng = random.Random(cast_size)
    generated = [member(rng, n) for n in range(len(real) + 1, cast_size + 1)]
    film["people"] += [person for person, _ in generated]
    film["cast"] = real + [credit for _, credit in generated]
    return film


def write_film(cast_size: int, path: Path) -> Path:
    path.write_text(json.dumps(make_film(cast_size), ensure_ascii=False), encoding="utf-8")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/films.py CAST_SIZE OUTPUT.json")
    written = write_film(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{written}: {written.stat().st_size:,} bytes")


HOSTILE_ACTOR = "Audrey Tautou"


def write_hostile_plot(words: int, path: Path, *, named: bool) -> Path:
    """The shipped film whose plot is one word said *words* times: with *named*, the other
    name of a character ("Amélie", for "Amélie Poulain"), so every word is a link; without,
    a word of the same length that names no one ("Amelia")."""
    film: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    film["people"].append({"id": "audrey-tautou", "name": HOSTILE_ACTOR})
    film["cast"].insert(0, {"person": "audrey-tautou", "character": "Amélie Poulain",
                         "character_other_names": ["Amélie"]})
    film["plot"] = [" ".join(["Amélie" if named else "Amelia"] * words)]
    path.write_text(json.dumps(film, ensure_ascii=False), encoding="utf-8")
    return path
