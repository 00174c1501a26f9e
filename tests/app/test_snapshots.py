"""Snapshot tests of every section, of the overview and cast at small sizes, and of the
example films.

The theme is pinned (a fresh settings file means textual-dark) and the cursor does not
blink, so a snapshot changes only when the look does. Review changes; do not blindly update.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input

from helpers import FILMS, AppFactory
from lvtui.film.loading import load_film
from lvtui.reading.sections import SECTION_IDS
from lvtui.ui.app import FilmApp


async def steady(pilot: Any) -> None:
    for box in pilot.app.film_screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("section", SECTION_IDS)
def test_section_120x40(snap_compare: Any, make_app: AppFactory, section: str) -> None:
    app: FilmApp = make_app(section=section)
    assert snap_compare(app, terminal_size=(120, 40), run_before=steady)


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
@pytest.mark.parametrize("section", ["overview", "cast"])
def test_small_sizes(snap_compare: Any, make_app: AppFactory, section: str,
                     size: tuple[int, int]) -> None:
    assert snap_compare(make_app(section=section), terminal_size=size, run_before=steady)


def test_cast_search_and_card(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=steady,
                        press=["slash", *"figgis", "enter", "enter"])


# The example films: the smallest file the schema allows, one that uses every field, and
# one in CJK and right-to-left scripts. The overview shows most of what each holds.
EXAMPLES = ["minimal", "rich", "cjk-rtl"]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("name", EXAMPLES)
def test_example_films(snap_compare: Any, make_app: AppFactory, name: str,
                       size: tuple[int, int]) -> None:
    film = load_film(FILMS / f"{name}.json")
    assert snap_compare(make_app(film), terminal_size=size, run_before=steady)
