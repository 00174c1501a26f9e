"""The App: composition, bindings, commands and settings. Thin: panes live in widgets/."""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import Reactive
from textual.screen import Screen
from textual.theme import Theme
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher, Input, OptionList, Static
from textual.worker import Worker, WorkerFailed

from lvtui.find import FilmFind
from lvtui.finding import FindIndex
from lvtui.history import History, Place
from lvtui.mentions import Mention, Mentions
from lvtui.people import card_rows, cast_rows, filing_name
from lvtui.screens.help import HelpScreen, key_rows
from lvtui.screens.person_card import PersonCard
from lvtui.search import Narrowing
from lvtui.sections import SECTION_IDS, SECTIONS
from lvtui.settings import Settings, SettingsStore
from lvtui.text import clean, shorten
from lvtui.widgets.cast import CastPane, CastTable
from lvtui.widgets.find_bar import FindBar, FindBox
from lvtui.widgets.footer import KeyFooter
from lvtui.widgets.linked import Linked, link_all_in_background
from lvtui.widgets.overview import OverviewPane
from lvtui.widgets.reading import ReadingPane
from lvtui.widgets.reception import ReceptionPane
from lvtui.widgets.section_list import SectionList
from lvtui.widgets.text_panes import NothingPane, PlotPane, ProductionPane, SoundtrackPane
from lvtui.widgets.timeline import TimelinePane
from lvtui.widgets.title_bar import TitleBar

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from textual.command import Provider

    from lvtui.model import Film
    from lvtui.people import CastRow

MIN_WIDTH, MIN_HEIGHT = 30, 8
NARROW_WIDTH = 70
DEFAULT_THEME = "textual-dark"


# How each section's pane is built, from the app (its film and cast rows) and the section's id.
PANES: dict[str, Callable[[FilmApp, str], Widget]] = {
    "overview": lambda app, id: OverviewPane(app.film, id=id),
    "plot": lambda app, id: PlotPane(app.film, id=id),
    "cast": lambda app, id: (CastPane(app.cast, id=id,
                                      filing=lambda row: filing_name(app.film, row.person))
                             if app.film.cast
                             else NothingPane("cast", id=id)),
    "production": lambda app, id: ProductionPane(app.film, id=id),
    "timeline": lambda app, id: TimelinePane(app.film, id=id),
    "reception": lambda app, id: ReceptionPane(app.film, id=id),
    "soundtrack": lambda app, id: SoundtrackPane(app.film, id=id),
}


def card_commands() -> type[Provider]:
    # Imported when the palette first opens: textual.command is a tenth of a start-up.
    from lvtui.commands import CardCommands

    return CardCommands


