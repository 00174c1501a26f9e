"""The specimen: one screen with every pane of lvtui at once, each in the state that brings
colours of its own, for checking a theme in one look (tests/app/test_contrast.py).

The panes are lvtui's own, built as the app builds them; the states are set through the
same methods the keys use: the plot's keyboard on a link and find marks on its text, the
cast list searched with its cursor on a row, the timeline's list on an event, the find bar
open with its count and its words selected, a section with nothing to show, the shelf of
films with the one you are in marked and one that cannot be opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Grid
from textual.screen import Screen

from lvtui.reading.sections import SECTIONS
from lvtui.shelf.library import Shelved
from lvtui.ui.find.bar import FindBar
from lvtui.ui.screens.shelf import ShelfBox
from lvtui.ui.widgets.cast import CastPane
from lvtui.ui.widgets.film_panes import make_pane
from lvtui.ui.widgets.footer import KeyFooter
from lvtui.ui.widgets.linked import Linked
from lvtui.ui.widgets.reading import ReadingPane
from lvtui.ui.widgets.section_list import SectionList
from lvtui.ui.widgets.text_panes import NothingPane
from lvtui.ui.widgets.timeline import EventList
from lvtui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from lvtui.ui.app import FilmApp

# Four panes a row, two rows, each about the size a 120x40 terminal gives a section.
SPECIMEN_SIZE = (280, 60)
SHELF = [Shelved(Path("here.json"), "Leaving Las Vegas", 1995, "Mike Figgis"),
         Shelved(Path("other.json"), "Delicatessen", 1991, "Jean-Pierre Jeunet"),
         Shelved(Path("broken.json"), problem="year: must be a whole number")]


class Specimen(Screen[None]):
    CSS: ClassVar[str] = """
    Specimen > #specimen-grid { grid-size: 4 2; height: 1fr; }
    Specimen > #specimen-grid > * { height: 1fr; }
    Specimen > FindBar { display: block; }
    """

    def compose(self) -> ComposeResult:
        app: FilmApp = self.app  # type: ignore[assignment]
        yield TitleBar()
        with Grid(id="specimen-grid"):
            yield SectionList(id="sections")
            for section in SECTIONS:
                yield make_pane(app.film, section, lambda: app.film_screen.cast)
        yield NothingPane("cast", id="nothing")
        yield ShelfBox(SHELF, SHELF[0].path)
        yield FindBar(id="find-bar")
        yield KeyFooter()

    async def set_states(self, pilot: Any) -> None:
        """The states that bring colours of their own, set as the keys set them."""
        app: FilmApp = self.app  # type: ignore[assignment]
        for block in self.query(Linked):
            block.set_mentions(app.film_screen.mentions)
        await pilot.pause()
        plot = self.query_one("#plot", ReadingPane)
        plot.set_current(plot.link_stops()[1])  # the keyboard on a link
        query = "sera"
        for block in plot.query(Linked):
            rows = [row for row, text in enumerate(block.find_texts())
                    if query in text.lower()]
            block.mark_found(query, rows, rows[0] if rows else None)
        cast = self.query_one(CastPane)
        cast.search_box.value = "an"
        cast.apply_search("an")
        self.set_focus(cast.table)
        cast.table.cursor = 2
        events = self.query_one(EventList)
        events.highlighted = 3
        bar = self.query_one(FindBar)
        bar.box.value = query
        bar.say("1 of 9 · plot 3 · production 2")
        bar.box.select_all()  # as a second ctrl+f leaves it: the words found, selected
        await pilot.pause()
