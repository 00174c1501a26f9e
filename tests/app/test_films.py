"""Every valid film shown cleanly: the example films through every section and a card.

A section with nothing in the film file says so in one line; no empty heading, no "0–0"
timeline, no "()", no "None". Widths are cells: a CJK figure is drawn whole.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import FILMS, AppFactory, each_section, pause_until, screen_text
from lvtui.film.loading import load_film
from lvtui.film.model import Film
from lvtui.ui.screens.person_card import PersonCard
from lvtui.ui.widgets.fact_list import FactList

NEVER = ("None", "()", "0–0", "Timeline 0", " 0 of 0")

# What each film must show, section by section: 80 columns wide, and tall enough that each
# section shows whole (the snapshots and the keys tests cover the usual heights).
EXPECTED = {
    "minimal": {"overview": ["Untitled (2001)"], "plot": ["This film file has no plot."],
                "cast": ["This film file has no cast."],
                "production": ["This film file has no production notes."],
                "timeline": ["This film file has no dated events."],
                "reception": ["This film file has no reception or accolades."],
                "soundtrack": ["This film file has no soundtrack or home media."]},
    "rich": {"overview": ["Стеклянная гавань", "Countries", "France, Belgium, Canada",
                          "Camille Arnaud and Pavel Rudenko", "Budget", "€4.5 million"],
             "cast": ["320 of 320", "Léa Moreau"], "timeline": ["Premiere", "2019"],
             "reception": ["€9.1 million", "$2.3 million", "Letterboxd", "3.9/5"],
             "soundtrack": ["Sillage Records", "not on the album"]},
    "cjk-rtl": {"overview": ["東京の夜明け (2004)", "¥310 million", "黒澤 愛子"],
                "cast": ["김지우", "נועה לוי", "ليلى حداد", "Ami 🎬🥃 Tanaka"],
                "timeline": ["20 March 2004"]},
    "schema-1": {"overview": ["Leaving Las Vegas (1995)", "Mike Figgis"],
                 "production": ["Shot on Super 16 mm instead of 35 mm."]},
}


@pytest.mark.parametrize("name", list(EXPECTED))
async def test_every_section_and_a_card_read_cleanly(make_app: AppFactory, name: str) -> None:
    film = load_film(FILMS / f"{name}.json")
    app = make_app(film)
    async with app.run_test(size=(80, 150)) as pilot:
        async for section, text in each_section(pilot):
            for never in NEVER:
                assert never not in text, f"{never!r} in {name}'s {section}"
            for expected in EXPECTED[name].get(section, []):
                assert expected in text, f"{expected!r} not in {name}'s {section}"
        if film.cast:
            await pilot.press("3", "enter")
            assert isinstance(app.screen, PersonCard)
            assert app.screen.shown_name in screen_text(app)
        else:
            await pilot.press("3", "slash")  # nothing to search: "/" does nothing
            assert app.screen is app.screen_stack[0] and app.film_screen.section == "cast"


async def test_every_fact_of_the_shipped_film_is_shown_once(make_app: AppFactory,
                                                           film: Film) -> None:
    """A review with both a verdict and a quote shows both; the categories are shown; the
    overview summarises the accolades the reception lists. One walk through the sections."""
    app = make_app()
    async with app.run_test(size=(100, 200)) as pilot:
        texts = {section: text async for section, text in each_section(pilot)}
    overview, reception = texts["overview"], texts["reception"]
    assert "Roger Ebert (Chicago Sun-Times) gave the film high marks:" in reception
    assert "unforgettable" in reception
    assert "Rick Groen (The Globe and Mail) gave the film high marks." in reception
    assert "In Metacritic's words: “universal acclaim”." in reception
    assert "verdict" not in reception
    assert "Films about alcoholism" in overview and "1990s American films" in overview
    assert "★ Won" in overview and "Academy Awards · Best Actor · Nicolas Cage" in overview
    assert "Nominated" not in overview and "Best Actress" not in overview
    assert "Won 3 of its 7 nominations; the list is under Reception (6)." in overview
    note = film.accolade_notes[0]
    assert note[:40] not in overview and note[:40] in reception
    assert "Best Actress" in reception and "Nominated" in reception


async def test_scores_and_money_are_two_charts(make_app: AppFactory) -> None:
    from lvtui.ui.widgets.gauge import Gauges

    app = make_app()
    async with app.run_test(size=(120, 40)):
        charts = list(app.film_screen.query_one("#overview").query(Gauges))
        assert [[bar.label for bar in chart.bars] for chart in charts] == [
            ["Rotten Tomatoes", "Metacritic"], ["Box office", "Marketing spend"]]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_crew_list_never_breaks_a_name_across_lines(make_app: AppFactory,
                                                            size: tuple[int, int]) -> None:
    """Fight Club's 175 crew: beside "Assistant Production Coordinator", a column of names
    too narrow for "Julie M. Anderson" reads as two people; the job goes above instead.
    (A list of names still wraps where a line ends.)"""
    film = load_film(FILMS / "fight-club.json")
    app = make_app(film, section="production")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        broken = []
        for block in app.film_screen.query(FactList):
            lines = block.lay_out_units(block.units, block.content_size.width).plain
            for value in block.texts:
                names = re.split(r", (?:and )?| and ", value)
                if len(names) == 1 and not any(value in line for line in lines.splitlines()):
                    broken.append(value)
        assert not broken, broken


async def test_who_wrote_the_story_alone_is_not_said_to_have_written_the_film(
        make_app: AppFactory) -> None:
    """Rock Crystal's screenplay is Klaus Richter's; Adalbert Stifter wrote the 1845 novella
    (TMDB's "Story"). The overview says so, not "Written by Klaus Richter and Adalbert
    Stifter"."""
    app = make_app(load_film(FILMS / "rock-crystal.json"))
    async with app.run_test(size=(120, 40)):
        lines = [" ".join(line.split()) for line in screen_text(app).splitlines()]
    assert any(line.endswith("Written by Klaus Richter") for line in lines), lines
    assert any(line.endswith("Story by Adalbert Stifter") for line in lines), lines


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_long_timeline_leaves_its_list_room_and_keeps_the_chosen_event_in_sight(
        make_app: AppFactory, size: tuple[int, int]) -> None:
    """Fight Club's 68 events: the chart once took the whole pane, the list under it had no
    height, and page down there crashed the app (Textual's OptionList, KeyError: 0)."""
    from lvtui.ui.widgets.timeline import EventList, TimelineChart

    app = make_app(load_film(FILMS / "fight-club.json"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("5", "pagedown", "pagedown")
        assert app.is_running
        pane = app.film_screen.query_one("#timeline")
        events = pane.query_one(EventList)
        assert events.size.height >= pane.size.height // 3
        await pilot.press("G")  # the last event
        from lvtui.ui.widgets.timeline import ChartBox

        box = pane.query_one(ChartBox)
        assert events.highlighted == len(events.events) - 1 > box.size.height
        assert pane.query_one(TimelineChart).selected == events.highlighted
        assert box.scroll_y <= events.highlighted < box.scroll_y + box.size.height


@pytest.mark.parametrize("name", ["shipped", "rich", "cjk-rtl"])
async def test_every_text_the_films_walk_holds_is_shown_and_found_in_its_section(
        make_app: AppFactory, film: Film, name: str) -> None:
    """The walk of a film's texts (what cards say a record is mentioned in) and the panes
    (what find reads) agree: each paragraph the walk gives a section is shown there."""
    from lvtui.film.walk import texts

    film = film if name == "shipped" else load_film(FILMS / f"{name}.json")
    walked = list(texts(film))
    assert len({section for section, _ in walked}) >= 3
    app = make_app(film)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f")
        bar = app.film_screen.find_bar
        await pause_until(pilot, lambda: bar.film_find.index is not None, "the find's index")
        index = bar.index()
        shown: dict[str, list[str]] = {}
        for unit, section in enumerate(index.sections):
            shown.setdefault(section, []).append(" ".join(index.text(unit).split()))
        for section, text in walked:
            flat = " ".join(text.split())
            assert any(flat in unit for unit in shown.get(section, [])), \
                f"{flat[:60]!r} is not shown in {section}"


async def test_a_remembered_section_the_film_has_nothing_for_opens_the_overview(
        make_app: AppFactory, settings_path: Path) -> None:
    """Fight Club from TMDB has no plot: the plot read last time is not where it opens
    (asked for, it is: --section plot)."""
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text('{"section": "plot"}')
    film = load_film(FILMS / "fight-club.json")
    app = make_app(film)
    async with app.run_test(size=(120, 40)):
        assert app.film_screen.section == "overview"
    asked = make_app(film, section="plot")
    async with asked.run_test(size=(120, 40)):
        assert asked.film_screen.section == "plot"
    shipped = make_app()  # which has a plot: opens on it, as it was left
    async with shipped.run_test(size=(120, 40)):
        assert shipped.film_screen.section == "plot"


async def test_a_timeline_of_one_year_names_the_year_once(make_app: AppFactory) -> None:
    app = make_app(load_film(FILMS / "rock-crystal.json"), section="timeline")
    async with app.run_test(size=(120, 40)):
        text = screen_text(app)
        assert "Timeline 2004   ·" in text and "2004–2004" not in text