class FilmApp(App[None]):
    """Browse one film: seven sections, a cast search and person cards."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "lvtui"
    # The section shown, in the title bar. Textual's own sub-title repaints the whole screen
    # when it changes (every section switch, on top of drawing the new section): the title
    # bar repaints its one line itself.
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)
    COMMANDS = App.COMMANDS | {card_commands}
    film: Film

    BINDINGS: ClassVar[list[BindingType]] = [
        *[
            Binding(str(number), f"show_section('{section}')", title, show=False,
                    tooltip=f"Show the {title.lower()} section", id=f"section-{section}")
            for number, (section, title) in enumerate(SECTIONS.items(), start=1)
        ],
        # Priority: handled as the key arrives, so keys typed right after it (one burst from
        # the terminal) already go to the search box instead of the widget focused before.
        Binding("slash", "find_cast", "Search", tooltip="Search the cast", id="find",
                priority=True),
        # Priority: a find starts from anywhere, a text box or a card too, as in a browser.
        Binding("ctrl+f", "open_find", "Find", tooltip="Find words anywhere in the film",
                id="find-anywhere", priority=True),
        Binding("n", "find_step(1)", "Next match", tooltip="Go on to the next match"),
        Binding("N", "find_step(-1)", "Previous match", show=False,
                tooltip="Go back to the match before"),
        Binding("question_mark,f1", "show_help", "Help", tooltip="Every key that works here",
                id="help"),
        Binding("q", "quit", "Quit", tooltip="Quit lvtui", id="quit"),
        # As in a web browser; backspace reaches here only outside a text box.
        Binding("alt+left,backspace", "back", "Back", show=False,
                tooltip="Go back to where you were"),
        Binding("alt+right", "forward", "Forward", show=False,
                tooltip="Go forward again"),
    ]

    def __init__(self, film: Film, *, section: str | None = None, find: str | None = None,
                 settings: SettingsStore | None = None) -> None:
        super().__init__()
        self.film = film
        self.store = settings if settings is not None else SettingsStore.default()
        self.settings = self.store.load()
        self.start_section = section or self.settings.section or "overview"
        if self.start_section not in SECTIONS:
            self.start_section = "overview"
        self.find = None if find is None else clean(find)  # typed, or maybe pasted
        if find is not None:
            self.start_section = "cast"
        # Each section's pane once it is being mounted (None: the one composed with the
        # screen); the sections whose pane is whole (a pane being mounted is in the DOM
        # before its children are); and the thread finding each pane's links.
        self._mounts: dict[str, AwaitMount | None] = {self.start_section: None}
        self._whole_sections = {self.start_section}
        self._text_prepared = False  # the links are being found, from the first frame on
        self._focused_before_small: Widget | None = None  # while the terminal is too small
        self._linking: dict[str, Worker[None]] = {}
        self.history = History()
        self.film_find = FilmFind()  # ctrl+f
        # Settings (see _save): the ones no write has taken yet, handed over under a lock a
        # key holds only for that; and a lock held while the file is written.
        self._unsaved: Settings | None = None
        self._handing_over = threading.Lock()
        self._writing = threading.Lock()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="body"):
            yield SectionList(id="sections")
            with ContentSwitcher(id="panes", initial=self.start_section):
                # Only the pane on screen: the others are composed after the first frame.
                yield self._make_pane(self.start_section)
        yield FindBar(id="find-bar")
        yield Static(Content("Terminal too small: make it at least "
                             f"{MIN_WIDTH}×{MIN_HEIGHT}."), id="too-small")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        elif self.theme not in self.available_themes:
            self.theme = DEFAULT_THEME
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.watch(self.find_bar.box, "value", self._find, init=False)
        self._show_settings_warnings()
        self._adapt_to(self.size.width, self.size.height)
        self.show_section(self.start_section)
        if self.find is not None and self.film.cast:
            # The list has focus, as after enter in the box: q quits, / edits the search.
            # The pane watches its box (mounted by now): the value searches, as a key does.
            self.cast_pane.search_box.value = self.find
        self.call_after_refresh(self._after_first_frame)

    def on_unmount(self) -> None:
        # The last section chosen is on disk before exit: Textual cancels the workers that
        # have not started, so what none of them took is written here (after the one
        # writing now, if any).
        self._write_unsaved(lambda: None)

    def _make_pane(self, section: str) -> Widget:
        return PANES[section](self, section)

    async def _after_first_frame(self) -> None:
        """What the first frame need not wait for: the links of the panes made so far."""
        if self._text_prepared:
            return
        self._text_prepared = True
        switcher = self.query_one(ContentSwitcher)
        self._link([pane for pane in switcher.children if pane.id in self._whole_sections])

    def _link(self, panes: Sequence[Widget]) -> None:
        """Find the names in *panes* in a thread: a text that names someone 100,000 times
        takes a while, and a key must never wait behind it. What is on screen goes first."""
        blocks = sorted((block for pane in panes for block in pane.query(Linked)),
                        key=lambda block: not block.is_on_screen)
        worker = link_all_in_background(self, blocks, lambda: self.mentions)
        self._linking.update((pane.id, worker) for pane in panes if pane.id is not None)
        self._freeze_when_made()

    @work(name="set aside what was made", exit_on_error=False)
    async def _freeze_when_made(self) -> None:
        """Once the links, the find index and the cast's folded names are made, set them
        aside from the garbage collector's full passes, as the film itself is (cli.browse):
        they live as long as the film, and at 100,000 cast a full pass over them took tens
        of milliseconds out of whichever key it fell on."""
        try:
            await self.workers.wait_for_complete(
                [worker for worker in self.workers if worker.name != "set aside what was made"])
        except WorkerFailed:  # cancelled as the app closes: nothing to set aside
            return
        gc.freeze()

    @cached_property
    def mentions(self) -> Mentions:
        """Every name of every record, to find in the text (after the first frame)."""
        return Mentions.of(self.film)

    async def compose_panes(self, sections: Iterable[str]) -> None:
        """Compose the panes of *sections* not composed yet, each once, and wait until they
        are whole. Start-up composes the pane on screen; any other is composed the first
        time something shows it, and find composes them all, as it reads every text.
        (Composing all seven after the first frame cost every start 0.24 s of the UI loop,
        right where the first key waits, and the memory of panes never looked at.)
        Whatever asks for a pane meanwhile waits here, so no key ever finds one missing."""
        wanted = [section for section in SECTIONS if section in sections]
        new = [section for section in wanted if section not in self._mounts]
        if new:
            panes = [self._make_pane(section) for section in new]
            for pane in panes:
                pane.display = False
            mount = self.query_one(ContentSwitcher).mount_all(panes)
            self._mounts.update(dict.fromkeys(new, mount))
            await mount
            self._whole_sections.update(new)
            if self._text_prepared:  # else the first frame's links will include them
                self._link(panes)
        for section in wanted:
            if (mounting := self._mounts[section]) is not None:
                await mounting
        self._whole_sections.update(wanted)

    # -- sections ---------------------------------------------------------------------------

    @property
    def section(self) -> str:
        return self.query_one(ContentSwitcher).current or "overview"

    @cached_property
    def _title_shown(self) -> str:
        """The film's title as the title bar shows it: no screen has room for more than
        this, and a longer one (a hostile file's 100,000 letters) would be measured for
        nothing at every section change."""
        return shorten(self.film.title, 400)

    @cached_property
    def card_rows(self) -> Sequence[CastRow]:
        """A row for every person and organisation, for the palette to search."""
        return card_rows(self.film)

    @cached_property
    def cast(self) -> Sequence[CastRow]:
        """The cast as rows, names looked up once: made when the cast pane or the palette
        first needs it, not before the first frame (100,000 members take a second)."""
        return cast_rows(self.film)

    @property
    def cast_pane(self) -> CastPane:
        return self.query_one(CastPane)

    def show_section(self, section: str, *, focus: bool = True, search: bool = False,
                     visit: bool = True) -> None:
        """The one way a section is shown. With *focus*, its first focusable widget (the
        search box if *search*) takes focus; the section list moves its highlight along.
        A *visit* is remembered for going back; going back itself is not one."""
        if section not in self._whole_sections:  # asked for before the other panes are whole
            self.call_next(self._show_when_composed, section, focus, search)
            return
        switcher = self.query_one(ContentSwitcher)
        if visit and switcher.current is not None and switcher.current != section:
            self.history.left(self.place())
        switcher.current = section
        self.query_one(SectionList).highlighted = SECTION_IDS.index(section)
        self.sub_title = f"{self._title_shown} ({self.film.year}) · {SECTIONS[section]}"
        if self.settings.section != section:
            self.settings.section = section
            self._save()
        if not focus:
            return
        pane = switcher.get_child_by_id(section)
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
        self.screen.set_focus(target)

    async def _show_when_composed(self, section: str, focus: bool, search: bool) -> None:
        await self.compose_panes([section])
        self.show_section(section, focus=focus, search=search)

    def action_show_section(self, section: str) -> None:
        if section in SECTIONS:
            self.show_section(section)

    @on(OptionList.OptionHighlighted, "#sections")
    def _section_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.query_one(SectionList).highlighted:
            return  # stale: the highlight moved on since (the list's own first highlight)
        if event.option.id is not None and event.option.id != self.section:
            self.show_section(event.option.id, focus=False)  # browsing the list keeps focus

    @on(OptionList.OptionSelected, "#sections")
    def _section_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.show_section(event.option.id)

    # -- cast and cards ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_cast":
            # Over a card, the help or the palette, and inside any input, "/" is just a key;
            # with no cast there is nothing to search.
            return (len(self.screen_stack) == 1 and not isinstance(self.focused, Input)
                    and bool(self.film.cast))
        if action == "find_step":  # n and N: a find to go on with, the bar closed
            return (bool(self.film_find.found) and len(self.screen_stack) == 1
                    and not isinstance(self.focused, Input))
        if action == "show_help":
            return not isinstance(self.screen, HelpScreen)  # there, ? closes it
        return True

    def action_find_cast(self) -> None:
        self.show_section("cast", search=True)

    @on(CastTable.MemberSelected)
    def _member_selected(self, event: CastTable.MemberSelected) -> None:
        # Stale when a card (or anything) already covers the table: fast double clicks
        # on two rows must not stack two cards.
        if self.screen is self.screen_stack[0]:
            self.open_card(event.index)

    def open_card(self, index: int) -> None:
        """The card of the cast member at *index* of the list."""
        self.open_record(self.cast[index].person)

    def open_record(self, id: str) -> None:
        """The card of any person or organisation, in place of any card open now."""
        self.history.left(self.place())
        self._close_sheets()
        self.push_screen(PersonCard(self.film, id, self.mentions))

    def _close_sheets(self) -> None:
        while len(self.screen_stack) > 1:  # a card or the help
            self.pop_screen()

    @on(Linked.Followed)
    def _link_followed(self, event: Linked.Followed) -> None:
        event.stop()
        if event.link.section is None:
            self.open_record(event.link.target)
        else:
            self.show_mention(event.link)

    def show_mention(self, link: Mention) -> None:
        """Go to the section of *link*, to the first place there that names its record:
        the cast member, or the first link to them, which the keyboard is then on."""
        assert link.section is not None
        if link.section not in self._whole_sections:
            self.call_next(self._show_mention_when_composed, link)
            return
        self.history.left(self.place())
        self._close_sheets()
        self.show_section(link.section, visit=False)
        pane = self.query_one(ContentSwitcher).get_child_by_id(link.section)
        if isinstance(pane, CastPane):
            member = next((n for n, row in enumerate(self.cast) if row.person == link.target),
                          None)
            if member is not None:
                pane.reveal_member(member)
        elif isinstance(pane, ReadingPane):
            stop = next((stop for stop in pane.link_stops()
                         if stop[0].links[stop[1]][1].target == link.target), None)
            if stop is not None:  # once the pane is laid out, where the link is is known
                _when_laid_out(pane, lambda: pane.set_current(stop))

    async def _show_mention_when_composed(self, link: Mention) -> None:
        """Compose the section first, and find its links: the keyboard goes to the first."""
        assert link.section is not None
        await self.compose_panes([link.section])
        linking = self._linking.get(link.section)
        if linking is not None:
            try:
                await linking.wait()
            except WorkerFailed:  # cancelled as the app closes
                return
        self.show_mention(link)

    # -- find (ctrl+f) ------------------------------------------------------------------------

    def find_index(self) -> FindIndex:
        """Every text of every section and the cast: made once the panes are whole."""
        if self.film_find.index is None:
            switcher = self.query_one(ContentSwitcher)
            panes = [(section, found.first()) for section in SECTIONS
                     if (found := switcher.query_children(f"#{section}"))]
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

    async def action_open_find(self) -> None:
        self._close_sheets()
        bar = self.find_bar
        bar.add_class("-open")
        # Synchronously: the rest of a burst ("^fklady⏎") must find the box focused.
        self.screen.set_focus(bar.box)
        bar.box.select_all()
        await self.compose_panes(SECTIONS)
        if self.film_find.index is None:
            # In a thread, as the links: a key typed meanwhile waits only if it needs them.
            self.run_worker(self.find_index().prepare, thread=True, name="fold the film's text")
        self._find(bar.box.value)

    def _find(self, text: str) -> None:
        """Find *text* as it is typed: count the matches and mark them all."""
        if self.film_find.index is None:
            return  # the index comes with the panes; opening the bar waits for it
        if self.film_find.search(text):
            self.refresh_bindings()  # n and N come or go; not on every key
        self._mark_found()

    def _mark_found(self, query: str | None = None) -> None:
        """Mark every match of the find (with *query* "", none) and say what was found."""
        self.film_find.mark(query)
        for pane in self.query(CastPane):
            pane.mark_found(self.film_find.query if query is None else query)
        self.find_bar.say(self.film_find.words())

    @on(FindBox.Step)
    def _find_box_step(self, event: FindBox.Step) -> None:
        self.action_find_step(event.step)

    @on(FindBox.Close)
    def _close_find(self) -> None:
        """Close the bar and clear the marks; n and N still go on from the match shown."""
        self.find_bar.remove_class("-open")
        self._mark_found("")
        self.show_section(self.section, visit=False)  # the focus goes back to the section

    def action_find_step(self, step: int) -> None:
        """Show the next match (the one before, with step -1): its section, scrolled to it,
        marked. Each is a visit: alt+left comes back."""
        if not self.film_find.found:
            self.bell()
            return
        hit = self.film_find.step(step, self.section)
        self.history.left(self.place())
        bar_open = self.find_bar.has_class("-open")
        self.show_section(hit.section, focus=not bar_open, visit=False)
        self._mark_found()
        if hit.member is not None:
            self.cast_pane.reveal_member(hit.member)
        elif (shown := self.film_find.shown_at(hit)) is not None:
            widget, row = shown
            # Once the section is laid out, where the match is drawn is known.
            assert isinstance(widget, Widget)
            _when_laid_out(widget, lambda: widget.reveal_found(row))

    # -- back and forward -------------------------------------------------------------------

    def place(self) -> Place:
        """Where the reader is now: the section, the card over it, the scroll, the list's
        cursor and the focus."""
        base = self.screen_stack[0]
        card = next((s.id_shown for s in reversed(self.screen_stack)
                     if isinstance(s, PersonCard)), None)
        pane = self.query_one(ContentSwitcher).visible_content
        scroller = _scroller(pane)
        member = pane.table.current_index if isinstance(pane, CastPane) else None
        return Place(self.section, card, scroller.scroll_y if scroller else 0, member,
                     base.focused.id if base.focused is not None else None)

    async def action_back(self) -> None:
        place = self.history.back(self.place())
        if place is None:
            self.bell()  # nowhere further back
            return
        await self._go_to(place)

    async def action_forward(self) -> None:
        place = self.history.forward(self.place())
        if place is None:
            self.bell()
            return
        await self._go_to(place)

    async def _go_to(self, place: Place) -> None:
        """Show *place* as it was, without recording the move as a new visit."""
        self._close_sheets()  # a card or the help closes first
        await self.compose_panes([place.section])
        # Ids are lvtui's own (a pane, the list, the search box), never the film's.
        found = self.screen.query(f"#{place.focus}") if place.focus else None
        target = found.first() if found else None
        restore_focus = target is not None and target.focusable
        # Where the focus cannot come back, the section's own first widget takes it.
        self.show_section(place.section, focus=not restore_focus, visit=False)
        if restore_focus and target is not None:
            self.screen.set_focus(target)
        pane = self.query_one(ContentSwitcher).visible_content
        if isinstance(pane, CastPane):
            pane.table.show_member(place.member)
        scroller = _scroller(pane)
        if scroller is not None:
            scroller.call_after_refresh(scroller.scroll_to, y=place.scroll, animate=False)
        if place.card is not None:
            self.push_screen(PersonCard(self.film, place.card, self.mentions))

    # -- help, palette, theme ---------------------------------------------------------------

    def action_show_help(self) -> None:
        self.push_screen(HelpScreen(key_rows(self.screen)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        # Numbered as the section list is: the palette lists its commands alphabetically,
        # so the numbers also keep them in the sections' order.
        for number, (section, title) in enumerate(SECTIONS.items(), start=1):
            yield SystemCommand(f"Go to {number} · {title}", f"Show section {number}",
                                lambda section=section: self.show_section(section))

    def _theme_changed(self, theme: Theme) -> None:
        if self.settings.theme != theme.name:
            self.settings.theme = theme.name
            self._save()

    def _save(self) -> None:
        """Save the settings off the UI thread: an fsync on a slow home directory must never
        hold up a key. Each write takes the latest settings, one write at a time, so the
        file ends as the last change whichever thread runs last."""
        with self._handing_over:  # never held during a write: a key waits for no disk
            self._unsaved = Settings(self.settings.theme, self.settings.section)
        self._save_in_thread(asyncio.get_running_loop())

    @work(thread=True, group="settings", exit_on_error=False)
    def _save_in_thread(self, loop: asyncio.AbstractEventLoop) -> None:
        self._write_unsaved(lambda: loop.call_soon_threadsafe(self._show_settings_warnings))

    def _write_unsaved(self, on_failure: Callable[[], object]) -> None:
        with self._writing:  # one write at a time; the later takes the latest settings
            with self._handing_over:
                settings, self._unsaved = self._unsaved, None
            if settings is not None and not self.store.save(settings):
                on_failure()

    def _show_settings_warnings(self) -> None:
        # Long enough to read a file name; markup=False: an OS message can hold brackets.
        for warning in self.store.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=10)
        self.store.warnings.clear()

    # -- size -------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # The event's size: self.size is only updated after the resize settles.
        self._adapt_to(event.size.width, event.size.height)

    def format_title(self, title: str, sub_title: str) -> Content:
        if self.has_class("-narrow"):  # no room for both: the section name matters most
            return Content(sub_title.rpartition(" · ")[2] or title)
        # Textual dims the sub-title, which falls below 3:1 in several themes.
        return Content.assemble((title, "bold"), " — ", sub_title) if sub_title else Content(title)

    def _adapt_to(self, width: int, height: int) -> None:
        # On the app, not with Textual's breakpoints: those are set on the active screen
        # only, so the browser under a card would keep the classes of its old size.
        narrow = width < NARROW_WIDTH
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.mutate_reactive(FilmApp.sub_title)  # the header words its title for the width
        self.set_class(height < 16, "-short")
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if small == self.has_class("-too-small"):
            return
        browser = self.screen_stack[0]
        if small:  # everything is hidden, and Textual drops the focus: keep where it was
            self._focused_before_small = browser.focused
        self.set_class(small, "-too-small")
        if not small:  # back: the keys go where they went before (j, G, y...), not nowhere
            before = self._focused_before_small
            if before is not None and before.is_attached and before.focusable:
                browser.set_focus(before)
            elif browser.focused is None:
                self.show_section(self.section, visit=False)


def _when_laid_out(widget: Widget, callback: Callable[[], None]) -> None:
    """Run *callback* once the section just shown is laid out. A pane that was hidden takes
    two refreshes to settle (its size, then its blocks' places): *callback* runs after each,
    the second correcting what the first saw of places still stale."""
    def first() -> None:
        callback()
        widget.call_after_refresh(callback)

    widget.call_after_refresh(first)


def _scroller(pane: Widget | None) -> Widget | None:
    """What scrolls in a section's pane: the cast's list, or the pane itself."""
    return pane.table if isinstance(pane, CastPane) else pane
