"""The find (ctrl+f), as the film's screen composes it: a bar under the sections, as in a web
browser, with a box and what it found. It takes the keys, searches as they are typed, marks
the matches and steps to each; it asks the screen it is in for the rest through FindHost
(its panes, its section, showing a section, remembering a visit). What was found is kept in
a FilmFind (lvtui.ui.find.finder), which needs no App.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from lvtui.reading.sections import SECTIONS
from lvtui.text.folding import Narrowing
from lvtui.ui.find.finder import FilmFind
from lvtui.ui.widgets.boxes import LineBox
from lvtui.ui.widgets.cast import CastPane
from lvtui.ui.widgets.film_panes import when_laid_out
from lvtui.ui.widgets.linked import Findable

if TYPE_CHECKING:
    from lvtui.reading.finding import FindIndex
    from lvtui.ui.widgets.film_panes import FilmPanes


class FindHost(Protocol):
    """What the find asks of the film's screen it is in."""

    @property
    def panes(self) -> FilmPanes:
        """The sections' panes, where the text is shown."""

    @property
    def section(self) -> str:
        """The section shown now."""

    async def compose_panes(self, sections: Iterable[str]) -> bool:
        """Make the panes of *sections* not made yet; False when the app closed meanwhile."""

    def show_section(self, section: str, *, focus: bool = True, search: bool = False) -> None:
        """Show *section*, its first widget focused with *focus*."""

    def visit(self) -> None:
        """The reader is about to go somewhere new: back comes here."""


class FindBox(LineBox):
    """Enter goes to the next match, shift+enter (or F3, shift+F3) to the one before;
    escape closes the bar."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,f3", "step(1)", "Next match", tooltip="Go to the next match"),
        Binding("shift+enter,shift+f3", "step(-1)", "Previous", tooltip="The match before"),
        Binding("escape", "close", "Close", tooltip="Close the find bar, clearing the marks"),
    ]

    class Step(Message):
        """Go to the next match (step 1) or the one before (-1)."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Close(Message):
        """Close the bar."""

    def early_key(self, event: events.Key) -> bool:
        if super().early_key(event):
            return True
        if event.key == "escape":
            # The box lets go of the focus now: the rest of a burst ("ben␛3") is not typed
            # here. The screen closes the bar and gives the focus back to the section.
            self.action_close()
            self.screen.set_focus(None)
            return True
        return False

    def action_step(self, step: int) -> None:
        self.post_message(self.Step(step))

    def action_close(self) -> None:
        self.post_message(self.Close())


