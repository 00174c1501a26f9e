"""Clicking film text never runs anything the film asked for.

The film is markup.json: every text field ends with click actions (``[@click=app.bait]``,
``[@click=app.quit]``) and links. Shown literally, they are inert. The test looks at the
style of every cell of every page of every section (no click action and no link may come
from the film) and clicks every word of film markup it can see.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.segment import Segment
from textual.geometry import Region

from helpers import lean, post_clicks, screen_lines
from hostile.corpus import CORPUS, EVIL_URL
from lvtui.film.loading import load_film
from lvtui.reading.sections import SECTION_IDS
from lvtui.shelf.settings import SettingsStore
from lvtui.ui.app import FilmApp
from lvtui.ui.screens.person_card import PersonCard

# Words on screen that come from the film's markup: "[b]bold[/b]", "CLICKME[/]", ...
MARKUP_WORD = re.compile(r"\S*(?:\[|CLICKME|QUIT|LINKME)\S*")
LVTUI_LINK = re.compile(r"follow\(\d+\)")


def _is_lvtui_link(line: list[Segment], x: int) -> bool:
    at = 0
    for segment in line:
        if at <= x < at + segment.cell_length:
            return bool(segment.style and segment.style.meta.get("@click"))
        at += segment.cell_length
    return False


class BaitedApp(FilmApp):
    """Records every action and URL the film might manage to trigger."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.triggered: list[str] = []

    def action_bait(self, argument: str = "") -> None:
        self.triggered.append(f"bait({argument})")

    async def action_quit(self) -> None:
        self.triggered.append("quit")

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        self.triggered.append(f"open_url({url})")


def assert_no_style_from_the_film(lines: list[list[Segment]], region: Region) -> None:
    """No cell showing a character in *region* links to the film's URL or runs its actions."""
    for y in range(region.y, min(region.bottom, len(lines))):
        x = 0
        for segment in lines[y]:
            end = x + segment.cell_length
            if x < region.right and end > region.x and segment.text.strip():
                style = segment.style
                assert style is not None
                assert EVIL_URL not in (style.link or ""), (x, y, style.link)
                # The one action a cell may carry is lvtui's own: follow link N.
                action = str(style.meta.get("@click", ""))
                assert action == "" or LVTUI_LINK.fullmatch(action), (x, y, action)
            x = end


def markup_words(lines: list[list[Segment]], region: Region,
                 done: set[str] | None = None) -> list[tuple[int, int]]:
    """Screen positions of the first cell of every film-markup word inside *region*; with
    *done*, only of the words not clicked yet (and those are added to it). Words inside
    lvtui's own links (a name with markup in it is still a name) are left to the link test."""
    positions = []
    for y in range(region.y, min(region.bottom, len(lines))):
        line = "".join(segment.text for segment in lines[y])
        for word in MARKUP_WORD.finditer(line):
            x = cell_len(line[: word.start()])
            if region.x <= x < region.right and (done is None or word.group() not in done) \
                    and not _is_lvtui_link(lines[y], x):
                positions.append((x, y))
                if done is not None:
                    done.add(word.group())
    return positions


@pytest.mark.long
async def test_clicking_film_text_runs_nothing(settings_path: Path) -> None:
    app = lean(BaitedApp(load_film(CORPUS / "markup.json"),
                                       settings=SettingsStore(settings_path)))
    clicked = 0
    # A tall terminal: every page is still looked at, but in a sixth of the pages, and
    # each page costs one render and a pause whatever its height.
    async with app.run_test(size=(120, 240)) as pilot:
        for number, section in enumerate(SECTION_IDS, start=1):
            await pilot.press(str(number))
            pane = app.film_screen.query_one(f"#{section}").region
            previous: list[str] = []
            # Every cell is checked for links and actions on every page; each word of
            # markup is clicked once per section, wherever it is first seen.
            done: set[str] = set()
            for _page in range(60):
                lines = screen_lines(app)  # one render per page: text, styles and links
                text = ["".join(segment.text for segment in line) for line in lines]
                if text == previous:
                    break  # the last page
                previous = text
                assert_no_style_from_the_film(lines, pane)
                clicked += post_clicks(app, markup_words(lines, pane, done))
                await pilot.pause()
                if isinstance(app.screen, PersonCard):  # a second click on a cast row
                    await pilot.press("escape")
                assert app.film_screen.section == section, (app.focused, app.screen, app.screen_stack)
                await pilot.press("pagedown")

        await pilot.press("3", "enter")  # and a card, whose every line is film text
        assert isinstance(app.screen, PersonCard)
        card = app.screen.query_one("#card-text").region
        lines = screen_lines(app)
        assert_no_style_from_the_film(lines, card)
        clicked += post_clicks(app, markup_words(lines, card))
        await pilot.pause()
        assert isinstance(app.screen, PersonCard)
        assert app.is_running

    assert clicked > 50, "too few words of film markup were found to click"
    assert app.triggered == []
