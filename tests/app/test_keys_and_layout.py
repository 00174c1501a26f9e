"""What a new user trips over: escape, bursts of keys, the help, footers, focus, layouts."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import pytest
from textual import events
from textual.widgets import Input

from helpers import AppFactory, pause_until, post_clicks, read_at_once, screen_text
from lvtui.reading.wording import names, spelled_date
from lvtui.ui.app import FilmApp
from lvtui.ui.screens.help import HelpScreen
from lvtui.ui.screens.person_card import PersonCard
from lvtui.ui.screens.shelf import ShelfScreen
from lvtui.ui.widgets.cast_columns import CastHeader
from lvtui.ui.widgets.cast_table import CastTable
from lvtui.ui.widgets.gauge import Bar, Gauges
from lvtui.ui.widgets.reading import ReadingPane
from lvtui.ui.widgets.timeline import EventList, TimelineChart

KEYS = {"/": "slash", "⏎": "enter", "␛": "escape", "↓": "down", "?": "question_mark"}


def burst(app: FilmApp, keys: str) -> None:
    """Queue every key before the first is handled, as a terminal delivers a fast burst."""
    for char in keys:
        app.post_message(events.Key(KEYS.get(char, char), None if char in KEYS else char))


def current_actor(app: FilmApp) -> str | None:
    index = app.film_screen.cast_pane.table.current_index
    return None if index is None else app.film_screen.cast[index].actor


def footer_text(app: FilmApp) -> str:
    """The bottom line of the screen: the footer of whatever screen is on top."""
    return screen_text(app).rstrip("\n").splitlines()[-1]


# -- keys and focus ---------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["one key at a time", "one burst"])
async def test_escape_clears_the_search_and_leaves_it(make_app: AppFactory, typed: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        if typed == "one burst":
            burst(app, "/xyz␛")
            await pilot.pause()
        else:
            await pilot.press("slash", *"xyz", "escape")
        assert app.film_screen.cast_pane.search_box.value == ""
        assert isinstance(app.focused, CastTable)
        assert "Cancel" not in footer_text(app) and "Card" in footer_text(app)
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_burst_after_escape_goes_to_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "/xyz␛q")
        await pilot.pause()
    assert app.return_code == 0  # q quit instead of being typed


async def test_down_moves_into_the_list_keeping_the_search(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"cab", "down", "j")
        assert app.film_screen.cast_pane.search_box.value == "cab"
        assert current_actor(app) == "Lou Rawls"


async def test_find_option_starts_on_the_list(make_app: AppFactory) -> None:
    app = make_app(search="xyz")
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.focused, CastTable)
        assert app.film_screen.cast_pane.search_box.value == "xyz"
        await pilot.press("q")
    assert app.return_code == 0


async def test_search_enter_enter_in_one_burst_opens_the_card(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "/shue⏎⏎")
        await pilot.pause()
        assert isinstance(app.screen, PersonCard)
        assert app.screen.shown_name == "Elisabeth Shue"


async def test_clearing_a_filter_keeps_the_member_under_the_cursor(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"cab", "enter", "j")
        assert current_actor(app) == "Lou Rawls"
        await pilot.press("escape")
        assert len(app.film_screen.cast_pane.table.rows) == 28
        assert current_actor(app) == "Lou Rawls"
        assert "Clear" not in footer_text(app)  # nothing left to clear: not offered


@pytest.mark.parametrize(("size", "start"), [((120, 40), "overview"), ((80, 24), "cast"),
                                             ((40, 12), "search"), ((80, 24), "search")])
async def test_help_scrolls_to_every_row_once(make_app: AppFactory, size: tuple[int, int],
                                              start: str) -> None:
    app = make_app(section="cast" if start != "overview" else "overview")
    async with app.run_test(size=size) as pilot:
        if start == "search":
            await pilot.press("slash")
        await pilot.press("f1")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = [row[0] for row in help_screen.rows]
        assert len(keys) == len(set(keys)), keys  # each key once
        assert not any("super" in key or "⌘" in key for key in keys)
        seen: set[str] = set()
        body = help_screen.query_one(ReadingPane)
        while True:
            text = screen_text(app)
            seen |= {line for line in text.splitlines()}
            if body.scroll_y >= body.max_scroll_y:
                break
            await pilot.press("pagedown")
        shown = "\n".join(seen)
        lines = [line.strip(" │▇▄▂▆▁▃▅▀█") for line in seen]
        for _key, description, where in help_screen.rows:
            assert where in shown  # the "where" column is never cut
            if size[0] < 60 and len(description) <= size[0] - 8:
                # Narrow, each description is a line of its own, never broken into
                # fragments beside the key ("Scro… / up a / line").
                assert description in lines, description
        if start == "search":
            assert any(where == "Search box" for _, _, where in help_screen.rows)
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y


async def test_footer_over_a_card_and_the_help_shows_their_keys(make_app: AppFactory) -> None:
    app = make_app(section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, PersonCard)
        footer = footer_text(app)
        assert "esc Close" in footer and "? Help" in footer and "g Top" in footer
        assert "Card" not in footer and "Clear" not in footer and "Search" not in footer
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        # Closing a card is going back: alt+left and backspace do it too, and say so.
        assert ("esc q alt+← ⌫", "Close the card", "Person card") in [
            (k, d, "Person card" if w == "Everywhere" else w) for k, d, w in app.screen.rows]
        footer = footer_text(app)
        assert "Close" in footer and "Help" not in footer
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, PersonCard | HelpScreen)
        assert "Card" in footer_text(app)


async def test_a_click_outside_a_card_or_the_help_closes_it_and_inside_does_not(
        make_app: AppFactory) -> None:
    app = make_app(section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        async def click(x: int, y: int) -> None:  # as a terminal reports one click
            post_clicks(app, [(x, y)])
            await pilot.pause()

        await pilot.press("enter")
        assert isinstance(app.screen, PersonCard)
        box = app.screen.query_one(ReadingPane).region
        await click(box.x + 2, box.y + 2)  # on the card's text: it stays
        assert isinstance(app.screen, PersonCard)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await click(1, 2)  # beside the help's box: the help closes
        assert isinstance(app.screen, PersonCard)
        await click(1, 2)  # beside the card's box: the card closes
        assert not isinstance(app.screen, PersonCard) and app.film_screen.section == "cast"
        assert app.focused is app.film_screen.cast_pane.table  # back where the card was opened


async def test_the_app_is_seen_behind_a_card_and_the_card_behind_the_help(
        make_app: AppFactory) -> None:
    """A card is a box over the app, as a popup over lazygit's panels: the sections and
    the film stay in sight beside it (not blanked), and the card beside the help."""
    app = make_app(section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, PersonCard)
        text = screen_text(app)
        assert "Nicolas Cage" in text and "Full name" in text  # the card
        assert "1  Overview" in text and "7  Soundtrack & media" in text  # the app beside it
        assert "28 of 28" in text
        await pilot.press("question_mark")
        text = screen_text(app)
        assert "Keys" in text and "1  Overview" in text
        assert any("Full name" in line for line in text.splitlines())


async def test_escape_and_a_key_read_together_are_escape_then_the_key(
        make_app: AppFactory) -> None:
    """Typed together (or sent in one burst, by tmux or a browser's terminal), escape and a
    key reach the app in one read, which Textual reads as alt and the key ("£" for escape
    and 3). lvtui reads them as typed: the prompt closes, then the key acts."""
    def post_read_at_once(typed: str) -> None:  # as the terminal driver posts them
        for event in read_at_once(typed):
            app.post_message(event)

    app = make_app(section="plot")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f", *"ben")
        bar = app.film_screen.find_bar
        assert bar.has_class("-open") and app.focused is bar.box
        post_read_at_once("\x1b3")
        await pause_until(pilot, lambda: app.film_screen.section == "cast", "the cast shown")
        assert not bar.has_class("-open") and bar.box.value == "ben"
        await pilot.press("slash", *"cage")
        table = app.film_screen.cast_pane.table
        assert app.focused is not table and table.cursor == 0
        post_read_at_once("\x1bj")  # escape clears the search for the list; j moves down it
        await pause_until(pilot, lambda: table.cursor == 1, "the cursor moved down")
        assert app.focused is table and app.film_screen.cast_pane.search_box.value == ""


async def test_focus_is_visible_in_a_reading_pane(make_app: AppFactory) -> None:
    app = make_app(section="plot")
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.film_screen.query_one("#plot", ReadingPane)
        x, y = pane.region.x, pane.region.y + 2
        focused = screen_text(app).splitlines()[y][x]
        # To the section list (not with shift+tab: once the links are made, that steps
        # through the plot's links first).
        app.set_focus(app.film_screen.query_one("#sections"))
        await pilot.pause()
        assert not pane.has_focus
        blurred = screen_text(app).splitlines()[y][x]
        assert focused != blurred and focused.strip() and not blurred.strip()


async def test_settings_are_saved_off_the_ui_thread(make_app: AppFactory) -> None:
    app = make_app()
    threads: list[threading.Thread] = []
    save = app.store.save

    def slow_save(settings: object) -> bool:
        threads.append(threading.current_thread())
        time.sleep(0.2)  # a slow disk: the app quits while the first write is under way
        return save(settings)  # type: ignore[arg-type]

    app.store.save = slow_save  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "5")
        assert app.film_screen.section == "timeline"  # at once: no key waited for a write
    assert threads[0] is not threading.main_thread()  # a key's write: in a thread
    assert app.store.load().section == "timeline"  # the last one is on disk at exit


async def test_a_key_never_waits_for_a_settings_write(make_app: AppFactory) -> None:
    app = make_app()
    writing, done_writing = threading.Event(), threading.Event()
    waited_out: list[bool] = []
    save = app.store.save

    def stuck_save(settings: object) -> bool:
        if threading.current_thread() is not threading.main_thread() and not writing.is_set():
            writing.set()  # the first write hangs (a stuck network home) until let go
            waited_out.append(not done_writing.wait(5))
        return save(settings)  # type: ignore[arg-type]

    app.store.save = stuck_save  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pause_until(pilot, writing.is_set, "the first write began")
        await pilot.press("5")  # while the first write hangs
        assert app.film_screen.section == "timeline"
        done_writing.set()
    assert waited_out == [False]  # the key was handled before the write was let go
    assert app.store.load().section == "timeline"


# -- layout -----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_accolades_read_whole_without_sideways_scrolling(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app(section="reception")
    async with app.run_test(size=size) as pilot:
        await pilot.press("G")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        for accolade in app.film.accolades:
            assert names(app.film, accolade.nominees) in text
        assert "Nominated" in text and "★ Won" in text
        assert not app.film_screen.query("DataTable")  # nothing that looks selectable and is not


def test_bars_share_one_scale_and_vanish_together() -> None:
    bars = Gauges([Bar("Approval", 91, 100, "91% of 53 reviews"), Bar("Average", 7.6, 10, "7.6/10"),
                   Bar("Metascore", 82, 100, "82/100")])
    width = bars.bar_width(80)
    assert width > 0
    lengths = [round(bar.share * width) for bar in bars.bars]
    assert lengths[0] > lengths[2] > lengths[1]  # 91% > 82% > 76%
    narrow = min(w for w in range(80) if bars.bar_width(w))
    assert bars.bar_width(narrow - 1) == 0  # one width for all: all go at once


async def test_bars_on_screen_are_proportional(make_app: AppFactory) -> None:
    app = make_app(section="reception")
    async with app.run_test(size=(120, 40)):
        text = screen_text(app).splitlines()

        def bar(label: str) -> int:
            return next(line.count("█") for line in text if label in line and "█" in line)

        assert bar("Rotten Tomatoes") > bar("Metacritic") > bar("Average rating") > 0


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (120, 40)])
async def test_timeline_list_and_details_are_reachable(make_app: AppFactory,
                                                        size: tuple[int, int]) -> None:
    app = make_app(section="timeline")
    async with app.run_test(size=size) as pilot:
        event_list = app.film_screen.query_one("#timeline-list")
        detail = app.film_screen.query_one("#timeline-detail", ReadingPane)
        for widget in (event_list, detail):
            assert widget.region.height >= 2 and widget.region.bottom <= size[1] - 1
        assert "Undated" not in str(detail.query_one("#timeline-detail-text").render())
        await pilot.press("G")
        assert "1 January 1998" in screen_text(app)
        chart = app.film_screen.query_one(TimelineChart)
        if chart.display and size[0] >= 80:
            text = screen_text(app)
            for event in chart.events:  # the date is never what gets cut
                assert spelled_date(event.date) in text


async def test_cast_header_follows_a_resize_made_elsewhere(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "1")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        header = app.film_screen.query_one(CastHeader).region
        title_line = lines[header.y]
        row_line = lines[header.y + 1]  # Nicolas Cage, Ben Sanderson
        assert title_line.index("Role") == row_line.index("Ben Sanderson")


async def test_title_follows_the_width(make_app: AppFactory) -> None:
    app = make_app(section="cast")
    async with app.run_test(size=(40, 12)) as pilot:
        # Narrow: the section first, then the film (cut short if need be); no app name.
        assert screen_text(app).splitlines()[0].strip() == "▶  Cast · Leaving Las Vegas (1995)"
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "lvtui — Leaving Las Vegas (1995) · Cast" in screen_text(app).splitlines()[0]


async def test_narrow_cast_shows_whole_names_and_a_whole_footer(make_app: AppFactory) -> None:
    app = make_app(section="cast")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("g", *["j"] * 10)
        text = screen_text(app)
        assert "R. Lee Ermey" in text and "Credited" not in text
        footer = footer_text(app)
        words = {active.binding.description for active in app.screen.active_bindings.values()
                 if active.binding.show and active.enabled}
        shown = [word for word in words if f" {word}" in footer]
        # Every key on the line is whole; help and quit stay when the others do not fit.
        assert "? Help" in footer and "q Quit" in footer
        assert len(footer.split()) == 2 * len(shown), footer


async def test_slash_in_the_search_box_types(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "a", "slash")
        assert isinstance(app.focused, Input) and app.film_screen.cast_pane.search_box.value == "a/"


async def test_a_click_on_a_footer_key_presses_it(make_app: AppFactory) -> None:
    app = make_app(section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        line = footer_text(app)
        await pilot.click(offset=(line.index("/ Search"), 39))
        assert isinstance(app.focused, Input)
        await pilot.click(offset=(footer_text(app).index("esc Cancel") + 1, 39))
        assert isinstance(app.focused, CastTable)
        await pilot.click(offset=(footer_text(app).index("q Quit"), 39))
    assert app.return_code == 0


async def test_the_title_bar_names_the_section_and_its_icon_opens_the_palette(
        make_app: AppFactory) -> None:
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert screen_text(app).splitlines()[0].strip().endswith(
            "lvtui — Leaving Las Vegas (1995) · Production")
        await pilot.click("TitleBar", offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_keys_work_again_after_the_terminal_was_too_small(make_app: AppFactory) -> None:
    """Made too small (29x8), then 40x12: j, G and y go where they went before, at once."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        plot = app.film_screen.query_one("#plot")
        assert app.focused is plot
        await pilot.resize_terminal(29, 8)
        await pilot.pause()
        assert app.has_class("-too-small")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert app.focused is plot
        await pilot.press("G")
        assert plot.scroll_y == plot.max_scroll_y > 0


async def test_the_chosen_event_stays_in_sight_when_the_terminal_shrinks(
        make_app: AppFactory) -> None:
    app = make_app(section="timeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"jjjjjj")  # the last event: the DVD
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.pause()
        region = app.film_screen.query_one(EventList).region
        shown = [line[region.x:region.right]
                 for line in screen_text(app).splitlines()[region.y:region.bottom]]
        assert any("DVD" in line for line in shown), shown  # in the list, not only its details


async def test_find_past_the_matches_marked_still_steps_to_and_marks_the_last(
        make_app: AppFactory, film_dict: dict[str, Any]) -> None:
    """A plot of 3,000 matches: the first MARKED of the film are marked, every one is
    counted, and shift+enter shows the last, marked as the one shown."""
    from lvtui.film.loading import parse_film
    from lvtui.reading.finding import MARKED
    from lvtui.ui.widgets.linked import Linked

    film_dict["plot"] = [" ".join(["xq"] * 3_000)]
    app = make_app(parse_film(json.dumps(film_dict).encode()), section="plot")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f", *"xq")
        screen = app.film_screen
        await pause_until(pilot, lambda: screen.film_find.words().startswith("3,000 matches"),
                          "the matches counted")
        await pilot.press("shift+enter")
        assert screen.film_find.words().startswith("3,000 of 3,000 · plot 3,000")
        plot = next(widget for widget in screen.query(Linked) if widget.current_unit == 0)
        marks = plot.marks[0]
        assert len(marks) == MARKED + 1  # the first MARKED, and the one shown
        assert marks[plot.current_occurrence] == (3 * 2_999, 3 * 2_999 + 2)


async def test_back_read_in_one_burst_with_the_moves_before_it_goes_back_from_the_last(
        make_app: AppFactory) -> None:
    """Keys read together are handled in order: "3", "4" and alt+left in one read (a fast
    hand, tmux) go back from the timeline to the cast, as typed one by one."""
    app = make_app(section="overview")
    async with app.run_test(size=(120, 40)) as pilot:
        for event in read_at_once("34\x1b[1;3D"):
            app.post_message(event)
        await pause_until(pilot, lambda: app.film_screen.section != "overview", "a move")
        await pilot.pause()
        assert app.film_screen.section == "cast"
        await pilot.press("alt+left")
        assert app.film_screen.section == "overview"


async def test_on_a_card_the_keys_that_work_everywhere_work_and_back_returns_to_it(
        make_app: AppFactory) -> None:
    """1-7, o and ctrl+o go where they say from a card too; closing the card is a visit."""
    app = make_app(section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, PersonCard)
        await pilot.press("5")
        assert app.screen is app.film_screen and app.film_screen.section == "timeline"
        await pilot.press("alt+left")
        await pause_until(pilot, lambda: isinstance(app.screen, PersonCard), "the card again")
        assert app.film_screen.section == "cast"
        await pilot.press("o")
        assert isinstance(app.screen, ShelfScreen)
        await pilot.press("escape", "alt+left")
        await pause_until(pilot, lambda: isinstance(app.screen, PersonCard), "the card again")


async def test_y_in_the_help_copies_the_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark", "y")
        assert "Every key that works here" in app.clipboard
        assert "Keys work where focus is" not in app.clipboard
        assert all(line.count("\t") == 2 for line in app.clipboard.splitlines())


async def test_the_find_bar_says_its_counts_in_whole_parts_where_they_do_not_all_fit(
        make_app: AppFactory) -> None:
    """"the" is in every section: at 120 columns the counts do not all fit beside the box.
    Those said are whole ("reception 13"), then "…"; never "recep…"."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f", *"the")
        find = app.film_screen.film_find
        await pause_until(pilot, lambda: "matches" in find.words(), "the matches counted")
        await pilot.pause()
        said = str(app.film_screen.query_one("#find-count").render())
        parts = find.words().split(" · ")
        assert said.endswith(" …") and len(said) > 60
        shown = said.removesuffix(" …").split(" · ")
        assert shown == parts[:len(shown)] and len(shown) < len(parts)
