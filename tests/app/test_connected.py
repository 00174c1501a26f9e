"""The connected film: names are links (tab, enter, a click), a card's entries go to their
section, ctrl+f finds anything, and every move can be walked back."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual.widgets import Input

from helpers import AppFactory, post_clicks, screen_lines, screen_text
from lvtui.film.model import Film
from lvtui.ui.app import FilmApp
from lvtui.ui.screens.person_card import PersonCard
from lvtui.ui.widgets.cast_table import CastTable
from lvtui.ui.widgets.fact_list import FactList
from lvtui.ui.widgets.linked import Linked, Prose
from lvtui.ui.widgets.reading import ReadingPane
from lvtui.ui.widgets.reception import AccoladesTable
from lvtui.ui.widgets.timeline import EventList


def card_name(app: FilmApp) -> str | None:
    return app.screen.shown_name if isinstance(app.screen, PersonCard) else None


def current_link(app: FilmApp) -> tuple[str, str] | None:
    """The words of the link the keyboard is on, and where it leads."""
    pane = app.focused
    if not isinstance(pane, ReadingPane) or pane.current is None:
        return None
    block, number = pane.current
    unit, link = block.links[number]
    return block.units[unit].plain[link.start:link.end], link.section or link.target


def count(app: FilmApp) -> str:
    """What the find bar says, whole (drawn, it is cut to whole parts where it must be)."""
    return app.film_screen.find_bar.said


async def links_ready(pilot: Any, app: FilmApp) -> None:
    """Links come after the first frame, found in threads: wait for them."""
    await app.film_screen._after_first_frame()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_tab_enter_in_the_plot_opens_ben_sandersons_actor(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await links_ready(pilot, app)
        await pilot.press("2", "tab")
        assert current_link(app) == ("Ben Sanderson", "nicolas-cage")
        assert "Follow" in screen_text(app).splitlines()[-1]  # the footer offers enter
        await pilot.press("tab")
        assert current_link(app) == ("Sera", "elisabeth-shue")
        await pilot.press("shift+tab", "enter")
        assert card_name(app) == "Nicolas Cage"
        await pilot.press("alt+left")  # back to the plot, on the link it left from
        assert app.film_screen.section == "plot" and current_link(app) == ("Ben Sanderson", "nicolas-cage")


async def test_tab_goes_past_the_last_link_to_the_next_widget_and_back(
        make_app: AppFactory, film_dict: dict[str, Any]) -> None:
    film_dict["plot"] = ["Only Sera is named here.", "And Ben, here."]
    app = make_app(Film.model_validate(film_dict))
    async with app.run_test(size=(120, 40)) as pilot:
        await links_ready(pilot, app)
        await pilot.press("2", "tab", "tab")
        assert current_link(app) == ("Ben", "nicolas-cage")
        await pilot.press("tab")  # no link after it: the focus moves on, as in a browser
        assert not isinstance(app.focused, ReadingPane)
        await pilot.press("shift+tab")  # back into the pane, on its last link
        assert isinstance(app.focused, ReadingPane)
        await pilot.press("shift+tab")
        assert current_link(app) == ("Ben", "nicolas-cage")


async def test_a_pane_with_no_links_leaves_tab_to_the_screen(make_app: AppFactory,
                                                             film_dict: dict[str, Any]) -> None:
    film_dict["plot"] = ["Nobody is named here."]
    app = make_app(Film.model_validate(film_dict))
    async with app.run_test(size=(120, 40)) as pilot:
        await links_ready(pilot, app)
        await pilot.press("2")
        assert "Next link" not in screen_text(app).splitlines()[-1]
        await pilot.press("tab")
        assert not isinstance(app.focused, ReadingPane)


async def test_every_kind_of_link_leads_where_it_says(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await links_ready(pilot, app)
        # A name in a fact of the overview: the director.
        overview = app.film_screen.query_one("#overview", ReadingPane)
        stop = next(s for s in overview.link_stops() if s[0].links[s[1]][1].target
                    == "mike-figgis")
        overview.set_current(stop)
        await pilot.press("enter")
        assert card_name(app) == "Mike Figgis"
        # An entry of his card: his role goes to the cast, on him.
        card_pane = app.screen.query_one(ReadingPane)
        for _ in range(12):
            await pilot.press("tab")
            block, number = card_pane.current or (None, 0)
            if block is not None and block.links[number][1].section == "cast":
                break
        await pilot.press("enter")
        assert app.screen is app.screen_stack[0] and app.film_screen.section == "cast"
        assert isinstance(app.focused, CastTable)
        index = app.film_screen.cast_pane.table.current_index  # not lost: None is no row
        assert index is not None and app.film_screen.cast[index].actor == "Mike Figgis"
        # A critic named in a card's words leads to another card, in its place.
        app.film_screen.open_record("chicago-sun-times")
        await pilot.pause()
        sheet = app.screen.query_one(ReadingPane)
        await pilot.press("tab")
        assert sheet.current is not None
        block, number = sheet.current
        assert block.links[number][1].section == "reception"
        await pilot.press("enter")  # "Ran Roger Ebert's review": to the reception, on it
        assert app.film_screen.section == "reception"
        await pilot.pause()
        assert current_link(app) == ("Chicago Sun-Times", "chicago-sun-times")
        await pilot.press("shift+tab")
        assert current_link(app) == ("Roger Ebert", "roger-ebert")
        await pilot.press("enter")
        assert card_name(app) == "Roger Ebert" and len(app.screen_stack) == 2
        # A quote's speaker in the production notes.
        await pilot.press("escape", "4")
        production = app.film_screen.query_one("#production", ReadingPane)
        quotes = [s for s in production.link_stops() if s[0].has_class("quote")]
        production.set_current(quotes[0])
        await pilot.press("enter")
        assert card_name(app) == "Mike Figgis"
        # An event's details on the timeline.
        await pilot.press("escape", "5")
        events = app.film_screen.query_one(EventList)
        events.highlighted = 1  # the novel: "by John O'Brien"
        await pilot.pause()
        detail = app.film_screen.query_one("#timeline-detail", ReadingPane)
        detail.focus()
        await pilot.press("tab", "enter")
        assert card_name(app) == "John O'Brien"


async def test_a_click_on_a_name_follows_it(make_app: AppFactory) -> None:
    app = make_app(section="plot")
    async with app.run_test(size=(120, 40)) as pilot:
        await links_ready(pilot, app)
        lines = ["".join(s.text for s in line) for line in screen_lines(app)]
        y = next(n for n, line in enumerate(lines) if "Ben Sanderson is" in line)
        assert post_clicks(app, [(lines[y].index("Ben Sanderson") + 4, y)]) == 1
        await pilot.pause()
        assert card_name(app) == "Nicolas Cage"


async def test_hostile_names_link_as_text_and_never_inside_a_word(
        make_app: AppFactory, film_dict: dict[str, Any]) -> None:
    film_dict["people"] += [{"id": "ann", "name": "Ann [@click=app.quit]x[/]"},
                            {"id": "bo", "name": "Bo", "other_names": ["\x1b[31mBo"]}]
    film_dict["plot"] = ["Ann [@click=app.quit]x[/] met Bob and Bo in Annual."]
    app = make_app(Film.model_validate(film_dict))
    async with app.run_test(size=(120, 40)) as pilot:
        await links_ready(pilot, app)
        await pilot.press("2")
        block = app.film_screen.query_one("#plot").query(Prose)[1]
        text = block.units[0].plain
        assert [(text[m.start:m.end], m.target) for _, m in block.links] == [
            ("Ann [@click=app.quit]x[/]", "ann"), ("Bo", "bo")]
        await pilot.press("tab", "enter")
        assert card_name(app) == "Ann [@click=app.quit]x[/]"
        assert app.is_running


@pytest.mark.parametrize("size", [(120, 40), (40, 12)])
async def test_ctrl_f_klady_enter_shows_the_quote_and_alt_left_returns(
        make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("4", "j", "j")
        await pilot.press("ctrl+f", *"klady")
        assert isinstance(app.focused, Input)
        assert count(app) == "1 match · reception 1"
        await pilot.press("enter")
        assert app.film_screen.section == "reception"
        assert count(app) == "1 of 1 · reception 1"
        await pilot.pause()
        assert "— Leonard Klady, Variety" in screen_text(app)
        quote = next(b for b in app.film_screen.query_one("#reception").query(Prose)
                     if "Klady" in b.plain_text())
        assert quote.current_unit == 0 and quote.marks  # marked, and standing out
        await pilot.press("alt+left")
        assert app.film_screen.section == "production"
        await pilot.pause()
        assert app.film_screen.query_one("#production", ReadingPane).scroll_y == 2


async def test_find_goes_through_every_section_in_order_and_round(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f", *"BÉN")  # any case, any accent
        # Each "Ben" is a match, however many a paragraph holds: the count is the marks'.
        assert count(app) == "14 matches · plot 12 · cast 1 · production 1"
        marks = sum(len(spans) for block in app.film_screen.query_one("#plot").query(Linked)
                    for spans in block.marks.values())
        assert marks == 12
        sections, hits = [], []
        for _ in range(15):
            await pilot.press("enter")
            sections.append(app.film_screen.section)
            hits.append(app.film_screen.film_find.hit)
        assert sections == ["plot"] * 12 + ["cast", "production", "plot"]
        assert len(set(hits[:12])) == 12  # twelve places, not four paragraphs thrice
        standing_out = [block for block in app.film_screen.query_one("#plot").query(Linked)
                        if block.current_unit is not None]
        assert len(standing_out) == 1  # one match stands out, never two
        current = standing_out[0].get_visual_style("linked--current-match")
        assert sum(span.style == current for unit in standing_out[0].styled_units()
                   for span in unit.spans) == 1
        await pilot.press("shift+enter")  # the one before: production again
        assert app.film_screen.section == "production" and count(app).startswith("14 of 14")
        await pilot.press("shift+enter")
        assert app.film_screen.section == "cast"
        index = app.film_screen.cast_pane.table.current_index  # not lost: None is no row
        assert index is not None and app.film_screen.cast[index].actor == "Nicolas Cage"
        assert app.film_screen.cast_pane.table.highlight == "bén".replace("é", "e")


async def test_find_reaches_events_table_rows_and_hidden_cast_members(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"shue", "enter")  # the cast shows Shue alone
        await pilot.press("ctrl+f", *"lou rawls")
        await pilot.press("enter")
        assert app.film_screen.section == "cast"
        index = app.film_screen.cast_pane.table.current_index  # not lost: None is no row
        assert index is not None and app.film_screen.cast[index].actor == "Lou Rawls"
        assert app.film_screen.cast_pane.search_box.value == ""  # the search that hid him is cleared
        await pilot.press("ctrl+f", *"limited release")  # ctrl+f again: a new query
        await pilot.press("enter")
        assert app.film_screen.section == "timeline"
        events = app.film_screen.query_one(EventList)
        assert "Limited release" in events.events[events.highlighted or 0].title
        assert app.film_screen.query_one("#timeline-detail-text", Prose).marks  # its details, marked
        await pilot.press("escape")  # the find closes: the marks go
        assert not app.film_screen.query_one("#timeline-detail-text", Prose).marks
        await pilot.press("ctrl+f", *"best actress nominated")
        await pilot.press("enter")
        assert app.film_screen.section == "reception"
        assert app.film_screen.film_find.hit is not None and app.film_screen.film_find.hit.member is None
        assert app.film_screen.film_find.hit.section == "reception"
        table = app.film_screen.query_one(AccoladesTable)
        assert table.marks and table.current_unit is not None


async def test_escape_clears_the_marks_and_n_goes_on(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f", *"figgis", "enter")
        first = app.film_screen.section
        await pilot.press("escape")
        assert not app.film_screen.query_one("#find-bar").has_class("-open")
        assert not any(block.marks for block in app.film_screen.query(Linked))
        assert not isinstance(app.focused, Input)
        await pilot.press("n")
        assert app.film_screen.film_find.hit is not None and any(block.marks for block in app.film_screen.query(Linked))
        second = app.film_screen.film_find.hit
        await pilot.press("N")
        assert app.film_screen.section == first and app.film_screen.film_find.hit != second
        await pilot.press("q")  # n and N did not take q's place
    assert app.return_code == 0


async def test_back_and_forward_over_links_and_find_results(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await links_ready(pilot, app)
        await pilot.press("2", "tab", "enter")  # 1: Cage's card, from a link
        await pilot.press("tab", "enter")  # 2: his first entry: the overview
        assert app.film_screen.section == "overview" and card_name(app) is None
        await pilot.press("ctrl+f", *"klady", "enter")  # 3: a find result
        assert app.film_screen.section == "reception"
        await pilot.press("escape", "alt+left")
        assert app.film_screen.section == "overview"
        await pilot.press("alt+left")
        assert card_name(app) == "Nicolas Cage"
        await pilot.press("alt+left")
        assert app.film_screen.section == "plot" and card_name(app) is None
        for expected in ("Nicolas Cage", "overview", "reception"):
            await pilot.press("alt+right")
            assert expected in (card_name(app), app.film_screen.section)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_facts_are_as_tall_as_their_lines(make_app: AppFactory,
                                                   size: tuple[int, int]) -> None:
    # Measured before their first layout, they once folded a letter a line, and the
    # overview's figures were pushed off the screen.
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        facts = app.film_screen.query_one("#overview").query(FactList).first()
        assert facts.size.height == len(facts.render().split("\n")) < 30
        if size == (120, 40):
            assert "Rotten Tomatoes" in screen_text(app)


async def test_y_copies_the_find_result_shown(make_app: AppFactory) -> None:
    app = make_app()
    copied: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("ctrl+f", *"klady", "enter", "escape", "n", "y")
        assert copied and "unflinching view" in copied[-1] and "Leonard Klady" in copied[-1]


async def test_a_paste_into_the_find_bar_is_cleaned_and_one_line(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f")
        app.film_screen.find_bar.box.post_message(events.Paste("kla\x1b]52;c;ZXZpbA==\x07dy\nsecond line"))
        await pilot.pause()
        assert app.film_screen.find_bar.box.value == "klady"
        assert count(app) == "1 match · reception 1"


async def test_the_accolades_table_links_its_nominees(make_app: AppFactory) -> None:
    app = make_app(section="reception")
    async with app.run_test(size=(120, 40)) as pilot:
        await links_ready(pilot, app)
        pane = app.film_screen.query_one("#reception", ReadingPane)
        table = app.film_screen.query_one(AccoladesTable)
        stops = [stop for stop in pane.link_stops() if stop[0] is table]
        assert [table.links[number][1].target for _, number in stops[:3]] == [
            "nicolas-cage", "elisabeth-shue", "mike-figgis"]
        pane.set_current(stops[1])
        await pilot.press("enter")
        assert card_name(app) == "Elisabeth Shue"


async def test_closing_at_once_leaves_no_work_half_started(make_app: AppFactory,
                                                           recwarn: pytest.WarningsRecorder) -> None:
    """Quitting as the links start: the work after the first frame is never begun, and
    nothing is left to complain on stderr ("coroutine ... was never awaited")."""
    import gc

    app = make_app()
    async with app.run_test():
        await app.film_screen._after_first_frame()
        app.exit()
    gc.collect()
    assert not [w for w in recwarn if "never awaited" in str(w.message)]


async def test_a_text_changed_while_its_names_are_found_is_linked_as_it_is_now(
        film: Film) -> None:
    """The links thread reads a block's text when it starts; if the block is given other
    text meanwhile (as the timeline's details are), the links are found again for the new
    text, never for a mix of the two."""
    import threading

    from textual.app import App, ComposeResult
    from textual.content import Content

    from lvtui.film.walk import names
    from lvtui.text.mentions import Mentions
    from lvtui.ui.widgets.linked import Prose, link_all_in_background

    mentions = Mentions(names(film))

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield Prose([Content("Sera meets Ben.")])

    app = Host()
    async with app.run_test() as pilot:
        block = app.query_one(Prose)
        may_go = threading.Event()

        def names() -> Mentions:
            may_go.wait(10)  # the thread has read the old text; now it changes
            return mentions

        worker = link_all_in_background(block, [block], names)
        block.update([Content("Nobody here."), Content("Yuri Butsov and Sera.")])
        may_go.set()
        await worker.wait()
        await pilot.pause()
        assert worker.error is None
        linked = [(unit, block.units[unit].plain[m.start:m.end]) for unit, m in block.links]
        assert linked == [(1, "Yuri Butsov"), (1, "Sera")]


async def test_find_over_a_searched_cast_marks_what_it_found_not_the_search(
        make_app: AppFactory) -> None:
    app = make_app(section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"an", "enter")  # the search marks "an" in its rows
        table = app.film_screen.cast_pane.table
        assert table.highlight == "an"
        await pilot.press("ctrl+f", *"sera")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.highlight == "sera"  # the find's word, not the search's
        await pilot.press("escape")  # the bar closes: the search's marks come back
        assert table.highlight == "an" and app.film_screen.cast_pane.search_box.value == "an"


async def test_the_link_under_the_keyboard_is_always_in_sight(make_app: AppFactory) -> None:
    """Tab through the plot's links at 40x12, where a paragraph is taller than the view: the
    pane scrolls so that each link, drawn in reverse, is on screen, however far down its
    paragraph it is."""
    app = make_app(section="plot")
    async with app.run_test(size=(40, 12)) as pilot:
        await links_ready(pilot, app)
        pane = app.film_screen.query_one("#plot", ReadingPane)
        scrolled = False
        for _ in pane.link_stops():
            await pilot.press("tab")
            assert pane.current is not None
            drawn = [segment for line in screen_lines(app) for segment in line
                     if segment.style is not None and segment.style.reverse
                     and segment.style.bold and any(c.isalnum() for c in segment.text)]
            assert drawn, f"link {pane.current[1]} is out of sight"
            scrolled = scrolled or pane.scroll_y > 0
        assert scrolled  # the links went below the first screen
