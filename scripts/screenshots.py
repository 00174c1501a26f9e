"""Write screenshots/*.svg from the real app: every section at 120x40, a search, a card, 80x24,
links, a find, and the shelf of films with a card that links to another film.

Run: python scripts/screenshots.py   (settings go to a throwaway directory; theme pinned)
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from textual.widgets import Input

from lvtui.film.loading import load_film, parse_film, shipped_film_path
from lvtui.film.model import Film
from lvtui.reading.sections import SECTION_IDS
from lvtui.shelf.settings import SettingsStore
from lvtui.tmdb import build as tmdb
from lvtui.ui.app import FilmApp

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
# Fight Club, made by `lvtui import tmdb` from the recorded TMDB responses the tests use.
RESPONSES = ROOT / "tests" / "tmdb" / "responses"
TMDB_FILES = ["movies-details.json", "movies-credits.json", "movies-release_dates.json",
              "movies-keywords.json", "movies-external_ids.json"]


def fight_club() -> Film:
    return parse_film(tmdb.import_files([(name, (RESPONSES / name).read_bytes())
                                         for name in TMDB_FILES]))


async def shoot(name: str, size: tuple[int, int], keys: list[str], film: Film | None = None,
                library: Path | None = None, **options: str) -> None:
    with tempfile.TemporaryDirectory() as config:
        app = FilmApp(film or load_film(shipped_film_path()),
                      settings=SettingsStore(Path(config) / "settings.json"),
                      library=library or Path(config) / "no films", **options)
        async with app.run_test(size=size) as pilot:
            for box in app.film_screen.query(Input):
                box.cursor_blink = False
            await app.film_screen._after_first_frame()  # the links (in threads)
            await app.workers.wait_for_complete()  # and the shelf
            await pilot.press(*keys)
            await pilot.pause()
            app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
    print(f"screenshots/{name}.svg")


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    for number, section in enumerate(SECTION_IDS, start=1):
        await shoot(f"{number}-{section}", (120, 40), [], section=section)
    await shoot("cast-search", (120, 40), ["slash", *"college"])
    await shoot("person-card", (120, 40), ["slash", *"figgis", "enter", "enter"])
    await shoot("overview-80x24", (80, 24), [], section="overview")
    await shoot("cast-40x12", (40, 12), [], section="cast")
    await shoot("plot-links", (120, 40), ["2", "tab", "tab", "tab"])
    await shoot("find", (120, 40), ["ctrl+f", *"figgis", "enter", "enter", "enter"])
    await shoot("card-links", (120, 40), ["slash", *"figgis", "enter", "enter",
                                          "tab", "tab", "tab", "tab"])
    with tempfile.TemporaryDirectory() as folder:
        shelf = Path(folder)
        for name in ("con-air", "fight-club"):
            (shelf / f"{name}.json").write_bytes((ROOT / "tests" / "films" / f"{name}.json")
                                                 .read_bytes())
        (shelf / "broken.json").write_text('{"schema_version": 2, "title": "Oops"}')
        await shoot("shelf", (120, 40), ["3", "o"], library=shelf)
        await shoot("shelf-filtered-80x24", (80, 24), ["o", *"con 1997"], library=shelf)
        await shoot("in-other-films", (120, 40), ["slash", *"cage", "enter", "enter",
                                                  *["tab"] * 6], library=shelf)
    film = fight_club()
    await shoot("tmdb-overview", (120, 40), [], film, section="overview")
    await shoot("tmdb-production", (120, 40), [], film, section="production")
    await shoot("tmdb-timeline-80x24", (80, 24), [], film, section="timeline")


if __name__ == "__main__":
    asyncio.run(main())
