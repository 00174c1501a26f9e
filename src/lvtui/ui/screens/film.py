"""One open film: its seven sections, cast search, cards and find.

The app holds one of these per film opened (the shelf, links to other films); each keeps
its own panes and find, so coming back to a film finds it as it was left. It says where the
reader is (place) and shows a place again (restore); the app keeps the history of places
and shows the cards over the film (it owns the screen stack), asked through FilmHost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from lvtui.film.walk import names
from lvtui.reading.cast import card_rows, cast_rows
from lvtui.reading.sections import SECTION_IDS, SECTIONS
from lvtui.text.clean import shorten
from lvtui.text.history import Place
from lvtui.text.mentions import Mention, Mentions
from lvtui.ui.find.bar import FindBar
from lvtui.ui.find.finder import FilmFind
from lvtui.ui.screens.person_card import PersonCard
from lvtui.ui.sizes import MIN_HEIGHT, MIN_WIDTH
from lvtui.ui.widgets.cast import CastPane
from lvtui.ui.widgets.cast_table import CastTable
from lvtui.ui.widgets.film_panes import FilmPanes, when_laid_out
from lvtui.ui.widgets.footer import KeyFooter
from lvtui.ui.widgets.reading import ReadingPane
from lvtui.ui.widgets.section_list import SectionList
from lvtui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.model import Film
    from lvtui.reading.cast import CastRow
    from lvtui.shelf.across import Elsewhere


class FilmHost(Protocol):
    """What a film's screen asks of the app that holds it. Asked at once, not by a message:
    the keys read in one burst with a move ("34" and alt+left) are handled before a message
    posted by that move would be, and back would miss it."""

    def visit(self, place: Place) -> None:
        """Remember *place*, which the reader is leaving for somewhere new."""

    def show_card(self, id: str) -> None:
        """Show the card of the record *id* over the film, in place of any card open."""


class FilmScreen(Screen[None]):
    """Browse one film: seven sections, a cast search, person cards and a find."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *[
            Binding(str(number), f"show_section('{section}')", title, show=False,
                    tooltip=f"Show the {title.lower()} section", id=f"section-{section}")
            for number, (section, title) in enumerate(SECTIONS.items(), start=1)
        ],
        # Priority: handled as the key arrives, so keys typed right after it (one burst from
        # the terminal) already go to the search box instead of the widget focused before.
        Binding("slash", "search_cast", "Search", tooltip="Search the cast", id="search",
                priority=True),
        Binding("n", "find_step(1)", "Next match", tooltip="Go on to the next match"),
        Binding("N", "find_step(-1)", "Previous match", show=False,
                tooltip="Go back to the match before"),
    ]

    class SectionShown(Message):
        """A section is on screen now (the app remembers it for the next start)."""

        def __init__(self, screen: FilmScreen, section: str) -> None:
            super().__init__()
            self.screen = screen
            self.section = section

        @property
        def control(self) -> FilmScreen:
            return self.screen

    def __init__(self, film: Film, *, path: Path | None = None, section: str | None = None,
                 search: str | None = None,
                 elsewhere: Callable[[str], Sequence[Elsewhere]] = lambda id: (),
                 name: str | None = None) -> None:
        super().__init__(name=name)
        self.film = film
        self.path = path  # the file it was read from; None for the shipped film
        self.start_section = section if section in SECTIONS else "overview"
        self.search = search  # the cast search to run at the start, already cleaned
        if search is not None and film.cast:
            self.start_section = "cast"
        self.elsewhere = elsewhere  # the other films on the shelf that a record is in

    def compose(self) -> ComposeResult:
        yield TitleBar()
        # The list highlights its first section as it is made: not a move (the section
        # shown, maybe another, is highlighted once mounted).
        with self.prevent(OptionList.OptionHighlighted):
            sections = SectionList(id="sections")
        with Horizontal(id="body"):
            yield sections
            yield FilmPanes(self.film, cast=lambda: self.cast, mentions=lambda: self.mentions,
                            initial=self.start_section, id="panes")
        yield FindBar(id="find-bar")
        yield Static(Content("Terminal too small: make it at least "
                             f"{MIN_WIDTH}×{MIN_HEIGHT}."), id="too-small")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_section(self.start_section)
        if self.search is not None and self.film.cast:
            # The list has focus, as after enter in the box: q quits, / edits the search.
            # The pane watches its box (mounted by now): the value searches, as a key does.
            self.cast_pane.search_box.value = self.search
        self.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        """What the first frame need not wait for: the links of the panes made so far."""
        self.panes.link_text()

    @cached_property
    def mentions(self) -> Mentions:
        """Every name of every record, to find in the text (after the first frame)."""
        return Mentions(names(self.film))

    # -- sections ---------------------------------------------------------------------------

    @property
    def panes(self) -> FilmPanes:
        return self.query_one(FilmPanes)

    @property
    def cast_pane(self) -> CastPane:
        return self.query_one(CastPane)

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    @property
    def film_find(self) -> FilmFind:
        """What the find found, and the match shown."""
        return self.find_bar.film_find

    async def compose_panes(self, sections: Iterable[str]) -> bool:
        """Make the panes of *sections* that are not made yet, and wait for them. False when
        the app closed meanwhile (a section asked for, then q at once): there is nothing
        left to show them in, and the caller shows nothing."""
        await self.panes.compose_panes(sections)
        return self.app.is_running and self.is_attached

    @property
    def section(self) -> str:
        return self.panes.current or "overview"

    @cached_property
    def heading(self) -> str:
        """The film in the title bar: a hostile title's 100,000 letters, measured at every
        section change, would be measured for nothing."""
        return f"{shorten(self.film.title, 400)} ({self.film.year})"

    @cached_property
    def card_rows(self) -> Sequence[CastRow]:
        """A row for every person and organisation, for the palette to search."""
        return card_rows(self.film)

    @cached_property
    def cast(self) -> Sequence[CastRow]:
        """The cast as rows, names looked up once: made when the cast pane or the palette
        first needs it, not before the first frame (100,000 members take a second)."""
        return cast_rows(self.film)

    def show_section(self, section: str, *, focus: bool = True, search: bool = False) -> None:
        """The one way a section is shown. With *focus*, its first focusable widget (the
        search box if *search*) takes focus; the section list moves its highlight along.
        Not a visit by itself: what moves the reader says so (visit())."""
        if not self.panes.is_whole(section):  # asked for before the other panes are whole
            # On the app's queue, where the keys wait: the keys typed behind this one
            # ("/shue" in one burst) go to the pane once it is there.
            self.app.call_next(self._show_when_composed, section, focus, search)
            return
        self.panes.current = section
        section_list = self.query_one(SectionList)
        with section_list.prevent(OptionList.OptionHighlighted):  # its echo is not a move
            section_list.highlighted = SECTION_IDS.index(section)
        self.query_one(TitleBar).heading = (self.heading, SECTIONS[section])
        self.post_message(self.SectionShown(self, section))
        if not focus:
            return
        pane = self.panes.pane(section)
        target: Widget
        if isinstance(pane, CastPane):
            # The list, not the search box, unless asked: keys move, they don't type.
            target = pane.search_box if search else pane.table
        elif pane.can_focus:
            target = pane
        else:
            target = next((w for w in pane.query("*") if w.focusable), pane)
        # Synchronously, not with focus(): that would wait behind keys already queued, and
        # a burst like "/shue" or "3j" from the terminal would go to the old widget.
        self.set_focus(target)

    async def _show_when_composed(self, section: str, focus: bool, search: bool) -> None:
        if await self.compose_panes([section]):
            self.show_section(section, focus=focus, search=search)

    def go_to_section(self, section: str, *, focus: bool = True, search: bool = False) -> None:
        """Show *section* as a visit: going back returns to the one shown now."""
        if section != self.section:
            self.visit()
        self.show_section(section, focus=focus, search=search)

    def action_show_section(self, section: str) -> None:
        if section in SECTIONS:
            self.go_to_section(section)

    @on(OptionList.OptionHighlighted, "#sections")
    def _section_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None and event.option.id != self.section:
            self.go_to_section(event.option.id, focus=False)  # browsing the list keeps focus

    @on(OptionList.OptionSelected, "#sections")
    def _section_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.go_to_section(event.option.id)

    # -- cast and cards ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search_cast":
            # Inside any input, "/" is just a key; with no cast there is nothing to search.
            return not isinstance(self.focused, Input) and bool(self.film.cast)
        if action == "find_step":  # n and N: a find to go on with, the bar closed
            return bool(self.film_find.found) and not isinstance(self.focused, Input)
        return True

    def action_find_step(self, step: int) -> None:
        self.find_bar.step(step)

    def action_search_cast(self) -> None:
        self.go_to_section("cast", search=True)

    @on(CastTable.MemberSelected)
    def _member_selected(self, event: CastTable.MemberSelected) -> None:
        # Stale when a card (or anything) already covers the table: fast double clicks
        # on two rows must not stack two cards.
        if self.app.screen is self:
            self.open_card(event.index)

    def open_card(self, index: int) -> None:
        """The card of the cast member at *index* of the list."""
        self.open_record(self.cast[index].person)

    def open_record(self, id: str) -> None:
        """The card of any person or organisation, in place of any card open now: a visit."""
        self.visit()
        self.host.show_card(id)

    def card(self, id: str) -> PersonCard:
        """The card of *id*, for the app to show over this screen."""
        return PersonCard(self.film, id, self.mentions, self.elsewhere(id))

    def show_mention(self, link: Mention) -> None:
        """Go to the section of *link*, to the first place there that names its record:
        the cast member, or the first link to them, which the keyboard is then on. (The
        app, which followed the link, has made it a visit and closed any card.)"""
        assert link.section is not None
        if not self.panes.is_whole(link.section):
            self.app.call_next(self._show_mention_when_composed, link)  # as in show_section
            return
        self.show_section(link.section)
        pane = self.panes.get_child_by_id(link.section)
        if isinstance(pane, CastPane):
            member = next((n for n, row in enumerate(self.cast) if row.person == link.target),
                          None)
            if member is not None:
                pane.reveal_member(member)
        elif isinstance(pane, ReadingPane):
            stop = pane.first_stop_to(link.target)
            if stop is not None:  # once the pane is laid out, where the link is is known
                when_laid_out(pane, lambda: pane.set_current(stop))

    async def _show_mention_when_composed(self, link: Mention) -> None:
        """Compose the section first, and find its links: the keyboard goes to the first."""
        assert link.section is not None
        if await self.compose_panes([link.section]) and await self.panes.linked(link.section):
            self.show_mention(link)

    # -- where the reader is ----------------------------------------------------------------

    @property
    def host(self) -> FilmHost:
        return cast(FilmHost, self.app)

    def visit(self) -> None:
        """The reader is about to go somewhere new in this film: the app remembers where
        they are now."""
        self.host.visit(self.place())

    def place(self) -> Place:
        """Where the reader is now: the section, the card over it, the scroll, the list's
        cursor and the focus."""
        stack = self.app.screen_stack if self in self.app.screen_stack else [self]
        card = next((s.id_shown for s in reversed(stack) if isinstance(s, PersonCard)), None)
        pane = self.panes.visible_content
        scroller = _scroller(pane)
        member = pane.table.current_index if isinstance(pane, CastPane) else None
        return Place(self.name or "", self.section, card, scroller.scroll_y if scroller else 0,
                     member, self.focused.id if self.focused is not None else None)

    async def restore(self, place: Place) -> bool:
        """Show *place* of this film as it was, but for its card (the app shows that): not
        a new visit. False when the app closed meanwhile."""
        if not await self.compose_panes([place.section]):
            return False
        # Ids are lvtui's own (a pane, the list, the search box), never the film's.
        found = self.query(f"#{place.focus}") if place.focus else None
        target = found.first() if found else None
        restore_focus = target is not None and target.focusable
        # Where the focus cannot come back, the section's own first widget takes it.
        self.show_section(place.section, focus=not restore_focus)
        if restore_focus and target is not None:
            self.set_focus(target)
        pane = self.panes.visible_content
        if isinstance(pane, CastPane):
            pane.table.show_member(place.member)
        scroller = _scroller(pane)
        if scroller is not None:
            scroller.call_after_refresh(scroller.scroll_to, y=place.scroll, animate=False)
        return True


def _scroller(pane: Widget | None) -> Widget | None:
    """What scrolls in a section's pane: the cast's list, or the pane itself."""
    return pane.table if isinstance(pane, CastPane) else pane