class FindBar(Horizontal):
    """The find: open it, type, step through the matches (enter, n), close it (escape)."""

    DEFAULT_CSS = """
    FindBar {
        height: 1;
        display: none;
        background: $panel;
        &.-open { display: block; }
        & > #find-label { width: auto; padding: 0 1; text-style: bold; color: $text; }
        /* Fixed widths: the count changes with every key and never moves anything. */
        & > FindBox { width: 22; max-width: 45%; height: 1; border: none; padding: 0 1;
                      background: $surface; }
        & > FindBox:focus { border: none; }
        & > #find-count { width: 1fr; padding: 0 1; color: $text;
                          text-wrap: nowrap; text-overflow: ellipsis; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content("Find"), id="find-label")
        yield FindBox(placeholder="words anywhere in the film", id="find-box")
        yield Static(Content(""), id="find-count")

    @property
    def box(self) -> FindBox:
        return self.query_one(FindBox)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.film_find = FilmFind()
        self.said = ""  # what the bar says, whole; drawn as much of it as fits

    def on_mount(self) -> None:
        self.watch(self.box, "value", self.find_as_typed, init=False)

    @property
    def host(self) -> FindHost:
        return cast(FindHost, self.screen)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def say(self, text: str) -> None:
        """Say what was found: as many of its parts (" · plot 3") as fit whole, then "…"."""
        self.said = text
        count = self.query_one("#find-count", Static)
        count.update(Content(_fit(text, count.content_region.width)), layout=False)

    def on_resize(self) -> None:
        self.say(self.said)

    def index(self) -> FindIndex:
        """Every text of every section and the cast: made once the panes are whole."""
        if self.film_find.index is None:
            panes = self.host.panes
            # The cast pane's own search has folded the names already: they are shared.
            cast_pane = _cast_pane(panes)
            self.film_find.build(_findables(panes), Narrowing(cast_pane.folded_names)
                                 if cast_pane is not None else Narrowing(list))
        assert self.film_find.index is not None
        return self.film_find.index

    async def open(self) -> None:
        """Open the bar, the focus in it (ctrl+f, from anywhere, as in a browser)."""
        self.add_class("-open")
        # Synchronously: the rest of a burst ("^fklady⏎") must find the box focused.
        self.screen.set_focus(self.box)
        self.box.select_all()
        if not await self.host.compose_panes(SECTIONS):
            return
        if self.film_find.index is None:
            # In a thread, as the links: a key typed meanwhile waits only if it needs them.
            self.run_worker(self.index().prepare, thread=True, name="fold the film's text")
        self.find_as_typed(self.box.value)

    def find_as_typed(self, text: str) -> None:
        """Find *text* as it is typed: count the matches and mark them all."""
        if self.film_find.index is None:
            return  # the index comes with the panes; opening the bar waits for it
        if self.film_find.search(text):
            self.screen.refresh_bindings()  # n and N come or go; not on every key
        self._mark(None)

    def _mark(self, query: str | None) -> None:
        """Mark every match of the find (with *query* "", none) and say what was found."""
        self.film_find.mark(query)
        cast_pane = _cast_pane(self.host.panes)
        if cast_pane is not None:
            cast_pane.mark_found(self.film_find.query if query is None else query)
        self.say(self.film_find.words())

    @on(FindBox.Step)
    def _box_step(self, event: FindBox.Step) -> None:
        self.step(event.step)

    @on(FindBox.Close)
    def close(self) -> None:
        """Close the bar and clear the marks; n and N still go on from the match shown."""
        self.remove_class("-open")
        self._mark("")
        self.host.show_section(self.host.section)  # the focus goes back to the section

    def step(self, step: int) -> None:
        """Show the next match (the one before, with step -1): its section, scrolled to it,
        marked. Each is a visit: alt+left comes back."""
        if not self.film_find.found:
            self.app.bell()
            return
        host = self.host
        hit = self.film_find.step(step, host.section)
        host.visit()
        host.show_section(hit.section, focus=not self.is_open)
        self._mark(None)
        cast_pane = _cast_pane(host.panes)
        if hit.member is not None and cast_pane is not None:
            cast_pane.reveal_member(hit.member)
        elif (shown := self.film_find.shown_at(hit)) is not None:
            widget, row = shown
            # Once the section is laid out, where the match is drawn is known.
            assert isinstance(widget, Widget)
            when_laid_out(widget, lambda: widget.reveal_found(row))


def _fit(text: str, width: int) -> str:
    """*text*'s " · "-separated parts that fit in *width* cells, whole, and "…" for the
    rest ("1 of 95 · overview 6 · plot 20 …"); all of it before the bar is laid out."""
    if width <= 0 or cell_len(text) <= width:
        return text
    parts = text.split(" · ")
    shown = parts[0]
    for part in parts[1:]:
        if cell_len(f"{shown} · {part} …") > width:
            break
        shown = f"{shown} · {part}"
    return f"{shown} …"


def _findables(panes: FilmPanes) -> Iterator[tuple[str, Findable]]:
    """Every widget of every section that shows text to find, in reading order."""
    for section in SECTIONS:
        for widget in panes.pane(section).query("*"):
            if isinstance(widget, Findable):
                yield section, widget


def _cast_pane(panes: FilmPanes) -> CastPane | None:
    """The cast pane, if it is made: found among the panes, not by a query of the whole
    screen, whose widgets are thousands on a long film, on every key."""
    return next((pane for pane in panes.children if isinstance(pane, CastPane)), None)
