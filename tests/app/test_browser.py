"""Pilot tests: every key and flow, asserted on what a person would see."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import ContentSwitcher, Input, Static

from helpers import (
    AppFactory,
    notifications,
    post_clicks,
    record_calls,
    screen_text,
    wait_for_palette,
)
from lvtui.film.model import Film
from lvtui.reading.cast import search_cast
from lvtui.reading.sections import SECTION_IDS, SECTIONS
from lvtui.shelf.settings import SettingsStore
from lvtui.ui.app import FilmApp
from lvtui.ui.screens.help import HelpScreen
from lvtui.ui.screens.person_card import PersonCard
from lvtui.ui.widgets.cast import CastPane
from lvtui.ui.widgets.cast_columns import CastHeader
from lvtui.ui.widgets.cast_table import CastTable
from lvtui.ui.widgets.fact_list import FactList
from lvtui.ui.widgets.linked import Prose
from lvtui.ui.widgets.reading import ReadingPane
from lvtui.ui.widgets.timeline import TimelineChart, TimelinePane


def visible_actors(app: FilmApp) -> list[str]:
    table = app.film_screen.cast_pane.table
    return [app.film_screen.cast[index].actor for index in table.rows]


def count_text(app: FilmApp) -> str:
    return str(app.film_screen.query_one("#cast-count", Static).render())


def card_text(app: FilmApp) -> str:
    assert isinstance(app.screen, PersonCard)
    return app.screen.query_one("#card-text", Prose).plain_text()


async def test_number_keys_switch_sections(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for number, section in enumerate(SECTION_IDS, start=1):
            await pilot.press(str(number))
            assert app.film_screen.query_one(ContentSwitcher).current == section
        await pilot.press("1")
        assert app.film_screen.section == "overview"


async def test_slash_search_enter_enter_opens_card(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "slash", *"shue")
        assert app.film_screen.section == "cast"
        assert visible_actors(app) == ["Elisabeth Shue"]
        assert count_text(app) == "1 of 28"
        await pilot.press("enter")
        assert isinstance(app.focused, CastTable)
        await pilot.press("enter")
        text = card_text(app)
        assert "Elisabeth Shue" in text and "6 October 1963" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, PersonCard)
        await pilot.press("q")
    assert app.return_code == 0


SEARCHES = [
    ("SHUE", ["Elisabeth Shue"]),
    ("sera", ["Elisabeth Shue"]),
    ("a. goor", ["Michael Goorjian"]),
    ("cabbie", ["Xander Berkeley", "Lou Rawls"]),
    ("mobster", ["Ed Lauter", "Mike Figgis"]),
    ("zzz", []),
]


async def test_search_narrows(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for query, expected in SEARCHES:  # one app, search after search, as a person would
            await pilot.press("slash", *query)
            assert visible_actors(app) == expected, query
            assert count_text(app) == f"{len(expected)} of 28"
            await pilot.press("escape")
            assert count_text(app) == "28 of 28"


async def test_search_ignores_accents(film_dict: dict[str, Any], make_app: AppFactory) -> None:
    film_dict["people"][0]["name"] = "Zoë Ångström"
    app = make_app(Film.model_validate(film_dict))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"zoe angs")
        assert visible_actors(app) == ["Zoë Ångström"]
        await pilot.press("escape")
        assert app.film_screen.cast_pane.search_box.value == ""
        app.film_screen.cast_pane.search_box.value = "ÅNG"  # as typed on a keyboard that has the letter
        await pilot.pause()
        assert visible_actors(app) == ["Zoë Ångström"]


async def test_escape_clears_search(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"lewis")
        assert len(app.film_screen.cast_pane.table.rows) == 1
        await pilot.press("escape")
        assert app.film_screen.cast_pane.search_box.value == ""
        assert count_text(app) == "28 of 28"


HOSTILE_SEARCHES = ["[", "[/]", "\\", "*", "(", "[b]x[/b]", "[@click=app.quit]x",
                    "Leaving Las Vegas is a 1995 American drama film. " * 5]


async def test_hostile_search_text_is_just_text(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for hostile in HOSTILE_SEARCHES:
            await pilot.press("slash")
            app.post_message(events.Paste(hostile))  # as a terminal delivers a paste
            await pilot.pause()
            assert app.film_screen.cast_pane.search_box.value == hostile
            # Words in it are words ("[b]x[/b]" looks for b and x); the rest is just text.
            assert visible_actors(app) == [app.film_screen.cast[i].actor for i in search_cast(app.film_screen.cast,
                                                                                  hostile)]
            assert app.is_running
            await pilot.press("escape")


async def test_markup_in_names_is_shown_literally(film_dict: dict[str, Any],
                                                  make_app: AppFactory) -> None:
    film_dict["people"][0]["name"] = "[b]x[/b] [@click=app.quit]y[/]"
    app = make_app(Film.model_validate(film_dict))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        line = app.film_screen.cast_pane.table.render_line(0).text
        assert "[b]x[/b] [@click=app.quit]y[/]"[:20] in line
        await pilot.click(CastTable, offset=(6, 0))  # on the focused cursor row: opens the card
        assert app.is_running
        assert "[b]x[/b] [@click=app.quit]y[/]" in card_text(app)


async def test_figgis_card_lists_every_appearance(make_app: AppFactory) -> None:
    app = make_app(search="figgis")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        text = card_text(app)
        for expected in ("Director", "Screenplay", "Original music",
                         "#20: Mobster #1", "Quoted twice in “Filming”",
                         "Best Director: nominated", "28 February 1948",
                         "Performs on the soundtrack album"):
            assert expected in text
        assert "Also called" not in text  # "Figgis" alone is his name's last word, not another
        # Headed by what he did on the film, then the part he played.
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[1:3] == ["Director, Screenplay, Original music", "as Mobster #1"]


async def test_enter_moves_to_first_result_and_keys_move(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"cabbie", "enter")
        table = app.film_screen.cast_pane.table
        assert app.focused is table and table.cursor == 0
        await pilot.press("j")
        assert table.current_index == 27
        await pilot.press("k")
        assert table.current_index == 26
        await pilot.press("escape", "G")
        assert table.current_index == 27
        await pilot.press("g")
        assert table.current_index == 0


async def test_help_lists_keys_of_focused_pane_and_app(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = {(row[1], row[2]) for row in app.screen.rows}
        assert ("Open this person's card", "Cast table") in keys
        assert ("Search the cast", "Everywhere") in keys
        assert ("Show the timeline section", "Everywhere") in keys
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_palette_jumps_to_section_and_opens_card(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # Before a word is typed, the palette lists commands by name (Textual sorts them):
        # numbered, the sections come in their order.
        titles = [command.title for command in app.get_system_commands(app.screen)
                  if command.title.startswith("Go to ")]
        assert sorted(titles) == titles
        assert [title.split(" · ")[1] for title in titles] == list(SECTIONS.values())
        await pilot.press("ctrl+p", *"go to timeline")
        await wait_for_palette(pilot, "Go to 5 · Timeline")
        await pilot.press("enter")
        await pilot.pause()
        assert app.film_screen.section == "timeline"
        await pilot.press("ctrl+p", *"shue")
        await wait_for_palette(pilot, "Card: Elisabeth Shue")
        await pilot.press("enter")
        await pilot.pause()
        assert "Elisabeth Shue" in card_text(app)


@pytest.mark.parametrize("section", SECTION_IDS)
async def test_section_deep_link(make_app: AppFactory, section: str) -> None:
    app = make_app(section=section)
    async with app.run_test(size=(120, 40)):
        assert app.film_screen.section == section


async def test_find_deep_link_shows_one_row(make_app: AppFactory,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    searched = record_calls(monkeypatch, CastPane, "apply_search")
    app = make_app(search="shue")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.film_screen.section == "cast"
        assert visible_actors(app) == ["Elisabeth Shue"]
        assert searched == ["shue"]  # searched once, by the one path a key takes


async def test_theme_and_section_remembered(make_app: AppFactory, settings_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        app.theme = "nord"
        await pilot.pause()
    assert json.loads(settings_path.read_text()) == {"theme": "nord", "section": "reception"}
    again = make_app()
    async with again.run_test(size=(120, 40)):
        assert again.theme == "nord"
        assert again.film_screen.section == "reception"


@pytest.mark.parametrize("content", [b"{not json", b'["list"]', b'{"theme": 5}', b"\xff\xfe"])
async def test_corrupt_settings_warn_and_are_kept(
    make_app: AppFactory, settings_path: Path, content: bytes
) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_bytes(content)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        assert any("corrupt" in message for message in notifications(app))
        await pilot.press("4")
        assert app.film_screen.section == "production"
    assert (settings_path.parent / "settings.json.corrupt-1").read_bytes() == content
    assert json.loads(settings_path.read_text())["section"] == "production"


async def test_timeline_selection_shows_detail(make_app: AppFactory,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    shown = record_calls(monkeypatch, TimelinePane, "_show_detail")
    app = make_app(section="timeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert shown == [0]  # the first event's details, drawn once
        detail = app.film_screen.query_one("#timeline-detail-text", Prose)

        async def whole_and_no_more() -> None:
            """The details take exactly the lines their text needs: none cut, none blank."""
            await pilot.pause()
            lines = detail.render().wrap(detail.content_size.width)
            assert detail.size.height == len(lines) and lines[-1].plain.strip()

        assert "known to the year" in detail.plain_text()
        await whole_and_no_more()
        await pilot.press("down")
        assert "April 1994 (known to the month)" in detail.plain_text()
        assert app.film_screen.query_one(TimelineChart).selected == 1
        await whole_and_no_more()
        await pilot.press("G")
        assert "1 January 1998\n" in detail.plain_text() and "known to the day" not in \
            detail.plain_text()  # to the day is what a date is: said only where it is not
        await whole_and_no_more()
        undated = str(app.film_screen.query_one("#timeline-undated", Static).render())
        assert "Blu-ray" in undated and "LaserDisc" in undated


@pytest.mark.parametrize("size", [(80, 24), (40, 12), (20, 6), (120, 40)])
async def test_layout_adapts(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.has_class("-narrow") == (size[0] < 70)
        assert app.has_class("-too-small") == (size[0] < 30 or size[1] < 8)
        assert app.film_screen.query_one("#too-small").display == app.has_class("-too-small")


async def test_resize_never_crashes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for number, size in enumerate([(1, 1), (250, 80), (40, 12), (10, 3), (80, 24)]):
            await pilot.press(str(number % 7 + 1))
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert app.is_running
        assert app.has_class("-narrow") is False


async def test_slash_focuses_the_search_box(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)


async def test_keys_typed_in_one_burst_after_slash_reach_the_search(make_app: AppFactory) -> None:
    # A terminal delivers "/shue" typed quickly as one read: every key is queued before the
    # first one is handled, so the search box must have focus as soon as "/" is handled.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key, character in [("slash", "/"), *[(c, c) for c in "shue"]]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert app.film_screen.cast_pane.search_box.value == "shue"
        assert visible_actors(app) == ["Elisabeth Shue"]


async def test_slash_inside_the_search_box_is_typed(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", "a", "slash", "b")
        assert app.film_screen.cast_pane.search_box.value == "a/b"


async def test_fast_double_clicks_on_two_rows_open_one_card(make_app: AppFactory) -> None:
    app = make_app(section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.film_screen.cast_pane.table.region
        # All queued before the first card is on screen.
        post_clicks(app, [(table.x + 5, table.y + row) for row in (0, 0, 1, 1)])
        await pilot.pause()
        assert isinstance(app.screen, PersonCard)
        assert len(app.screen_stack) == 2


async def test_a_paste_into_the_search_is_cleaned_to_one_line(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        app.post_message(events.Paste("\x1b]52;c;cGFzdGU=\x07sh\u202eue\x9b6n\nsecond line"))
        await pilot.pause()
        assert app.film_screen.cast_pane.search_box.value == "shue"
        assert visible_actors(app) == ["Elisabeth Shue"]


async def test_find_option_is_cleaned(make_app: AppFactory) -> None:
    app = make_app(search="\x1b[31msh\x00ue")
    async with app.run_test(size=(120, 40)):
        assert app.film_screen.cast_pane.search_box.value == "shue"
        assert visible_actors(app) == ["Elisabeth Shue"]


async def test_a_read_only_config_directory_only_costs_a_warning(
    make_app: AppFactory, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from lvtui.system import files as files_module

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files_module.tempfile, "mkstemp", read_only)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("4")
        assert app.film_screen.section == "production"
        assert notifications(app) == [
            "Could not save settings ([Errno 30] Read-only file system)."]
        await pilot.press("5")
        assert app.film_screen.section == "timeline" and app.is_running
    assert not settings_path.exists()


async def test_a_burst_typed_before_the_first_frame_reaches_the_search(film: Film,
                                                                       settings_path: Path) -> None:
    # Typed as the program starts, "/lewis" arrives with the first frame: "/" has to wait
    # until the cast pane is composed and whole, and the letters behind it too.
    class EagerTypist(FilmApp):
        def on_mount(self) -> None:
            self.call_after_refresh(self.type_ahead)

        def type_ahead(self) -> None:
            for key, character in [("slash", "/"), *[(c, c) for c in "lewis"]]:
                self.post_message(events.Key(key, character))

    app = EagerTypist(film, settings=SettingsStore(settings_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.film_screen.cast_pane.search_box.value == "lewis"
        assert visible_actors(app) == ["Richard Lewis"]


@pytest.mark.parametrize(("typed", "title", "expected"), [
    ("ebert", "Person", ["Roger Ebert", "Reception", "Reviewed the film for Chicago Sun-Times; "
                         "a passage is quoted", "Listed the film: Best of the decade, number 8"]),
    ("sting", "Person", ["Sting", "Soundtrack & home media", "Performs on the soundtrack album"]),
    ("o'brien", "Person", ["John O'Brien", "April 1994", "Author of the novel"]),
    ("variety", "Organisation", ["Variety", "Ran Leonard Klady's review"]),
    ("card variety", "Organisation", ["Variety"]),  # the words the palette shows it by
    ("mgm home", "Organisation", ["MGM's home video arm", "Released the Video cassette",
                                  "Released the DVD (United States, Canada)"]),
])
async def test_the_palette_opens_anyones_card(make_app: AppFactory, typed: str, title: str,
                                              expected: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *typed)
        await wait_for_palette(pilot, "Card: ")
        await pilot.press("enter")
        assert isinstance(app.screen, PersonCard)
        assert app.screen.query_one("#sheet-body").border_title == title
        text = " ".join(card_text(app).split())
        for words in expected:
            assert words in text, words


async def test_s_sorts_the_cast_by_each_column_keeping_the_search_and_the_member(
        make_app: AppFactory) -> None:
    app = make_app(section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"bar", "enter", "down")  # on the second match
        table = app.film_screen.cast_pane.table
        member = table.current_index
        await pilot.press("s")  # by actor: by surname, as people look names up
        actors = visible_actors(app)
        assert actors == ["Graham Beckel", "Mariska Hargitay", "Albert Henderson",
                          "Danny Huston", "Julian Lennon"]
        assert table.current_index == member
        assert "Actor ▲" in screen_text(app)
        await pilot.press("s")  # by role
        roles = [app.film_screen.cast[i].role for i in table.rows]
        assert roles == ["Bartender #2", "Bartender #3 in Biker Bar", "Hooker at Bar",
                         "L.A. Bartender", "Man at Strip Bar"]
        await pilot.press("s", "s")  # by credited name (none here), then billing again
        assert list(table.rows) == sorted(table.rows)
        assert "▲" not in screen_text(app)


async def test_a_click_on_a_column_title_sorts_by_it_and_a_second_click_unsorts(
        make_app: AppFactory) -> None:
    app = make_app(section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        header = app.film_screen.query_one(CastHeader)
        role_x = header.render().plain.index("Role")
        await pilot.click(CastHeader, offset=(role_x + 1, 0))
        roles = [app.film_screen.cast[i].role for i in app.film_screen.cast_pane.table.rows]
        assert roles == sorted(roles, key=str.casefold)
        await pilot.click(CastHeader, offset=(role_x + 1, 0))
        assert list(app.film_screen.cast_pane.table.rows) == list(range(28))


async def test_y_copies_what_is_focused_as_plain_text(make_app: AppFactory) -> None:
    app = make_app(section="cast")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "y")  # a cast row, as `lvtui cast` prints it
        assert app.clipboard == "Elisabeth Shue\tSera"
        await pilot.press("enter", "y")  # the card: all of it
        assert app.clipboard.startswith("Elisabeth Shue\nas Sera\n")
        assert "• Cast #2" not in app.clipboard and "• #2: Sera" in app.clipboard
        await pilot.press("escape", "2", "y")  # the plot: the paragraph at the top
        assert app.clipboard.startswith("Ben Sanderson is an alcoholic Hollywood screenwriter")
        await pilot.press("4", "G", "y")  # scrolled to the end: the top paragraph in view
        assert app.clipboard != "" and app.film.production.notes[0].passages[0].text \
            not in app.clipboard
        # A table of facts is copied as "label: value" lines.
        await pilot.press("1")
        assert app.film_screen.query_one("#overview").query(FactList).first().plain_text().startswith(
            "Genres: Drama, Romantic drama")
        await pilot.press("5", "y")  # a timeline event, spelled out
        assert app.clipboard.startswith("1990: Novel “Leaving Las Vegas” published\n")
        await pilot.press("tab", "y")  # its details
        assert app.clipboard.startswith("Novel “Leaving Las Vegas” published\n1990 (known")


async def test_back_and_forward_walk_ten_steps_and_restore_where_you_were(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "G")  # the plot, scrolled to its end
        await pilot.press("3", "j", "j", "j")  # the cast, on the fourth member
        await pilot.press("enter")  # Richard Lewis's card
        await pilot.press("escape")  # back to the list
        await pilot.press("4", "6", "ctrl+p", *"ebert")
        await wait_for_palette(pilot, "Card: Roger Ebert")
        await pilot.press("enter")  # Roger Ebert's card, over the reception
        assert isinstance(app.screen, PersonCard) and app.screen.shown_name == "Roger Ebert"
        await pilot.press("alt+left")  # the reception
        assert app.screen is app.screen_stack[0] and app.film_screen.section == "reception"
        await pilot.press("alt+left", "alt+left")  # production, then the cast list
        assert app.film_screen.section == "cast" and app.film_screen.cast[app.film_screen.cast_pane.table.current_index].actor \
            == "Richard Lewis"
        assert app.focused is app.film_screen.cast_pane.table
        await pilot.press("alt+left")  # the plot, scrolled as it was
        assert app.film_screen.section == "plot"
        await pilot.pause()
        plot = app.film_screen.query_one("#plot", ReadingPane)
        assert plot.scroll_y == plot.max_scroll_y
        await pilot.press("alt+left", "alt+left")  # the overview; then nowhere further
        assert app.film_screen.section == "overview"
        for step in ("plot", "cast", "production", "reception"):
            await pilot.press("alt+right")
            assert app.film_screen.section == step
        await pilot.press("alt+right")  # Ebert's card again
        assert isinstance(app.screen, PersonCard) and app.screen.shown_name == "Roger Ebert"
        await pilot.press("backspace")  # as alt+left, outside a text box
        assert app.screen is app.screen_stack[0] and app.film_screen.section == "reception"
        await pilot.press("slash", *"abc", "backspace")  # in the search box it deletes
        assert app.film_screen.cast_pane.search_box.value == "ab" and app.film_screen.section == "cast"


async def test_start_up_builds_the_section_shown_and_each_other_when_first_shown(
        make_app: AppFactory) -> None:
    """Start-up pays for one pane; a section is built when first shown; find builds the
    rest, since it reads every text."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.film_screen._after_first_frame()
        await app.workers.wait_for_complete()
        await pilot.pause()

        def built() -> list[str | None]:
            return [pane.id for pane in app.film_screen.query_one(ContentSwitcher).children]

        assert built() == ["overview"]
        await pilot.press("5")
        assert built() == ["overview", "timeline"] and app.film_screen.section == "timeline"
        await pilot.press("1", "5")  # once built, shown again as it was
        assert built() == ["overview", "timeline"]
        await pilot.press("ctrl+f", *"sera")
        assert sorted(built()) == sorted(SECTION_IDS)  # type: ignore[type-var]
        assert "plot" in str(app.film_screen.query_one("#find-count").render())


