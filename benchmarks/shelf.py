"""The shelf's benchmarks, one command: ``python benchmarks/shelf.py``.

As ``run.py``: every figure a ratio against a baseline measured in the same run, rounds
interleaved, each timed on a 120x40 pseudo-terminal from the key sent to the answer on the
terminal, as a person sees it. The shelf is a library folder of generated films (a title,
a year, a director, a cast drawn from one pool of people, so people are in many films;
Nicolas Cage, as the shipped film has him, in one film of twenty).

- First frame with N films on the shelf against an empty shelf (the folder is read after
  the first frame, in a thread).
- Opening the shelf (o, to the count on screen) and a filter keystroke (a letter, to the new
  count), at N films against an empty shelf.
- Opening a film from the shelf (enter, to its title in the title bar), against showing a
  section (a number key, to its name in the title bar).
- A card (enter on a cast member, to their card): with N films on the shelf against an empty
  one, for a person in no other film (the index's own cost), and for Nicolas Cage, whose card
  then lists the films he is in.

``--write benchmarks/RESULTS.md`` records the table between the shelf's markers there.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from first_frame import MARKER  # noqa: E402
from run import Cached, Figure, Terminal, measure, report, write_results  # noqa: E402

from films import FIRST, SHIPPED, surname  # noqa: E402

CAGE = {"name": "Nicolas Cage", "born": "1964-01-07"}  # as the shipped film has him
SETTLE = 2.0  # seconds for the shelf to be read before a key is timed (checked on screen)
MARKERS = ("<!-- shelf-results -->", "<!-- /shelf-results -->")


def write_shelf(count: int, folder: Path) -> list[str]:
    """*count* small films in *folder*, the same every time for the same count; their
    titles."""
    rng = random.Random(count)
    pool = [{"name": f"{rng.choice(FIRST)} {surname(rng)}",
             "born": f"{rng.randint(1930, 1995)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
            for _ in range(1500)]
    folder.mkdir(parents=True, exist_ok=True)
    titles = []
    for number in range(count):
        people = rng.sample(pool, 12)
        if number % 20 == 0:
            people[0] = CAGE
        film: dict[str, Any] = {
            "schema_version": 2,
            "title": f"{surname(rng)} {surname(rng)} {number}",
            "year": rng.randint(1930, 2025),
            "people": [{"id": f"p{index}", **person} for index, person in enumerate(people)],
            "cast": [{"person": f"p{index}", "character": f"{surname(rng)} {surname(rng)}"}
                     for index in range(len(people) - 1)],
            "crew": [{"person": f"p{len(people) - 1}", "job": "Director",
                      "department": "Directing"}],
        }
        (folder / f"film-{number:05d}.json").write_text(json.dumps(film, ensure_ascii=False),
                                                       encoding="utf-8")
        titles.append(film["title"])
    return titles


def lvtui(*arguments: str) -> list[str]:
    return [sys.executable, str(HERE / "first_frame.py"), "lvtui", *arguments]


def home_with(films: int, work: Path) -> tuple[Path, list[str]]:
    """A home directory whose library holds *films* generated films; their titles."""
    home = work / f"home-{films}"
    return home, write_shelf(films, home / "data" / "lvtui" / "films")


def first_frame(home: Path) -> float:
    terminal = Terminal(lvtui(str(SHIPPED), "--section", "overview"), home)
    seconds = terminal.wait_for(MARKER.encode()) - terminal.started
    terminal.quit()
    return seconds


def settled(home: Path, section: str = "overview") -> Terminal:
    """lvtui on the shipped film, its shelf read (the shelf shows its count: it is)."""
    terminal = Terminal(lvtui(str(SHIPPED), "--section", section), home)
    terminal.wait_for(MARKER.encode())
    time.sleep(SETTLE)
    return terminal


def shelf_open_and_filter(home: Path) -> tuple[float, float]:
    """From o to the shelf's count on screen ("1,001 films", not "Reading the library…"),
    and from a letter to the new count ("… of 1,001"). The count is not known beforehand:
    where lvtui is installed (not a checkout), the film given and the shipped film are two
    files, both on the shelf."""
    terminal = settled(home)
    sent, seen = terminal.send(b"o")
    opened = terminal.wait_for(b" film", after=seen) - sent  # "1 film", "1,001 films"
    time.sleep(0.3)
    sent, seen = terminal.send(b"9")  # in some titles and years: 1995, the shipped film's
    filtered = terminal.wait_for(b" of ", after=seen) - sent
    terminal.send(b"\x1b")
    time.sleep(0.3)
    terminal.quit()
    return opened, filtered


def open_film_and_section(home: Path, title: str) -> tuple[float, float]:
    """From enter on the film *title* in the shelf to its title on screen; from 2 to
    "Plot"."""
    terminal = settled(home)
    sent, seen = terminal.send(b"2")
    section = terminal.wait_for(b"\xc2\xb7 Plot", after=seen) - sent
    time.sleep(0.3)
    terminal.send(b"o")
    time.sleep(0.5)
    terminal.send(title.encode())
    time.sleep(0.5)
    sent, seen = terminal.send(b"\r")
    film = terminal.wait_for(title.encode(), after=seen) - sent  # the title bar, the overview
    time.sleep(0.3)
    terminal.quit()
    return film, section


def card_seconds(home: Path, member: int = 0) -> float:
    """From enter on the cast's *member* (0: Nicolas Cage, 1: Elisabeth Shue, who is in no
    generated film) to their card on screen."""
    terminal = settled(home, "cast")
    terminal.send(b"j" * member)
    time.sleep(0.3)
    sent, seen = terminal.send(b"\r")
    seconds = terminal.wait_for(b"Born", after=seen) - sent
    terminal.send(b"\x1b")
    time.sleep(0.3)
    terminal.quit()
    return seconds


def plan(films: int, work: Path) -> tuple[list[Figure], list[Cached[Any]]]:
    (full, titles), (empty, _) = home_with(films, work), home_with(0, work)
    # One launch measures two figures: run once per round, read twice.
    at_full = Cached(lambda: shelf_open_and_filter(full))
    at_empty = Cached(lambda: shelf_open_and_filter(empty))
    switch = Cached(lambda: open_film_and_section(full, titles[len(titles) // 2]))
    figures = [
        Figure(f"first frame: {films:,} films on the shelf / empty shelf", 1.1, "s",
               lambda: first_frame(full), lambda: first_frame(empty)),
        Figure(f"open the shelf, pty: {films:,} films / empty shelf", float("inf"), "ms",
               lambda: 1000 * at_full.get()[0], lambda: 1000 * at_empty.get()[0]),
        Figure(f"filter keystroke, pty: {films:,} films / empty shelf", float("inf"), "ms",
               lambda: 1000 * at_full.get()[1], lambda: 1000 * at_empty.get()[1]),
        Figure("open a film from the shelf / show a section, pty", float("inf"), "ms",
               lambda: 1000 * switch.get()[0], lambda: 1000 * switch.get()[1]),
        # The index's own cost: a person in no other film, whose card is the same either way.
        Figure(f"a card, pty: {films:,} films on the shelf / empty shelf", 1.1, "ms",
               lambda: 1000 * card_seconds(full, 1), lambda: 1000 * card_seconds(empty, 1)),
        # And a card that lists the 50 films its person is in.
        Figure(f"a card in {len(range(0, films, 20)):,} other films / in none, pty",
               float("inf"), "ms",
               lambda: 1000 * card_seconds(full), lambda: 1000 * card_seconds(empty)),
    ]
    return figures, [at_full, at_empty, switch]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--films", type=int, default=1000,
                        help="films on the shelf (default 1000)")
    parser.add_argument("--write", type=Path, help="record the results in this Markdown file")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lvtui-shelf-") as directory:
        figures, launches = plan(options.films, Path(directory))
        measure(figures, launches, options.rounds)
    text = report(figures, options.rounds)
    print(text)
    if options.write:
        write_results(options.write, text, MARKERS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
