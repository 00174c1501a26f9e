"""The App: settings, themes, the palette's commands, the shelf of films, and the films open.

Thin on purpose: each open film is a FilmScreen (lvtui.ui.screens.film) that owns its panes
and its find. Each film is a Textual mode. The app owns the screen stacks, so it shows the
cards and closes them, and it keeps the one history of places, across every film: a film's
screen says where the reader leaves (FilmHost.visit) and shows a place again (restore).
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input

from lvtui.reading.contents import kept_section
from lvtui.shelf.across import Elsewhere, PeopleAcrossFilms
from lvtui.shelf.settings import SettingsSaver, SettingsStore
from lvtui.system.files import real_path
from lvtui.text.clean import clean, shorten
from lvtui.text.history import Place
from lvtui.ui.journey import Journey
from lvtui.ui.keys import escape_then
from lvtui.ui.screens.film import FilmScreen
from lvtui.ui.screens.help import HelpScreen, key_rows
from lvtui.ui.screens.shelf import ShelfScreen
from lvtui.ui.sizes import Sizes
from lvtui.ui.widgets.internals import read_escape_and_a_digit_as_alt, styled_as_the_app_now
from lvtui.ui.widgets.linked import Linked

if TYPE_CHECKING:  # the UI never needs pydantic at import time (loading and the library do)
    from textual.command import Provider

    from lvtui.film.model import Film
    from lvtui.shelf.library import Shelved

DEFAULT_THEME = "textual-dark"
FIRST_FILM = "film-0"  # the mode of the film lvtui was started with


def _provider(name: str) -> Callable[[], type[Provider]]:
    """One of lvtui.ui.palette's providers, imported when the palette first opens, not on
    the way to the first frame."""
    return lambda: getattr(importlib.import_module("lvtui.ui.palette"), name)


class FilmApp(App[None]):
    """Browse films: the one started with, and any other opened from the shelf."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "lvtui"
    DEFAULT_MODE = FIRST_FILM  # the film started with: a mode as any film opened after it
    COMMANDS = App.COMMANDS | {_provider("CardCommands"), _provider("FilmCommands")}

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: a find starts from anywhere, a text box or a card too, as in a browser.
        Binding("ctrl+f", "open_find", "Find", tooltip="Find words anywhere in the film",
                id="find-anywhere", priority=True),
        Binding("o,ctrl+o", "open_shelf", "Films", tooltip="Open another film from the shelf",
                id="shelf"),
        Binding("question_mark,f1", "show_help", "Help", tooltip="Every key that works here",
                id="help"),
        Binding("q", "quit", "Quit", tooltip="Quit lvtui", id="quit"),
        # As in a web browser; backspace reaches here only outside a text box.
        Binding("alt+left,backspace", "back", "Back", show=False,
                tooltip="Go back to where you were"),
        Binding("alt+right", "forward", "Forward", show=False,
                tooltip="Go forward again"),
    ]

    def __init__(self, film: Film, *, path: Path | None = None, section: str | None = None,
                 search: str | None = None, settings: SettingsStore | None = None,
                 library: Path | None = None) -> None:
        super().__init__()
        read_escape_and_a_digit_as_alt()  # Textual's key table, changed once lvtui starts
        self.saver = SettingsSaver(settings if settings is not None else SettingsStore.default())
        self.store, self.settings = self.saver.store, self.saver.settings
        self.library = library  # None: the user's library folder
        self.shelf: list[Shelved] | None = None  # once the folder is read, after the first frame
        self.people = PeopleAcrossFilms()  # the people of every film on the shelf, then
        self.journey = Journey(self)  # back and forward across every film, and the cards
        self._open: dict[Path, FilmScreen] = {}  # each open film's file -> its screen
        self._sizes = Sizes()  # the classes of the terminal's size, and the focus kept
        self._add_film(FIRST_FILM, film, path, section or kept_section(film, self.settings.section),
                       None if search is None else clean(search))  # typed, or pasted

    def _add_film(self, mode: str, film: Film, path: Path | None, section: str | None,
                  search: str | None = None) -> FilmScreen:
        """A film's screen, as a mode of its own (named *mode*): shown by switching to it."""
        key = _key(path)  # resolved once, not at every card

        def elsewhere(id: str) -> list[Elsewhere]:
            return self.people.elsewhere(key, film, id)

        screen = FilmScreen(film, path=path, section=section, search=search,
                            elsewhere=elsewhere, name=mode)
        self.add_mode(mode, lambda: styled_as_the_app_now(screen, self))
        self._open[key] = screen
        return screen

    @property
    def film_screen(self) -> FilmScreen:
        """The film shown now (under any card, help or shelf over it)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, FilmScreen)
        return screen

    @property
    def film(self) -> Film:
        return self.film_screen.film

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        elif self.theme not in self.available_themes:
            self.theme = DEFAULT_THEME
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._show_settings_warnings()
        self._adapt_to(self.size.width, self.size.height)
        # The films open are not read again (the shipped one would be, at every start).
        self.call_after_refresh(self._read_shelf,
                                {key: screen.film for key, screen in self._open.items()})

    def on_unmount(self) -> None:
        # The last section chosen is on disk before exit: Textual cancels the workers not
        # started, so what none of them took is written here (after the one writing now).
        self.saver.write()

    # -- the shelf --------------------------------------------------------------------------

    # A description of its own: Textual's would be the repr of its argument, every film open
    # written out (70 MiB at 100,000 cast).
    @work(thread=True, name="read the shelf", description="read the shelf", exit_on_error=False)
    def _read_shelf(self, open_films: dict[Path, Film]) -> None:
        """Read the library folder after the first frame, in a thread: a big shelf must not
        make a start slower, nor any key wait. The people of its films are indexed as they
        are read, for the cards' "In other films"."""
        from lvtui.shelf.library import read_shelf

        self.call_from_thread(self._shelf_read, *read_shelf(self.library, open_films))

    def _shelf_read(self, shelf: list[Shelved], people: PeopleAcrossFilms) -> None:
        self.shelf, self.people = shelf, people
        if isinstance(self.screen, ShelfScreen):
            self.screen.show_films(shelf)

    def action_open_shelf(self) -> None:
        if isinstance(self.screen, ShelfScreen):
            return
        if carded := len(self.screen_stack) > 1:  # o on a card: closing it is a visit
            self.visit()
        self.journey.close_sheets()

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.open_film(path, visit=not carded)

        self.push_screen(ShelfScreen(self.shelf, _key(self.film_screen.path)), chosen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_shelf":  # o is a letter in a text box, and the shelf's own key
            return not isinstance(self.focused, Input) and not isinstance(self.screen,
                                                                           ShelfScreen)
        if action == "show_help":
            return not isinstance(self.screen, HelpScreen)  # there, ? closes it
        return True

    @work(exclusive=True, group="open film", exit_on_error=False)
    async def open_film(self, path: Path, card: str | None = None, visit: bool = True
                        ) -> None:
        """Show the film in *path* (opening it, or coming back to it): a visit, which
        alt+left comes back from (unless the caller made it one: not *visit*); with *card*,
        that person's card over it."""
        from lvtui.film.loading import FilmError, load_film

        screen = self._open.get(_key(path))
        if screen is None:
            try:  # in a thread: a big film takes a while to read and check
                film = await asyncio.to_thread(load_film, path)
            except FilmError as error:
                problem = error.problems[0] if error.problems else "not a film"
                self.notify(f"Cannot open {shorten(clean(str(path)), 60)}: {problem}",
                            severity="error", markup=False, timeout=8)
                return
            screen = self._add_film(f"film-{len(self._open)}", film, path,
                                    kept_section(film, self.film_screen.section))
        mode = screen.name or FIRST_FILM
        if mode != self.current_mode:
            if visit:
                self.visit()
            await self.switch_mode(mode)
            self.film_shown()
        if card is not None:
            self.show_card(card)

    def film_shown(self) -> None:
        """A film is shown now, another or this one at another place."""
        self.settings.section = self.film_screen.section
        self._save()

    # -- cards, back and forward (the journey's) ---------------------------------------------

    def visit(self, place: Place | None = None) -> None:
        self.journey.visit(place)

    def show_card(self, id: str) -> None:
        self.journey.show_card(id)

    async def action_back(self) -> None:
        await self.journey.back()

    async def action_forward(self) -> None:
        await self.journey.forward()

    @on(Linked.Followed)
    def _link_followed(self, event: Linked.Followed) -> None:
        event.stop()
        self.journey.follow(event.link)

    # -- find, help, palette, theme ---------------------------------------------------------

    def action_show_section(self, section: str) -> None:
        """A section's key on a card: the card closes, the section shows (a visit: alt+left
        comes back to the card)."""
        self.visit()
        self.journey.close_sheets()
        self.film_screen.show_section(section)

    async def action_open_find(self) -> None:
        self.journey.close_sheets()
        await self.film_screen.find_bar.open()

    def action_show_help(self) -> None:
        self.push_screen(HelpScreen(key_rows(self.screen)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from lvtui.ui.palette import system_commands

        yield from system_commands(super().get_system_commands(screen), self.film_screen)

    @on(FilmScreen.SectionShown)
    def _section_shown(self, event: FilmScreen.SectionShown) -> None:
        if self.settings.section != event.section:
            self.settings.section = event.section
            self._save()

    def _theme_changed(self, theme: Theme) -> None:
        if self.settings.theme != theme.name:
            self.settings.theme = theme.name
            self._save()

    def _save(self) -> None:
        """Save the settings off the UI thread: an fsync on a slow home directory must never
        hold up a key."""
        self.saver.hand_over()
        self._save_in_thread(asyncio.get_running_loop())

    @work(thread=True, group="settings", exit_on_error=False)
    def _save_in_thread(self, loop: asyncio.AbstractEventLoop) -> None:
        if not self.saver.write():
            loop.call_soon_threadsafe(self._show_settings_warnings)

    def _show_settings_warnings(self) -> None:
        # Long enough to read a file name; markup=False: an OS message can hold brackets.
        for warning in self.saver.take_warnings():
            self.notify(warning, severity="warning", markup=False, timeout=10)

    # -- keys and size ----------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        # Each key of a pair read together is handled as if read alone, in order.
        if isinstance(event, events.Key) and (typed := escape_then(event)):
            for key in typed:
                self.post_message(key)
            return
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        # The event's size: self.size is only updated after the resize settles.
        self._adapt_to(event.size.width, event.size.height)

    def _adapt_to(self, width: int, height: int) -> None:
        film = self.screen_stack[0] if self.screen_stack else None
        self._sizes.adapt(self, width, height, film if isinstance(film, FilmScreen) else None)



def _key(path: Path | None) -> Path:
    """One key for each film file, however its path was written."""
    from lvtui.film.loading import shipped_film_path

    return real_path(path or shipped_film_path())