async def test_a_section_still_being_built_as_the_app_quits_is_not_shown(
        make_app: AppFactory) -> None:
    """A section asked for, then the app quit before its pane is made ("7q" in one burst):
    the pane is not shown on the closing screen, and nothing fails. (It did: the pane was
    looked for after the screen was taken down, NoMatches.)"""
    app = make_app()
    async with app.run_test(size=(120, 40)):
        app.film_screen.show_section("soundtrack")  # not made yet: shown once it is
        app.exit()
    # run_test raises the app's error as it closes; Textual also sets the code to 1.
    assert app.return_code == 0


async def test_the_cast_search_and_the_palette_find_people_by_every_name(
        make_app: AppFactory) -> None:
    """"coppola" finds Nicolas Cage, born Nicolas Kim Coppola; "milton" French Stewart."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"coppola")
        assert visible_actors(app) == ["Nicolas Cage", "Marc Coppola"]
        await pilot.press("escape", "escape", "slash", *"milton")
        assert visible_actors(app) == ["French Stewart"]
        await pilot.press("escape", "escape", "ctrl+p", *"coppola")
        await wait_for_palette(pilot, "Card: Nicolas Cage")
        await pilot.press("enter")
        assert isinstance(app.screen, PersonCard) and app.screen.shown_name == "Nicolas Cage"


async def test_a_card_lists_where_the_text_names_them_each_a_link_there(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"shue", "enter", "enter")
        text = card_text(app)
        assert "Mentioned in the film's text" in text
        assert "• …Strip; he nearly hits a woman, Sera, on the crosswalk. She chastises…" in text
        assert "• …with a heart of gold. Cage and Shue make these cliches into…" in text
        card = app.screen.query_one("#card-text", Prose)
        row = card.texts.index("• Sera is a prostitute working for…")
        link = next(number for number, (unit, mention) in enumerate(card.links)
                    if unit == row and mention.section == "plot")
        card.action_follow(link)
        await pilot.pause()
        assert app.film_screen.section == "plot" and not isinstance(app.screen, PersonCard)


async def test_the_palette_offers_no_command_that_fails_or_cannot_be_closed(
        make_app: AppFactory) -> None:
    """Textual's "Keys" opens a panel escape does not close (? is lvtui's help) and its
    "Screenshot" fails with no word where there is no ~/Downloads: neither is offered."""
    app = make_app()
    async with app.run_test(size=(120, 40)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Keys" not in titles and "Screenshot" not in titles
        assert {"Theme", "Quit", "Go to 1 · Overview"} <= set(titles)
