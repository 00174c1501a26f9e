"""The shelf of films: o opens it over the film, typing filters, enter opens a film; opening
a film is a visit that alt+left comes back from; a person in two films links to the other."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from helpers import FILMS, AppFactory, notifications, pause_until, screen_text, wait_for_palette
from lvtui.ui.app import FilmApp
from lvtui.ui.screens.film import FilmScreen
from lvtui.ui.screens.person_card import PersonCard
from lvtui.ui.screens.shelf import ShelfScreen
from lvtui.ui.widgets.cast_table import CastTable
from lvtui.ui.widgets.linked import Prose


def shelf_lines(app: FilmApp) -> list[str]:
    assert isinstance(app.screen, ShelfScreen)
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(row).prompt) for row in range(options.option_count)]


def shelf_count(app: FilmApp) -> str:
    return str(app.screen.query_one("#shelf-count", Static).render())


def card_text(app: FilmApp) -> str:
    assert isinstance(app.screen, PersonCard)
    return app.screen.query_one("#card-text", Prose).plain_text()


def library(tmp_path: Path) -> Path:
    """Two films, one that is not a film, and a file that is not JSON at all."""
    folder = tmp_path / "films"
    folder.mkdir()
    for name in ("con-air", "fight-club"):
        shutil.copy(FILMS / f"{name}.json", folder / f"{name}.json")
    (folder / "broken.json").write_text(json.dumps({"schema_version": 2, "title": "Oops"}))
    return folder


async def test_o_lists_the_shelf_filters_and_enter_opens_a_film_that_alt_left_leaves(
        make_app: AppFactory, tmp_path: Path, settings_path: Path) -> None:
    app = make_app(library=library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pause_until(pilot, lambda: app.shelf is not None, "the shelf read")
        await pilot.press("3", "j", "j")  # the cast, the cursor on the third member
        await pilot.press("o")
        assert isinstance(app.screen, ShelfScreen)
        lines = shelf_lines(app)
        assert shelf_count(app) == "4 films"
        # By title; the film you are in marked; the broken file listed last, with why.
        assert lines[0] == "  Con Air (1997) — Simon West"
        assert lines[1] == "  Fight Club (1999) — David Fincher"
        assert lines[2] == "● Leaving Las Vegas (1995) — Mike Figgis"
        assert lines[3] == "  broken.json — cannot open: $.year: required field is missing"
        await pilot.press(*"FINCH")  # any case, the director too
        assert shelf_lines(app) == ["  Fight Club (1999) — David Fincher"]
        assert shelf_count(app) == "1 of 4"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace",
                          *"con 1997")  # every word
        assert shelf_lines(app) == ["  Con Air (1997) — Simon West"]
        await pilot.press("enter")
        await pause_until(pilot, lambda: app.film.title == "Con Air", "Con Air open")
        screen = app.film_screen
        assert app.screen is screen and screen.section == "cast"  # the section kept
        assert "lvtui — Con Air (1997) · Cast" in screen_text(app)
        assert isinstance(screen.focused, CastTable)
        # Back: the film before, where it was left; forward: the film again.
        await pilot.press("alt+left")
        assert app.film.title == "Leaving Las Vegas" and app.film_screen.section == "cast"
        assert app.film_screen.cast_pane.table.current_index == 2
        await pilot.press("alt+right")
        assert app.film_screen is screen
        # o again: the mark is on the film you are in now.
        await pilot.press("o")
        assert shelf_lines(app)[0] == "● Con Air (1997) — Simon West"
        await pilot.press("escape")
        assert app.screen is screen
    saved = json.loads(settings_path.read_text())
    assert saved == {"theme": saved["theme"], "section": "cast"}  # no film: lvtui opens its own


async def test_a_broken_film_on_the_shelf_says_why_and_opens_nothing(
        make_app: AppFactory, tmp_path: Path) -> None:
    folder = library(tmp_path)
    (folder / "evil\u202e\x1b[2J.json").write_text("not json")
    app = make_app(library=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pause_until(pilot, lambda: app.shelf is not None, "the shelf read")
        await pilot.press("ctrl+o", *"broken", "enter")
        assert isinstance(app.screen, ShelfScreen)  # still open
        assert any("cannot be opened" in message for message in notifications(app))
        # A file's name is data too: what it says is shown, its controls are not.
        await pilot.press("escape", "ctrl+o", *"evil", "enter")
        said = [message for message in notifications(app) if message.startswith("evil")]
        assert said and all("\x1b" not in line and "\u202e" not in line for line in said)
        await pilot.press("escape", "slash", "o")  # in a text box, o is a letter
        assert app.film_screen.cast_pane.search_box.value == "o"


async def test_a_person_in_two_films_links_to_the_other_and_back(
        make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(library=library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pause_until(pilot, lambda: app.shelf is not None, "the shelf read")
        await pilot.press("slash", *"cage", "enter", "enter")
        text = card_text(app)
        # The same person by name and birth date (the shipped film has no external ids).
        assert "In other films\n• Con Air (1997) — Cameron Poe" in text
        card = app.screen.query_one("#card-text", Prose)
        link = next(number for number, (_, mention) in enumerate(card.links)
                    if mention.film is not None)
        card.action_follow(link)
        await pause_until(pilot, lambda: app.film.title == "Con Air"
                          and isinstance(app.screen, PersonCard), "Cage's card in Con Air")
        assert "as Cameron Poe" in card_text(app)
        assert "• Leaving Las Vegas (1995) — Ben Sanderson" in card_text(app)
        await pilot.press("alt+left")  # one step: opening a film at a card is one visit
        assert app.film.title == "Leaving Las Vegas"
        assert "Nicolas Cage" in card_text(app)  # his card, as it was left


@pytest.mark.parametrize("typed", ["fincher", "open film: fight", "open fight"])
async def test_the_palette_opens_any_film_on_the_shelf(make_app: AppFactory,
                                                       tmp_path: Path, typed: str) -> None:
    app = make_app(library=library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pause_until(pilot, lambda: app.shelf is not None, "the shelf read")
        await pilot.press("ctrl+p", *typed)
        await wait_for_palette(pilot, "Open film: Fight Club (1999) — David Fincher")
        await pilot.press("enter")
        await pause_until(pilot, lambda: app.film.title == "Fight Club", "Fight Club open")
        assert isinstance(app.screen, FilmScreen)


async def test_a_symbolic_link_loop_on_the_shelf_is_listed_as_broken_and_o_still_opens(
        make_app: AppFactory, tmp_path: Path) -> None:
    from lvtui.film.loading import load_film

    folder = library(tmp_path)
    (folder / "a.json").symlink_to(folder / "b.json")
    (folder / "b.json").symlink_to(folder / "a.json")
    opened = folder / "opened.json"  # the film open: a link, made a loop once it is read
    opened.symlink_to(folder / "con-air.json")
    app = make_app(load_film(opened), path=opened, library=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pause_until(pilot, lambda: app.shelf is not None, "the shelf read")
        assert {(film.path.name, film.problem) for film in app.shelf if film.broken} == {
            ("a.json", "is a symbolic link loop"), ("b.json", "is a symbolic link loop"),
            ("broken.json", "$.year: required field is missing")}
        opened.unlink()
        opened.symlink_to(folder / "a.json")
        await pilot.press("o")
        await pause_until(pilot, lambda: isinstance(app.screen, ShelfScreen), "the shelf")
        assert shelf_count(app) == "6 films"  # opened.json was con-air.json, once
        assert app.is_running


async def test_a_film_chosen_from_a_card_goes_back_to_the_card_in_one_step(
        make_app: AppFactory, tmp_path: Path) -> None:
    """o on a card, a film chosen: alt+left comes back to the card, not to the film without
    it and then the card."""
    app = make_app(library=library(tmp_path), section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        await pause_until(pilot, lambda: app.shelf is not None, "the shelf read")
        await pilot.press("enter", "o", *"con air", "enter")
        await pause_until(pilot, lambda: app.film.title == "Con Air", "Con Air open")
        await pilot.press("alt+left")
        await pause_until(pilot, lambda: app.film.title == "Leaving Las Vegas"
                          and isinstance(app.screen, PersonCard), "the card, in one step")


async def test_the_palettes_own_words_alone_list_every_entry(make_app: AppFactory,
                                                            tmp_path: Path) -> None:
    app = make_app(library=library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pause_until(pilot, lambda: app.shelf is not None, "the shelf read")
        await pilot.press("ctrl+p", *"open film")
        await wait_for_palette(pilot, "Open film: Con Air")
        await wait_for_palette(pilot, "Open film: Fight Club")
        await pilot.press(*["backspace"] * 9, *"card")
        await wait_for_palette(pilot, "Card: ")
