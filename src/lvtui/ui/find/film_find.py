"""The find (ctrl+f) of a film's screen: the bar, what was found, and the moves to each match.

The film's screen (lvtui.ui.screens.film) is a FindingScreen: it gives the find its panes,
its sections and its history through the methods declared here; FilmFind (lvtui.ui.find.marks)
holds what was found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import on
from textual.screen import Screen
from textual.widget import Widget

from lvtui.reading.finding import FindIndex
from lvtui.reading.sections import SECTIONS
from lvtui.text.folding import Narrowing
from lvtui.ui.find.bar import FindBar, FindBox
from lvtui.ui.find.marks import FilmFind
from lvtui.ui.widgets.cast import CastPane
from lvtui.ui.widgets.film_panes import FilmPanes


class FindingScreen(Screen[None]):
    """A screen with a film's find; its subclass shows the sections and keeps the history."""

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name=name)
        self.film_find = FilmFind()

    # What the film's screen gives the find.

    @property
    def panes(self) -> FilmPanes:
        return self.query_one(FilmPanes)

    @property
    def section(self) -> str:
        raise NotImplementedError

    @property
    def cast_pane(self) -> CastPane:
        return self.query_one(CastPane)

    async def compose_panes(self, sections: Iterable[str]) -> bool:
        """Make the panes of *sections* that are not made yet, and wait for them. False when
        the app closed meanwhile (a section asked for, then q at once): there is nothing
        left to show them in, and the caller shows nothing."""
        await self.panes.compose_panes(sections)
        return self.app.is_running and self.is_attached

    def show_section(self, section: str, *, focus: bool = True, search: bool = False) -> None:
        raise NotImplementedError

    def visit(self) -> None:
        raise NotImplementedError

    # -- find (ctrl+f) ------------------------------------------------------------------------

    def find_index(self) -> FindIndex:
        """Every text of every section and the cast: made once the panes are whole."""
        if self.film_find.index is None:
            panes = [(section, self.panes.pane(section)) for section in SECTIONS]
            cast_panes = self.query(CastPane)
            # The cast pane's own search has folded the names already: they are shared.
            cast = (Narrowing(cast_panes.first().folded_names) if cast_panes
                    else Narrowing(list))
            self.film_find.build(panes, cast)
        assert self.film_find.index is not None
        return self.film_find.index

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    async def open_find(self) -> None:
        """Open the find bar, the focus in it (ctrl+f, from anywhere, as in a browser: the
        app has closed any card first)."""
        bar = self.find_bar
        bar.add_class("-open")
        # Synchronously: the rest of a burst ("^fklady⏎") must find the box focused.
        self.set_focus(bar.box)
        bar.box.select_all()
        if not await self.compose_panes(SECTIONS):
            return
        if self.film_find.index is None:
            # In a thread, as the links: a key typed meanwhile waits only if it needs them.
            self.run_worker(self.find_index().prepare, thread=True, name="fold the film's text")
        self.find_as_typed(bar.box.value)

    def find_as_typed(self, text: str) -> None:
        """Find *text* as it is typed: count the matches and mark them all."""
        if self.film_find.index is None:
            return  # the index comes with the panes; opening the bar waits for it
        if self.film_find.search(text):
            self.refresh_bindings()  # n and N come or go; not on every key
        self._mark_found()

    def _mark_found(self, query: str | None = None) -> None:
        """Mark every match of the find (with *query* "", none) and say what was found."""
        self.film_find.mark(query)
        # The cast pane, if it is made: not a query of the whole screen, whose widgets are
        # thousands on a long film, on every key.
        cast = next((pane for pane in self.panes.children if isinstance(pane, CastPane)), None)
        if cast is not None:
            cast.mark_found(self.film_find.query if query is None else query)
        self.find_bar.say(self.film_find.words())

    @on(FindBox.Step)
    def _find_box_step(self, event: FindBox.Step) -> None:
        self.action_find_step(event.step)

    @on(FindBox.Close)
    def _close_find(self) -> None:
        """Close the bar and clear the marks; n and N still go on from the match shown."""
        self.find_bar.remove_class("-open")
        self._mark_found("")
        self.show_section(self.section)  # the focus goes back to the section

    def action_find_step(self, step: int) -> None:
        """Show the next match (the one before, with step -1): its section, scrolled to it,
        marked. Each is a visit: alt+left comes back."""
        if not self.film_find.found:
            self.app.bell()
            return
        hit = self.film_find.step(step, self.section)
        self.visit()
        bar_open = self.find_bar.has_class("-open")
        self.show_section(hit.section, focus=not bar_open)
        self._mark_found()
        if hit.member is not None:
            self.cast_pane.reveal_member(hit.member)
        elif (shown := self.film_find.shown_at(hit)) is not None:
            widget, row = shown
            # Once the section is laid out, where the match is drawn is known.
            assert isinstance(widget, Widget)
            when_laid_out(widget, lambda: widget.reveal_found(row))


def when_laid_out(widget: Widget, callback: Callable[[], None]) -> None:
    """Run *callback* once the section just shown is laid out. A pane that was hidden takes
    two refreshes to settle (its size, then its blocks' places): *callback* runs after each,
    the second correcting what the first saw of places still stale."""
    def first() -> None:
        callback()
        widget.call_after_refresh(callback)

    widget.call_after_refresh(first)
